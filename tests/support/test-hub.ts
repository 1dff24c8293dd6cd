/**
 * A real hub for whole-system tests: `apps/hub/src/main.ts` in its own
 * process (so tests can SIGKILL it), with its own data folder, the sample
 * kiosk-config, demo credentials, and every service open around the clock.
 *
 * Its clock is pinned (LAYAN_TEST_NOW, apps/hub/src/clock.ts): it starts at
 * `now` (default DEFAULT_TEST_NOW) and runs on from there, across restarts too,
 * so no test depends on the day it runs. Browsers opened against it take the
 * same time with `installHubClock` (tests/e2e/browser.ts).
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, startListening } from "./listening";

export { ROOT };

export interface TestHubOptions {
  /** Reuse a data folder (default: a fresh temp folder, removed by stop()). */
  dataDir?: string;
  configDir?: string;
  port?: number;
  /** kiosk id -> "host:port" of a (emulated) network printer. */
  kioskPrinters?: Record<string, string>;
  /** Keep services' real opening hours (default: open around the clock). */
  realHours?: boolean;
  /** Where the hub's time starts (ISO instant with offset, or epoch ms); default DEFAULT_TEST_NOW. */
  now?: string | number;
  /** Serve /printer/ from this folder of emulated printer jobs, as `pnpm start` does. */
  printerPreview?: string;
  /** Serve HTTPS and wss with these PEM files (--tls-cert/--tls-key); url then starts with https. */
  tls?: { certFile: string; keyFile: string };
  /** More flags for the hub (e.g. --trust-proxy), given on every start. */
  args?: string[];
}

/** A Wednesday morning in the middle of a month, office time (WIB): nothing awkward about it. */
export const DEFAULT_TEST_NOW = "2026-11-18T09:30:00+07:00";

export interface TestHub {
  url: string;
  port: number;
  dataDir: string;
  /** The first kiosk's token (kiosk-lobi in the sample config). */
  kioskToken: string;
  kioskTokens: Record<string, string>;
  displayTokens: Record<string, string>;
  users: { username: string; secret: string; role: string; displayName: string }[];
  /** A user's credentials by role. */
  user(role: "officer" | "supervisor" | "manager" | "admin", index?: number): { username: string; secret: string };
  /** The hub's time now (epoch ms): the pinned start plus the real time since. */
  now(): number;
  /** SIGKILL: no graceful shutdown, like pulling the power. */
  kill(): Promise<void>;
  /** Starts the hub again on the same port with the same data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

interface Credentials {
  kiosks: { id: string; token: string }[];
  displays: { id: string; token: string }[];
  users: { username: string; secret: string; role: string; displayName: string }[];
}

function launch(args: string[], now: number): Promise<{ child: ChildProcess; port: number }> {
  return startListening("apps/hub/src/main.ts", args, {
    name: "hub",
    env: { LOG_LEVEL: "warn", LAYAN_TEST_NOW: new Date(now).toISOString() },
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const ownsData = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "layan-hub-"));
  const startAt = typeof options.now === "number" ? options.now : Date.parse(options.now ?? DEFAULT_TEST_NOW);
  if (!Number.isFinite(startAt)) throw new Error(`startTestHub: bad now ${String(options.now)}`);
  // One virtual timeline for the whole test: a restart resumes where the killed hub was.
  const realStart = Date.now();
  const now = () => startAt + (Date.now() - realStart);
  const baseArgs = (port: number) => [
    "--port",
    String(port),
    "--host",
    "127.0.0.1",
    "--data",
    dataDir,
    "--config",
    options.configDir ?? join(ROOT, "kiosk-config"),
    "--demo",
    // --demo alone would keep every service open around the clock.
    options.realHours ? "--no-always-open" : "--always-open",
    ...Object.entries(options.kioskPrinters ?? {}).flatMap(([id, hostPort]) => ["--kiosk-printer", `${id}=${hostPort}`]),
    ...(options.printerPreview ? ["--printer-preview", options.printerPreview] : []),
    ...(options.tls ? ["--tls-cert", options.tls.certFile, "--tls-key", options.tls.keyFile] : []),
    ...(options.args ?? []),
  ];
  const scheme = options.tls ? "https" : "http";
  let { child, port } = await launch(baseArgs(options.port ?? 0), now());
  const creds = JSON.parse(readFileSync(join(dataDir, "demo-credentials.json"), "utf8")) as Credentials;
  const byRole = (role: string) => creds.users.filter((u) => u.role === role);
  return {
    get url() {
      return `${scheme}://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    dataDir,
    kioskToken: creds.kiosks[0]!.token,
    kioskTokens: Object.fromEntries(creds.kiosks.map((k) => [k.id, k.token])),
    displayTokens: Object.fromEntries(creds.displays.map((d) => [d.id, d.token])),
    users: creds.users,
    now,
    user(role, index = 0) {
      const u = byRole(role)[index];
      if (!u) throw new Error(`no demo ${role} #${index}`);
      return { username: u.username, secret: u.secret };
    },
    async kill() {
      child.kill("SIGKILL");
      await exited(child);
    },
    async restart() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited(child);
      }
      ({ child, port } = await launch(baseArgs(port), now()));
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited(child);
      }
      if (ownsData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
