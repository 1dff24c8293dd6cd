import { randomBytes } from "node:crypto";
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
    const jobs = () =>
      existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => /^\d{4,}\.png$/.test(f))
            .sort()
            .reverse()
            .slice(0, SHOWN)
        : [];
    if (name === "latest") {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      res.end(JSON.stringify({ latest: jobs()[0] ?? null }));
      return true;
    }
    if (name === "") {
      const shown = jobs();
      const items = shown
        .map((png) => {
          const base = png.slice(0, -4);
          return `<figure><img src="/printer/${base}.png" alt="Tiket ${base}"><figcaption>Cetakan #${Number(base)} · <a href="/printer/${base}.txt">teks</a></figcaption></figure>`;
        })
        .join("");
      // Its one inline <style> and the small reload script, allowed by nonce; nothing else runs here.
      const nonce = randomBytes(16).toString("base64");
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; script-src 'nonce-${nonce}'; connect-src 'self'; frame-ancestors 'none'`,
      });
      res.end(`<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>Printer kiosk (emulator)</title><style>body{font-family:system-ui,sans-serif;background:#e9edf1;margin:0;padding:20px}
h1{font-size:20px}.jobs{display:flex;flex-wrap:wrap;gap:20px;align-items:flex-start}figure{margin:0;background:#fff;padding:10px;box-shadow:0 2px 8px rgba(0,0,0,.15)}
img{display:block;width:288px;image-rendering:pixelated}figcaption{font-size:13px;color:#445;margin-top:6px}</style></head>
<body><main><h1>Printer kiosk (emulator) — ${shown.length ? `${shown.length} cetakan terakhir` : "belum ada cetakan"}</h1><div class="jobs">${items}</div></main>
<script nonce="${nonce}">
// Reloads only when a new ticket is printed: a timed refresh (meta refresh) would
// pull the page away from whoever is reading or zooming a ticket.
const shown = ${JSON.stringify(shown[0] ?? null)};
setInterval(async () => {
  try {
    const { latest } = await (await fetch("/printer/latest", { cache: "no-store" })).json();
    if (latest !== shown) location.reload();
  } catch {}
}, 3000);
</script></body></html>`);
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
