/**
 * Telling citizens outside the hall (docs/operations.md "Telling citizens
 * outside the hall", docs/api.md "Notifications"):
 *   GET  /api/notify                          the ticket page's offer (VAPID key, choices) or why not
 *   GET  /t/sw.js                             the service worker (scope /t/), served by ticket-page.ts
 *   POST /api/tickets/<id>/notify             subscribe {subscription, ahead}
 *   POST /api/tickets/<id>/notify/cancel      unsubscribe {endpoint}
 *   GET  /api/admin/notify/dead-letters       admin, manager: webhook messages that gave up
 * Mounted from main.ts next to the reports: `routes: [notifyRoutes({ db, dataDir }), …]`.
 */
import type { Agent } from "node:https";
import { serviceDayOf } from "@layan/core";
import { fail, mayReadAudit, NotifySubscribeSchema, NotifyUnsubscribeSchema, type ErrorCode, type NotifyDeadLetterPage, type NotifyOffer, type WebhookMessage } from "@layan/protocol";
import { createNotifyQueries, type NotifyQueries, type Store } from "@layan/store";

import type { IncomingMessage, ServerResponse } from "node:http";
import type { HubContext } from "../context";
import { limitKey } from "../client-address";
import type { CommittedEvent } from "../engine";
import { PublicWriteLimit } from "../feedback/public-limit";
import { bearerToken, decodePathPart, jsonBody, sendJson, type Route } from "../http";
import { createPushSender, type PushSender } from "./push";
import { loadOrCreateVapidKeys } from "./vapid";
import { NotifyWatcher } from "./watcher";
import { createWebhookDelivery, DEAD_LETTER_KEEP_MS, webhookSecret, type WebhookDelivery } from "./webhook";

export interface NotifyOptions {
  db: Store["db"];
  /** Where vapid-keys.json lives; null: keys for this process only (tests that do not restart). */
  dataDir: string | null;
  /** How often the outbox is delivered and the service day checked; 0: never by itself (tests call tick()). */
  tickMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Tests: trust the stand-in push service's certificate. */
  pushAgent?: Agent;
  pushConcurrency?: number;
  pushTimeoutMs?: number;
  webhookTimeoutMs?: number;
  onStart?: (notifier: Notifier) => void;
}

export interface Notifier {
  queries: NotifyQueries;
  push: () => PushSender | null;
  webhook: WebhookDelivery;
  watcher: NotifyWatcher;
  /** Day roll-over, webhook delivery, dead-letter pruning: what the timer does. */
  tick(): Promise<void>;
  /** Handles what was committed so far and waits for the sends it caused (tests, shutdown). */
  flush(): Promise<void>;
  offer(): NotifyOffer;
  status(): unknown;
}

const TICKET_ID = /^[A-Za-z0-9_-]{16}$/;
const SUBSCRIBE_PATH = /^\/api\/tickets\/([^/]+)\/notify(\/cancel)?$/;
/** A phone retrying, a family sharing a ticket: a few browsers per ticket, never a list. */
const MAX_SUBSCRIPTIONS_PER_TICKET = 5;
const DEFAULT_TICK_MS = 5_000;

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_PAYLOAD: 400,
  NOTIFY_SUBSCRIPTION_INVALID: 400,
  NOT_FOUND: 404,
  NOTIFY_UNAVAILABLE: 409,
  NOTIFY_TICKET_NOT_WAITING: 409,
  NOTIFY_TOO_MANY: 429,
  UNAUTHORIZED: 401,
  ADMIN_FORBIDDEN: 403,
};
const refuse = (res: ServerResponse, code: ErrorCode, issues?: { path: string; message: string }[]): true => {
  sendJson(res, STATUS[code] ?? 500, fail(code, issues));
  return true;
};

/** Web Push is offered only where it can work: on, and the page at a public https address. */
export function webPushOffer(ctx: HubContext, publicKey: string): NotifyOffer {
  const config = ctx.setup.notify;
  if (!config?.webPush.enabled) return { webPush: { available: false, reason: "disabled" } };
  const base = ctx.setup.publicBaseUrl;
  if (!base) return { webPush: { available: false, reason: "no-public-url" } };
  if (!base.startsWith("https://")) return { webPush: { available: false, reason: "public-url-not-https" } };
  return { webPush: { available: true, publicKey, aheadChoices: config.aheadChoices } };
}

export function notifyRoutes(options: NotifyOptions): (ctx: HubContext) => Route & { close: () => Promise<void> } {
  return (ctx) => {
    const log = ctx.logger.child({ part: "notify" });
    const queries = createNotifyQueries(options.db);
    const vapid = loadOrCreateVapidKeys(options.dataDir);
    if (vapid.created && vapid.file) log.info({ file: vapid.file }, "Web Push keys created (back this file up with the database)");
    const now = () => ctx.engine.now();
    const env = options.env ?? process.env;
    const base = () => (ctx.setup.publicBaseUrl ?? "").replace(/\/$/, "");

    let sender: PushSender | null = null;
    let senderSubject: string | null = null;
    const push = (): PushSender | null => {
      const offer = webPushOffer(ctx, vapid.keys.publicKey);
      if (!offer.webPush.available) return null;
      const subject = ctx.setup.notify?.webPush.contact ?? base();
      if (!sender || subject !== senderSubject) {
        void sender?.close();
        senderSubject = subject;
        sender = createPushSender({
          vapid: vapid.keys,
          subject,
          logger: log,
          onGone: (id) => queries.deleteSubscription(id),
          ...(options.pushConcurrency ? { concurrency: options.pushConcurrency } : {}),
          ...(options.pushTimeoutMs ? { timeoutMs: options.pushTimeoutMs } : {}),
          ...(options.pushAgent ? { agent: options.pushAgent } : {}),
        });
      }
      return sender;
    };
    // Read at start and at every tick, not per event: a secretFile would otherwise be read on every call.
    let secretSeen: { hook: unknown; value: string | null } | null = null;
    const readSecret = () => {
      const hook = ctx.setup.notify?.webhook;
      secretSeen = { hook, value: hook ? webhookSecret(hook, env) : null };
      return secretSeen.value;
    };
    const secret = () => (secretSeen && secretSeen.hook === ctx.setup.notify?.webhook ? secretSeen.value : readSecret());
    const webhook = createWebhookDelivery({
      queries,
      config: () => ctx.setup.notify?.webhook,
      secret,
      clock: now,
      logger: log,
      ...(options.webhookTimeoutMs ? { timeoutMs: options.webhookTimeoutMs } : {}),
    });
    const watcher = new NotifyWatcher({
      queries,
      state: () => ctx.engine.state,
      now,
      config: () => ctx.setup.notify,
      push,
      webhookOn: () => secret() !== null,
      ticketUrl: (ticketId) => `${base()}/t/${ticketId}`,
      officeName: () => ctx.setup.catalog.office.name,
      serviceName: (id) => ctx.setup.catalog.services.find((s) => s.id === id)?.name ?? id,
    });
    if (ctx.setup.notify?.webhook && !secret()) log.warn("notify.webhook is set but its secret is empty or unreadable: nothing is sent to the gateway");

    let kick: NodeJS.Immediate | null = null;
    const deliverSoon = () => {
      kick ??= setImmediate(() => {
        kick = null;
        void webhook.deliverDue().catch((err: unknown) => log.error({ err }, "webhook delivery failed"));
      });
    };
    // After the commit, and after the answer: the engine calls its listeners
    // before it acknowledges, so the watcher's reads and writes (a few rows
    // at most) wait for the next turn instead of delaying the officer's call.
    let batches: CommittedEvent[][] = [];
    let watch: NodeJS.Immediate | null = null;
    const drain = () => {
      if (watch) clearImmediate(watch);
      watch = null;
      const todo = batches;
      batches = [];
      const before = watcher.enqueued;
      for (const batch of todo) {
        try {
          watcher.onBatch(batch);
        } catch (err) {
          log.error({ err }, "notification bookkeeping failed; the queue is unaffected");
        }
      }
      if (watcher.enqueued > before) deliverSoon();
    };
    const unsubscribe = ctx.engine.onCommitted((batch) => {
      batches.push(batch);
      watch ??= setImmediate(drain);
    });

    const tick = async () => {
      readSecret();
      const deleted = watcher.rollOver();
      if (deleted) log.info(deleted, "service day ended: push subscriptions and undelivered webhook messages of earlier days deleted");
      queries.pruneDead(now() - DEAD_LETTER_KEEP_MS);
      await webhook.deliverDue();
    };
    const tickMs = options.tickMs ?? DEFAULT_TICK_MS;
    const timer = tickMs > 0 ? setInterval(() => void tick().catch((err: unknown) => log.error({ err }, "notify tick failed")), tickMs) : null;
    timer?.unref();

    const offer = () => webPushOffer(ctx, vapid.keys.publicKey);
    const notifier: Notifier = {
      queries,
      push,
      webhook,
      watcher,
      tick,
      async flush() {
        drain();
        if (kick) {
          clearImmediate(kick);
          kick = null;
        }
        await webhook.deliverDue();
        await sender?.idle();
      },
      offer,
      status: () => {
        const o = offer().webPush;
        const hook = ctx.setup.notify?.webhook;
        return {
          webPush: o.available ? { usable: true, subscriptions: queries.countSubscriptions(), ...(sender ? { sends: sender.stats() } : {}) } : { usable: false, reason: o.reason },
          webhook: hook ? { usable: secret() !== null, ...queries.outboxCounts() } : { usable: false, reason: "not-configured" },
        };
      },
    };
    ctx.notify = notifier;
    options.onStart?.(notifier);

    const perAddress = new PublicWriteLimit(now, 30);
    const perTicket = new PublicWriteLimit(now, 10);

    const subscribe = async (req: IncomingMessage, res: ServerResponse, ticketId: string, cancel: boolean): Promise<true> => {
      const body = await jsonBody(req, res, ctx.allowedOrigins);
      if (body === undefined) return true;
      if (!perAddress.take(limitKey(ctx.clientAddress(req))) || !perTicket.take(ticketId)) return refuse(res, "NOTIFY_TOO_MANY");
      if (cancel) {
        const parsed = NotifyUnsubscribeSchema.safeParse(body);
        if (!parsed.success) return refuse(res, "INVALID_PAYLOAD");
        drain();
        const removed = queries.unsubscribe(ticketId, parsed.data.endpoint);
        watcher.unsubscribed(ticketId);
        sendJson(res, 200, { ok: true, data: { removed } });
        return true;
      }
      if (!offer().webPush.available) return refuse(res, "NOTIFY_UNAVAILABLE");
      const parsed = NotifySubscribeSchema.safeParse(body);
      if (!parsed.success) return refuse(res, "NOTIFY_SUBSCRIPTION_INVALID", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
      const { subscription, ahead } = parsed.data;
      if (!(ctx.setup.notify?.aheadChoices ?? []).includes(ahead)) return refuse(res, "INVALID_PAYLOAD", [{ path: "ahead", message: "not one of the office's choices" }]);
      const ticket = ctx.engine.state.tickets.get(ticketId);
      const today = serviceDayOf(now(), ctx.engine.state.rules.timezone);
      if (!ticket && !ctx.store.storedTicket(ticketId)) return refuse(res, "NOT_FOUND");
      if (ticket?.status !== "waiting" || ticket.serviceDay !== today) return refuse(res, "NOTIFY_TICKET_NOT_WAITING");
      const known = queries.subscriptionsOf(ticketId).some((s) => s.endpoint === subscription.endpoint);
      if (!known && queries.countFor(ticketId) >= MAX_SUBSCRIPTIONS_PER_TICKET) return refuse(res, "NOTIFY_TOO_MANY");
      queries.subscribe({ ticketId, serviceDay: today, endpoint: subscription.endpoint, keys: subscription.keys, ahead, at: now() });
      drain();
      watcher.added(ticketId, ticket.segment.serviceId);
      sendJson(res, 200, { ok: true, data: { ahead } });
      return true;
    };

    const deadLetters = (req: IncomingMessage, res: ServerResponse, url: URL): true => {
      const identity = ctx.auth.identify(bearerToken(req));
      if (!identity) return refuse(res, "UNAUTHORIZED");
      const user = identity.kind === "user" ? ctx.store.findUserById(identity.id) : undefined;
      if (!user || !mayReadAudit(user.role)) return refuse(res, "ADMIN_FORBIDDEN");
      const limit = Math.min(500, Math.max(1, Number(url.searchParams.get("limit")) || 100));
      const rows = queries.deadLetters(limit).map((r) => ({
        id: r.id,
        moment: r.moment,
        createdAt: r.created_at,
        deadAt: r.dead_at,
        attempts: r.attempts,
        lastError: r.last_error,
        body: JSON.parse(r.body) as Partial<WebhookMessage>,
      }));
      const page: NotifyDeadLetterPage = { deadLetters: rows, counts: queries.outboxCounts() };
      sendJson(res, 200, { ok: true, data: page });
      return true;
    };

    const route: Route = (req, res, url) => {
      if (req.method === "GET" && url.pathname === "/api/notify") {
        sendJson(res, 200, { ok: true, data: offer() });
        return true;
      }
      if (req.method === "GET" && url.pathname === "/api/admin/notify/dead-letters") return deadLetters(req, res, url);
      const m = req.method === "POST" ? SUBSCRIBE_PATH.exec(url.pathname) : null;
      if (!m) return false;
      const ticketId = decodePathPart(m[1] ?? "");
      if (!TICKET_ID.test(ticketId)) return refuse(res, "NOT_FOUND");
      return subscribe(req, res, ticketId, m[2] !== undefined);
    };

    return Object.assign(route, {
      async close() {
        unsubscribe();
        if (watch) clearImmediate(watch);
        if (timer) clearInterval(timer);
        if (kick) clearImmediate(kick);
        await sender?.close();
      },
    });
  };
}
