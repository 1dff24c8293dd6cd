import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selfSignedCertificate, type TestCertificate } from "../../apps/hub/src/testing/tls";
import { ROOT } from "../support/test-hub";

/** Runs an entry point to its end (bounded) and returns its exit code and output. */
function run(entry: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

let busy: Server;
let busyPort = 0;
let dir = "";
let certA: TestCertificate;
let certB: TestCertificate;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "layan-startup-"));
  certA = selfSignedCertificate(mkdtempSync(join(dir, "tls-a-")));
  certB = selfSignedCertificate(mkdtempSync(join(dir, "tls-b-")));
  busy = createServer();
  await new Promise<void>((r) => busy.listen(0, "127.0.0.1", () => r()));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(() => {
  busy.close();
  rmSync(dir, { recursive: true, force: true });
});

const entries = [
  ["hub (main.ts)", "apps/hub/src/main.ts"],
  ["pnpm start (start.ts)", "apps/hub/src/start.ts"],
] as const;

describe.each(entries)("startup errors: %s", (_name, entry) => {
  it("a port in use: one sentence, exit 1", async () => {
    const { code, stderr } = await run(entry, ["--port", String(busyPort), "--host", "127.0.0.1", "--data", join(dir, "data-port")]);
    expect(code).toBe(1);
    expect(stderr).toContain(`port ${busyPort} is already in use`);
  });

  it("an invalid config: file:line errors, exit 1, nothing started", async () => {
    const config = join(dir, `config-${entry.length}`);
    cpSync(join(ROOT, "kiosk-config"), config, { recursive: true });
    const file = join(config, "services", "ktp-el.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^prefix: A$/m, "prefix: 12"));
    const { code, stderr } = await run(entry, ["--port", "0", "--host", "127.0.0.1", "--config", config, "--data", join(dir, "data-config")]);
    expect(code).toBe(1);
    expect(stderr).toContain("konfigurasi tidak valid");
    expect(stderr).toMatch(/services\/ktp-el\.yaml:\d+ prefix:/);
    expect(stderr).not.toContain("listening");
  });

  it("an unwritable data folder: one sentence, exit 1", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "not a folder");
    const { code, stderr } = await run(entry, ["--port", "0", "--host", "127.0.0.1", "--data", join(file, "data")]);
    expect(code).toBe(1);
    expect(stderr).toContain("is not writable");
  });

  it("a TLS key that does not fit the certificate: one sentence, exit 1", async () => {
    const { code, stderr } = await run(entry, ["--port", "0", "--host", "127.0.0.1", "--data", join(dir, "data-tls"), "--tls-cert", certA.certFile, "--tls-key", certB.keyFile]);
    expect(code).toBe(1);
    expect(stderr).toContain(`the TLS key ${certB.keyFile} does not fit the certificate ${certA.certFile}`);
    expect(stderr).not.toContain("listening");
  });

  it("an unreadable TLS certificate: one sentence, exit 1", async () => {
    const missing = join(dir, "no-such-cert.pem");
    const { code, stderr } = await run(entry, ["--port", "0", "--host", "127.0.0.1", "--data", join(dir, "data-tls"), "--tls-cert", missing, "--tls-key", certA.keyFile]);
    expect(code).toBe(1);
    expect(stderr).toContain(`cannot read the TLS certificate ${missing}`);
  });

  it("a certificate without its key: one sentence, exit 1", async () => {
    const { code, stderr } = await run(entry, ["--port", "0", "--host", "127.0.0.1", "--data", join(dir, "data-tls"), "--tls-cert", certA.certFile]);
    expect(code).toBe(1);
    expect(stderr).toContain("--tls-cert and --tls-key go together");
  });
});
