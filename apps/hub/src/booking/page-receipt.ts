import type { BookingReceipt } from "@layan/protocol";
import { escapeHtml, scriptJson } from "../feedback/pages/common";
import { BOOKING_TIME_SCRIPT } from "./page-format";
import { bookingQrText, qrSvg } from "./page-qr";
import { BOOKING_STYLE } from "./page-style";
import { BOOKING_LANG_SCRIPT, BOOKING_PAGE_WORDS } from "./page-words";

/**
 * GET /reservasi/<bookingId>: the citizen's receipt. The code in big type
 * and its QR (what the kiosk's scanner reads), the slot in office time,
 * when to check in, what to bring, "Batalkan reservasi", and once checked in
 * the way to the ticket's own page. Rendered with the booking at hand, then
 * kept current by polling GET /api/bookings/<id>: the citizen keeps this
 * page open on the way, and sees the check-in when it happens.
 */
export function receiptHtml(officeName: string, receipt: BookingReceipt, persyaratan: string[]): string {
  const words = BOOKING_PAGE_WORDS.id;
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Bukti Reservasi ${escapeHtml(receipt.code)} — ${escapeHtml(officeName)}</title><style>${BOOKING_STYLE}</style></head>
<body><header><span>${escapeHtml(officeName)}</span><button type="button" id="lang" data-t="langSwitch">English</button></header>
<main>
<p class="message" id="message" role="alert"></p>
<section class="card receipt" aria-labelledby="h-receipt"><h1 class="label" id="h-receipt" data-t="receiptTitle">${words.receiptTitle}</h1>
<p class="muted" id="service">${escapeHtml(receipt.serviceName)}</p>
<h2 class="label" data-t="codeLabel">${words.codeLabel}</h2><div class="code" id="code">${escapeHtml(receipt.code)}</div>
<div id="qr-box">${qrSvg(bookingQrText(receipt.url, receipt.code), words.qrLabel)}<p class="muted" data-t="qrHint">${words.qrHint}</p></div>
<p class="status" id="status" aria-live="polite"></p>
<a class="button" id="ticket-link" hidden data-t="ticketLink">${words.ticketLink}</a>
<dl class="facts"><dt data-t="slotLabel">${words.slotLabel}</dt><dd id="slot"></dd>
<dt data-t="arriveLabel">${words.arriveLabel}</dt><dd id="arrive"></dd>
<dt data-t="persyaratan">${words.persyaratan}</dt><dd><ul class="req" id="persyaratan"></ul></dd></dl></section>
<section class="card" id="cancel-box" hidden><button type="button" class="secondary" id="cancel" data-t="cancel">${words.cancel}</button>
<div id="cancel-ask" hidden><p data-t="cancelAsk">${words.cancelAsk}</p><button type="button" id="cancel-yes" data-t="cancelYes">${words.cancelYes}</button>
<button type="button" class="secondary" id="cancel-no" data-t="cancelNo">${words.cancelNo}</button></div></section>
<p class="muted" id="updated"></p>
<section class="card"><a class="button secondary" href="/reservasi/" data-t="newBooking">${words.newBooking}</a></section>
</main>
<script>
const INITIAL = ${scriptJson({ receipt, persyaratan })};
${BOOKING_LANG_SCRIPT}
${BOOKING_TIME_SCRIPT}
${RECEIPT_SCRIPT}
</script></body></html>`;
}

const RECEIPT_SCRIPT = String.raw`
const $ = (x) => document.getElementById(x);
let receipt = INITIAL.receipt;
const say = (text) => { $("message").textContent = text || ""; };
const STATUS = { held: "statusHeld", confirmed: "statusConfirmed", checked_in: "statusCheckedIn", expired: "statusExpired", released: "statusReleased" };
function render() {
  const r = receipt;
  const z = r.timeZone;
  $("slot").textContent = slotText(r.slotStart, r.slotEnd, z, r.timeZoneName, lang);
  $("arrive").textContent = tr("arrive", { from: officeTime(r.checkInFrom, z, lang), until: officeTime(r.checkInUntil, z, lang), zone: r.timeZoneName });
  const status = $("status");
  status.textContent = tr(STATUS[r.status] || "statusConfirmed", { at: r.holdExpiresAt ? officeTime(r.holdExpiresAt, z, lang) : "", zone: r.timeZoneName });
  status.className = "status " + (r.status === "confirmed" || r.status === "checked_in" ? "ok" : r.status === "held" ? "" : "over");
  const over = r.status === "expired" || r.status === "released";
  // A code that can no longer check in is not shown as if it could.
  $("qr-box").hidden = over || r.status === "checked_in";
  $("code").style.textDecoration = over ? "line-through" : "";
  $("cancel-box").hidden = !(r.status === "confirmed" || r.status === "held");
  const link = $("ticket-link");
  link.hidden = !r.ticketUrl;
  if (r.ticketUrl) link.href = new URL(r.ticketUrl, location.href).pathname;
  const req = $("persyaratan");
  req.replaceChildren();
  const items = INITIAL.persyaratan.length ? INITIAL.persyaratan : [tr("noPersyaratan")];
  for (const text of items) { const li = document.createElement("li"); li.textContent = text; req.append(li); }
}
async function api(path, body) {
  const init = body === undefined ? { cache: "no-store" } : { method: "POST", cache: "no-store", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  try {
    const res = await fetch(path, init);
    try { return await res.json(); } catch { return { ok: false }; }
  } catch { return { ok: false, offline: true }; }
}
const path = "/api/bookings/" + encodeURIComponent(receipt.bookingId);
// One poll at a time: the timer and the phone's "online" event both start one.
let pollTimer = null;
let polling = false;
async function poll() {
  if (polling) return;
  polling = true;
  clearTimeout(pollTimer);
  const answer = await api(path);
  polling = false;
  // A fresh answer replaces any earlier "not connected" line, the cancel's included.
  if (answer.ok) { receipt = answer.data; render(); $("updated").textContent = ""; say(""); }
  else $("updated").textContent = answer.offline ? tr("offline") : refusalText(answer, lang);
  // Nothing changes after the visit's end: stop asking.
  if (receipt.status === "held" || receipt.status === "confirmed") pollTimer = setTimeout(poll, document.hidden ? 30000 : 10000);
}
window.addEventListener("online", () => { void poll(); });
$("cancel").addEventListener("click", () => { $("cancel-ask").hidden = false; $("cancel").hidden = true; $("cancel-yes").focus(); });
$("cancel-no").addEventListener("click", () => { $("cancel-ask").hidden = true; $("cancel").hidden = false; });
$("cancel-yes").addEventListener("click", async () => {
  $("cancel-yes").disabled = true;
  const answer = await api(path + "/cancel", {});
  $("cancel-yes").disabled = false;
  $("cancel-ask").hidden = true;
  $("cancel").hidden = false;
  if (!answer.ok) { say(answer.offline ? tr("offline") : refusalText(answer, lang)); return; }
  say("");
  if (answer.data && answer.data.status) receipt = answer.data; else receipt = Object.assign({}, receipt, { status: "released" });
  render();
});
bindLangSwitch(render);
render();
pollTimer = setTimeout(poll, 10000);
`;

export function receiptNotFoundHtml(officeName: string): string {
  const words = BOOKING_PAGE_WORDS.id;
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${words.notFound}</title><style>${BOOKING_STYLE}</style></head><body><header><span>${escapeHtml(officeName)}</span></header>
<main><div class="card"><h1 class="status">${words.notFound}</h1><p class="en">${BOOKING_PAGE_WORDS.en.notFound}</p>
<p class="muted">${words.notFoundHint}</p><a class="button" href="/reservasi/">${words.newBooking}</a></div></main></body></html>`;
}
