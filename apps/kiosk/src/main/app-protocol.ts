import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { securityHeaders } from "./csp";

/**
 * The renderer is served from the app's own files under a privileged custom
 * scheme (app://layan/kiosk/...) rather than file://, so it has a real origin
 * to lock navigation and CSP to, and file:// stays closed to it.
 */
export const APP_SCHEME = "app";
export const APP_HOST = "layan";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Vite builds the renderer with base /kiosk/ (the same build the hub serves to browser kiosks). */
export const APP_BASE = "/kiosk/";
export const START_URL = `${APP_ORIGIN}${APP_BASE}`;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".json": "application/json",
};

export async function serveRenderer(request: Request, distDir: string, csp: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST || request.method !== "GET" || !url.pathname.startsWith(APP_BASE)) {
    return new Response("not found", { status: 404 });
  }
  const base = resolve(distDir);
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname.slice(APP_BASE.length));
  } catch {
    return new Response("bad request", { status: 400 });
  }
  const file = normalize(join(base, relative || "index.html"));
  // Threat: app://layan/kiosk/..%2F..%2Fsettings.json reading the settings file (and the PIN hash).
  if (file !== base && !file.startsWith(base + sep)) return new Response("bad request", { status: 400 });
  const target = extname(file) === "" ? join(base, "index.html") : file;
  try {
    const body = await readFile(target);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        "content-type": TYPES[extname(target)] ?? "application/octet-stream",
        ...securityHeaders(csp),
      },
    });
  } catch {
    return new Response("not found", { status: 404 });
  }
}
