import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { startHub, type TestHubHandle } from "./testing/harness";
import { requestText } from "./testing/request-text";

const open: { close(): unknown }[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

/** A pino logger whose lines the test can read. */
function capturedLogger() {
  const lines: { level: number; msg: string; err?: unknown }[] = [];
  const logger = pino(
    { level: "info" },
    { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) },
  );
  return { logger, lines };
}

/** A raw GET: fetch() would normalise the path before sending it. */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return requestText(request, { host: hostname, port, path, method: "GET" });
}

async function hub(options: Parameters<typeof startHub>[0] = {}): Promise<TestHubHandle> {
  const h = await startHub(options);
  open.push(h);
  return h;
}

describe("HTTP edges", () => {
  it("every answer carries the security headers; the ticket page keeps its own CSP", async () => {
    const h = await hub();
    for (const path of ["/healthz", "/nowhere", "/api/tickets/AAAAAAAAAAAAAAAA", "/t/AAAAAAAAAAAAAAAA"]) {
      const res = await fetch(`${h.url}${path}`);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
    const page = await fetch(`${h.url}/t/AAAAAAAAAAAAAAAA`);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'unsafe-inline'");
    const api = await fetch(`${h.url}/healthz`);
    expect(api.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("socket.io sends CORS headers only to configured origins", async () => {
    const h = await hub({ allowedOrigins: ["app://layan"] });
    const handshake = (origin: string) =>
      fetch(`${h.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });
    const evil = await handshake("http://evil.example");
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    const kiosk = await handshake("app://layan");
    expect(kiosk.headers.get("access-control-allow-origin")).toBe("app://layan");
  });

  it("malformed percent-encoding answers 400 and logs one warning, not a stack trace per request", async () => {
    const appDir = mkdtempSync(join(tmpdir(), "layan-app-"));
    open.push({ close: () => rmSync(appDir, { recursive: true, force: true }) });
    mkdirSync(join(appDir, "assets"));
    writeFileSync(join(appDir, "index.html"), "<!doctype html><title>kiosk</title>");
    const { logger, lines } = capturedLogger();
    const h = await hub({ logger, webApps: { kiosk: appDir } });
    for (let round = 0; round < 3; round++) {
      for (const path of ["/kiosk/%", "/kiosk/assets/%E0%A4%A", "/t/%E0%A4%A", "/api/tickets/%E0%A4%A"]) {
        const res = await rawGet(h.url, path);
        expect(res.status, path).toBe(400);
        expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe("INVALID_PAYLOAD");
      }
    }
    expect((await rawGet(h.url, "/kiosk/")).status).toBe(200);
    const warnings = lines.filter((l) => l.msg === "malformed request URL answered 400");
    expect(warnings).toHaveLength(1);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    // A minute on, the next one is logged again, with how many were not.
    h.clock.advance(60_000);
    expect((await rawGet(h.url, "/t/%")).status).toBe(400);
    expect(lines.filter((l) => l.msg === "malformed request URL answered 400").at(-1)).toMatchObject({
      alsoSinceLastWarning: 11,
    });
  });
});
