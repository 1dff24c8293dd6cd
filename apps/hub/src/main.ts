/**
 * `pnpm start`: parses options, builds the real parts (kiosk-config, SQLite
 * store, clock, logger, printer) and listens. Nothing else lives here: the hub
 * itself is createHub().
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { join, resolve } from "node:path";
import { openStore, type Store } from "@layan/store";
import { pino } from "pino";
import { seedDemo, type DemoCredentials } from "./admin";
import { adminRoutes } from "./admin/routes";
import { deviceRoutes } from "./admin/devices-routes";
import { operationsRoutes } from "./admin/operations";
import { configRoutes } from "./admin/config";
import { hubClock, TEST_NOW_ENV, type Clock } from "./clock";
import { setupFromConfig } from "./config-setup";
import { createHub, type Hub } from "./hub";
import { startLiveConfig } from "./live-config";
import { bookingRoutes } from "./booking";
import { notifyRoutes } from "./notify";
import { WEB_APPS } from "./http";
import { parseMainOptions, type MainOptions } from "./options";
import { die, loadOfficeConfig, readTlsFiles, writableDataDir } from "./preflight";
import { hubStore } from "./store-adapter";
import { printerPreviewRoutes } from "./printer-preview";
import { baseReachableFromPhone, firstNetworkAddress, unreachableTicketUrlWarning } from "./public-url";
import { reportRoutes } from "./reports";
import { networkPrinting } from "./printing";

const ROOT = resolve(import.meta.dirname, "../../..");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

function prepareDataDir(options: MainOptions): string {
  const dir = writableDataDir(options.dataDir);
  if (options.reset) {
    for (const f of ["layan.db", "layan.db-wal", "layan.db-shm", "demo-credentials.json"]) rmSync(join(dir, f), { force: true });
  }
  return dir;
}

/**
 * Where the demo's URLs point: this machine's network address when it has one,
 * so a kiosk opened from the banner prints QR codes a phone can open.
 */
function advertisedBase(scheme: Hub["scheme"], port: number, host: string, publicBaseUrl: string | null): { base: string; ticketBase: string; lanMissing: boolean } {
  const bindAll = host === "0.0.0.0" || host === "::";
  const lan = bindAll ? firstNetworkAddress(networkInterfaces()) : null;
  const base = `${scheme}://${bindAll ? (lan ?? "localhost") : host}:${port}`;
  return { base, ticketBase: (publicBaseUrl ?? base).replace(/\/$/, ""), lanMissing: bindAll && lan === null };
}

function banner(scheme: Hub["scheme"], port: number, host: string, publicBaseUrl: string | null, creds: DemoCredentials | null, printerPreview: boolean, credsFile: string): string {
  const { base, ticketBase, lanMissing } = advertisedBase(scheme, port, host, publicBaseUrl);
  const lines = [
    "",
    "  Layan — Mal Pelayanan Publik hub is running",
    `  Kiosk      ${base}/kiosk/${creds?.kiosks[0] ? `?token=${creds.kiosks[0].token}` : ""}`,
    `  Display    ${base}/display/${creds?.displays[0] ? `?token=${creds.displays[0].token}` : ""}`,
    `  Counter    ${base}/counter/`,
    `  Dashboard  ${base}/dashboard/`,
    ...(printerPreview ? [`  Printer    ${base}/printer/   (emulated kiosk printer: the printed tickets)`] : []),
    lanMissing
      ? "  Ticket QR  this machine has no network address besides loopback: QR codes open only here"
      : `  Ticket QR  ${ticketBase}/t/…   (open the kiosk through this address so phones can follow their tickets)`,
  ];
  if (creds) {
    lines.push("", "  Demo logins (username / PIN or password):");
    for (const u of creds.users) lines.push(`    ${u.role.padEnd(10)} ${u.username.padEnd(11)} ${u.secret}`);
    lines.push(`  (also in ${credsFile})`);
  }
  lines.push("");
  return lines.join("\n");
}

async function main(): Promise<void> {
  let options: MainOptions;
  try {
    options = parseMainOptions(process.argv.slice(2));
  } catch (err) {
    die((err as Error).message);
  }
  const logger = pino({ level: options.logLevel });
  let clock: Clock;
  try {
    const pinned = hubClock(process.env);
    clock = pinned.clock;
    if (pinned.pinnedAt !== null) logger.warn({ startsAt: new Date(pinned.pinnedAt).toISOString() }, `${TEST_NOW_ENV} is set: the hub's clock is shifted for tests`);
  } catch (err) {
    die((err as Error).message);
  }
  const config = loadOfficeConfig(resolve(options.configDir), "hub tidak dijalankan", clock(), (issue, text) =>
    logger.warn({ file: issue.file, line: issue.line, path: issue.path }, `kiosk-config: ${text}`),
  );
  const tls = options.tls ? readTlsFiles(options.tls) : null;
  const dataDir = prepareDataDir(options);

  let store: Store;
  try {
    store = openStore(options.dbFile ? resolve(options.dbFile) : join(dataDir, "layan.db"));
  } catch (err) {
    die(`cannot open the database in ${dataDir}: ${(err as Error).message}`);
  }

  let creds: DemoCredentials | null = null;
  if (options.demo) {
    const file = join(dataDir, "demo-credentials.json");
    const previous = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as DemoCredentials) : null;
    creds = await seedDemo(store, config, clock(), previous);
    writeFileSync(file, `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
  }

  for (const kioskId of Object.keys(options.kioskPrinters)) {
    if (!config.devices.kiosks.some((k) => k.id === kioskId)) die(`--kiosk-printer: no kiosk "${kioskId}" in kiosk-config/devices.yaml`);
  }
  // The same at start and at every live reload, options included.
  const toSetup = (office: typeof config) => {
    const made = setupFromConfig(office, { alwaysOpen: options.alwaysOpen });
    for (const [kioskId, { host, port }] of Object.entries(options.kioskPrinters)) {
      const kiosk = made.kiosks.get(kioskId);
      if (kiosk) kiosk.printer = { kind: "network", host, port, path: null, paper: kiosk.printer?.paper ?? "80mm" };
    }
    return made;
  };
  const setup = toSetup(config);
  const storage = hubStore(store);
  const webApps = Object.fromEntries(WEB_APPS.map((app) => [app, join(ROOT, "apps", app, "dist")]));
  let hub: Hub;
  try {
    const preview = options.printerPreview;
    hub = createHub({
      setup,
      store: storage,
      clock,
      logger,
      version: VERSION,
      webApps,
      allowedOrigins: options.allowedOrigins,
      trustProxy: options.trustProxy,
      tls,
      dataDir,
      printing: networkPrinting(setup, logger),
      routes: [reportRoutes(store.db), adminRoutes(store), deviceRoutes(store), operationsRoutes(store), configRoutes(store, () => liveConfig), notifyRoutes({ db: store.db, dataDir }), bookingRoutes({ store, dataDir }), ...(preview ? [() => printerPreviewRoutes(resolve(preview))] : [])],
    });
  } catch (err) {
    store.close();
    die(`hub failed to start: ${(err as Error).message}`);
  }

  const liveConfig = startLiveConfig({ hub, dir: resolve(options.configDir), initial: config, toSetup, logger, backupDir: join(dataDir, "config-backups") });

  try {
    const { port } = await hub.listen(options.port, options.host);
    // The readiness line scripts and the benchmark wait for, whatever the log level.
    const ready = { msg: "listening", scheme: hub.scheme, port, host: options.host, seq: hub.engine.seq };
    if (logger.isLevelEnabled("info")) logger.info(ready);
    else process.stdout.write(`${JSON.stringify(ready)}\n`);
    // Said at start, once: a QR code a phone cannot open is found out only when a citizen tries.
    const { ticketBase } = advertisedBase(hub.scheme, port, options.host, setup.publicBaseUrl);
    if (!baseReachableFromPhone(ticketBase)) logger.warn({ base: ticketBase }, unreachableTicketUrlWarning(ticketBase));
    if (creds || logger.isLevelEnabled("info")) process.stderr.write(banner(hub.scheme, port, options.host, setup.publicBaseUrl, creds, options.printerPreview !== null, join(dataDir, "demo-credentials.json")));
  } catch (err) {
    await hub.close().catch(() => undefined);
    storage.committer.close();
    store.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") die(`port ${options.port} is already in use (port sudah dipakai); stop the other program or use --port`);
    if (code === "EACCES") die(`no permission to listen on port ${options.port}; use a port above 1024`);
    die(`cannot listen on ${options.host}:${options.port}: ${(err as Error).message}`);
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    liveConfig.close();
    // Stop taking commands, write what is queued, then close the database.
    void hub
      .close()
      .catch((err: unknown) => logger.error({ err }, "close failed"))
      .finally(() => {
        storage.committer.close();
        store.close();
        process.exit(0);
      });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

void main();
