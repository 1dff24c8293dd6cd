import type { ServerResponse } from "node:http";
import { dateInWords, type MaklumatInfo } from "@layan/protocol";

/**
 * What the citizen-facing pages (ticket page, pengaduan) share: escaping,
 * the Indonesian date, the maklumat block and one strict header set. Their
 * script and style are inline, so the CSP allows inline and nothing else:
 * no other origin, no eval, fetch only to the hub itself.
 */

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** JSON inside a <script>: "</script>" or "<!--" in office text must not end the script. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/** "2026-01-02" → "2 Januari 2026". */
export const indonesianDate = (ymd: string): string => dateInWords(ymd);

/** An instant as the office's calendar date, "18 November 2026". */
export function officeDate(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
  return indonesianDate(parts);
}

/** `key` keeps element ids apart when an agency's maklumat is shown beside the office's. */
export function maklumatHtml(m: MaklumatInfo, options: { key?: string; of?: string } = {}): string {
  const id = options.key ? `maklumat-${options.key}` : "maklumat";
  return `<section class="card maklumat" id="${id}" aria-labelledby="${id}-title">
<h2 id="${id}-title">Maklumat Pelayanan${options.of ? ` ${escapeHtml(options.of)}` : ""}</h2><p class="en">Service pledge</p>
<blockquote>${escapeHtml(m.text)}</blockquote>
<p class="sign"><span id="${id}-date">${escapeHtml(indonesianDate(m.adoptedOn))}</span><br>
<span>${escapeHtml(m.position)}</span><br><b id="${id}-signer">${escapeHtml(m.signedBy)}</b></p></section>`;
}

export const BASE_STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f6f9;color:#0f1f2e;line-height:1.4}
header{background:#0b4f8a;color:#fff;padding:14px 18px;font-size:15px;font-weight:600}
main{max-width:480px;margin:0 auto;padding:18px}
.card{background:#fff;border-radius:16px;padding:22px;box-shadow:0 2px 10px rgba(0,0,0,.08);margin-bottom:16px}
h1,h2{margin:0 0 4px}h2{font-size:20px}.en{color:#51606e;font-size:13px;margin:0 0 10px}
.muted{color:#51606e;font-size:14px}
.maklumat blockquote{margin:10px 0;font-size:16px;font-style:italic}.maklumat .sign{text-align:right;font-size:14px;margin:0}
a{color:#0b4f8a}a.button,button{display:block;width:100%;min-height:52px;border:0;border-radius:12px;background:#0b4f8a;color:#fff;font-size:18px;font-weight:700;text-align:center;text-decoration:none;padding:14px;margin-top:14px;cursor:pointer}
button[disabled]{opacity:.6}
label.choice{display:flex;align-items:center;gap:12px;min-height:48px;padding:8px 12px;border:2px solid #c9d6e2;border-radius:12px;margin:6px 0;font-size:16px;cursor:pointer}
label.choice input{width:24px;height:24px;margin:0;flex:none}label.choice:has(input:checked){border-color:#0b4f8a;background:#e6f0fa}
fieldset{border:0;margin:0 0 18px;padding:0}legend{font-weight:700;font-size:16px;padding:0;margin-bottom:4px}
fieldset.invalid legend,.error{color:#b00020}.error{font-weight:600;margin:6px 0 0}
select,textarea,input[type=text],input[type=tel],input[type=email]{width:100%;min-height:48px;font:inherit;font-size:16px;padding:10px;border:2px solid #c9d6e2;border-radius:10px;background:#fff}
textarea{min-height:110px}.field{margin-bottom:16px}.field>span{display:block;font-weight:700;margin-bottom:4px}
.notice{background:#fff8e1;border-left:4px solid #f0a500;padding:10px 12px;font-size:14px;margin:8px 0 12px}
.thanks{font-size:24px;font-weight:800;color:#0e7a3a;text-align:center}`;

/** The headers every citizen page is sent with: nothing cached, indexed or framed, no referrer leaking the secret URL. */
export function sendPage(res: ServerResponse, status: number, html: string, extraCsp?: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-robots-tag": "noindex",
    "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'${extraCsp ? `; ${extraCsp}` : ""}`,
  });
  res.end(html);
}

/** A request id the way the hub wants it, from crypto.getRandomValues: randomUUID needs HTTPS, and the hub is often plain HTTP on the office LAN. */
export const CLIENT_REQUEST_ID = `function newRequestId() { const b = new Uint8Array(16); crypto.getRandomValues(b); return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join(""); }`;
