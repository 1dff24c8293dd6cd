/**
 * The regency dashboard's own logins (docs/api.md "Regency logins"), on a
 * real PostgreSQL and real HTTP over loopback. The server's clock is
 * injected: idle and absolute session limits and lock-outs are passed by
 * moving it, never by waiting. Requests go through node:http so that a
 * second client address (127.0.0.2) can be used.
 */
import { execFile } from "node:child_process";
import { request } from "node:http";
import { promisify } from "node:util";
import { REGENCY_SESSION_COOKIE } from "@layan/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, addViewer, createRegencyServer, setDisabled, setPassword, type Pool, type RegencyServer } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";
import { regencyDatabase } from "../support/regency-server";
import { ROOT } from "../support/test-hub";

const exec = promisify(execFile);
const HOUR = 3_600_000;
const MIN = 60_000;
const RANGE = "from=2026-11-16&to=2026-11-17";

let database: string;
let pool: Pool;
let server: RegencyServer;
let base: { port: number };
let now = Date.parse("2026-11-18T09:30:00+07:00");
const PASSWORD = "rahasia-bupati-2026";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string; messageEn: string; issues?: { path: string }[]; retryAfterS?: number } };
  text: string;
}

function call(
  method: string,
  path: string,
  options: { json?: unknown; raw?: string; type?: string; cookie?: string; bearer?: string; from?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const body = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined || options.type) headers["content-type"] = options.type ?? "application/json";
  if (options.cookie) headers.cookie = `${REGENCY_SESSION_COOKIE}=${options.cookie}`;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: base.port, method, path, headers, localAddress: options.from ?? "127.0.0.1" }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let parsed: Answer["body"] = { ok: false };
        try {
          parsed = JSON.parse(text) as Answer["body"];
        } catch {
          // CSV or an empty answer: the test reads `text`.
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, text });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

const login = (username: string, password: string, from?: string) => call("POST", "/api/v1/regency/session", { json: { username, password }, ...(from ? { from } : {}) });

/** The token from a login's Set-Cookie. */
function tokenOf(answer: Answer): string {
  const cookie = [answer.headers["set-cookie"] ?? []].flat()[0] ?? "";
  const match = new RegExp(`^${REGENCY_SESSION_COOKIE}=([^;]+)`).exec(cookie);
  if (!match?.[1]) throw new Error(`no session cookie in ${cookie}`);
  return match[1];
}

/** Each test starts well clear of the previous one's failure windows and sessions. */
function nextDay(): void {
  now += 24 * HOUR;
}

beforeAll(async () => {
  database = await freshDatabase();
  pool = (await regencyDatabase(database, ["dpmptsp", "disdukcapil"])).pool;
  await addUser(pool, { username: "inspektorat", displayName: "Inspektorat Kabupaten", role: "regency", officeId: null, password: PASSWORD }, now);
  await addUser(pool, { username: "kadis-dpmptsp", displayName: "Kepala DPMPTSP", role: "office", officeId: "dpmptsp", password: PASSWORD }, now);
  server = createRegencyServer({ pool, clock: () => now });
  base = await server.listen(0);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await pool?.end();
});

describe("POST /api/v1/regency/session", () => {
  it("logs in, sets an HttpOnly SameSite=Strict cookie, and GET answers the same user", async () => {
    nextDay();
    const ok = await login("Inspektorat", PASSWORD);
    expect(ok.status).toBe(200);
    const user = { username: "inspektorat", displayName: "Inspektorat Kabupaten", role: "regency", officeId: null };
    expect(ok.body).toEqual({ ok: true, data: { user } });
    const cookie = [ok.headers["set-cookie"]].flat()[0] ?? "";
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const stored = await pool.query<{ token_hash: Buffer }>("SELECT token_hash FROM regency_sessions");
    expect(stored.rows.map((r) => r.token_hash.toString("utf8"))).not.toContain(tokenOf(ok));

    const me = await call("GET", "/api/v1/regency/session", { cookie: tokenOf(ok) });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ ok: true, data: { user } });
    const nobody = await call("GET", "/api/v1/regency/session");
    expect(nobody.status).toBe(401);
    expect(nobody.body.error?.code).toBe("UNAUTHORIZED");
  });

  it("marks the cookie Secure when the browser came over HTTPS (through the TLS proxy)", async () => {
    nextDay();
    const ok = await call("POST", "/api/v1/regency/session", { json: { username: "inspektorat", password: PASSWORD }, headers: { "x-forwarded-proto": "https" } });
    expect(ok.status).toBe(200);
    expect([ok.headers["set-cookie"]].flat()[0]).toMatch(/; Secure/);
  });

  it("answers a wrong password and an unknown user alike", async () => {
    nextDay();
    const wrong = await login("inspektorat", "bukan-ini-sandinya");
    const unknown = await login("tidak-ada", PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error?.code).toBe("LOGIN_FAILED");
    expect(wrong.body.error?.message).toBe("Nama pengguna atau kata sandi salah.");
    expect(wrong.headers["set-cookie"]).toBeUndefined();
  });

  it("locks a username for the guessing address after 5 failures, across a restart, until the lock runs out", async () => {
    nextDay();
    for (let i = 0; i < 4; i++) expect((await login("inspektorat", `tebakan-${i}`)).body.error?.code).toBe("LOGIN_FAILED");
    const fifth = await login("inspektorat", "tebakan-4");
    expect(fifth.status).toBe(429);
    expect(fifth.body.error?.code).toBe("LOGIN_LOCKED");
    expect(fifth.body.error?.retryAfterS).toBe(15 * 60);
    expect(fifth.headers["retry-after"]).toBe("900");
    // The right password too, while locked.
    now += 5 * MIN;
    const right = await login("inspektorat", PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.error?.retryAfterS).toBe(10 * 60);

    // Another address is not locked out by this one's guesses.
    expect((await login("inspektorat", PASSWORD, "127.0.0.2")).status).toBe(200);

    // A restarted server (same database) keeps the lock.
    await server.close();
    server = createRegencyServer({ pool, clock: () => now });
    base = await server.listen(0);
    expect((await login("inspektorat", PASSWORD)).status).toBe(429);

    now += 10 * MIN;
    expect((await login("inspektorat", PASSWORD)).status).toBe(200);
  });

  it("counts unknown usernames like known ones (the 429 tells nobody who exists)", async () => {
    nextDay();
    for (let i = 0; i < 4; i++) expect((await login("siapa-saja", `tebakan-${i}`)).status).toBe(401);
    expect((await login("siapa-saja", "tebakan-4")).status).toBe(429);
  });

  it("refuses an address that sprays many usernames", async () => {
    nextDay();
    for (let i = 0; i < 19; i++) expect((await login(`nama-${i}`, "tebakan")).status, `try ${i}`).toBe(401);
    const twentieth = await login("nama-19", "tebakan");
    expect(twentieth.status).toBe(429);
    expect((await login("kadis-dpmptsp", PASSWORD)).status).toBe(429);
    expect((await login("kadis-dpmptsp", PASSWORD, "127.0.0.2")).status).toBe(200);
  });

  it("behind the reverse proxy (trustProxy) counts per forwarded client; otherwise the header is ignored", async () => {
    nextDay();
    const viaProxy = (client: string) =>
      call("POST", "/api/v1/regency/session", { json: { username: "inspektorat", password: "tebakan" }, headers: { "x-forwarded-for": `10.9.9.9, ${client}` } });
    // Without trustProxy a guesser cannot dodge its lock by sending the header.
    for (let i = 0; i < 4; i++) expect((await viaProxy(`10.0.0.${i}`)).status).toBe(401);
    expect((await viaProxy("10.0.0.99")).status).toBe(429);

    nextDay();
    const proxied = createRegencyServer({ pool, clock: () => now, trustProxy: true });
    const direct = base;
    base = await proxied.listen(0);
    try {
      for (let i = 0; i < 5; i++) await viaProxy("10.0.0.1");
      expect((await viaProxy("10.0.0.1")).status).toBe(429);
      // Another office PC behind the same proxy is not locked out by the first one's guesses.
      const other = await call("POST", "/api/v1/regency/session", { json: { username: "inspektorat", password: PASSWORD }, headers: { "x-forwarded-for": "10.0.0.2" } });
      expect(other.status).toBe(200);
    } finally {
      await proxied.close();
      base = direct;
    }
  });

  it("a new password lifts a lock-out and ends the user's sessions", async () => {
    nextDay();
    const before = tokenOf(await login("kadis-dpmptsp", PASSWORD, "127.0.0.2"));
    for (let i = 0; i < 5; i++) await login("kadis-dpmptsp", `tebakan-${i}`);
    expect((await login("kadis-dpmptsp", PASSWORD)).status).toBe(429);
    await setPassword(pool, "kadis-dpmptsp", "sandi-baru-yang-panjang", now);
    expect((await call("GET", "/api/v1/regency/session", { cookie: before })).status).toBe(401);
    expect((await login("kadis-dpmptsp", "sandi-baru-yang-panjang")).status).toBe(200);
    await setPassword(pool, "kadis-dpmptsp", PASSWORD, now);
  });

  it("refuses malformed bodies with the issues, a wrong content type, and a body too large", async () => {
    nextDay();
    const missing = await call("POST", "/api/v1/regency/session", { json: { username: "inspektorat" } });
    expect(missing.status).toBe(400);
    expect(missing.body.error?.code).toBe("INVALID_PAYLOAD");
    expect(missing.body.error?.issues?.map((i) => i.path)).toEqual(["password"]);
    const extra = await call("POST", "/api/v1/regency/session", { json: { username: "inspektorat", password: PASSWORD, role: "regency" } });
    expect(extra.status).toBe(400);
    expect(extra.body.error?.code).toBe("INVALID_PAYLOAD");
    const notObject = await call("POST", "/api/v1/regency/session", { json: ["inspektorat", PASSWORD] });
    expect(notObject.body.error?.code).toBe("INVALID_PAYLOAD");
    const notJson = await call("POST", "/api/v1/regency/session", { raw: "username=inspektorat" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error?.code).toBe("MALFORMED_JSON");
    // What a cross-site form or a no-preflight fetch can send: refused before anything is counted or set.
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const form = await call("POST", "/api/v1/regency/session", { raw: JSON.stringify({ username: "inspektorat", password: PASSWORD }), type });
      expect(form.status, type).toBe(415);
      expect(form.body.error?.code).toBe("UNSUPPORTED_CONTENT_TYPE");
      expect(form.headers["set-cookie"]).toBeUndefined();
    }
    const big = await call("POST", "/api/v1/regency/session", { json: { username: "inspektorat", password: "x".repeat(8 * 1024) } });
    expect(big.status).toBe(413);
    expect(big.body.error?.code).toBe("BODY_TOO_LARGE");
    // None of these counted as a failed login.
    expect((await pool.query("SELECT 1 FROM regency_login_failures WHERE key LIKE 'user%inspektorat'")).rowCount).toBe(0);
  });
});

describe("reading reports with the session cookie", () => {
  it("a regency user reads every office; a Bearer viewer token still works", async () => {
    nextDay();
    const token = tokenOf(await login("inspektorat", PASSWORD));
    for (const office of ["dpmptsp", "disdukcapil"]) {
      const services = await call("GET", `/api/v1/regency/offices/${office}/services?${RANGE}`, { cookie: token });
      expect(services.status, office).toBe(200);
    }
    const league = await call("GET", `/api/v1/regency/league?${RANGE}`, { cookie: token });
    expect(league.status).toBe(200);
    const csv = await call("GET", `/api/v1/regency/league.csv?${RANGE}`, { cookie: token });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("Peringkat");
    const viewer = await addViewer(pool, { name: "Bagian Organisasi", officeId: null }, now);
    expect((await call("GET", `/api/v1/regency/league?${RANGE}`, { bearer: viewer.token })).status).toBe(200);
    expect((await call("GET", `/api/v1/regency/league?${RANGE}`)).status).toBe(401);
    expect((await call("GET", `/api/v1/regency/league?${RANGE}`, { cookie: `rs_${"A".repeat(43)}` })).body.error?.code).toBe("UNAUTHORIZED");
  });

  it("an office manager reads their own office only, exactly like an office-scoped viewer token", async () => {
    nextDay();
    const ok = await login("kadis-dpmptsp", PASSWORD);
    expect(ok.body.data).toEqual({ user: { username: "kadis-dpmptsp", displayName: "Kepala DPMPTSP", role: "office", officeId: "dpmptsp" } });
    const token = tokenOf(ok);
    const scoped = await addViewer(pool, { name: "DPMPTSP", officeId: "dpmptsp" }, now);
    for (const who of [{ cookie: token }, { bearer: scoped.token }]) {
      expect((await call("GET", `/api/v1/regency/offices/dpmptsp/steps?${RANGE}`, who)).status).toBe(200);
      const other = await call("GET", `/api/v1/regency/offices/disdukcapil/trend?${RANGE}`, who);
      expect(other.status).toBe(403);
      expect(other.body.error?.code).toBe("OFFICE_OUT_OF_SCOPE");
      // An office that does not exist is out of scope too, not a 404 that tells which offices exist.
      expect((await call("GET", `/api/v1/regency/offices/tidak-ada/services?${RANGE}`, who)).body.error?.code).toBe("OFFICE_OUT_OF_SCOPE");
    }
    const [byCookie, byToken] = await Promise.all([
      call("GET", `/api/v1/regency/standards/gaps`, { cookie: token }),
      call("GET", `/api/v1/regency/standards/gaps`, { bearer: scoped.token }),
    ]);
    expect(byCookie.status).toBe(200);
    expect(byCookie.body).toEqual(byToken.body);
  });
});

describe("the end of a session", () => {
  it("DELETE logs out (JSON only) and clears the cookie; the old token reads nothing", async () => {
    nextDay();
    const token = tokenOf(await login("inspektorat", PASSWORD));
    const form = await call("DELETE", "/api/v1/regency/session", { cookie: token, type: "text/plain" });
    expect(form.status).toBe(415);
    const out = await call("DELETE", "/api/v1/regency/session", { cookie: token, type: "application/json" });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ ok: true, data: null });
    expect([out.headers["set-cookie"]].flat()[0]).toMatch(new RegExp(`^${REGENCY_SESSION_COOKIE}=;.*Max-Age=0`));
    expect((await call("GET", "/api/v1/regency/session", { cookie: token })).status).toBe(401);
    expect((await call("GET", `/api/v1/regency/league?${RANGE}`, { cookie: token })).status).toBe(401);
  });

  it("a disabled user's sessions stop at once, and its login answers like a wrong password", async () => {
    nextDay();
    const token = tokenOf(await login("kadis-dpmptsp", PASSWORD));
    await setDisabled(pool, "kadis-dpmptsp", true, now);
    expect((await call("GET", `/api/v1/regency/offices/dpmptsp/services?${RANGE}`, { cookie: token })).status).toBe(401);
    const refused = await login("kadis-dpmptsp", PASSWORD);
    expect(refused.status).toBe(401);
    expect(refused.body.error?.code).toBe("LOGIN_FAILED");
    await setDisabled(pool, "kadis-dpmptsp", false, now);
    expect((await login("kadis-dpmptsp", PASSWORD)).status).toBe(200);
    // Enabling again does not bring the old session back.
    expect((await call("GET", "/api/v1/regency/session", { cookie: token })).status).toBe(401);
  });

  it("ends after 30 idle minutes; use keeps it alive, but not past 12 hours from the login", async () => {
    nextDay();
    const idle = tokenOf(await login("inspektorat", PASSWORD));
    now += 29 * MIN;
    expect((await call("GET", "/api/v1/regency/session", { cookie: idle })).status).toBe(200);
    now += 29 * MIN;
    expect((await call("GET", "/api/v1/regency/session", { cookie: idle })).status).toBe(200);
    now += 31 * MIN;
    expect((await call("GET", "/api/v1/regency/session", { cookie: idle })).status).toBe(401);

    const used = tokenOf(await login("inspektorat", PASSWORD));
    const start = now;
    while (now + 20 * MIN < start + 12 * HOUR) {
      now += 20 * MIN;
      expect((await call("GET", "/api/v1/regency/session", { cookie: used })).status).toBe(200);
    }
    now = start + 12 * HOUR;
    expect((await call("GET", "/api/v1/regency/session", { cookie: used })).status).toBe(401);
  });
});

describe("pnpm regency user", () => {
  const cli = (args: string[], input?: string) => {
    const child = exec(process.execPath, ["--import", "tsx", "apps/regency/src/cli.ts", "user", ...args, "--database", database], { cwd: ROOT });
    if (input !== undefined) child.child.stdin?.end(input);
    else child.child.stdin?.end();
    return child;
  };

  it("adds a user with a generated password shown once, sets a chosen one, disables and lists", async () => {
    nextDay();
    const added = await cli(["add", "Bag-Organisasi", "--name", "Bagian Organisasi Setda", "--role", "regency"]);
    const generated = added.stdout.trim();
    expect(generated).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect((await login("bag-organisasi", generated)).status).toBe(200);

    await expect(cli(["add", "kadis-x", "--name", "Kepala", "--role", "office"])).rejects.toThrow(/--office/);
    await expect(cli(["add", "kadis-x", "--name", "Kepala", "--role", "office", "--office", "tidak-ada"])).rejects.toThrow(/no office/);

    const chosen = await cli(["password", "bag-organisasi", "--password-stdin"], "sandi-pilihan-sendiri\n");
    expect(chosen.stdout).toBe("");
    expect((await login("bag-organisasi", generated)).status).toBe(401);
    expect((await login("bag-organisasi", "sandi-pilihan-sendiri")).status).toBe(200);
    await expect(cli(["password", "bag-organisasi", "--password-stdin"], "pendek\n")).rejects.toThrow(/at least 12/);

    await cli(["disable", "bag-organisasi"]);
    const list = (await cli(["list"])).stdout;
    expect(list).toContain("bag-organisasi\tBagian Organisasi Setda\tregency\t(semua kantor)\tdisabled");
    expect(list).toContain("kadis-dpmptsp\tKepala DPMPTSP\toffice\tdpmptsp\tactive");
  }, 60_000);
});
