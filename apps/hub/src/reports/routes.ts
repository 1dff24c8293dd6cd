/**
 * GET /api/reports/<name>[.csv] — the manager dashboard's reports over HTTP,
 * as JSON and as CSV. Same session tokens as the sockets (`Authorization:
 * Bearer ses_…`), for the report roles only. The contract (each report's
 * query schema and answer type) is REPORT_ENDPOINTS in packages/protocol;
 * this file authenticates, parses with those schemas and dispatches to one
 * module per report in ./endpoints. docs/api.md describes it for API users.
 *
 * Reports run on the hub's thread, on its database connection: the queries
 * are index range scans sized for a month of a busy office in well under the
 * 300 ms budget, and the CSV of the ticket log is streamed page by page,
 * yielding between pages, so an export never holds up a call for long.
 */
import type { ServerResponse } from "node:http";
import { serviceDayOf, utcOffsetMinutes } from "@layan/core";
import {
  fail,
  isReportName,
  ok,
  queryObject,
  REPORT_ENDPOINTS,
  REPORT_ROLES,
  type ErrorCode,
  type ReportName,
  type ReportQuery,
} from "@layan/protocol";
import { createReportQueries, type Store } from "@layan/store";
import type { HubContext } from "../context";
import { bearerToken, sendJson, type Route } from "../http";
import { ReportParamError, type ReportContext, type ReportHandler } from "./context";
import { CSV_DEFAULT, CSV_INDONESIA } from "./csv";
import { assessment } from "./endpoints/assessment";
import { complaints } from "./endpoints/complaints";
import { compliance } from "./endpoints/compliance";
import { ikm } from "./endpoints/ikm";
import { heatmap } from "./endpoints/heatmap";
import { live } from "./endpoints/live";
import { meta } from "./endpoints/meta";
import { steps } from "./endpoints/steps";
import { summary } from "./endpoints/summary";
import { tickets } from "./endpoints/tickets";
import { trend } from "./endpoints/trend";
import { reportNames } from "./names";

/** One handler per report of the contract: a report the protocol declares and the hub lacks fails the typecheck. */
const HANDLERS: { [N in ReportName]: ReportHandler<N> } = {
  meta,
  summary,
  trend,
  steps,
  heatmap,
  tickets,
  compliance,
  live,
  ikm,
  complaints,
  assessment,
};

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_PAYLOAD: 400,
};

type Issues = { path: string; message: string }[];

function sendError(res: ServerResponse, code: ErrorCode, issues?: Issues): void {
  sendJson(res, STATUS[code] ?? 500, fail(code, issues));
}

/** "08:05:30" office-local, from epoch ms and the fixed offset. */
export function localClock(at: number | null, offsetMinutes: number): string {
  if (at === null) return "";
  return new Date(at + offsetMinutes * 60_000).toISOString().slice(11, 19);
}

/**
 * The route factory for `createHub({ routes: [reportRoutes(store.db)] })`: the
 * hub context gives time, auth, config and the live queue; the database handle
 * is the store's own connection.
 */
export function reportRoutes(db: Store["db"]): (ctx: HubContext) => Route {
  return (hub) => {
    const tz = hub.setup.rules.timezone;
    const offsetMinutes = utcOffsetMinutes(tz, hub.engine.now());
    const reports = createReportQueries(db, { utcOffsetMinutes: offsetMinutes });
    const rc: ReportContext = {
      hub,
      reports,
      names: reportNames(hub.setup, reports),
      clock: (at) => localClock(at, offsetMinutes),
    };
    const log = hub.logger.child({ part: "reports" });
    const roles: readonly string[] = REPORT_ROLES;

    return async (req, res, url) => {
      if (!url.pathname.startsWith("/api/reports/")) return false;
      if (req.method !== "GET") {
        sendError(res, "NOT_FOUND");
        return true;
      }
      const identity = hub.auth.identify(bearerToken(req));
      if (!identity) {
        sendError(res, "UNAUTHORIZED");
        return true;
      }
      if (identity.kind !== "user" || !roles.includes(identity.role)) {
        log.info({ who: identity.id, role: identity.role, path: url.pathname }, "report refused");
        sendError(res, "FORBIDDEN");
        return true;
      }
      const m = /^\/api\/reports\/([a-z]+)(\.csv)?$/.exec(url.pathname);
      const name = m?.[1] ?? "";
      const csv = m?.[2] === ".csv";
      if (!isReportName(name) || (csv && !REPORT_ENDPOINTS[name].csv)) {
        sendError(res, "NOT_FOUND");
        return true;
      }
      const started = performance.now();
      try {
        await answer(name, rc, url.searchParams, csv, res);
      } catch (err) {
        if (err instanceof ReportParamError) {
          sendError(res, "INVALID_PAYLOAD", err.issues);
          return true;
        }
        throw err;
      }
      log.debug({ report: name, csv, ms: Math.round(performance.now() - started) }, "report");
      return true;
    };
  };
}

async function answer<N extends ReportName>(
  name: N,
  rc: ReportContext,
  params: URLSearchParams,
  csv: boolean,
  res: ServerResponse,
): Promise<void> {
  const today = serviceDayOf(rc.hub.engine.now(), rc.hub.setup.rules.timezone);
  const parsed = REPORT_ENDPOINTS[name].query(today).safeParse(queryObject(params));
  if (!parsed.success) {
    throw new ReportParamError(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  }
  const query = parsed.data as ReportQuery<N>;
  const handler: ReportHandler<N> = HANDLERS[name];
  if (csv && handler.csv) {
    const dialect = params.get("dialect") === "id" ? CSV_INDONESIA : CSV_DEFAULT;
    await handler.csv(rc, query, { res, dialect });
  } else sendJson(res, 200, ok(handler.json(rc, query)));
}
