/**
 * Today's service operations over HTTP (docs/api.md "Today's operations"),
 * for admins and supervisors, with a session token like the rest of
 * /api/admin (routes.ts):
 *   GET  /api/admin/operations                              the day as it stands
 *   POST /api/admin/operations/services/<id>/close|reopen|quota
 *   POST /api/admin/operations/counters/<id>/close|reopen
 *   POST /api/admin/operations/notice                       running text, announcement
 * Each change is a queue command through the engine (the log, replay and
 * regency shipping come with it), and its audit row commits in the same
 * transaction as its events. Screens hear of it through the usual pushes: the queue
 * push (kiosks ask again for the service's status), the counter snapshot,
 * and `notice:changed` to the displays.
 */
import type { ServerResponse } from "node:http";
import type { QueueCommand, QueueEvent } from "@layan/core";
import {
  CloseForTodaySchema,
  EmptyAdminSchema,
  NoticeSchema,
  QuotaTodaySchema,
  mayOperateToday,
  type AuditAction,
  type AuditValues,
  type ErrorCode,
  type OperationsToday,
} from "@layan/protocol";
import type { AuditActor, Store } from "@layan/store";
import type { HubContext } from "../context";
import { bodyReader, refuser, staffCaller } from "./route-kit";
import { decodePathPart, sendJson, type Route } from "../http";
import { namespaceOf } from "../namespaces/common";
import { operationsToday, todayNotices } from "./operations-view";

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_PAYLOAD: 400,
  UNAUTHORIZED: 401,
  ADMIN_FORBIDDEN: 403,
  SERVICE_UNKNOWN: 404,
  COUNTER_UNKNOWN: 404,
  QUOTA_BELOW_ISSUED: 409,
  COUNTER_BUSY: 409,
  STORE_UNAVAILABLE: 503,
};

const refused = refuser(STATUS);

const TARGET_PATH = /^\/api\/admin\/operations\/(services|counters)\/([^/]+)\/(close|reopen|quota)$/;

interface Operation {
  command: QueueCommand;
  action: AuditAction;
  target: string | null;
  after: AuditValues;
}

/** Mounted from main.ts next to adminRoutes. */
export function operationsRoutes(store: Store): (ctx: HubContext) => Route {
  return (ctx) => {
    const log = ctx.logger.child({ part: "operations" });
    const display = namespaceOf(ctx.io, "display");
    const officerName = (id: string) => store.findUserById(id)?.displayName ?? null;
    const view = (): OperationsToday =>
      operationsToday(ctx.engine.state, ctx.engine.now(), ctx.setup.catalog.office.runningText, officerName);

    const caller = staffCaller(ctx, store, refused, mayOperateToday);

    const body = bodyReader(ctx, refused);

    const run = async (res: ServerResponse, actor: AuditActor, op: Operation): Promise<true> => {
      const audit = { at: ctx.engine.now(), actor, action: op.action, target: op.target, after: op.after };
      // The audit row commits with the events (none when the command changed nothing, e.g. a repeat).
      const answer = await ctx.engine.execute(op.command, { requestId: null, namespace: "admin", audit }, (_s, events) => events);
      if (!answer.ok) return refused(res, answer.error.code);
      const events: QueueEvent[] = answer.data;
      // A repeat (the same reason again, reopening what is open) changed nothing: nothing to audit or push.
      if (events.length > 0) {
        log.info({ by: actor.name, action: op.action, target: op.target }, "today's operation");
        if (events.some((e) => e.type === "notice.set")) {
          display.emit("notice:changed", todayNotices(ctx.engine.state, ctx.engine.now(), ctx.setup.catalog.office.runningText));
        }
      }
      sendJson(res, 200, { ok: true, data: view() });
      return true;
    };

    return async (req, res, url) => {
      const path = url.pathname;
      if (path !== "/api/admin/operations" && !path.startsWith("/api/admin/operations/")) return false;

      if (path === "/api/admin/operations" && req.method === "GET") {
        if (!caller(req, res)) return true;
        sendJson(res, 200, { ok: true, data: view() });
        return true;
      }

      if (path === "/api/admin/operations/notice" && req.method === "POST") {
        const actor = caller(req, res);
        if (!actor) return true;
        const input = await body(req, res, NoticeSchema);
        if (!input) return true;
        return run(res, actor, {
          command: { type: "setNotice", kind: input.kind, text: input.text },
          action: input.kind === "runningText" ? "notice.running_text" : "notice.announcement",
          target: null,
          after: { text: input.text },
        });
      }

      const match = TARGET_PATH.exec(path);
      if (match && req.method === "POST") {
        const actor = caller(req, res);
        if (!actor) return true;
        const kind = match[1] as "services" | "counters";
        const id = decodePathPart(match[2] ?? "");
        const verb = match[3] as "close" | "reopen" | "quota";
        if (kind === "services") {
          if (verb === "close") {
            const input = await body(req, res, CloseForTodaySchema);
            if (!input) return true;
            return run(res, actor, {
              command: { type: "suspendService", serviceId: id, reason: input.reason },
              action: "service.close_today",
              target: id,
              after: { reason: input.reason },
            });
          }
          if (verb === "quota") {
            const input = await body(req, res, QuotaTodaySchema);
            if (!input) return true;
            const service = ctx.engine.state.services.get(id);
            return run(res, actor, {
              command: { type: "setQuota", serviceId: id, quota: input.quota },
              action: "service.quota_today",
              target: id,
              after: { quota: input.quota, configQuota: service?.dailyQuota ?? null },
            });
          }
          if (!(await body(req, res, EmptyAdminSchema))) return true;
          return run(res, actor, { command: { type: "resumeService", serviceId: id }, action: "service.reopen_today", target: id, after: {} });
        }
        if (verb === "close") {
          const input = await body(req, res, CloseForTodaySchema);
          if (!input) return true;
          return run(res, actor, {
            command: { type: "suspendCounter", counterId: id, reason: input.reason },
            action: "counter.close_today",
            target: id,
            after: { reason: input.reason },
          });
        }
        if (verb === "reopen") {
          if (!(await body(req, res, EmptyAdminSchema))) return true;
          return run(res, actor, { command: { type: "resumeCounter", counterId: id }, action: "counter.reopen_today", target: id, after: {} });
        }
      }

      return false;
    };
  };
}
