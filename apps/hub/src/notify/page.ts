import type { NotifyOffer } from "@layan/protocol";

/*
 * The ticket page's "Beri tahu saya" (apps/hub/src/ticket-page.ts): the
 * citizen taps it, picks how many people ahead, and only then the browser
 * asks for permission, so the prompt comes with its reason on screen.
 */

export const NOTIFY_STYLE = `
#notify .choices{display:flex;gap:8px;margin-top:10px}#notify .choices button{margin-top:0;background:#eef3f8;color:#0b2a45;border:2px solid #0b4f8a}
#notify .choices button[aria-pressed=true]{background:#0b4f8a;color:#fff}#notify .secondary{background:#fff;color:#0b4f8a;border:2px solid #0b4f8a}
#notify .note{font-size:15px;margin:8px 0 0}`;

/** The block under the ticket: the choice when the office offers it, or plainly why not. */
export function notifyBlockHtml(offer: NotifyOffer | undefined): string {
  if (!offer?.webPush.available) {
    return `<section class="card" id="notify" data-available="false"><h2 class="label">Pemberitahuan</h2>
<p class="note" id="notify-unavailable">Pemberitahuan ke ponsel belum tersedia di kantor ini. Biarkan halaman ini terbuka, atau tetap berada di sekitar ruang tunggu.</p>
<p class="en">Phone notifications are not available at this office. Keep this page open, or stay near the waiting room.</p></section>`;
  }
  const choices = offer.webPush.aheadChoices
    .map((n) => `<button type="button" data-ahead="${n}" aria-pressed="false">${n} orang</button>`)
    .join("");
  return `<section class="card" id="notify" data-available="true" hidden><h2 class="label">Pemberitahuan</h2>
<div id="notify-start"><button type="button" id="notify-open">Beri tahu saya</button>
<p class="en" style="text-align:center">Notify me when my turn is near</p></div>
<div id="notify-pick" hidden><p class="note">Beri tahu saya bila tinggal berapa orang lagi sebelum saya:</p><p class="en">Tell me when this many people are ahead of me:</p>
<div class="choices" role="group" aria-label="Jumlah orang di depan">${choices}</div>
<p class="note">Anda juga diberi tahu saat nomor Anda dipanggil. Setelah ini peramban akan meminta izin menampilkan pemberitahuan.</p>
<button type="button" id="notify-confirm" disabled>Aktifkan pemberitahuan</button></div>
<div id="notify-on" hidden><p class="note" id="notify-on-text"></p><button type="button" class="secondary" id="notify-stop">Berhenti memberi tahu</button></div>
<p class="note" id="notify-message" role="status"></p></section>`;
}

/** The page's script for the block; `key` is the hub's VAPID public key (base64url). */
export function notifyScript(offer: NotifyOffer | undefined): string {
  // Called, served or over: the block has nothing left to offer, either way.
  const follow = `window.layanNotifyFollow = (t) => { const box = $("notify"); if (box && (t.status !== "waiting" || t.expired)) box.hidden = true; };`;
  if (!offer?.webPush.available) return follow;
  return `${follow}
(function () {
  const key = ${JSON.stringify(offer.webPush.publicKey)};
  const box = $("notify");
  const msg = (t) => { $("notify-message").textContent = t; };
  const show = (part) => { for (const p of ["notify-start", "notify-pick", "notify-on"]) $(p).hidden = p !== part; };
  const stored = () => { try { return JSON.parse(localStorage.getItem("layan-notify-" + id) || "null"); } catch { return null; } };
  let ahead = null;
  const supported = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
  box.hidden = false;
  if (!supported) {
    show(null);
    msg("Peramban ini tidak dapat menerima pemberitahuan. Di iPhone/iPad, tambahkan halaman ini ke Layar Utama (Bagikan → Tambahkan ke Layar Utama), lalu buka dari sana.");
    return;
  }
  const on = (n) => { $("notify-on-text").textContent = "Anda akan diberi tahu bila tinggal " + n + " orang lagi, dan saat dipanggil."; show("notify-on"); };
  const saved = stored();
  if (saved && Notification.permission === "granted") on(saved.ahead); else show("notify-start");
  $("notify-open").onclick = () => { show("notify-pick"); msg(""); };
  for (const b of box.querySelectorAll("[data-ahead]")) b.onclick = () => {
    ahead = Number(b.dataset.ahead);
    for (const o of box.querySelectorAll("[data-ahead]")) o.setAttribute("aria-pressed", String(o === b));
    $("notify-confirm").disabled = false;
  };
  const keyBytes = () => { const s = key.replace(/-/g, "+").replace(/_/g, "/"); const raw = atob(s + "=".repeat((4 - (s.length % 4)) % 4)); return Uint8Array.from(raw, (c) => c.charCodeAt(0)); };
  $("notify-confirm").onclick = async () => {
    if (!ahead) return;
    $("notify-confirm").disabled = true;
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") { msg("Izin pemberitahuan ditolak. Anda dapat mengizinkannya di pengaturan peramban."); show("notify-pick"); return; }
      const reg = await navigator.serviceWorker.register("/t/sw.js", { scope: "/t/" });
      await navigator.serviceWorker.ready;
      const sub = (await reg.pushManager.getSubscription()) || (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes() }));
      const res = await fetch("/api/tickets/" + encodeURIComponent(id) + "/notify", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ subscription: sub.toJSON(), ahead }) });
      const body = await res.json();
      if (!body.ok) { msg(body.error.message); show("notify-pick"); return; }
      localStorage.setItem("layan-notify-" + id, JSON.stringify({ ahead, endpoint: sub.endpoint }));
      on(ahead);
      msg("");
    } catch { msg("Pemberitahuan tidak dapat diaktifkan di peramban ini. Biarkan halaman ini terbuka."); show("notify-pick"); }
    finally { $("notify-confirm").disabled = false; }
  };
  $("notify-stop").onclick = async () => {
    const s = stored();
    if (s) await fetch("/api/tickets/" + encodeURIComponent(id) + "/notify/cancel", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ endpoint: s.endpoint }) }).catch(() => undefined);
    localStorage.removeItem("layan-notify-" + id);
    show("notify-start");
    msg("Pemberitahuan dihentikan.");
  };
})();`;
}

/**
 * The service worker at /t/sw.js (scope /t/, the ticket pages): shows what
 * the hub pushed and opens the ticket page when tapped. The message arrives
 * decrypted by the browser; it holds no more than the notification shows.
 */
export const SERVICE_WORKER = `self.addEventListener("push", (event) => {
  let m = {};
  try { m = event.data ? event.data.json() : {}; } catch { m = { title: "Antrean", body: event.data ? event.data.text() : "" }; }
  const lang = (self.navigator && self.navigator.language || "id").toLowerCase();
  const en = lang.startsWith("en");
  event.waitUntil(self.registration.showNotification((en ? m.titleEn : m.title) || m.title || "Antrean", {
    body: (en ? m.bodyEn : m.body) || m.body || "",
    tag: m.tag, renotify: true, requireInteraction: m.kind !== "ahead", data: { url: m.url }, lang: en ? "en" : "id",
  }));
});
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = event.notification.data && event.notification.data.url;
  if (url) event.waitUntil(self.clients.openWindow(url));
});
`;
