/**
 * The feedback API over HTTP. Public (no login; what a citizen's phone
 * calls from the ticket page and the complaint pages):
 *   GET  /api/public/office                      maklumat, office information, complaint form
 *   GET  /api/public/tickets/<ticketId>/survey   may this ticket answer the survey?
 *   POST /api/public/tickets/<ticketId>/survey   its answers (once)
 *   POST /api/public/complaints                  a complaint or suggestion
 *   GET  /api/public/complaints/<code>           its status, by tracking code
 * Staff (session token; manager, supervisor, admin):
 *   GET  /api/complaints?status=&cursor=&limit=  the complaints, newest first
 *   GET  /api/complaints/assignees               who a complaint may be given to
 *   GET  /api/complaints/<id>                    one, with the citizen's contact
 *   POST /api/complaints/<id>/assign|respond|close
 * docs/api.md describes them for API users.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  COMPLAINT_CODE,
  COMPLAINT_STATUSES,
  ComplaintAssignSchema,
  ComplaintCloseSchema,
  ComplaintFilingSchema,
  ComplaintRespondSchema,
  fail,
  ok,
  REPORT_ROLES,
  SurveyResponseSchema,
  type Ack,
  type ComplaintStatus,
  type ErrorCode,
} from "@layan/protocol";
import type { z } from "zod";
import type { HubContext } from "../context";
import { limitKey } from "../client-address";
import { bearerToken, decodePathPart, jsonBody, sendJson, type Route } from "../http";
import { actOnComplaint, fileComplaint, publicComplaint, staffComplaint } from "./complaints";
import { PublicWriteLimit } from "./public-limit";
import { submitSurvey, surveyOffer } from "./survey";

const TICKET_ID = /^[A-Za-z0-9_-]{16}$/;
const COMPLAINT_ID = /^[A-Za-z0-9_-]{12}$/;

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_PAYLOAD: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TICKET_UNKNOWN: 404,
  SURVEY_ALREADY_ANSWERED: 409,
  SURVEY_NOT_SERVED: 409,
  SURVEY_WINDOW_PASSED: 409,
  SURVEY_DISABLED: 409,
  REQUEST_CONFLICT: 409,
  REQUEST_EXPIRED: 409,
  COMPLAINT_CLOSED: 409,
  COMPLAINT_NOT_ANSWERED: 409,
  COMPLAINT_CATEGORY_UNKNOWN: 400,
  SERVICE_UNKNOWN: 400,
  ASSIGNEE_UNKNOWN: 400,
  TOO_MANY_REQUESTS: 429,
  STORE_UNAVAILABLE: 503,
};

function answer<T>(res: ServerResponse, ack: Ack<T>): void {
  sendJson(res, ack.ok ? 200 : (STATUS[ack.error.code] ?? 500), ack);
}

function refuse(res: ServerResponse, code: ErrorCode, issues?: { path: string; message: string }[]): void {
  sendJson(res, STATUS[code] ?? 500, fail(code, issues));
}

/** The body parsed with `schema`, or undefined when the request was already answered with its refusal. */
async function parsedBody<S extends z.ZodType>(
  ctx: HubContext,
  req: IncomingMessage,
  res: ServerResponse,
  schema: S,
): Promise<z.output<S> | undefined> {
  const body = await jsonBody(req, res, ctx.allowedOrigins);
  if (body === undefined) return undefined;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    refuse(res, "INVALID_PAYLOAD", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
    return undefined;
  }
  return parsed.data;
}

/** Where the citizen reached the hub: the base of links when the office has no public address. */
function requestBase(req: IncomingMessage): string | null {
  const host = req.headers.host;
  if (!host) return null;
  const secure = "encrypted" in req.socket && Boolean((req.socket as { encrypted?: boolean }).encrypted);
  return `${secure ? "https" : "http"}://${host}`;
}

export function feedbackRoutes(ctx: HubContext): Route {
  const limit = new PublicWriteLimit(() => ctx.engine.now());
  const log = ctx.logger.child({ part: "feedback" });
  const staffRoles: readonly string[] = REPORT_ROLES;

  const overLimit = (req: IncomingMessage, res: ServerResponse): boolean => {
    const source = limitKey(ctx.clientAddress(req));
    if (limit.take(source)) return false;
    log.warn({ source, path: req.url }, "public write refused: too many from one address");
    refuse(res, "TOO_MANY_REQUESTS");
    return true;
  };

  const publicRoute: Route = async (req, res, url) => {
    const path = url.pathname;
    if (path === "/api/public/office" && req.method === "GET") {
      const { office, agencies, services } = ctx.setup.catalog;
      sendJson(res, 200, ok({
        office,
        agencies: agencies.map((a) => ({ id: a.id, name: a.name, maklumat: a.maklumat })),
        services: services.map((s) => ({ id: s.id, name: s.name, agencyId: s.agencyId })),
      }));
      return true;
    }
    const survey = /^\/api\/public\/tickets\/([^/]+)\/survey$/.exec(path);
    if (survey) {
      const ticketId = decodePathPart(survey[1] ?? "");
      const offer = TICKET_ID.test(ticketId) ? surveyOffer(ctx, ticketId) : null;
      if (!offer) {
        refuse(res, "TICKET_UNKNOWN");
        return true;
      }
      if (req.method === "GET") {
        sendJson(res, 200, ok(offer));
        return true;
      }
      if (req.method !== "POST") return false;
      if (overLimit(req, res)) return true;
      const body = await parsedBody(ctx, req, res, SurveyResponseSchema);
      if (body === undefined) return true;
      answer(res, await submitSurvey(ctx, { ticketId, channel: "ticket_page", namespace: "public", body }));
      return true;
    }
    if (path === "/api/public/complaints" && req.method === "POST") {
      if (overLimit(req, res)) return true;
      const body = await parsedBody(ctx, req, res, ComplaintFilingSchema);
      if (body === undefined) return true;
      answer(res, await fileComplaint(ctx, { channel: "ticket_page", namespace: "public", body, base: requestBase(req) }));
      return true;
    }
    const status = /^\/api\/public\/complaints\/([^/]+)$/.exec(path);
    if (status && req.method === "GET") {
      const code = decodePathPart(status[1] ?? "").toUpperCase();
      const found = COMPLAINT_CODE.test(code) ? publicComplaint(ctx, code) : null;
      if (!found) refuse(res, "NOT_FOUND");
      else sendJson(res, 200, ok(found));
      return true;
    }
    return false;
  };

  const staffRoute: Route = async (req, res, url) => {
    const path = url.pathname;
    if (path !== "/api/complaints" && !path.startsWith("/api/complaints/")) return false;
    const identity = ctx.auth.identify(bearerToken(req));
    if (!identity) {
      refuse(res, "UNAUTHORIZED");
      return true;
    }
    if (identity.kind !== "user" || !staffRoles.includes(identity.role)) {
      refuse(res, "FORBIDDEN");
      return true;
    }
    const { feedback } = ctx.store;
    if (path === "/api/complaints" && req.method === "GET") {
      const statuses = (url.searchParams.get("status") ?? "")
        .split(",")
        .filter((v): v is ComplaintStatus => (COMPLAINT_STATUSES as readonly string[]).includes(v));
      const cursor = Number(url.searchParams.get("cursor") ?? "");
      const size = Math.min(200, Math.max(1, Number(url.searchParams.get("limit") ?? "") || 50));
      const rows = feedback.listComplaints({
        status: statuses.length > 0 ? statuses : null,
        beforeSeq: Number.isInteger(cursor) && cursor > 0 ? cursor : null,
        limit: size + 1,
      });
      const page = rows.slice(0, size);
      sendJson(res, 200, ok({
        rows: page.map((r) => staffComplaint(ctx, r)),
        next: rows.length > size ? String(page.at(-1)?.filed_seq ?? "") : null,
        counts: feedback.complaintCounts(),
      }));
      return true;
    }
    if (path === "/api/complaints/assignees" && req.method === "GET") {
      sendJson(res, 200, ok(ctx.store.listUsers().filter((u) => u.disabledAt === null && u.role !== "officer").map((u) => ({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
      }))));
      return true;
    }
    const one = /^\/api\/complaints\/([^/]+)(?:\/(assign|respond|close))?$/.exec(path);
    if (!one) {
      refuse(res, "NOT_FOUND");
      return true;
    }
    const id = decodePathPart(one[1] ?? "");
    const row = COMPLAINT_ID.test(id) ? feedback.complaintById(id) : undefined;
    if (!row) {
      refuse(res, "NOT_FOUND");
      return true;
    }
    const action = one[2];
    if (action === undefined) {
      if (req.method !== "GET") return false;
      sendJson(res, 200, ok(staffComplaint(ctx, row)));
      return true;
    }
    if (req.method !== "POST") return false;
    const by = ctx.store.findUserById(identity.id)?.username ?? identity.id;
    const request = (requestId: string) => ({ requestId, namespace: `complaints:${identity.id}` });
    if (action === "assign") {
      const body = await parsedBody(ctx, req, res, ComplaintAssignSchema);
      if (body) answer(res, await actOnComplaint(ctx, id, { kind: "assign", assignee: body.assignee }, by, request(body.requestId)));
    } else if (action === "respond") {
      const body = await parsedBody(ctx, req, res, ComplaintRespondSchema);
      if (body) answer(res, await actOnComplaint(ctx, id, { kind: "respond", text: body.text }, by, request(body.requestId)));
    } else {
      const body = await parsedBody(ctx, req, res, ComplaintCloseSchema);
      if (body) answer(res, await actOnComplaint(ctx, id, { kind: "close", note: body.note }, by, request(body.requestId)));
    }
    return true;
  };

  return async (req, res, url) => (await publicRoute(req, res, url)) || (await staffRoute(req, res, url));
}
