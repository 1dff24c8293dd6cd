import type { IncomingMessage } from "node:http";
import { REGENCY_SESSION_COOKIE } from "@layan/protocol";

/** The session token from the Cookie header, if any. */
export function sessionCookie(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === REGENCY_SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Secure when the browser reached the server over HTTPS: directly, or
 * through the reverse proxy that ends TLS (X-Forwarded-Proto). A forged
 * header can only make the caller's own browser drop the cookie.
 */
function overHttps(req: IncomingMessage): boolean {
  return (req.socket as { encrypted?: boolean }).encrypted === true || req.headers["x-forwarded-proto"] === "https";
}

/**
 * HttpOnly: no script (an injected one included) reads it. SameSite=Strict:
 * no other site's page sends it. No Max-Age: it goes when the browser
 * closes; the server ends it earlier by its idle and absolute limits.
 */
export function setSessionCookie(req: IncomingMessage, token: string): string {
  return `${REGENCY_SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/${overHttps(req) ? "; Secure" : ""}`;
}

export function clearSessionCookie(req: IncomingMessage): string {
  return `${REGENCY_SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0${overHttps(req) ? "; Secure" : ""}`;
}
