/**
 * The regency dashboard (apps/regency-web, built by `pnpm --filter
 * @layan/regency-web build`) served at / by the central server: its files,
 * index.html for the app's own routes (/kantor/dpmptsp, ...), hashed assets
 * cached for good (@layan/core/static-files, as the hub serves its apps).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { serveStatic } from "@layan/core/static-files";
import { IngestRefusal } from "./ingest";

/**
 * Said when the folder is missing or holds no index.html (the app was not
 * built on this server): a page for a browser, the JSON error for anything
 * else. Plain HTML: the CSP allows no inline script or style.
 */
const NOT_BUILT_PAGE = `<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><title>Dasbor kabupaten belum tersedia</title></head>
<body>
<h1>Dasbor kabupaten belum tersedia</h1>
<p>Aplikasi dasbor belum dibangun di server ini. Petugas TI: jalankan <code>pnpm --filter @layan/regency-web build</code>, lalu muat ulang halaman ini.</p>
<p lang="en">The regency dashboard has not been built on this server. IT: run <code>pnpm --filter @layan/regency-web build</code>, then reload.</p>
</body>
</html>
`;

const wantsHtml = (req: IncomingMessage) => /\btext\/html\b/.test(req.headers.accept ?? "");

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new IngestRefusal("INVALID_PAYLOAD", 400);
  }
}

/** GET/HEAD outside /api/: the dashboard; false for what is not its to answer. */
export function createWebRoute(webRoot: string | null) {
  return function route(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (url.pathname.startsWith("/api/") || url.pathname === "/healthz") return false;
    const outcome = webRoot === null ? "missing" : serveStatic(req, res, webRoot, decode(url.pathname.slice(1)));
    if (outcome === "served") return true;
    if (outcome === "outside") throw new IngestRefusal("INVALID_PAYLOAD", 400);
    if (!wantsHtml(req)) throw new IngestRefusal("NOT_FOUND", 404);
    res.writeHead(404, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(NOT_BUILT_PAGE) });
    res.end(req.method === "HEAD" ? undefined : NOT_BUILT_PAGE);
    return true;
  };
}
