import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { SESSION_CHECK_MS } from "./revocation";
import { connect, login, must, rid, send, startHub, type TestHubHandle } from "./testing/harness";

const ROOT = join(import.meta.dirname, "../../..");
const run = promisify(execFile);

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

/** A hub on a database file, so the real CLI can open it from another process. */
async function hubOnFile(options: Parameters<typeof startHub>[0] = {}): Promise<{ h: TestHubHandle; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "layan-revoke-"));
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const h = await startHub({ ...options, dbPath: join(dataDir, "layan.db") });
  cleanup.push(() => h.close());
  return { h, dataDir };
}

/** `pnpm hub device revoke`, as the office's IT person runs it while the hub runs. */
const revokeWithCli = (dataDir: string, id: string) =>
  run(process.execPath, ["--import", "tsx", "apps/hub/src/cli.ts", "device", "revoke", "--id", id, "--data", dataDir], { cwd: ROOT });

function disconnected(socket: Socket<object, object>, withinMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${withinMs} ms`)), withinMs);
    (socket as unknown as Socket).once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

describe("revoked, logged-out and expired tokens end their live sockets", () => {
  it("a connected kiosk revoked from the CLI issues no more tickets", async () => {
    // The periodic check is pushed out of the way: the refusal below is the per-command check.
    const { h, dataDir } = await hubOnFile({ sessionCheckMs: 3_600_000 });
    const kiosk = await connect(h.url, "/kiosk", h.tokens.kiosk);
    cleanup.push(() => kiosk.close());
    await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    await revokeWithCli(dataDir, "kiosk-lobi");
    const ended = disconnected(kiosk, 5_000);
    const refused = await send(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    expect(refused.ok || refused.error.code).toBe("UNAUTHORIZED");
    expect(await ended).toBe("io server disconnect");
    expect(h.store.lastSeq()).toBe(1);
  });

  it("an idle display revoked from the CLI is disconnected by the periodic check", { timeout: 40_000 }, async () => {
    const { h, dataDir } = await hubOnFile();
    const display = await connect(h.url, "/display", h.tokens.display);
    const other = await connect(h.url, "/display", h.tokens.displayDukcapil);
    cleanup.push(() => display.close(), () => other.close());
    await revokeWithCli(dataDir, "display-utama");
    // Nothing but the periodic check can end it; the margin is for a loaded machine, not a speed claim.
    expect(await disconnected(display, SESSION_CHECK_MS + 12_000)).toBe("io server disconnect");
    // The other screen keeps its connection and its commands.
    expect(other.connected).toBe(true);
    expect((await must(other, "sync:request", { sinceSeq: null })).mode).toBe("snapshot");
  });

  it("logging out ends the session's sockets at once", async () => {
    const { h } = await hubOnFile({ sessionCheckMs: 3_600_000 });
    const token = await login(h.url, h.users.officer);
    const counter = await connect(h.url, "/counter", token);
    cleanup.push(() => counter.close());
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    const ended = disconnected(counter, 2_000);
    const res = await fetch(`${h.url}/api/auth/logout`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await ended).toBe("io server disconnect");
    await expect(connect(h.url, "/counter", token)).rejects.toThrow("UNAUTHORIZED");
  });

  it("an expired session's commands are refused and its sockets end", async () => {
    const { h } = await hubOnFile({ sessionCheckMs: 3_600_000 });
    const counter = await connect(h.url, "/counter", await login(h.url, h.users.officer));
    const dashboard = await connect(h.url, "/dashboard", await login(h.url, h.users.manager));
    cleanup.push(() => counter.close(), () => dashboard.close());
    await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
    h.clock.advance(12 * 3_600_000 + 1);
    const ended = disconnected(counter, 2_000);
    const refused = await send(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    expect(refused.ok || refused.error.code).toBe("UNAUTHORIZED");
    expect(await ended).toBe("io server disconnect");
    const refusedToo = await send(dashboard, "sync:request", { sinceSeq: null });
    expect(refusedToo.ok || refusedToo.error.code).toBe("UNAUTHORIZED");
  });
});
