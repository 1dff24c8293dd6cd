/**
 * "Tell me when I am near" by Web Push (issue 17), end to end on loopback:
 * a real hub with a real SQLite store, real socket.io kiosk and counter
 * clients, the real `web-push` package, and a push service stand-in that
 * checks the VAPID JWT and decrypts each message with the subscription's own
 * keys (tests/support/push-service.ts). The clock is the harness's fake one.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LayanConfig } from "@layan/config";
import type { NotifyOffer, PushMessage } from "@layan/protocol";
import { notifyRoutes, type Notifier } from "../../apps/hub/src/notify";
import { VAPID_FILE } from "../../apps/hub/src/notify/vapid";
import { connect, FakeClock, login, must, rid, startHub, type TestHubHandle, type TestSocket } from "../../apps/hub/src/testing/harness";
import { startPushService, type PushServiceStandIn, type StandInSubscription } from "../support/push-service";

const PUBLIC = "https://antrean.pesawarankab.go.id";
let push: PushServiceStandIn;
let h: TestHubHandle | null = null;
let notifier: Notifier;
let scratch: string;

beforeAll(async () => {
  push = await startPushService();
});
afterAll(async () => {
  await push.close();
});
afterEach(async () => {
  await h?.close();
  h = null;
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const enable = (c: LayanConfig, base: string | null = PUBLIC, enabled = true) => {
  if (base) c.office.publicBaseUrl = base;
  else delete c.office.publicBaseUrl;
  c.office.notify = { webPush: { enabled, contact: "mailto:it@pesawarankab.go.id" }, aheadChoices: [1, 3, 5] };
};

async function start(options: { configure?: (c: LayanConfig) => void; clock?: FakeClock; dataDir?: string; pushTimeoutMs?: number } = {}): Promise<TestHubHandle> {
  scratch = options.dataDir ?? mkdtempSync(join(tmpdir(), "layan-notify-"));
  const dir = scratch;
  h = await startHub({
    configure: options.configure ?? ((c) => enable(c)),
    ...(options.clock ? { clock: options.clock } : {}),
    routes: (store) => [notifyRoutes({ db: store.db, dataDir: dir, tickMs: 0, pushAgent: push.agent, ...(options.pushTimeoutMs ? { pushTimeoutMs: options.pushTimeoutMs } : {}), onStart: (n) => (notifier = n) })],
  });
  return h;
}

async function post(path: string, body: unknown): Promise<{ status: number; body: { ok: boolean; data?: unknown; error?: { code: string; message: string } } }> {
  if (!h) throw new Error("no hub");
  const res = await fetch(`${h.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { ok: boolean } };
}

const subscribe = (ticketId: string, sub: StandInSubscription, ahead: number) =>
  post(`/api/tickets/${ticketId}/notify`, { subscription: { endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }, ahead });

const messagesFor = (sub: StandInSubscription) => push.received.filter((r) => r.subscriptionId === sub.id).map((r) => r.message as PushMessage);

async function settled(): Promise<void> {
  await notifier.flush();
}

async function office(): Promise<{ kiosk: TestSocket<"kiosk">; counter: TestSocket<"counter">; issue: () => Promise<string> }> {
  if (!h) throw new Error("no hub");
  const kiosk = await connect(h.url, "/kiosk", h.tokens.kiosk);
  const counter = await connect(h.url, "/counter", await login(h.url, h.users.officer));
  await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
  const issue = async () => (await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" })).ticket.id;
  return { kiosk, counter, issue };
}

async function callNext(counter: TestSocket<"counter">): Promise<void> {
  await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
}
async function completeAndCall(counter: TestSocket<"counter">): Promise<void> {
  await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
  await callNext(counter);
}

describe("Web Push to a citizen outside the hall", () => {
  it("tells once when N people are ahead, then when called and recalled, through the real web-push path", async () => {
    await start();
    const { kiosk, counter, issue } = await office();
    const ids = [await issue(), await issue(), await issue(), await issue()];
    const mine = ids[3] ?? "";
    const sub = push.newSubscription();
    expect((await subscribe(mine, sub, 1)).body).toMatchObject({ ok: true, data: { ahead: 1 } });
    // What an iPhone needs to add the page to the Home Screen, where alone it gets push.
    const page = await (await fetch(`${h?.url ?? ""}/t/${mine}`)).text();
    expect(page).toContain(`<link rel="manifest" href="/t/${mine}.webmanifest">`);
    const manifest = (await (await fetch(`${h?.url ?? ""}/t/${mine}.webmanifest`)).json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({ start_url: `/t/${mine}`, scope: "/t/", display: "standalone", short_name: "Antrean A-004" });

    await callNext(counter); // 2 ahead
    await settled();
    expect(messagesFor(sub)).toEqual([]);
    await completeAndCall(counter); // 1 ahead
    await settled();
    expect(messagesFor(sub)).toHaveLength(1);
    expect(messagesFor(sub)[0]).toMatchObject({ kind: "ahead", title: "Antrean A-004: 1 orang lagi sebelum Anda", titleEn: "Ticket A-004: 1 person ahead of you", url: `${PUBLIC}/t/${mine}` });
    await completeAndCall(counter); // 0 ahead: already told
    await settled();
    expect(messagesFor(sub)).toHaveLength(1);

    await completeAndCall(counter); // mine is called
    await must(counter, "ticket:recall", { requestId: rid(), counterId: "loket-1" });
    await settled();
    const all = messagesFor(sub);
    expect(all.map((m) => m.kind)).toEqual(["ahead", "called", "recalled"]);
    expect(all[1]).toMatchObject({ title: "Nomor Anda dipanggil ke Loket 1", body: "Antrean A-004: silakan menuju Loket 1 sekarang." });
    const received = push.received.filter((r) => r.subscriptionId === sub.id);
    expect(received[1]?.headers).toMatchObject({ urgency: "high", encoding: "aes128gcm", ttl: "300" });
    expect(received[0]?.headers.ttl).toBe("900");
    expect(received[0]?.vapid).toMatchObject({ aud: push.origin, sub: "mailto:it@pesawarankab.go.id", publicKey: notifier.offer().webPush.available ? (notifier.offer().webPush as { publicKey: string }).publicKey : "" });
    expect(push.rejected).toEqual([]);

    // Finished: the browser's address is not kept.
    await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    await settled();
    expect(notifier.queries.countFor(mine)).toBe(0);
    kiosk.close();
    counter.close();
  });

  it("forgets a subscription the push service answers 410 for", async () => {
    await start();
    const { kiosk, counter, issue } = await office();
    const mine = await issue();
    const sub = push.newSubscription();
    expect((await subscribe(mine, sub, 3)).status).toBe(200);
    await settled();
    // Already within 3: told at once, then the browser unsubscribes.
    expect(messagesFor(sub).map((m) => m.kind)).toEqual(["ahead"]);
    push.answer(sub.id, 410);
    await callNext(counter);
    await settled();
    expect(notifier.queries.countFor(mine)).toBe(0);
    expect(notifier.push()?.stats().gone).toBe(1);
    kiosk.close();
    counter.close();
  });

  it("goes on calling while the push service takes requests and never answers", async () => {
    await start({ pushTimeoutMs: 300 });
    const { kiosk, counter, issue } = await office();
    const ids = [await issue(), await issue(), await issue()];
    const subs = ids.map(() => push.newSubscription());
    for (const sub of subs) push.answer(sub.id, 0);
    for (const [i, id] of ids.entries()) expect((await subscribe(id, subs[i] ?? push.newSubscription(), 1)).status).toBe(200);
    // Every call is answered while the sends hang: they run beside the queue, not in it.
    await callNext(counter);
    await completeAndCall(counter);
    await completeAndCall(counter);
    await settled();
    const stats = notifier.push()?.stats();
    expect(stats?.sent).toBe(0);
    // Told "ahead" three times and called three times: six sends, each given up after its timeout.
    expect(stats?.failed).toBe(6);
    expect(stats?.queued).toBe(0);
    kiosk.close();
    counter.close();
  });

  it("deletes every subscription at the end of the service day, by itself", async () => {
    const clock = new FakeClock();
    await start({ clock });
    const { kiosk, counter, issue } = await office();
    const a = await issue();
    const b = await issue();
    await subscribe(a, push.newSubscription(), 5);
    await subscribe(b, push.newSubscription(), 1);
    expect(notifier.queries.countSubscriptions()).toBe(2);
    await notifier.tick();
    expect(notifier.queries.countSubscriptions()).toBe(2);
    clock.advance(24 * 60 * 60_000);
    await notifier.tick();
    expect(notifier.queries.countSubscriptions()).toBe(0);
    kiosk.close();
    counter.close();
  });

  it("keeps its VAPID keys across a restart, in a file only the hub's user reads", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "layan-notify-"));
    await start({ dataDir });
    const first = notifier.offer();
    await h?.close();
    h = null;
    await start({ dataDir });
    expect(notifier.offer()).toEqual(first);
    expect(statSync(join(dataDir, VAPID_FILE)).mode & 0o777).toBe(0o600);
  });

  it("refuses a subscription that is not a push service's, with a code and an Indonesian message", async () => {
    await start();
    const { kiosk, counter, issue } = await office();
    const mine = await issue();
    const good = push.newSubscription();
    const bad = [
      { ...good, endpoint: good.endpoint.replace("https:", "http:") },
      { ...good, keys: { ...good.keys, auth: good.keys.auth.slice(4) } },
      { ...good, keys: { ...good.keys, p256dh: good.keys.p256dh.slice(0, 40) } },
      { ...good, keys: { ...good.keys, p256dh: `${good.keys.p256dh.slice(0, -2)}+/` } },
    ];
    for (const sub of bad) {
      const answer = await subscribe(mine, sub, 3);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: "NOTIFY_SUBSCRIPTION_INVALID", message: expect.stringContaining("langganan") as string });
    }
    expect((await subscribe(mine, good, 4)).body.error?.code).toBe("INVALID_PAYLOAD");
    expect((await subscribe("AAAAAAAAAAAAAAAA", good, 3)).status).toBe(404);
    expect(notifier.queries.countFor(mine)).toBe(0);
    kiosk.close();
    counter.close();
  });

  it("limits how often one ticket may subscribe", async () => {
    await start();
    const { kiosk, counter, issue } = await office();
    const mine = await issue();
    const answers: number[] = [];
    for (let i = 0; i < 12; i += 1) answers.push((await subscribe(mine, push.newSubscription(), 5)).status);
    expect(answers.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.slice(5)).toContain(429);
    expect(notifier.queries.countFor(mine)).toBe(5);
    kiosk.close();
    counter.close();
  });

  it("says plainly that notifications are not available where they cannot work", async () => {
    const cases: [(c: LayanConfig) => void, string][] = [
      [(c) => enable(c, PUBLIC, false), "disabled"],
      [(c) => enable(c, null), "no-public-url"],
      [(c) => enable(c, "http://192.168.1.10:8080"), "public-url-not-https"],
    ];
    for (const [configure, reason] of cases) {
      const hub = await start({ configure });
      const offer = (await (await fetch(`${hub.url}/api/notify`)).json()) as { data: NotifyOffer };
      expect(offer.data.webPush).toEqual({ available: false, reason });
      const kiosk = await connect(hub.url, "/kiosk", hub.tokens.kiosk);
      const mine = (await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" })).ticket.id;
      const page = await (await fetch(`${hub.url}/t/${mine}`)).text();
      expect(page).toContain("Pemberitahuan ke ponsel belum tersedia di kantor ini");
      expect(page).not.toContain("Beri tahu saya");
      expect(page).not.toContain("webmanifest");
      const answer = await subscribe(mine, push.newSubscription(), 3);
      expect(answer.status).toBe(409);
      expect(answer.body.error?.code).toBe("NOTIFY_UNAVAILABLE");
      const health = (await (await fetch(`${hub.url}/healthz`)).json()) as { notify: { webPush: unknown } };
      expect(health.notify.webPush).toEqual({ usable: false, reason });
      kiosk.close();
      await h?.close();
      h = null;
    }
  });
});
