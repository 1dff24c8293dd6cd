import type { IncomingMessage, ServerResponse } from "node:http";
import { fail, type ErrorCode } from "@layan/protocol";
import type { AuditActor, Store } from "@layan/store";
import type { z } from "zod";
import type { HubContext } from "../context";
import { bearerToken, jsonBody, sendJson } from "../http";

/**
 * What every /api/admin route file shares: answering a refusal with its
 * status, reading a zod-checked body, and turning a session token into the
 * audit actor of a role allowed there. Each file keeps its own status table
 * and its own rule of who may (docs/api.md "Administration").
 */

export type Issues = { path: string; message: string }[];
/** Answers the refusal and tells the router the request was handled. */
export type Refuse = (res: ServerResponse, code: ErrorCode, issues?: Issues) => true;

export function refuser(status: Partial<Record<ErrorCode, number>>): Refuse {
  return (res, code, issues) => {
    sendJson(res, status[code] ?? 500, fail(code, issues));
    return true;
  };
}

export const issuesOf = (error: z.ZodError): Issues => error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));

/** The body parsed by `schema`, or undefined once the request was answered (400, 403 origin, 413). */
export function bodyReader(ctx: HubContext, refused: Refuse, maxBytes?: number) {
  return async <S extends z.ZodType>(req: IncomingMessage, res: ServerResponse, schema: S): Promise<z.output<S> | undefined> => {
    const raw = await jsonBody(req, res, ctx.allowedOrigins, maxBytes);
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    refused(res, "INVALID_PAYLOAD", issuesOf(parsed.error));
    return undefined;
  };
}

/** The signed-in user's audit actor when `may(role)`, or undefined once answered 401/403 (devices administer nothing). */
export function staffCaller(ctx: HubContext, store: Store, refused: Refuse, may: (role: string) => boolean) {
  return (req: IncomingMessage, res: ServerResponse): AuditActor | undefined => {
    const identity = ctx.auth.identify(bearerToken(req));
    if (!identity) {
      refused(res, "UNAUTHORIZED");
      return undefined;
    }
    const user = identity.kind === "user" ? store.findUserById(identity.id) : undefined;
    if (!user || !may(user.role)) {
      refused(res, "ADMIN_FORBIDDEN");
      return undefined;
    }
    return { kind: "user", id: user.id, name: user.username, address: ctx.clientAddress(req), userAgent: req.headers["user-agent"] ?? null };
  };
}
