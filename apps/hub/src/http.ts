import { existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { APP_CSP, SECURITY_HEADERS, serveStatic } from "@layan/core/static-files";
import { LoginPayload, fail } from "@layan/protocol";
import type { Logger } from "pino";
import type { Authenticator } from "./auth";
import { sourceAddress } from "./login-throttle";

export const WEB_APPS = ["kiosk", "display", "counter", "dashboard"] as const;
export type WebApp = (typeof WEB_APPS)[number];

// Shared with the regency's central server; re-exported for the hub's routes and tests.
export { APP_CSP, SECURITY_HEADERS };

/** Largest JSON body the API reads; logins are tiny. */
const MAX_BODY = 16 * 1024;

/** A request the hub cannot read (malformed percent-encoding): answered 400, never a 500. */
export class BadRequest extends Error {}

/** decodeURIComponent for request paths: `%` or `%E0%A4%A` is the client's mistake, not the hub's. */
export function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new BadRequest(`malformed percent-encoding`);
  }
}

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}

export async function readJson(req: IncomingMessage, maxBytes = MAX_BODY): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > maxBytes) throw new Error("body too large");
    chunks.push(buf);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as unknown;
}

export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h?.startsWith("Bearer ") ? h.slice(7) : null;
}

/**
 * Whether a browser's Origin header names the hub itself (the Host it was
 * reached by, the public base URL) or an origin the office configured.
 * No Origin at all is a script or curl, not a page that could be abused.
 */
export function originAllowed(req: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = req.headers.host;
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return true;
  return allowed.has(origin);
}

export const isJson = (req: IncomingMessage) => /^application\/json\s*(;|$)/i.test(req.headers["content-type"] ?? "");

/**
 * Reads a JSON body for a POST route, answering the refusals itself: another
 * site's page (403), not JSON (415), unreadable (400). Undefined when answered.
 */
export async function jsonBody(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: ReadonlySet<string>,
  /** The configuration editor posts whole YAML files; everything else stays under MAX_BODY. */
  maxBytes = MAX_BODY,
): Promise<unknown> {
  if (!originAllowed(req, allowedOrigins)) {
    sendJson(res, 403, fail("ORIGIN_NOT_ALLOWED"));
    return undefined;
  }
  if (!isJson(req)) {
    sendJson(res, 415, fail("UNSUPPORTED_CONTENT_TYPE"));
    return undefined;
  }
  try {
    return (await readJson(req, maxBytes)) ?? null;
  } catch {
    sendJson(res, 400, fail("INVALID_PAYLOAD"));
    return undefined;
  }
}

/** POST /api/auth/login and /api/auth/logout: officers and managers get a session token. */
export function authRoutes(
  auth: Authenticator,
  logger: Logger,
  allowedOrigins: ReadonlySet<string> = new Set(),
  /** Called after a logout, so the session's live sockets end at once. */
  onLogout: () => void = () => undefined,
  /** Who sent the request (HubContext.clientAddress): the login throttle counts per client, not per proxy. */
  addressOf: (req: IncomingMessage) => string = (req) => sourceAddress(req.socket.remoteAddress),
): Route {
  return async (req, res, url) => {
    if (url.pathname === "/api/auth/login" && req.method === "POST") {
      // A page on any site can post a "simple" request (text/plain, no
      // preflight) to the hub from an office PC's browser: refuse those
      // before they can count failures against anyone.
      if (!originAllowed(req, allowedOrigins)) {
        logger.warn({ origin: req.headers.origin, address: req.socket.remoteAddress }, "cross-origin login refused");
        sendJson(res, 403, fail("ORIGIN_NOT_ALLOWED"));
        return true;
      }
      if (!isJson(req)) {
        sendJson(res, 415, fail("UNSUPPORTED_CONTENT_TYPE"));
        return true;
      }
      let body: unknown;
      try {
        body = await readJson(req);
      } catch {
        sendJson(res, 400, fail("INVALID_PAYLOAD"));
        return true;
      }
      const parsed = LoginPayload.safeParse(body);
      if (!parsed.success) {
        sendJson(res, 400, fail("INVALID_PAYLOAD", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }))));
        return true;
      }
      const source = addressOf(req);
      const result = await auth.login(parsed.data.username, parsed.data.secret, source, req.headers["user-agent"] ?? null);
      if (!result.ok) {
        logger.warn({ username: parsed.data.username, address: source, code: result.code }, "login refused");
        sendJson(res, result.code === "LOGIN_LOCKED" ? 429 : 401, fail(result.code));
        return true;
      }
      logger.info({ username: result.user.username, role: result.user.role }, "login");
      sendJson(res, 200, { ok: true, data: { token: result.token, expiresAt: result.expiresAt, user: result.user } });
      return true;
    }
    if (url.pathname === "/api/auth/logout" && req.method === "POST") {
      const token = bearerToken(req);
      if (token) {
        auth.logout(token, addressOf(req), req.headers["user-agent"] ?? null);
        onLogout();
      }
      sendJson(res, 200, { ok: true, data: null });
      return true;
    }
    return false;
  };
}

/**
 * Serves the built web apps under /kiosk/, /display/, /counter/, /dashboard/
 * when their dist folders exist; unknown paths inside an app fall back to its
 * index.html (client-side routing).
 */
export function staticApps(dirs: Partial<Record<WebApp, string>>): Route {
  return (req, res, url) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const [, app, ...rest] = url.pathname.split("/");
    const root = app ? dirs[app as WebApp] : undefined;
    if (!root || !existsSync(root)) return false;
    if (rest.length === 0) {
      res.writeHead(301, { location: `/${app}/` });
      res.end();
      return true;
    }
    const outcome = serveStatic(req, res, root, decodePathPart(rest.join("/")));
    if (outcome === "outside") res.writeHead(400).end();
    return outcome !== "missing";
  };
}
