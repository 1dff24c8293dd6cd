import { parseArgs } from "node:util";

export interface MainOptions {
  port: number;
  host: string;
  dataDir: string;
  /** The SQLite file; `<dataDir>/layan.db` unless given (e.g. a simulated store). */
  dbFile: string | null;
  configDir: string;
  demo: boolean;
  reset: boolean;
  logLevel: string;
  /** Demo only: every service open around the clock, so a demo works at night. */
  alwaysOpen: boolean;
  /** Overrides of kiosks' network printers: kiosk id -> host and port. */
  kioskPrinters: Record<string, { host: string; port: number }>;
  /** Demo: a folder of emulated printer jobs shown at /printer/. */
  printerPreview: string | null;
  /** Browser origins besides the hub's own allowed to use its API and socket.io. */
  allowedOrigins: string[];
  /** PEM certificate and key files: when both are given the hub serves HTTPS and wss. */
  tls: { certFile: string; keyFile: string } | null;
  /**
   * Behind a reverse proxy or tunnel on this PC: X-Forwarded-For from a
   * loopback peer names the citizen for the per-address booking limits
   * (client-address.ts), as the regency server's `--trust-proxy`.
   */
  trustProxy: boolean;
}

/**
 * How the built hub is started wherever it ships (deploy/layan-hub.service,
 * `pnpm start`, the memory probe in src/testing/memory.ts; checked by
 * shipped-flags.test.ts). Measured in docs/benchmarks.md, "### Memory":
 * - a 1 MB semi-space: V8 otherwise grows the young generation to 16 MB at
 *   start-up (config parsing) and keeps it committed, ~12 MB of an idle hub;
 * - the old generation may grow by 25 % of what is live before a full GC,
 *   not by up to 4x: with 20,000 tickets waiting the heap peaked near 90 MB,
 *   mostly garbage, for ~30 MB live;
 * - glibc: a fixed mmap threshold returns large blocks (scrypt's 4 MiB per
 *   login, on the thread pool) to the system when freed instead of keeping
 *   them in each thread's arena (~15 MB after a few logins), and two arenas
 *   instead of one per thread that ever allocated.
 */
export const HUB_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=1", "--heap-growing-percent=25"];
export const HUB_PROCESS_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: "2",
  MALLOC_MMAP_THRESHOLD_: "1048576",
};

/**
 * The Electron kiosk's renderer origin (apps/kiosk/src/main/app-protocol.ts):
 * its socket.io polling requests are cross-origin and must get CORS headers.
 */
export const ELECTRON_KIOSK_ORIGIN = "app://layan";

export function parseMainOptions(argv: string[]): MainOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string", default: process.env.LAYAN_PORT ?? "8080" },
      host: { type: "string", default: process.env.LAYAN_HOST ?? "0.0.0.0" },
      data: { type: "string", default: process.env.LAYAN_DATA ?? "data" },
      db: { type: "string" },
      config: { type: "string", default: process.env.LAYAN_CONFIG ?? "kiosk-config" },
      demo: { type: "boolean", default: false },
      reset: { type: "boolean", default: false },
      "always-open": { type: "boolean" },
      "log-level": { type: "string", default: process.env.LOG_LEVEL ?? "info" },
      "kiosk-printer": { type: "string", multiple: true, default: [] },
      "printer-preview": { type: "string" },
      "allow-origin": { type: "string", multiple: true, default: [] },
      "tls-cert": { type: "string", default: process.env.LAYAN_TLS_CERT },
      "tls-key": { type: "string", default: process.env.LAYAN_TLS_KEY },
      "trust-proxy": { type: "boolean", default: process.env.LAYAN_TRUST_PROXY === "1" },
    },
    strict: true,
    allowPositionals: false,
    // `--demo --no-always-open`: demo accounts with the office's real opening hours.
    allowNegative: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got "${values.port}"`);
  const kioskPrinters: MainOptions["kioskPrinters"] = {};
  for (const spec of values["kiosk-printer"]) {
    const m = /^([a-z0-9-]+)=([^:]+):(\d+)$/.exec(spec);
    if (!m) throw new Error(`--kiosk-printer must look like kiosk-lobi=127.0.0.1:9100, got "${spec}"`);
    kioskPrinters[m[1]!] = { host: m[2]!, port: Number(m[3]) };
  }
  const extraOrigins = [...(process.env.LAYAN_ALLOWED_ORIGINS ?? "").split(","), ...values["allow-origin"]].map((o) => o.trim()).filter((o) => o !== "");
  const allowedOrigins = [ELECTRON_KIOSK_ORIGIN];
  for (const origin of extraOrigins) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new Error(`--allow-origin must be an origin like https://antrean.example.go.id, got "${origin}"`);
    }
    allowedOrigins.push(parsed.origin === "null" ? origin : parsed.origin);
  }
  const certFile = values["tls-cert"] || null;
  const keyFile = values["tls-key"] || null;
  // Half a TLS setup would silently serve PINs in clear text: refuse it.
  if ((certFile === null) !== (keyFile === null)) throw new Error("--tls-cert and --tls-key go together: give both files or neither");
  return {
    allowedOrigins,
    tls: certFile && keyFile ? { certFile, keyFile } : null,
    kioskPrinters,
    printerPreview: values["printer-preview"] ?? null,
    port,
    host: values.host,
    dataDir: values.data,
    dbFile: values.db ?? null,
    configDir: values.config,
    demo: values.demo,
    reset: values.reset,
    logLevel: values["log-level"],
    alwaysOpen: values["always-open"] ?? values.demo,
    trustProxy: values["trust-proxy"],
  };
}
