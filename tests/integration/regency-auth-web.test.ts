/**
 * The central server serves the regency dashboard's built files at /, with
 * the hub's security headers on every answer (the API's included). A small
 * stand-in dist folder is written per test run: what is under test is the
 * serving, not the React app (tests/e2e/regency-*.test.ts runs the real one).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "@layan/core/static-files";
import { createRegencyServer, openPool, migrate, type Pool, type RegencyServer } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";

const root = mkdtempSync(join(tmpdir(), "layan-regency-web-"));
const dist = join(root, "dist");
const INDEX = '<!doctype html><html lang="id"><head><script type="module" src="/assets/index-3f2a9c.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("dasbor kabupaten");';

let pool: Pool;
let withApp: RegencyServer;
let without: RegencyServer;
let ports: { app: number; none: number };

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** node:http, so the path goes out exactly as written (fetch would normalise `..`). */
function get(port: number, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end();
  });
}

function expectSecurityHeaders(answer: Answer, what: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(answer.headers[name], `${what}: ${name}`).toBe(value);
  expect(answer.headers["content-security-policy"]).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  expect(answer.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
}

beforeAll(async () => {
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dist, "index.html"), INDEX);
  writeFileSync(join(dist, "assets", "index-3f2a9c.js"), SCRIPT);
  writeFileSync(join(dist, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  // A file next to the dist folder that no path may reach.
  writeFileSync(join(root, "secret.txt"), "tidak boleh terbaca");
  pool = openPool(await freshDatabase());
  await migrate(pool);
  withApp = createRegencyServer({ pool, webRoot: dist });
  without = createRegencyServer({ pool, webRoot: join(root, "not-built") });
  ports = { app: (await withApp.listen(0)).port, none: (await without.listen(0)).port };
}, 60_000);

afterAll(async () => {
  await withApp?.close();
  await without?.close();
  await pool?.end();
  rmSync(root, { recursive: true, force: true });
});

describe("the built dashboard at /", () => {
  it("answers index.html, fresh, for / and for the app's own routes", async () => {
    for (const path of ["/", "/kantor/dpmptsp", "/peringkat?from=2026-11-01&to=2026-11-30", "/index.html"]) {
      const page = await get(ports.app, path);
      expect(page.status, path).toBe(200);
      expect(page.text, path).toBe(INDEX);
      expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(page.headers["cache-control"], path).toBe("no-cache");
      expectSecurityHeaders(page, path);
    }
  });

  it("caches hashed assets for good and the other files not", async () => {
    const script = await get(ports.app, "/assets/index-3f2a9c.js");
    expect(script.status).toBe(200);
    expect(script.text).toBe(SCRIPT);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const icon = await get(ports.app, "/favicon.svg");
    expect(icon.headers["content-type"]).toBe("image/svg+xml");
    expect(icon.headers["cache-control"]).toBe("no-cache");
    const head = await get(ports.app, "/assets/index-3f2a9c.js", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
  });

  it("refuses paths out of the folder", async () => {
    for (const path of ["/..%2fsecret.txt", "/assets/..%2f..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/..%5csecret.txt", "/%E0%A4%A"]) {
      const answer = await get(ports.app, path);
      expect(answer.text, path).not.toContain("tidak boleh terbaca");
      expect([200, 400], path).toContain(answer.status);
      if (answer.status === 200) expect(answer.text, path).toBe(INDEX);
      expectSecurityHeaders(answer, path);
    }
    const encodedSlash = await get(ports.app, "/..%2fsecret.txt");
    expect(encodedSlash.status).toBe(400);
    expect(JSON.parse(encodedSlash.text)).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
  });

  it("leaves /api/ to the API: an unknown API path is a JSON 404, not index.html", async () => {
    const unknown = await get(ports.app, "/api/v1/nothing-here");
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const unknownApi = await get(ports.app, "/api/elsewhere");
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("puts the security headers on the API's answers and errors too", async () => {
    const answers = {
      healthz: await get(ports.app, "/healthz"),
      session: await get(ports.app, "/api/v1/regency/session"),
      league: await get(ports.app, "/api/v1/regency/league?from=2026-11-01&to=2026-11-30"),
      ingest: await get(ports.app, "/api/v1/ingest/position"),
    };
    expect(answers.healthz.status).toBe(200);
    expect(answers.session.status).toBe(401);
    for (const [what, answer] of Object.entries(answers)) expectSecurityHeaders(answer, what);
  });
});

describe("a server where the dashboard was not built", () => {
  it("answers a clear 404 page to a browser and the JSON error to anything else, and keeps serving", async () => {
    const page = await get(ports.none, "/", { accept: "text/html,application/xhtml+xml" });
    expect(page.status).toBe(404);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.text).toContain("Dasbor kabupaten belum tersedia");
    expect(page.text).toContain("pnpm --filter @layan/regency-web build");
    expect(page.text).not.toMatch(/<script|style=/);
    expectSecurityHeaders(page, "not built");
    const json = await get(ports.none, "/kantor/dpmptsp", { accept: "application/json" });
    expect(json.status).toBe(404);
    expect(JSON.parse(json.text)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await get(ports.none, "/healthz")).status).toBe(200);
  });
});
