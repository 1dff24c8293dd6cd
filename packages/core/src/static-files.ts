/**
 * Serving a built web app (Vite's dist folder) and the headers every answer
 * carries, shared by the hub (its four apps under /kiosk/, /display/, ...)
 * and the regency's central server (its dashboard at /). A subpath of its
 * own (`@layan/core/static-files`), like ./secrets: node:fs stays out of
 * the browser apps' bundles.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".ogg": "audio/ogg",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
  ".webmanifest": "application/manifest+json",
};

/**
 * The policy the web apps run under (checked in Chromium by
 * tests/e2e/security-headers.test.ts): only their own scripts and styles, no
 * inline script or eval, so an injected string cannot run; network only back
 * to the server they came from (socket.io's WebSocket counts as 'self');
 * data: audio for the display's silent unlock clip; nothing may frame them
 * (a kiosk page, or a logged-in dashboard, inside someone else's frame could
 * be clicked through).
 */
export const APP_CSP = [
  "default-src 'self'",
  // wasm-unsafe-eval: WebAssembly compile only (the kiosk's bundled eSpeak-NG); JS eval stays refused.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * On every HTTP answer, API included; a route with its own CSP (the hub's
 * ticket page's inline script) replaces that one header. no-referrer: the
 * hub's ticket page URL is the ticket's secret id and must not leak to any
 * link it holds.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": APP_CSP,
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

/**
 * - served: the file (or, for a path that is no file, the app's index.html:
 *   client-side routing) was answered.
 * - outside: the path leads out of the folder (`..`, an encoded slash); the
 *   caller answers 400.
 * - missing: no such folder, or no index.html in it; the caller answers 404.
 */
export type StaticOutcome = "served" | "outside" | "missing";

/**
 * Answers a GET or HEAD for `path` (decoded, relative to `root`) from a
 * built app's folder. Hashed assets (Vite's `assets/`) never change and are
 * cached for good; everything else, index.html first, must be fresh after
 * an upgrade.
 */
export function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, path: string): StaticOutcome {
  if (!existsSync(root)) return "missing";
  const base = resolve(root);
  let file = normalize(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) return "outside";
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(base, "index.html");
  if (!existsSync(file)) return "missing";
  const type = CONTENT_TYPES[extname(file)] ?? "application/octet-stream";
  const cache = file.startsWith(`${base}${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache";
  res.writeHead(200, { "content-type": type, "cache-control": cache });
  if (req.method === "HEAD") res.end();
  else createReadStream(file).pipe(res);
  return "served";
}
