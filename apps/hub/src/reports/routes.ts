/**
 * GET /api/reports/<name>[.csv] — the manager dashboard's reports over HTTP,
 * as JSON and as CSV. Same session tokens as the sockets (`Authorization:
 * Bearer ses_…`), for the report roles only. The contract (each report's
 * query schema and answer type) is REPORT_ENDPOINTS in packages/protocol;
 * docs/api.md describes it for API users.
 *
 * On the hub's thread this file only authenticates, parses the query with
 * those schemas and forwards it to the report worker (service.ts, worker.ts),
 * which runs the SQL on its own thread and read-only connection: a year-long
 * summary takes about a second, and calls and displays must not wait for it.
 * The one exception is `live`, read from the engine's live queue in memory
 * (no SQL, a few ms even with a long queue): it has to be on this thread,
 * where the queue is.
 */
import { serviceDayOf, utcOffsetMinutes } from "@layan/core";
import {
  fail,
  isReportName,
  ok,
  queryObject,
  REPORT_ENDPOINTS,
  REPORT_ROLES,
  type ErrorCode,
} from "@layan/protocol";
import type { Store } from "@layan/store";
import type { HubContext } from "../context";
import { bearerToken, sendJson, type Route } from "../http";
import { liveView } from "./live";
import { ReportWorker, sendReportError, type ReportWorkerOptions } from "./service";

export { localClock } from "./time";

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

export type ReportRoute = Route & { close(): Promise<void> };

export interface ReportRouteOptions extends Pick<ReportWorkerOptions, "maxInFlight" | "timeoutMs" | "idleMs"> {
  /** Given the worker's handle with the route (tests end the thread to see a crash handled). */
  onWorker?: (worker: ReportWorker) => void;
}

/**
 * The route factory for `createHub({ routes: [reportRoutes(store.db)] })`: the
 * hub context gives time, auth, config and the live queue; the worker opens
 * the store's database file again, read-only. An in-memory database cannot
 * be shared with another thread: reports need the database in a file.
 */
export function reportRoutes(db: Store["db"], options: ReportRouteOptions = {}): (ctx: HubContext) => ReportRoute {
  if (db.memory) throw new Error("reports need the database in a file: the report worker opens it read-only");
  const dbFile = db.name;
  return (hub) => {
    const tz = hub.setup.rules.timezone;
    const log = hub.logger.child({ part: "reports" });
    const worker = new ReportWorker({
      dbFile,
      setup: hub.setup,
      utcOffsetMinutes: utcOffsetMinutes(tz, hub.engine.now()),
      logger: log,
      ...(options.maxInFlight !== undefined ? { maxInFlight: options.maxInFlight } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.idleMs !== undefined ? { idleMs: options.idleMs } : {}),
    });
    options.onWorker?.(worker);
    const roles: readonly string[] = REPORT_ROLES;

    const route: Route = async (req, res, url) => {
      if (!url.pathname.startsWith("/api/reports/")) return false;
      const refuse = (code: ErrorCode) => {
        sendJson(res, STATUS[code] ?? 500, fail(code));
        return true;
      };
      if (req.method !== "GET") return refuse("NOT_FOUND");
      const identity = hub.auth.identify(bearerToken(req));
      if (!identity) return refuse("UNAUTHORIZED");
      if (identity.kind !== "user" || !roles.includes(identity.role)) {
        log.info({ who: identity.id, role: identity.role, path: url.pathname }, "report refused");
        return refuse("FORBIDDEN");
      }
      const m = /^\/api\/reports\/([a-z]+)(\.csv)?$/.exec(url.pathname);
      const name = m?.[1] ?? "";
      const csv = m?.[2] === ".csv";
      if (!isReportName(name) || (csv && !REPORT_ENDPOINTS[name].csv)) return refuse("NOT_FOUND");

      const now = hub.engine.now();
      const parsed = REPORT_ENDPOINTS[name].query(serviceDayOf(now, tz)).safeParse(queryObject(url.searchParams));
      if (!parsed.success) {
        sendReportError(res, "INVALID_PAYLOAD", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
        return true;
      }
      const started = performance.now();
      if (name === "live") sendJson(res, 200, ok(liveView(hub.engine.state, now)));
      else {
        const dialect = url.searchParams.get("dialect") === "id" ? "id" : "default";
        await worker.answer(res, { name, query: parsed.data, csv, dialect, now });
      }
      log.debug({ report: name, csv, ms: Math.round(performance.now() - started) }, "report");
      return true;
    };
    return Object.assign(route, { close: () => worker.close() });
  };
}
