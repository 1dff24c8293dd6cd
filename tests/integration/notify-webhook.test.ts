/**
 * The webhook notifier (issue 17) against a local receiver standing in for
 * an office's own SMS/WhatsApp gateway: every POST is checked the way
 * docs/api.md "Notifications" tells a gateway to check it (HMAC-SHA256 over
 * timestamp + "." + body), retries follow a 500, the last retry leaves a
 * dead letter the manager can read, and the outbox survives a restart.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LayanConfig } from "@layan/config";
import type { WebhookMessage } from "@layan/protocol";
import { notifyRoutes, type Notifier } from "../../apps/hub/src/notify";
import { backoffMs, WEBHOOK_BACKOFF_MS, WEBHOOK_MAX_ATTEMPTS } from "../../apps/hub/src/notify/webhook";
import { connect, FakeClock, login, must, rid, startHub, type TestHubHandle, type TestSocket } from "../../apps/hub/src/testing/harness";

const SECRET = "rahasia-gateway-uji";
const ENV = { LAYAN_TEST_WEBHOOK_SECRET: SECRET };

interface Received {
  body: WebhookMessage;
  timestamp: string;
  signatureValid: boolean;
}

let receiver: Server;
let receiverUrl = "";
const received: Received[] = [];
/** Status answered per request, in order; 200 once empty. */
let answers: number[] = [];

/** What docs/api.md tells a gateway to do, line for line. */
function verify(req: IncomingMessage, raw: string): boolean {
  const timestamp = String(req.headers["x-layan-timestamp"] ?? "");
  const signature = String(req.headers["x-layan-signature"] ?? "");
  const expected = `sha256=${createHmac("sha256", SECRET).update(`${timestamp}.${raw}`).digest("hex")}`;
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      received.push({ body: JSON.parse(raw) as WebhookMessage, timestamp: String(req.headers["x-layan-timestamp"]), signatureValid: verify(req, raw) });
      res.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/layan`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

let h: TestHubHandle | null = null;
let notifier: Notifier;
let scratch = "";
let clock: FakeClock;
beforeEach(() => {
  received.length = 0;
  answers = [];
  clock = new FakeClock();
  scratch = mkdtempSync(join(tmpdir(), "layan-webhook-"));
});
afterEach(async () => {
  await h?.close();
  h = null;
  rmSync(scratch, { recursive: true, force: true });
});

const configure = (c: LayanConfig) => {
  c.office.notify = {
    webPush: { enabled: false },
    aheadChoices: [3, 5, 10],
    webhook: { url: receiverUrl, secretEnv: "LAYAN_TEST_WEBHOOK_SECRET", events: ["ahead", "called"], aheadAt: 1, fields: ["number", "counter"] },
  };
};

async function start(dbPath = join(scratch, "layan.db"), seeded?: TestHubHandle): Promise<TestHubHandle> {
  h = await startHub({
    dbPath,
    clock,
    configure,
    ...(seeded ? { seeded } : {}),
    routes: (store) => [notifyRoutes({ db: store.db, dataDir: scratch, tickMs: 0, env: ENV, onStart: (n) => (notifier = n) })],
  });
  return h;
}

/** What was committed is handled and its webhook round has ended. */
async function delivered(): Promise<void> {
  await notifier.flush();
}

async function office(hub: TestHubHandle): Promise<{ kiosk: TestSocket<"kiosk">; counter: TestSocket<"counter"> }> {
  const kiosk = await connect(hub.url, "/kiosk", hub.tokens.kiosk);
  const counter = await connect(hub.url, "/counter", await login(hub.url, hub.users.officer));
  await must(counter, "counter:open", { requestId: rid(), counterId: "loket-1" });
  return { kiosk, counter };
}
const issue = async (kiosk: TestSocket<"kiosk">) => (await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" })).ticket;

describe("the webhook notifier for an office's own gateway", () => {
  it("posts signed JSON with only the configured fields, for 'ahead' once and for each call", async () => {
    const hub = await start();
    const { kiosk, counter } = await office(hub);
    await issue(kiosk);
    await issue(kiosk);
    const third = await issue(kiosk);
    await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    await delivered();
    // A-001 called; A-002 (next) and A-003 (one ahead) are both within aheadAt 1 now.
    expect(received.map((r) => [r.body.moment, r.body.number])).toEqual([
      ["called", "A-001"],
      ["ahead", "A-002"],
      ["ahead", "A-003"],
    ]);
    await must(counter, "ticket:complete", { requestId: rid(), counterId: "loket-1", outcome: "selesai" });
    await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    await must(counter, "ticket:recall", { requestId: rid(), counterId: "loket-1" });
    await delivered();
    expect(received.slice(3).map((r) => [r.body.moment, r.body.number])).toEqual([
      ["called", "A-002"],
      ["recalled", "A-002"],
    ]);
    expect(received.every((r) => r.signatureValid)).toBe(true);
    expect(received[0]?.timestamp).toBe(String(Math.floor(clock.now / 1000)));
    const called = received[0]?.body;
    expect(called).toMatchObject({ moment: "called", number: "A-001", counter: { id: "loket-1", name: "Loket 1", number: 1 }, text: { id: "Nomor Anda dipanggil ke Loket 1. Antrean A-001: silakan menuju Loket 1 sekarang." } });
    // Only what the office configured: no service, no people ahead; and nothing like a NIK exists to send.
    expect(called).not.toHaveProperty("service");
    expect(called).not.toHaveProperty("peopleAhead");
    expect(Object.keys(called ?? {}).sort()).toEqual(["at", "counter", "id", "moment", "number", "office", "text", "ticketId"]);
    expect(received.find((r) => r.body.number === third.number && r.body.moment === "ahead")).toBeDefined();
    expect(notifier.queries.outboxCounts()).toEqual({ pending: 0, dead: 0 });
    kiosk.close();
    counter.close();
  });

  it("retries after a 500 with backoff, with the same message id", async () => {
    const hub = await start();
    const { kiosk, counter } = await office(hub);
    await issue(kiosk);
    answers = [500, 500];
    await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    await delivered();
    expect(received).toHaveLength(1);
    expect(notifier.queries.outboxCounts()).toEqual({ pending: 1, dead: 0 });
    // Not yet due: nothing is sent before the backoff.
    clock.advance(backoffMs(1) - 1);
    await notifier.tick();
    expect(received).toHaveLength(1);
    clock.advance(1);
    await notifier.tick();
    clock.advance(backoffMs(2));
    await notifier.tick();
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.body.id)).size).toBe(1);
    expect(notifier.queries.outboxCounts()).toEqual({ pending: 0, dead: 0 });
    kiosk.close();
    counter.close();
  });

  it("keeps a dead letter after the last retry, for the manager to read", async () => {
    const hub = await start();
    const { kiosk, counter } = await office(hub);
    await issue(kiosk);
    answers = Array.from({ length: WEBHOOK_MAX_ATTEMPTS }, () => 500);
    await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    await delivered();
    for (let attempt = 1; attempt < WEBHOOK_MAX_ATTEMPTS; attempt += 1) {
      clock.advance(WEBHOOK_BACKOFF_MS.cap);
      await notifier.tick();
    }
    expect(received).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    clock.advance(WEBHOOK_BACKOFF_MS.cap);
    await notifier.tick();
    expect(received).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    expect(notifier.queries.outboxCounts()).toEqual({ pending: 0, dead: 1 });

    const health = (await (await fetch(`${hub.url}/healthz`)).json()) as { notify: { webhook: unknown } };
    expect(health.notify.webhook).toEqual({ usable: true, pending: 0, dead: 1 });
    const manager = await login(hub.url, hub.users.manager);
    const read = await fetch(`${hub.url}/api/admin/notify/dead-letters`, { headers: { authorization: `Bearer ${manager}` } });
    const page = (await read.json()) as { data: { deadLetters: { moment: string; attempts: number; lastError: string; body: WebhookMessage }[] } };
    expect(page.data.deadLetters).toEqual([expect.objectContaining({ moment: "called", attempts: WEBHOOK_MAX_ATTEMPTS, lastError: "HTTP 500" })]);
    expect(page.data.deadLetters[0]?.body.number).toBe("A-001");
    const officer = await login(hub.url, hub.users.officer);
    const refused = await fetch(`${hub.url}/api/admin/notify/dead-letters`, { headers: { authorization: `Bearer ${officer}` } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("ADMIN_FORBIDDEN");
    expect((await fetch(`${hub.url}/api/admin/notify/dead-letters`)).status).toBe(401);
    kiosk.close();
    counter.close();
  });

  it("keeps undelivered messages across a restart and sends them after", async () => {
    const hub = await start();
    const { kiosk, counter } = await office(hub);
    await issue(kiosk);
    answers = [503];
    await must(counter, "ticket:call_next", { requestId: rid(), counterId: "loket-1" });
    await delivered();
    const firstId = received[0]?.body.id;
    kiosk.close();
    counter.close();
    await hub.close();
    h = null;

    await start(join(scratch, "layan.db"), hub);
    expect(notifier.queries.outboxCounts()).toEqual({ pending: 1, dead: 0 });
    clock.advance(backoffMs(1));
    await notifier.tick();
    expect(received.map((r) => r.body.id)).toEqual([firstId, firstId]);
    expect(received[1]?.signatureValid).toBe(true);
    expect(notifier.queries.outboxCounts()).toEqual({ pending: 0, dead: 0 });
  });
});
