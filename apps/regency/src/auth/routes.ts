/**
 * POST, GET and DELETE /api/v1/regency/session (docs/api.md "Regency
 * logins"), and who reads a report: a session cookie or a viewer token.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { REGENCY_SESSION_PATH, RegencyLoginRequest, regencyFail, type RegencySession } from "@layan/protocol";
import type { Logger } from "pino";
import type { Pool } from "../db/pool";
import { clientAddress, parse, readJson, send } from "../http";
import { IngestRefusal } from "../ingest";
import { checkViewer, type Viewer } from "../reports/viewers";
import { clearSessionCookie, sessionCookie, setSessionCookie } from "./cookie";
import type { Sessions } from "./sessions";

/** Logins are a name and a password: anything bigger is not one. */
const MAX_LOGIN_BODY = 4 * 1024;

export function createSessionRoutes(sessions: Sessions, logger: Logger, trustProxy = false) {
  return async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname !== REGENCY_SESSION_PATH) return false;
    const method = req.method ?? "GET";
    if (method === "POST") {
      const body = parse(RegencyLoginRequest, await readJson(req, MAX_LOGIN_BODY));
      const source = clientAddress(req, trustProxy);
      const outcome = await sessions.login(body.username, body.password, source);
      if (!outcome.ok) {
        logger.warn({ username: body.username, address: source, code: outcome.code }, "regency login refused");
        if (outcome.code === "LOGIN_FAILED") {
          send(res, 401, regencyFail("LOGIN_FAILED"));
        } else {
          send(res, 429, regencyFail("LOGIN_LOCKED", { retryAfterS: outcome.retryAfterS }), { "retry-after": String(outcome.retryAfterS) });
        }
        return true;
      }
      logger.info({ username: outcome.user.username, role: outcome.user.role, address: source }, "regency login");
      const data: RegencySession = { user: outcome.user };
      send(res, 200, { ok: true, data }, { "set-cookie": setSessionCookie(req, outcome.token) });
      return true;
    }
    if (method === "GET") {
      const user = await sessions.check(sessionCookie(req));
      if (!user) throw new IngestRefusal("UNAUTHORIZED", 401);
      const data: RegencySession = { user };
      send(res, 200, { ok: true, data });
      return true;
    }
    if (method === "DELETE") {
      // State-changing, so JSON like every other such request (an empty body is fine).
      await readJson(req, MAX_LOGIN_BODY, true);
      await sessions.logout(sessionCookie(req));
      send(res, 200, { ok: true, data: null }, { "set-cookie": clearSessionCookie(req) });
      return true;
    }
    throw new IngestRefusal("NOT_FOUND", 404);
  };
}

/**
 * Who reads a report: an `Authorization: Bearer` viewer token when the
 * header is there (scripts, the old way), otherwise the session cookie. A
 * user of the office role reads exactly what an office-scoped token reads.
 */
export function createReaderCheck(pool: Pool, sessions: Sessions) {
  return async function readerOf(req: IncomingMessage): Promise<Viewer> {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer (\S+)$/.exec(header);
      if (!match?.[1]) throw new IngestRefusal("UNAUTHORIZED", 401);
      const check = await checkViewer(pool, match[1]);
      if (!check.ok) throw new IngestRefusal(check.reason === "revoked" ? "CREDENTIAL_REVOKED" : "UNAUTHORIZED", 401);
      return check.viewer;
    }
    const user = await sessions.check(sessionCookie(req));
    if (!user) throw new IngestRefusal("UNAUTHORIZED", 401);
    return { id: `user:${user.username}`, name: user.displayName, officeId: user.role === "office" ? user.officeId : null, createdAt: 0, revoked: false };
  };
}
