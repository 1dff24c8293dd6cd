import { COMPLAINT_CODE, COMPLAINT_STATUS_LABELS, ERROR_MESSAGES, type PublicComplaint } from "@layan/protocol";
import type { HubContext } from "../../context";
import { decodePathPart, type Route } from "../../http";
import { publicComplaint } from "../complaints";
import { BASE_STYLE, CLIENT_REQUEST_ID, escapeHtml, officeDate, scriptJson, sendPage } from "./common";

/**
 * The citizen's pengaduan pages:
 *   GET /pengaduan          the form (POSTs JSON to /api/public/complaints) and a code look-up
 *   GET /pengaduan?kode=…   the look-up's answer: a redirect to the status page
 *   GET /pengaduan/<code>   the status page, from the same data as GET /api/public/complaints/<code>
 * The status page is rendered by the hub so it works on any phone, script or not.
 */

const STYLE = `${BASE_STYLE}
.code{font-size:34px;font-weight:800;letter-spacing:.04em;text-align:center;margin:8px 0;word-break:break-all}
.due{font-size:17px;font-weight:600;text-align:center}.status{display:inline-block;background:#0b4f8a;color:#fff;border-radius:999px;padding:4px 14px;font-weight:700}
dl{margin:0}dt{font-weight:700;margin-top:10px}dd{margin:2px 0 0}.response{border-left:4px solid #0e7a3a;padding:4px 12px;margin:10px 0}
ul.elsewhere{padding-left:20px}.check{display:flex;gap:12px;align-items:flex-start;min-height:44px}.check input{width:24px;height:24px;flex:none;margin:0}
.lookup{display:flex;gap:8px}.lookup input{flex:1}.lookup button{width:auto;margin:0;padding:0 18px}`;

function shell(officeName: string, title: string, body: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} — ${escapeHtml(officeName)}</title><style>${STYLE}</style></head>
<body><header>${escapeHtml(officeName)}</header><main>${body}</main></body></html>`;
}

function elsewhereHtml(elsewhere: readonly { name: string; contact: string }[]): string {
  if (elsewhere.length === 0) return "";
  return `<section class="card" id="elsewhere"><h2>Saluran pengaduan lain</h2><p class="en">Other ways to complain</p>
<ul class="elsewhere">${elsewhere.map((e) => `<li><b>${escapeHtml(e.name)}</b>: ${escapeHtml(e.contact)}</li>`).join("")}</ul></section>`;
}

function lookupHtml(): string {
  return `<section class="card"><h2>Cek status pengaduan</h2><p class="en">Follow a complaint</p>
<form class="lookup" method="get" action="/pengaduan"><input type="text" name="kode" id="lookup-code" placeholder="PGD-XXXXXXXX" aria-label="Nomor pengaduan" autocapitalize="characters" required>
<button type="submit">Cek</button></form></section>`;
}

function formHtml(ctx: HubContext, lookupMissed: boolean): string {
  const { office, services } = ctx.setup.catalog;
  const { categories, targetWorkingDays } = office.complaints;
  const notice = office.privacy.complaintContact;
  const form = `<section class="card" id="complaint"><h1>Pengaduan dan Saran</h1><p class="en">Complaints and suggestions</p>
<p class="muted">Pengaduan dijawab paling lambat ${targetWorkingDays} hari kerja. Anda mendapat nomor pengaduan untuk mengikuti tindak lanjutnya.</p>
<form id="complaint-form" novalidate>
<label class="field"><span>Kategori <span class="en">· Category</span></span><select name="category" id="category" required>
<option value="">Pilih kategori</option>${categories.map((c) => `<option value="${escapeHtml(c.id)}">${escapeHtml(c.label.id)}</option>`).join("")}</select></label>
<label class="field"><span>Layanan (tidak wajib) <span class="en">· Service (optional)</span></span><select name="serviceId" id="service">
<option value="">Tidak terkait layanan tertentu</option>${services.map((s) => `<option value="${escapeHtml(s.id)}">${escapeHtml(s.name)}</option>`).join("")}</select></label>
<label class="field"><span>Isi pengaduan atau saran <span class="en">· Your complaint or suggestion</span></span>
<textarea name="text" id="text" maxlength="2000" required></textarea></label>
<h3>Kontak (tidak wajib)</h3><p class="en">Contact (optional): so the office can answer you directly</p>
<p class="notice" id="contact-notice">${escapeHtml(notice.id)}${notice.en ? `<br><span class="en">${escapeHtml(notice.en)}</span>` : ""}</p>
<label class="field"><span>Nama</span><input type="text" name="name" maxlength="100" autocomplete="name"></label>
<label class="field"><span>Nomor telepon</span><input type="tel" name="phone" autocomplete="tel" placeholder="0812-3456-7890"></label>
<label class="field"><span>Email</span><input type="email" name="email" autocomplete="email"></label>
<label class="check"><input type="checkbox" name="consent" id="consent"><span>Saya telah membaca pemberitahuan di atas dan setuju kontak saya disimpan untuk menjawab pengaduan ini.</span></label>
<p class="error" id="complaint-error" role="alert" hidden></p>
<button type="submit" id="complaint-submit">Kirim pengaduan</button></form></section>
<section class="card" id="receipt" hidden aria-live="polite"></section>`;
  const missed = lookupMissed
    ? `<section class="card"><p class="error" role="alert">Nomor pengaduan tidak ditemukan. Periksa kembali, contoh: PGD-7K3M9Q2X.</p></section>`
    : "";
  return `${missed}${form}${lookupHtml()}${elsewhereHtml(office.complaints.elsewhere)}<script>${formScript(ctx)}</script>`;
}

const FORM_MESSAGES = Object.fromEntries(
  (["COMPLAINT_CATEGORY_UNKNOWN", "SERVICE_UNKNOWN", "TOO_MANY_REQUESTS", "INTERNAL", "STORE_UNAVAILABLE", "ORIGIN_NOT_ALLOWED"] as const).map((c) => [c, ERROR_MESSAGES[c].id]),
);

function formScript(ctx: HubContext): string {
  return `
${CLIENT_REQUEST_ID}
const $ = (x) => document.getElementById(x);
const MESSAGES = ${scriptJson(FORM_MESSAGES)};
const TIME_ZONE = ${scriptJson(ctx.setup.rules.timezone)};
const dateOf = (at) => new Date(at).toLocaleDateString("id-ID", { timeZone: TIME_ZONE, day: "numeric", month: "long", year: "numeric" });
let requestId = null;
let sending = false;
const form = $("complaint-form");
const error = $("complaint-error");
form.addEventListener("input", () => { requestId = null; });
function refuse(text) { error.textContent = text; error.hidden = false; }
function receipt(r) {
  const box = $("receipt");
  box.replaceChildren();
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; box.append(e); return e; };
  el("h2", "", "Pengaduan Anda sudah diterima");
  el("p", "en", "Your complaint was received");
  el("p", "muted", "Nomor pengaduan Anda. Simpan atau foto nomor ini:");
  el("div", "code", r.code).id = "receipt-code";
  el("p", "due", "Dijawab paling lambat " + dateOf(r.dueAt) + ", " + r.targetWorkingDays + " hari kerja").id = "receipt-due";
  const link = el("a", "button", "Lihat status pengaduan");
  link.id = "receipt-link";
  link.href = "/pengaduan/" + encodeURIComponent(r.code);
  if (r.elsewhere.length) {
    el("p", "muted", "Bila tidak puas dengan tanggapan kami, Anda juga dapat mengadu ke:");
    const ul = el("ul", "elsewhere");
    for (const e of r.elsewhere) { const li = document.createElement("li"); const b = document.createElement("b"); b.textContent = e.name; li.append(b, ": " + e.contact); ul.append(li); }
  }
  $("complaint").hidden = true;
  // The receipt lists the other channels itself: once on screen is enough.
  if ($("elsewhere")) $("elsewhere").hidden = true;
  box.hidden = false;
  box.scrollIntoView({ block: "start" });
}
form.addEventListener("submit", async (e) => {
  e.preventDefault();
  if (sending) return;
  error.hidden = true;
  const v = (n) => form.elements[n].value.trim();
  if (!v("category")) return refuse("Pilih kategori pengaduan.");
  if (v("text").length < 10) return refuse("Tuliskan pengaduan paling sedikit 10 huruf.");
  const contact = {};
  for (const f of ["name", "phone", "email"]) if (v(f)) contact[f] = v(f);
  const hasContact = Object.keys(contact).length > 0;
  if (hasContact && !contact.phone && !contact.email) return refuse("Isi nomor telepon atau email, atau kosongkan kontak.");
  if (hasContact && !$("consent").checked) return refuse("Centang persetujuan data pribadi untuk meninggalkan kontak, atau kosongkan kontak.");
  requestId = requestId || newRequestId();
  sending = true;
  $("complaint-submit").disabled = true;
  try {
    const res = await fetch("/api/public/complaints", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ requestId, category: v("category"), serviceId: v("serviceId") || null, text: v("text"), contact: hasContact ? contact : null, consent: $("consent").checked }),
    });
    const body = await res.json();
    if (body.ok) return receipt(body.data);
    requestId = null;
    const issue = body.error.issues && body.error.issues[0];
    refuse(MESSAGES[body.error.code] || (issue ? issue.message.charAt(0).toUpperCase() + issue.message.slice(1) + "." : body.error.message));
  } catch {
    refuse("Tidak terhubung. Periksa sinyal lalu tekan Kirim lagi.");
  } finally {
    sending = false;
    $("complaint-submit").disabled = false;
  }
});`;
}

function statusHtml(c: PublicComplaint): string {
  const day = (at: number) => officeDate(at, c.timeZone);
  const responses = c.responses.length
    ? c.responses.map((r) => `<div class="response"><b>${escapeHtml(day(r.at))}</b><p>${escapeHtml(r.text)}</p></div>`).join("")
    : `<p class="muted">Belum ada jawaban. Kantor menjawab paling lambat ${escapeHtml(day(c.dueAt))}.</p>`;
  return `<section class="card" id="status"><p class="muted">Nomor pengaduan</p><div class="code" id="status-code">${escapeHtml(c.code)}</div>
<p style="text-align:center"><span class="status" id="status-label">${escapeHtml(COMPLAINT_STATUS_LABELS[c.status].id)}</span><br><span class="en">${escapeHtml(COMPLAINT_STATUS_LABELS[c.status].en)}</span></p>
<dl><dt>Kategori</dt><dd id="status-category">${escapeHtml(c.category.label)}</dd>
<dt>Layanan</dt><dd>${c.serviceName ? escapeHtml(c.serviceName) : "Tidak terkait layanan tertentu"}</dd>
<dt>Isi pengaduan</dt><dd id="status-text">${escapeHtml(c.text)}</dd>
<dt>Diterima</dt><dd id="status-filed">${escapeHtml(day(c.filedAt))}</dd>
<dt>Dijawab paling lambat</dt><dd id="status-due">${escapeHtml(day(c.dueAt))}</dd>
${c.closedAt !== null ? `<dt>Selesai</dt><dd id="status-closed">${escapeHtml(day(c.closedAt))}</dd>` : ""}</dl></section>
<section class="card" id="responses"><h2>Jawaban kantor</h2><p class="en">The office's answers</p>${responses}</section>
${elsewhereHtml(c.elsewhere)}
<section class="card"><a class="button" href="/pengaduan">Sampaikan pengaduan atau saran lain</a></section>`;
}

function notFoundHtml(): string {
  return `<section class="card"><h1>Pengaduan tidak ditemukan</h1><p class="en">Complaint not found</p>
<p class="muted">Periksa kembali nomor pengaduan pada struk atau layar Anda (contoh: PGD-7K3M9Q2X), atau tanyakan kepada petugas.</p></section>${lookupHtml()}`;
}

export function complaintPageRoutes(ctx: HubContext): Route {
  return (req, res, url) => {
    if (req.method !== "GET") return false;
    const officeName = ctx.setup.catalog.office.name;
    if (url.pathname === "/pengaduan" || url.pathname === "/pengaduan/") {
      const asked = url.searchParams.get("kode");
      if (asked !== null) {
        const code = asked.trim().toUpperCase();
        if (COMPLAINT_CODE.test(code) && publicComplaint(ctx, code)) {
          res.writeHead(303, { location: `/pengaduan/${code}`, "cache-control": "no-store" });
          res.end();
          return true;
        }
      }
      sendPage(res, asked === null ? 200 : 404, shell(officeName, "Pengaduan", formHtml(ctx, asked !== null)));
      return true;
    }
    const one = /^\/pengaduan\/([^/]+)$/.exec(url.pathname);
    if (!one) return false;
    const code = decodePathPart(one[1] ?? "").toUpperCase();
    const found = COMPLAINT_CODE.test(code) ? publicComplaint(ctx, code) : null;
    if (found) sendPage(res, 200, shell(officeName, `Pengaduan ${found.code}`, statusHtml(found)));
    else sendPage(res, 404, shell(officeName, "Pengaduan tidak ditemukan", notFoundHtml()));
    return true;
  };
}
