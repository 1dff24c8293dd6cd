/**
 * `pnpm regency serve`: the regency's central server. Reads its options,
 * opens the PostgreSQL pool, applies new migrations and listens; the server
 * itself is createRegencyServer().
 */
import { join, resolve } from "node:path";
import { pino } from "pino";
import { migrate } from "./db/migrate";
import { openPool } from "./db/pool";
import { ensureProjection } from "./reports/project";
import { createRegencyServer } from "./server";

export interface ServeOptions {
  database: string;
  port: number;
  host: string;
  logLevel: string;
  /** Behind a reverse proxy on this machine: X-Forwarded-For names the client (RegencyServerOptions.trustProxy). */
  trustProxy?: boolean;
  /** The dashboard's dist folder; default the repository's apps/regency-web/dist. */
  webRoot?: string;
}

/** The repository this file runs from (apps/regency/src/ -> ../../..), as the hub finds its apps' dist folders. */
const ROOT = resolve(import.meta.dirname, "../../..");
export const DEFAULT_WEB_ROOT = join(ROOT, "apps", "regency-web", "dist");

export async function serve(options: ServeOptions): Promise<void> {
  const logger = pino({ level: options.logLevel });
  const pool = openPool(options.database, { jit: false });
  const applied = await migrate(pool);
  if (applied.length > 0) logger.info({ applied }, "migrations applied");
  // Facts made by an older projection (or events ingested before the reports existed) are rebuilt before serving.
  if (await ensureProjection(pool)) logger.info("report facts rebuilt from office_events");
  const server = createRegencyServer({
    pool,
    logger,
    trustProxy: options.trustProxy ?? false,
    webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
    project: process.env.LAYAN_TEST_PROJECTOR_PAUSED !== "1",
  });
  const { port, host } = await server.listen(options.port, options.host);
  // The readiness line scripts and tests wait for, whatever the log level.
  const ready = { msg: "listening", port, host };
  if (logger.isLevelEnabled("info")) logger.info(ready);
  else process.stdout.write(`${JSON.stringify(ready)}\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    void server
      .close()
      .then(() => pool.end())
      .finally(() => process.exit(0));
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}
