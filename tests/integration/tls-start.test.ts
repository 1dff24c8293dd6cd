/**
 * The hub started over TLS as an office runs it (main.ts in its own process):
 * what it tells the IT person, the readiness line scripts wait for and the
 * banner's addresses, says https, and the health check answers over HTTPS.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, expect, it } from "vitest";
import { requestText } from "../../apps/hub/src/testing/request-text";
import { selfSignedCertificate } from "../../apps/hub/src/testing/tls";
import { ROOT } from "../support/test-hub";

const dir = mkdtempSync(join(tmpdir(), "layan-tls-start-"));
const cert = selfSignedCertificate(dir);
let child: ChildProcess | null = null;
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((done) => child?.once("exit", done));
    child.kill("SIGTERM");
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

function healthz(port: number): Promise<{ status: number; body: string }> {
  return requestText(request, { host: "127.0.0.1", port, path: "/healthz", ca: cert.cert });
}

it("the readiness line and the banner say https, and the hub answers over HTTPS", async () => {
  const args = ["--port", "0", "--host", "127.0.0.1", "--data", join(dir, "data"), "--demo", "--tls-cert", cert.certFile, "--tls-key", cert.keyFile];
  const started = spawn(process.execPath, ["--import", "tsx", "apps/hub/src/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = started;
  let stderr = "";
  started.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const ready = await new Promise<{ scheme: string; port: number }>((resolve, reject) => {
    started.once("exit", (code) => reject(new Error(`hub exited with ${code}:\n${stderr}`)));
    createInterface({ input: started.stdout }).on("line", (line) => {
      const msg = JSON.parse(line) as { msg?: string; scheme: string; port: number };
      if (msg.msg === "listening") resolve(msg);
    });
  });
  expect(ready.scheme).toBe("https");
  // The banner is written right after the readiness line.
  await expect.poll(() => stderr, { timeout: 10_000 }).toContain("Dashboard");
  expect(stderr).toContain(`Counter    https://127.0.0.1:${ready.port}/counter/`);
  expect(stderr).not.toContain("http://");
  const health = await healthz(ready.port);
  expect(health.status).toBe(200);
  expect(JSON.parse(health.body)).toMatchObject({ ok: true });
});
