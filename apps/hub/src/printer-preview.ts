import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Route } from "./http";

const JOB_FILE = /^(\d{4,})\.(png|txt)$/;
const SHOWN = 30;

/**
 * Demo only: the emulated kiosk printer's tickets, viewable in a browser at
 * /printer/ (newest first), so a demo needs no thermal printer.
 */
export function printerPreviewRoutes(dir: string): Route {
  return (req, res, url) => {
    if (req.method !== "GET" || !url.pathname.startsWith("/printer/")) return false;
    const name = url.pathname.slice("/printer/".length);
    if (name === "") {
      const jobs = existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => /^\d{4,}\.png$/.test(f))
            .sort()
            .reverse()
            .slice(0, SHOWN)
        : [];
      const items = jobs
        .map((png) => {
          const base = png.slice(0, -4);
          return `<figure><img src="/printer/${base}.png" alt="Tiket ${base}"><figcaption>Cetakan #${Number(base)} · <a href="/printer/${base}.txt">teks</a></figcaption></figure>`;
        })
        .join("");
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        // Its one inline <style>; nothing else runs here.
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'",
      });
      res.end(`<!doctype html><html lang="id"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Printer kiosk (emulator)</title><style>body{font-family:system-ui,sans-serif;background:#e9edf1;margin:0;padding:20px}
h1{font-size:20px}main{display:flex;flex-wrap:wrap;gap:20px;align-items:flex-start}figure{margin:0;background:#fff;padding:10px;box-shadow:0 2px 8px rgba(0,0,0,.15)}
img{display:block;width:288px;image-rendering:pixelated}figcaption{font-size:13px;color:#445;margin-top:6px}</style></head>
<body><h1>Printer kiosk (emulator) — ${jobs.length ? `${jobs.length} cetakan terakhir` : "belum ada cetakan"}</h1><main>${items}</main></body></html>`);
      return true;
    }
    const match = JOB_FILE.exec(name);
    const file = match ? join(dir, name) : null;
    if (!file || !existsSync(file)) return false;
    res.writeHead(200, {
      "content-type": match?.[2] === "png" ? "image/png" : "text/plain; charset=utf-8",
      "cache-control": "no-store",
    });
    res.end(readFileSync(file));
    return true;
  };
}
