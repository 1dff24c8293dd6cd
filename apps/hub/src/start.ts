/**
 * `pnpm start`: the whole office in one command, for a first look and for
 * demos. Checks what can fail before starting anything (config, port, data
 * folder), builds the web apps that are missing or out of date, starts a
 * printer emulator standing in for the kiosks' thermal printers, then runs the
 * hub with demo accounts (and its TLS options, passed through). Ctrl-C stops everything.
 * The hub runs as it ships: the bundle in apps/hub/dist on plain Node with
 * HUB_NODE_FLAGS (rebuilt when its sources are newer), not through tsx, which
 * alone holds ~60 MB more.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { startPrinterEmulator } from "@layan/printer";
import { HUB_NODE_FLAGS, HUB_PROCESS_ENV, parseMainOptions } from "./options";
import { die, loadOfficeConfig, readTlsFiles, writableDataDir } from "./preflight";

const ROOT = resolve(import.meta.dirname, "../../..");
const APPS = ["kiosk", "display", "counter", "dashboard"] as const;

function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once("error", () => done(false));
    probe.listen(port, host, () => probe.close(() => done(true)));
  });
}

/** Newest modification time under a folder (sources of a web app). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist") continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

function buildStaleApps(): void {
  const shared = Math.max(newest(join(ROOT, "packages/ui/src")), newest(join(ROOT, "packages/protocol/src")));
  for (const app of APPS) {
    const dir = join(ROOT, "apps", app);
    if (!existsSync(join(dir, "package.json"))) continue;
    const built = join(dir, "dist", "index.html");
    const sources = Math.max(shared, newest(join(dir, "src")), newest(join(dir, "index.html")), newest(join(dir, "public")));
    if (existsSync(built) && statSync(built).mtimeMs >= sources) continue;
    process.stderr.write(`layan: building the ${app} app…\n`);
    const result = spawnSync("pnpm", ["--filter", `@layan/${app}`, "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    if (result.status !== 0) die(`building the ${app} app failed (see above)`);
  }
}

/** The hub's bundle, rebuilt when any of the sources it bundles is newer. */
function buildStaleHub(): string {
  const bundle = join(ROOT, "apps/hub/dist/main.js");
  const packages = ["core", "protocol", "store", "config", "printer"].map((p) => newest(join(ROOT, "packages", p, "src")));
  const sources = Math.max(newest(join(ROOT, "apps/hub/src")), newest(join(ROOT, "apps/hub/build.mjs")), ...packages);
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return bundle;
  process.stderr.write("layan: building the hub…\n");
  const result = spawnSync(process.execPath, [join(ROOT, "apps/hub/build.mjs")], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) die("building the hub failed (see above)");
  return bundle;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2).filter((a) => a !== "--");
  let options;
  try {
    options = parseMainOptions(argv);
  } catch (err) {
    die((err as Error).message);
  }
  const configDir = resolve(options.configDir);
  const config = loadOfficeConfig(configDir, "nothing was started");
  // The hub gets --tls-cert/--tls-key (or LAYAN_TLS_*) as given; checked here so nothing half-starts.
  if (options.tls) readTlsFiles(options.tls);
  if (!(await portFree(options.port, options.host))) {
    die(`port ${options.port} is already in use (port sudah dipakai); stop the other program or use --port`);
  }
  const dataDir = writableDataDir(options.dataDir);

  buildStaleApps();
  const bundle = buildStaleHub();

  // One emulated printer for every kiosk that has one; its tickets show at /printer/.
  const printerDir = join(dataDir, "printer");
  const emulatorPort = (await portFree(9100, "127.0.0.1")) ? 9100 : 0;
  const emulator = await startPrinterEmulator({ port: emulatorPort, outDir: printerDir });
  const printers = config.devices.kiosks
    .filter((k) => k.printer.kind !== "none")
    .flatMap((k) => ["--kiosk-printer", `${k.id}=127.0.0.1:${emulator.port}`]);

  const hub = spawn(
    process.execPath,
    [...HUB_NODE_FLAGS, bundle, ...argv, ...(argv.includes("--demo") ? [] : ["--demo"]), ...printers, "--printer-preview", printerDir],
    { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...HUB_PROCESS_ENV } },
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // The hub may already have the signal from the terminal; a second one is harmless.
    if (hub.exitCode === null) hub.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  hub.on("exit", (code, signal) => {
    void emulator.close().finally(() => {
      if (!stopping && code !== 0) process.stderr.write(`layan: the hub stopped (${signal ?? `exit ${code}`})\n`);
      process.exit(stopping ? 0 : (code ?? 1));
    });
  });
  process.stderr.write(`layan: printer emulator on 127.0.0.1:${emulator.port}; printed tickets at /printer/\n`);
}

void main();
