import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { hashSecret } from "./auth";
import { startHub, type TestHubHandle } from "./testing/harness";

const open: TestHubHandle[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

interface Answer {
  status: number;
  body: { ok: boolean; error?: { code: string; message: string } };
}

/**
 * A login over real HTTP from a chosen loopback address: Linux answers on all
 * of 127.0.0.0/8, so 127.0.0.2 is a second office PC as far as the hub sees.
 */
function post(
  url: string,
  body: unknown,
  opts: { from?: string; headers?: Record<string, string>; raw?: string } = {},
): Promise<Answer> {
  const text = opts.raw ?? JSON.stringify(body);
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        path: "/api/auth/login",
        method: "POST",
        localAddress: opts.from ?? "127.0.0.1",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...opts.headers },
      },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (data += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) as Answer["body"] }));
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}

const codeOf = (a: Answer) => `${a.status} ${a.body.error?.code ?? "ok"}`;

describe("login throttling over real HTTP", () => {
  it("a stranger's wrong PINs do not lock officers out at their own PCs", async () => {
    const h = await startHub();
    open.push(h);
    const stranger = "127.0.0.2";
    for (const who of [h.users.officer, h.users.supervisor]) {
      for (let i = 0; i < 5; i++) await post(h.url, { username: who.username, secret: "000000" }, { from: stranger });
      // From the stranger's address the account is locked, even with the right PIN...
      expect(codeOf(await post(h.url, who, { from: stranger }))).toBe("429 LOGIN_LOCKED");
    }
    // ...but the officers themselves, at another address, log in.
    expect(codeOf(await post(h.url, h.users.officer, { from: "127.0.0.1" }))).toBe("200 ok");
    expect(codeOf(await post(h.url, h.users.supervisor, { from: "127.0.0.5" }))).toBe("200 ok");
  });

  it("answers unknown and known usernames alike, so nobody learns who exists", async () => {
    const h = await startHub();
    open.push(h);
    const tries = async (username: string, from: string) => {
      const out: Answer[] = [];
      for (let i = 0; i < 6; i++) out.push(await post(h.url, { username, secret: "000000" }, { from }));
      return out;
    };
    const known = await tries(h.users.officer.username, "127.0.0.3");
    const unknown = await tries("tidak-ada", "127.0.0.4");
    expect(known.map(codeOf)).toEqual(["401 LOGIN_FAILED", "401 LOGIN_FAILED", "401 LOGIN_FAILED", "401 LOGIN_FAILED", "429 LOGIN_LOCKED", "429 LOGIN_LOCKED"]);
    expect(unknown.map((a) => a.body)).toEqual(known.map((a) => a.body));
    expect(known[0]?.body.error?.message).toBe("Nama pengguna atau PIN salah.");
  });

  it("refuses a source that keeps failing across many usernames, and only that source", async () => {
    const h = await startHub();
    open.push(h);
    const guesser = "127.0.0.6";
    for (let i = 0; i < 19; i++) {
      const a = await post(h.url, { username: `tebak-${i}`, secret: "000000" }, { from: guesser });
      expect(codeOf(a)).toBe("401 LOGIN_FAILED");
    }
    expect(codeOf(await post(h.url, { username: "tebak-19", secret: "000000" }, { from: guesser }))).toBe("429 LOGIN_LOCKED");
    expect(codeOf(await post(h.url, h.users.manager, { from: guesser }))).toBe("429 LOGIN_LOCKED");
    expect(codeOf(await post(h.url, h.users.manager, { from: "127.0.0.7" }))).toBe("200 ok");
  });

  it("the lock lifts after 5 minutes, or at once when the PIN is reset", async () => {
    const h = await startHub();
    open.push(h);
    const who = h.users.officer;
    for (let i = 0; i < 5; i++) await post(h.url, { username: who.username, secret: "000000" });
    expect(codeOf(await post(h.url, who))).toBe("429 LOGIN_LOCKED");
    // `pnpm hub user pin` writes a new hash: the old failures were against the old PIN.
    const user = h.store.findUserByUsername(who.username)!;
    h.store.setUserSecret(user.id, await hashSecret("975310"));
    expect(codeOf(await post(h.url, { username: who.username, secret: "975310" }))).toBe("200 ok");

    const other = h.users.officer2;
    for (let i = 0; i < 5; i++) await post(h.url, { username: other.username, secret: "000000" });
    expect(codeOf(await post(h.url, other))).toBe("429 LOGIN_LOCKED");
    h.clock.advance(5 * 60_000 + 1);
    expect(codeOf(await post(h.url, other))).toBe("200 ok");
  });

  it("refuses cross-origin and non-JSON logins before counting anything", async () => {
    const h = await startHub();
    open.push(h);
    const who = h.users.officer;
    const wrong = { username: who.username, secret: "000000" };
    for (let i = 0; i < 6; i++) {
      // What a web page elsewhere can send without a CORS preflight.
      const simple = await post(h.url, wrong, { headers: { origin: "http://evil.example", "content-type": "text/plain" } });
      expect(codeOf(simple)).toBe("403 ORIGIN_NOT_ALLOWED");
      const json = await post(h.url, wrong, { headers: { origin: "http://evil.example" } });
      expect(codeOf(json)).toBe("403 ORIGIN_NOT_ALLOWED");
      const plain = await post(h.url, wrong, { headers: { "content-type": "text/plain;charset=UTF-8" } });
      expect(codeOf(plain)).toBe("415 UNSUPPORTED_CONTENT_TYPE");
      expect(plain.body.error?.message).toMatch(/JSON/);
    }
    // None of those reached the PIN check: the officer is not locked.
    const { port } = new URL(h.url);
    const own = await post(h.url, who, { headers: { origin: `http://127.0.0.1:${port}`, "content-type": "application/json; charset=utf-8" } });
    expect(codeOf(own)).toBe("200 ok");
    expect(codeOf(await post(h.url, null, { raw: "{not json" }))).toBe("400 INVALID_PAYLOAD");
  });
});
