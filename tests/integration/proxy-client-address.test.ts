/**
 * Behind the reverse proxy or tunnel an office puts in front of the hub for
 * its public address (docs/operations.md), every request comes from the
 * proxy. With `--trust-proxy` the hub's per-address guards count the client
 * the local proxy names in X-Forwarded-For (HubContext.clientAddress): one
 * citizen or officer over their limit does not lock out everyone else behind
 * the same proxy; without it, the header is not believed. Real in-process
 * hub, real HTTP.
 */
import { afterEach, describe, expect, it } from "vitest";
import { LOGIN_LIMITS } from "../../apps/hub/src/login-throttle";
import { startHub, type TestHubHandle } from "../../apps/hub/src/testing/harness";

let hub: TestHubHandle | null = null;
afterEach(async () => {
  await hub?.close();
  hub = null;
});

/** A login from `client` as the proxy on the hub's PC forwards it. */
async function loginVia(client: string, username: string, secret: string): Promise<string> {
  const res = await fetch(`${hub!.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": client },
    body: JSON.stringify({ username, secret }),
  });
  const body = (await res.json()) as { ok: boolean; error?: { code: string } };
  return body.ok ? "ok" : (body.error?.code ?? String(res.status));
}

describe("the login throttle behind a local proxy", () => {
  it("with --trust-proxy locks out the guessing client only", async () => {
    hub = await startHub({ trustProxy: true });
    const { username, secret } = hub.users.officer;
    // One address guesses every account until its per-address ceiling.
    for (let i = 0; i < LOGIN_LIMITS.perSource; i++) await loginVia("198.51.100.7", `tidak-ada-${i}`, "0000");
    expect(await loginVia("198.51.100.7", username, secret)).toBe("LOGIN_LOCKED");
    // Another officer behind the same proxy still signs in.
    expect(await loginVia("203.0.113.9", username, secret)).toBe("ok");
  });

  it("without --trust-proxy counts the proxy's own address, whatever the header says", async () => {
    hub = await startHub();
    const { username, secret } = hub.users.officer;
    for (let i = 0; i < LOGIN_LIMITS.perSource; i++) await loginVia(`198.51.100.${i}`, `tidak-ada-${i}`, "0000");
    // Each guess named another client, but the header is not believed: the peer is locked.
    expect(await loginVia("203.0.113.9", username, secret)).toBe("LOGIN_LOCKED");
  });
});
