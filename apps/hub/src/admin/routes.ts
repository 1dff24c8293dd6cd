/**
 * Administration over HTTP (docs/api.md "Administration"), for a session
 * token in the Authorization header, like the reports and the complaint
 * desk: no cookie is involved, so another site's page cannot borrow the
 * session; POSTs still pass the same-origin and JSON checks of jsonBody.
 *   GET  /api/admin/users                        admin, supervisor
 *   POST /api/admin/users                        admin
 *   POST /api/admin/users/<id>/disable|enable|role   admin
 *   POST /api/admin/users/<id>/pin|unlock        admin; supervisor for officers
 *   GET  /api/admin/audit?from&to&actor&action&before&limit   admin, manager
 *   GET  /api/admin/audit.csv?from&to&actor&action            admin, manager
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  AddUserSchema,
  AuditQuerySchema,
  ChangeRoleSchema,
  EmptyAdminSchema,
  ResetPinSchema,
  mayManageUser,
  mayReadAudit,
  type AuditPage,
  type ErrorCode,
  type UserAction,
} from "@layan/protocol";
import type { AuditActor, Store, User } from "@layan/store";
import type { HubContext } from "../context";
import { bodyReader, issuesOf, refuser } from "./route-kit";
import { bearerToken, decodePathPart, sendJson, type Route } from "../http";
import { endInvalidSockets } from "../revocation";
import { auditCsv, auditFilter } from "./audit-export";
import { addUser, adminUser, changeRole, resetSecret, setDisabled, unlockUser, type LockView, type Outcome } from "./users";

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_PAYLOAD: 400,
  UNAUTHORIZED: 401,
  ADMIN_FORBIDDEN: 403,
  ADMIN_USER_NOT_FOUND: 404,
  ADMIN_USERNAME_TAKEN: 409,
  ADMIN_LAST_ADMIN: 409,
};

const refused = refuser(STATUS);


const USER_PATH = /^\/api\/admin\/users\/([^/]+)\/(disable|enable|role|pin|unlock)$/;
const PATH_ACTION = { disable: "disable", enable: "enable", role: "role", pin: "pin_reset", unlock: "unlock" } as const;

interface Caller {
  user: User;
  actor: AuditActor;
}

/** Mounted from main.ts next to the reports: `routes: [adminRoutes(store), …]`. */
export function adminRoutes(store: Store): (ctx: HubContext) => Route {
  return (ctx) => {
    const locks: LockView = { lockedUntil: (u) => ctx.auth.lockedUntil(u), unlock: (name) => ctx.auth.unlock(name) };
    const now = () => ctx.engine.now();
    const log = ctx.logger.child({ part: "admin" });

    /** The signed-in user behind the request, or undefined once it was answered 401/403. */
    const caller = (req: IncomingMessage, res: ServerResponse): Caller | undefined => {
      const identity = ctx.auth.identify(bearerToken(req));
      if (!identity) {
        refused(res, "UNAUTHORIZED");
        return undefined;
      }
      const user = identity.kind === "user" ? store.findUserById(identity.id) : undefined;
      if (!user) {
        // A kiosk's or display's token: devices administer nothing.
        refused(res, "ADMIN_FORBIDDEN");
        return undefined;
      }
      const address = ctx.clientAddress(req);
      const userAgent = req.headers["user-agent"] ?? null;
      return { user, actor: { kind: "user", id: user.id, name: user.username, address, userAgent } };
    };

    const body = bodyReader(ctx, refused);

    const answerUser = (res: ServerResponse, outcome: Outcome<User>, endSockets: boolean) => {
      if (!outcome.ok) return refused(res, outcome.code);
      // The revocation sweep (revocation.ts): the user's open counter and dashboard drop now, not in 2 s.
      if (endSockets) endInvalidSockets(ctx.io, ctx.auth, log);
      sendJson(res, 200, { ok: true, data: adminUser(outcome.data, locks) });
    };

    return async (req, res, url) => {
      const path = url.pathname;
      if (!path.startsWith("/api/admin/")) return false;

      if (path === "/api/admin/users" && req.method === "GET") {
        const who = caller(req, res);
        if (!who) return true;
        if (!mayManageUser(who.user.role, "list")) return refused(res, "ADMIN_FORBIDDEN");
        sendJson(res, 200, { ok: true, data: store.listUsers().map((u) => adminUser(u, locks)) });
        return true;
      }

      if (path === "/api/admin/users" && req.method === "POST") {
        const who = caller(req, res);
        if (!who) return true;
        if (!mayManageUser(who.user.role, "add")) return refused(res, "ADMIN_FORBIDDEN");
        const input = await body(req, res, AddUserSchema);
        if (!input) return true;
        const outcome = await addUser(store, who.actor, input, now());
        if (!outcome.ok) return refused(res, outcome.code);
        log.info({ by: who.user.username, username: input.username, role: input.role }, "user added");
        sendJson(res, 200, { ok: true, data: outcome.data });
        return true;
      }

      const match = USER_PATH.exec(path);
      if (match && req.method === "POST") {
        const who = caller(req, res);
        if (!who) return true;
        const action: UserAction = PATH_ACTION[match[2] as keyof typeof PATH_ACTION];
        const target = store.findUserById(decodePathPart(match[1] ?? ""));
        // Refused alike whether or not the id exists, for a role that may not act on it.
        if (!mayManageUser(who.user.role, action, target?.role)) return refused(res, "ADMIN_FORBIDDEN");
        if (!target) return refused(res, "ADMIN_USER_NOT_FOUND");
        const at = now();
        if (action === "role") {
          const input = await body(req, res, ChangeRoleSchema);
          if (input) answerUser(res, changeRole(store, who.actor, target.id, input.role, at), true);
          return true;
        }
        if (action === "pin_reset") {
          const input = await body(req, res, ResetPinSchema);
          if (!input) return true;
          const outcome = await resetSecret(store, who.actor, target.id, input.secret, at);
          if (!outcome.ok) return refused(res, outcome.code);
          endInvalidSockets(ctx.io, ctx.auth, log);
          sendJson(res, 200, { ok: true, data: outcome.data });
          return true;
        }
        if (!(await body(req, res, EmptyAdminSchema))) return true;
        if (action === "unlock") answerUser(res, unlockUser(store, locks, who.actor, target.id, at), false);
        else answerUser(res, setDisabled(store, who.actor, target.id, action === "disable", at), action === "disable");
        return true;
      }

      if ((path === "/api/admin/audit" || path === "/api/admin/audit.csv") && req.method === "GET") {
        const who = caller(req, res);
        if (!who) return true;
        if (!mayReadAudit(who.user.role)) return refused(res, "ADMIN_FORBIDDEN");
        const parsed = AuditQuerySchema.safeParse(Object.fromEntries(url.searchParams));
        if (!parsed.success) return refused(res, "INVALID_PAYLOAD", issuesOf(parsed.error));
        const timezone = ctx.setup.rules.timezone;
        if (path.endsWith(".csv")) {
          const { filename, text } = auditCsv(store, parsed.data, timezone);
          res.writeHead(200, {
            "content-type": "text/csv; charset=utf-8",
            "content-disposition": `attachment; filename="${filename}"`,
            "content-length": Buffer.byteLength(text),
            "cache-control": "no-store",
          });
          res.end(text);
          return true;
        }
        const entries = store.listAudit(auditFilter(parsed.data, timezone));
        const page: AuditPage = {
          entries,
          nextBefore: entries.length === parsed.data.limit ? (entries[entries.length - 1]?.id ?? null) : null,
        };
        sendJson(res, 200, { ok: true, data: page });
        return true;
      }

      return false;
    };
  };
}
