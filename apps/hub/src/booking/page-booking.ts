import { escapeHtml } from "../feedback/pages/common";
import { BOOKING_TIME_SCRIPT } from "./page-format";
import { BOOKING_STYLE } from "./page-style";
import { BOOKING_LANG_SCRIPT } from "./page-words";

/**
 * GET /reservasi/: the public booking page. Service → day → a free slot →
 * "Pilih jam ini" holds it (with the hold's countdown) → the details the
 * office asks for → "Konfirmasi" → the receipt. Everything it shows comes
 * from the booking API (docs/api.md "Reservasi"); every refusal is shown in
 * the hub's own sentence. No inline handlers: the script binds its own.
 */
export function bookingPageHtml(officeName: string, hubNow: number): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Reservasi Antrean — ${escapeHtml(officeName)}</title><style>${BOOKING_STYLE}</style></head>
<body><header><span>${escapeHtml(officeName)}</span><button type="button" id="lang" data-t="langSwitch">English</button></header>
<main>
<section class="card"><h1 data-t="title">Reservasi Antrean</h1><p class="lead" data-t="lead"></p></section>
<p class="message" id="message" role="alert"></p>
<section class="card" id="step-service" aria-labelledby="h-service"><h2 id="h-service" data-t="stepService"></h2>
<p class="muted" id="services-state" data-t="loading"></p><div class="choices" id="services"></div>
<div id="persyaratan-box" hidden><h3 data-t="persyaratan"></h3><ul class="req" id="persyaratan"></ul></div></section>
<section class="card" id="step-day" aria-labelledby="h-day" hidden><h2 id="h-day" data-t="stepDay"></h2><div class="choices days" id="days"></div></section>
<section class="card" id="step-slot" aria-labelledby="h-slot" hidden><h2 id="h-slot" data-t="stepSlot"></h2>
<p class="notice" id="quota-full" data-t="quotaShareFull" hidden></p><p class="muted" id="no-slots" data-t="noSlots" hidden></p>
<div class="choices slots" id="slots"></div><button type="button" id="hold" data-t="hold" disabled></button></section>
<section class="card" id="step-details" aria-labelledby="h-details" hidden><h2 id="h-details" data-t="stepDetails"></h2>
<p class="hold" id="hold-box"><span id="hold-slot"></span><br><span data-t="held"></span> <b id="hold-left"></b></p>
<form id="details" novalidate>
<label class="field" id="name-field" hidden><span data-t="name"></span><input type="text" id="name" name="name" autocomplete="name" maxlength="60"><small class="error" id="name-error"></small></label>
<label class="field" id="phone-field" hidden><span data-t="phone"></span><input type="tel" id="phone" name="phone" autocomplete="tel" inputmode="tel" maxlength="20"><small data-t="phoneHint"></small><small class="error" id="phone-error"></small></label>
<p class="muted" id="no-details" data-t="noDetails" hidden></p>
<button type="submit" id="confirm" data-t="confirm"></button></form>
<button type="button" class="secondary" id="change" data-t="changeSlot"></button></section>
</main>
<script>
// The hub's clock as it sent this page: "today" and the hold's countdown are hub time, a phone's clock may be off by days.
const HUB_NOW_AT_LOAD = ${Math.round(hubNow)};
${BOOKING_LANG_SCRIPT}
${BOOKING_TIME_SCRIPT}
${BOOKING_FLOW_SCRIPT}
</script></body></html>`;
}

const BOOKING_FLOW_SCRIPT = String.raw`
const $ = (x) => document.getElementById(x);
const state = { offer: null, service: null, day: null, slots: null, slot: null, hold: null, tick: null, busy: false, skew: HUB_NOW_AT_LOAD - Date.now() };
// Hub time now: the phone's clock corrected by how far it was from the hub's when the page loaded.
const hubNow = () => Date.now() + state.skew;
const say = (text) => { $("message").textContent = text || ""; };
async function api(path, body) {
  const init = body === undefined ? { cache: "no-store" } : { method: "POST", cache: "no-store", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  try {
    const res = await fetch(path, init);
    try { return await res.json(); } catch { return { ok: false }; }
  } catch { return { ok: false, offline: true }; }
}
const refusal = (answer) => (answer.offline ? tr("offline") : refusalText(answer, lang));
function choice(label, detail, pressed, disabled, onPick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (detail) { const s = document.createElement("small"); s.textContent = detail; b.append(s); }
  b.setAttribute("aria-pressed", String(pressed));
  b.disabled = disabled;
  b.addEventListener("click", onPick);
  return b;
}
function renderServices() {
  const offer = state.offer;
  const list = $("services");
  list.replaceChildren();
  if (!offer) return;
  const reason = offer.unavailableReason || (offer.enabled ? null : "disabled");
  $("services-state").hidden = !reason && offer.services.length > 0;
  $("services-state").textContent =
    reason === "no-public-url" ? tr("unavailableNoUrl") : reason ? tr("unavailableDisabled") : tr("noServices");
  // Without a public address booking still works from the office's own network (docs/api.md): say so, and offer it.
  if (reason === "disabled") return;
  for (const s of offer.services) {
    list.append(choice(s.name, s.agencyName, state.service === s, false, () => pickService(s)));
  }
  const box = $("persyaratan-box");
  box.hidden = !state.service;
  const req = $("persyaratan");
  req.replaceChildren();
  if (state.service) {
    const items = state.service.persyaratan.length ? state.service.persyaratan : [tr("noPersyaratan")];
    for (const text of items) { const li = document.createElement("li"); li.textContent = text; req.append(li); }
  }
}
function renderSlots() {
  const data = state.slots;
  $("step-day").hidden = !data;
  $("step-slot").hidden = !data;
  if (!data) return;
  const days = $("days");
  days.replaceChildren();
  for (const d of data.days) {
    days.append(choice(dayButtonText(d.day, lang), d.open ? tr("free", { n: d.free }) : tr("full"), d.day === state.day, !d.open, () => loadSlots(d.day)));
  }
  const slots = $("slots");
  slots.replaceChildren();
  const zone = state.offer.timeZone;
  for (const s of data.slots) {
    const label = officeTime(s.start, zone, lang) + "\u2013" + officeTime(s.end, zone, lang);
    const b = choice(label, s.free > 0 ? tr("free", { n: s.free }) : tr("full"), state.slot === s.start, s.free <= 0, () => { state.slot = s.start; renderSlots(); });
    b.dataset.slot = String(s.start);
    slots.append(b);
  }
  $("quota-full").hidden = !data.quotaShareFull;
  $("no-slots").hidden = data.slots.some((s) => s.free > 0) || data.quotaShareFull;
  $("hold").disabled = state.slot === null || state.busy || !!state.hold;
  $("hold").textContent = state.busy && !state.hold ? tr("holding") : tr("hold");
}
function renderDetails() {
  const hold = state.hold;
  $("step-details").hidden = !hold;
  if (!hold) return;
  const ask = state.offer.ask;
  $("name-field").hidden = !ask.name;
  $("phone-field").hidden = !ask.phone;
  $("no-details").hidden = ask.name || ask.phone;
  $("hold-slot").textContent = slotText(hold.slot.start, hold.slot.end, state.offer.timeZone, state.offer.timeZoneName, lang);
  $("confirm").disabled = state.busy;
  $("confirm").textContent = state.busy ? tr("confirming") : tr("confirm");
}
function render() { renderServices(); renderSlots(); renderDetails(); }

function pickService(s) {
  if (state.hold) return;
  state.service = s;
  state.slot = null;
  say("");
  renderServices();
  // The phone's clock gives the first day to ask about; the hub answers with the days it really offers.
  void loadSlots(null);
}
async function loadSlots(day) {
  if (!state.service || state.hold) return;
  const asked = day || officeYmd(hubNow(), state.offer.timeZone);
  const answer = await api("/api/bookings/slots?service=" + encodeURIComponent(state.service.id) + "&day=" + encodeURIComponent(asked));
  if (!answer.ok) { say(refusal(answer)); return; }
  const data = answer.data;
  if (!day && !data.days.some((d) => d.day === asked && d.open)) {
    const first = data.days.find((d) => d.open);
    if (first && first.day !== asked) return loadSlots(first.day);
  }
  state.day = data.day;
  state.slots = data;
  if (!data.slots.some((s) => s.start === state.slot && s.free > 0)) state.slot = null;
  say("");
  renderSlots();
}
async function holdSlot() {
  const slot = state.slots && state.slots.slots.find((s) => s.start === state.slot);
  if (!slot || state.busy) return;
  state.busy = true;
  renderSlots();
  const answer = await api("/api/bookings/hold", { serviceId: state.service.id, slotStart: slot.start });
  state.busy = false;
  if (!answer.ok) {
    // The slots again (this one may be full now), then the reason: loading them clears the last message.
    await loadSlots(state.day);
    say(refusal(answer));
    return;
  }
  say("");
  state.hold = { bookingId: answer.data.bookingId, expiresAt: answer.data.holdExpiresAt, slot, offset: null };
  startCountdown();
  render();
  $("step-details").scrollIntoView({ block: "start" });
  const first = state.offer.ask.name ? $("name") : state.offer.ask.phone ? $("phone") : $("confirm");
  first.focus({ preventScroll: true });
}
// The hold's end is hub time, so the countdown runs on hub time too (see hubNow).
function startCountdown() {
  const hold = state.hold;
  const tick = () => {
    if (state.hold !== hold) return;
    const ms = hold.expiresAt - hubNow();
    $("hold-left").textContent = countdownText(ms);
    if (ms <= 0) { void lapse(); return; }
    state.tick = setTimeout(tick, 500);
  };
  tick();
}
async function lapse() {
  state.hold = null;
  state.slot = null;
  render();
  await loadSlots(state.day);
  say(tr("holdLapsed"));
}
async function changeSlot() {
  const hold = state.hold;
  if (!hold) return;
  state.hold = null;
  clearTimeout(state.tick);
  // Given back at once rather than held until the sweep: someone else may want this time.
  await api("/api/bookings/" + encodeURIComponent(hold.bookingId) + "/cancel", {});
  state.slot = null;
  render();
  await loadSlots(state.day);
}
function detailsFromForm() {
  const ask = state.offer.ask;
  const out = {};
  let ok = true;
  $("name-error").textContent = "";
  $("phone-error").textContent = "";
  if (ask.name) {
    const name = $("name").value.trim();
    if (name.length < 2) { $("name-error").textContent = tr("nameInvalid"); ok = false; } else out.name = name;
  }
  if (ask.phone) {
    const phone = $("phone").value.trim();
    const digits = phone.replace(/\D/g, "");
    if (!/^\+?[0-9 -]{8,20}$/.test(phone) || digits.length < 8 || digits.length > 15) { $("phone-error").textContent = tr("phoneInvalid"); ok = false; } else out.phone = phone;
  }
  return ok ? out : null;
}
async function confirmHold(event) {
  event.preventDefault();
  const hold = state.hold;
  if (!hold || state.busy) return;
  const details = detailsFromForm();
  if (!details) return;
  state.busy = true;
  renderDetails();
  const answer = await api("/api/bookings/" + encodeURIComponent(hold.bookingId) + "/confirm", details);
  state.busy = false;
  if (!answer.ok) { say(refusal(answer)); renderDetails(); return; }
  // The receipt on this hub's own address: the public URL in answer.data.url is for the QR.
  location.assign("/reservasi/" + encodeURIComponent(answer.data.bookingId));
}

$("hold").addEventListener("click", () => void holdSlot());
$("change").addEventListener("click", () => void changeSlot());
$("details").addEventListener("submit", (e) => void confirmHold(e));
bindLangSwitch(render);
(async () => {
  const answer = await api("/api/bookings/services");
  if (!answer.ok) { $("services-state").textContent = refusal(answer); return; }
  state.offer = answer.data;
  render();
})();
`;
