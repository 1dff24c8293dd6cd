import { estimateForTicket, serviceDayOf, type TicketStatus } from "@layan/core";
import { formatPeopleAhead, formatWaitRange, NO_COUNTER_OPEN, zoneAbbreviation } from "@layan/printer/wording";
import type { HubContext } from "./context";
import { BASE_STYLE, escapeHtml, maklumatHtml, sendPage } from "./feedback/pages/common";
import { surveyFormHtml, surveyScript } from "./feedback/pages/survey-form";
import { decodePathPart, sendJson, type Route } from "./http";
import { NOTIFY_STYLE, notifyBlockHtml, notifyScript, SERVICE_WORKER } from "./notify/page";

/** Ticket ids are 16 base64url characters; anything else is not worth a lookup. */
const TICKET_ID = /^[A-Za-z0-9_-]{16}$/;

/**
 * What the citizen's phone shows behind the QR code: this ticket only. No
 * other ticket's number, no officer's name, nothing a guessed id could use.
 */
export interface PublicTicketStatus {
  number: string;
  serviceName: string;
  agencyName: string;
  status: TicketStatus;
  priority: boolean;
  issuedAt: number;
  peopleAhead: number | null;
  estimate: { p50Minutes: number | null; p90Minutes: number | null } | null;
  /** The same words as the kiosk and the printed ticket ("Anda berikutnya" only while a counter is open). */
  peopleAheadText: string | null;
  waitText: string | null;
  /** The office's zone, so the page shows office time ("09:30 WIB"), never the phone's own clock. */
  timeZone: string;
  timeZoneName: string;
  counter: { name: string; number: number } | null;
  calledAt: number | null;
  recalls: number;
  /** The ticket belongs to an earlier service day. */
  expired: boolean;
  serverTime: number;
}

export function publicTicketStatus(ctx: HubContext, ticketId: string): PublicTicketStatus | null {
  const { state } = ctx.engine;
  const now = ctx.engine.now();
  const today = serviceDayOf(now, state.rules.timezone);
  const service = (id: string) => ctx.setup.catalog.services.find((s) => s.id === id);
  const agencyName = (serviceId: string) => {
    const agencyId = service(serviceId)?.agencyId;
    return ctx.setup.catalog.agencies.find((a) => a.id === agencyId)?.name ?? "";
  };
  const counterOf = (counterId: string | null) => {
    const c = counterId ? state.counterRules.get(counterId) : undefined;
    return c ? { name: c.name, number: c.number } : null;
  };
  const zone = { timeZone: state.rules.timezone, timeZoneName: zoneAbbreviation(state.rules.timezone, now) };
  const live = state.tickets.get(ticketId);
  if (live) {
    const estimate = estimateForTicket(state, ticketId, now);
    const called = live.status === "called" || live.status === "serving";
    return {
      number: live.number,
      serviceName: service(live.segment.serviceId)?.name ?? live.segment.serviceId,
      agencyName: agencyName(live.segment.serviceId),
      status: live.status,
      priority: live.priority !== null,
      issuedAt: live.issuedAt,
      peopleAhead: estimate?.peopleAhead ?? null,
      estimate: estimate ? { p50Minutes: estimate.p50Minutes, p90Minutes: estimate.p90Minutes } : null,
      ...waitWords(estimate),
      ...zone,
      counter: called ? counterOf(live.segment.counterId) : null,
      calledAt: called ? live.segment.lastCalledAt : null,
      recalls: live.segment.recalls,
      expired: live.serviceDay !== today,
      serverTime: now,
    };
  }
  const stored = ctx.store.storedTicket(ticketId);
  if (!stored) return null;
  return {
    number: stored.number,
    serviceName: service(stored.serviceId)?.name ?? stored.serviceId,
    agencyName: agencyName(stored.serviceId),
    status: stored.status,
    priority: false,
    issuedAt: stored.issuedAt,
    peopleAhead: null,
    estimate: null,
    peopleAheadText: null,
    waitText: null,
    ...zone,
    counter: null,
    calledAt: null,
    recalls: 0,
    expired: stored.serviceDay !== today,
    serverTime: now,
  };
}

function waitWords(
  estimate: { peopleAhead: number; p50Minutes: number | null; p90Minutes: number | null } | null,
): { peopleAheadText: string | null; waitText: string | null } {
  if (!estimate) return { peopleAheadText: null, waitText: null };
  const open = estimate.p50Minutes !== null && estimate.p90Minutes !== null;
  return {
    peopleAheadText: formatPeopleAhead(estimate.peopleAhead, open),
    waitText:
      estimate.p50Minutes !== null && estimate.p90Minutes !== null
        ? formatWaitRange({ p50: estimate.p50Minutes, p90: estimate.p90Minutes })
        : NO_COUNTER_OPEN.id,
  };
}

/** GET /t/<id> (the page) and GET /api/tickets/<id> (its data, polled by the page). */
export function ticketPageRoutes(ctx: HubContext): Route {
  return (req, res, url) => {
    if (req.method !== "GET") return false;
    const api = /^\/api\/tickets\/([^/]+)$/.exec(url.pathname);
    if (api) {
      const id = decodePathPart(api[1] ?? "");
      const status = TICKET_ID.test(id) ? publicTicketStatus(ctx, id) : null;
      if (!status) sendJson(res, 404, { ok: false, error: { code: "NOT_FOUND", message: "Nomor antrean tidak ditemukan.", messageEn: "Ticket not found." } });
      else sendJson(res, 200, { ok: true, data: status });
      return true;
    }
    const manifest = /^\/t\/([A-Za-z0-9_-]{16})\.webmanifest$/.exec(url.pathname);
    if (manifest?.[1] && ctx.notify?.offer().webPush.available && publicTicketStatus(ctx, manifest[1])) {
      // iOS gives Web Push only to a page added to the Home Screen as a web app, which needs this.
      const number = publicTicketStatus(ctx, manifest[1])?.number ?? "";
      sendJson(res, 200, {
        name: `Antrean ${number} — ${ctx.setup.catalog.office.shortName}`,
        short_name: `Antrean ${number}`,
        start_url: `/t/${manifest[1]}`,
        scope: "/t/",
        display: "standalone",
        lang: "id",
        background_color: "#f3f6fa",
        theme_color: "#0b4f8a",
      });
      return true;
    }
    if (url.pathname === "/t/sw.js") {
      // At /t/ so its scope covers every ticket page and nothing else of the hub.
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" });
      res.end(SERVICE_WORKER);
      return true;
    }
    const page = /^\/t\/([^/]+)$/.exec(url.pathname);
    if (!page) return false;
    const id = decodePathPart(page[1] ?? "");
    const status = TICKET_ID.test(id) ? publicTicketStatus(ctx, id) : null;
    const officeName = ctx.setup.catalog.office.name;
    // worker-src, manifest-src: "Beri tahu saya" registers /t/sw.js; iOS reads the manifest.
    if (status) sendPage(res, 200, ticketHtml(ctx, id), "worker-src 'self'; manifest-src 'self'");
    else sendPage(res, 404, notFoundHtml(officeName));
    return true;
  };
}

const STYLE = `${BASE_STYLE}
#card{text-align:center}
.label{font-size:14px;font-weight:400;margin:0;color:#51606e;text-transform:uppercase;letter-spacing:.06em}
.number{font-size:72px;font-weight:800;letter-spacing:.02em;margin:6px 0 2px}
.service{font-size:18px;font-weight:600}.agency{font-size:14px;color:#51606e;margin-top:2px}
.facts{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin-top:18px}
.fact{background:#eef3f8;border-radius:12px;padding:12px}.fact b{display:block;font-size:26px;margin-top:2px}
.called{background:#0e7a3a;color:#fff;animation:pulse 1s ease-in-out 6}.called .label,.called .agency{color:#dff5e7}
.called .go{font-size:30px;font-weight:800;margin-top:12px}
.muted{color:#51606e;font-size:14px;margin-top:16px}.state{font-size:20px;font-weight:700;margin:16px 0 0}
@keyframes pulse{50%{transform:scale(1.03)}}${NOTIFY_STYLE}`;

/** The office's maklumat, and beside it the agency's own when the ticket's agency adopted one. */
function maklumatBlocks(ctx: HubContext, ticketId: string): string {
  const { catalog } = ctx.setup;
  const serviceId = ctx.engine.state.tickets.get(ticketId)?.segment.serviceId ?? ctx.store.storedTicket(ticketId)?.serviceId;
  const agency = catalog.agencies.find((a) => a.id === catalog.services.find((s) => s.id === serviceId)?.agencyId);
  const own = agency?.maklumat ? maklumatHtml(agency.maklumat, { key: "agency", of: agency.name }) : "";
  return `${own}\n${maklumatHtml(catalog.office.maklumat)}`;
}

function ticketHtml(ctx: HubContext, ticketId: string): string {
  const { office } = ctx.setup.catalog;
  const officeName = office.name;
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Nomor Antrean — ${escapeHtml(officeName)}</title><style>${STYLE}</style>
${ctx.notify?.offer().webPush.available ? `<link rel="manifest" href="/t/${ticketId}.webmanifest"><meta name="apple-mobile-web-app-capable" content="yes">` : ""}</head>
<body><header>${escapeHtml(officeName)}</header><main><div class="card" id="card" aria-live="assertive">
<h1 class="label">Nomor antrean Anda</h1><div class="number" id="number">…</div>
<div class="service" id="service"></div><div class="agency" id="agency"></div><div class="agency" id="issued"></div>
<div id="body"></div></div><p class="muted" id="updated">Memuat…</p>
${notifyBlockHtml(ctx.notify?.offer())}
${office.surveyEnabled ? surveyFormHtml(office.privacy.surveyProfile) : ""}
${maklumatBlocks(ctx, ticketId)}
<section class="card"><a class="button" id="complaint-link" href="/pengaduan">Sampaikan pengaduan atau saran</a>
<p class="en" style="text-align:center;margin-top:8px">File a complaint or suggestion</p></section></main>
<script>
const id = location.pathname.split("/").pop();
const $ = (x) => document.getElementById(x);
let announced = false;
const STATUS = { waiting: "Menunggu dipanggil", called: "Dipanggil", serving: "Sedang dilayani", done: "Selesai dilayani", no_show: "Tidak hadir saat dipanggil", cancelled: "Dibatalkan" };
function officeTime(at, t) {
  return new Date(at).toLocaleTimeString("id-ID", { timeZone: t.timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}
function render(t) {
  if (window.layanNotifyFollow) window.layanNotifyFollow(t);
  $("number").textContent = t.number;
  $("issued").textContent = "Diambil pukul " + officeTime(t.issuedAt, t) + " " + t.timeZoneName;
  $("service").textContent = t.serviceName;
  $("agency").textContent = t.agencyName;
  const card = $("card");
  const body = $("body");
  body.replaceChildren();
  if (typeof loadSurvey === "function" && t.status !== "waiting" && t.status !== "called" && t.status !== "serving") loadSurvey();
  const add = (cls, text) => { const d = document.createElement("div"); d.className = cls; d.textContent = text; body.append(d); return d; };
  if (t.expired) { card.className = "card"; add("state", "Nomor ini untuk hari layanan sebelumnya."); return; }
  if ((t.status === "called" || t.status === "serving") && t.counter) {
    card.className = "card called";
    add("go", t.status === "called" ? "Silakan menuju " + t.counter.name.toUpperCase() : "Sedang dilayani di " + t.counter.name);
    if (t.status === "called" && !announced) { announced = true; if (navigator.vibrate) navigator.vibrate([400, 200, 400, 200, 800]); }
    return;
  }
  card.className = "card";
  if (t.status !== "waiting") { add("state", STATUS[t.status] || t.status); return; }
  const facts = add("facts", "");
  const fact = (label, value) => { const f = document.createElement("div"); f.className = "fact"; f.textContent = label; const b = document.createElement("b"); b.textContent = value; f.append(b); facts.append(f); };
  fact("Antrean", t.peopleAheadText || "–");
  fact("Perkiraan tunggu", t.waitText || "–");
  add("muted", "Halaman ini diperbarui otomatis. Tetap berada di sekitar ruang tunggu.");
}
async function poll() {
  try {
    const res = await fetch("/api/tickets/" + encodeURIComponent(id), { cache: "no-store" });
    const body = await res.json();
    // The hub's clock in the office's zone: the phone's own clock and zone may be anything.
    if (body.ok) { render(body.data); $("updated").textContent = "Diperbarui " + officeTime(body.data.serverTime, body.data) + " " + body.data.timeZoneName; }
    else $("updated").textContent = body.error.message;
  } catch { $("updated").textContent = "Tidak terhubung. Mencoba lagi…"; }
  setTimeout(poll, document.hidden ? 15000 : 4000);
}
${office.surveyEnabled ? surveyScript() : ""}
${notifyScript(ctx.notify?.offer())}
poll();
</script></body></html>`;
}

function notFoundHtml(officeName: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Tidak ditemukan</title><style>${STYLE}</style></head><body><header>${escapeHtml(officeName)}</header>
<main><div class="card"><h1 class="state">Nomor antrean tidak ditemukan</h1>
<p class="muted">Periksa kembali kode QR pada tiket Anda, atau tanyakan kepada petugas.</p></div></main></body></html>`;
}
