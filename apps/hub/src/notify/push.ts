import type { Agent } from "node:https";
import type { PushMessage } from "@layan/protocol";
import type { PushSubscriptionRecord } from "@layan/store";
import type { Logger } from "pino";
import webpush, { WebPushError } from "web-push";
import type { VapidKeys } from "./vapid";

export interface PushSenderOptions {
  vapid: VapidKeys;
  /** The VAPID "sub": mailto: or https: (office.yaml notify.webPush.contact, else the public base URL). */
  subject: string;
  logger: Logger;
  /** Called when the push service says the subscription is gone (404/410): the hub forgets it. */
  onGone: (subscriptionId: number) => void;
  /** Sends at once, at most; the rest wait in memory (a push is worth little a minute late). */
  concurrency?: number;
  timeoutMs?: number;
  /** Tests: an https.Agent trusting the stand-in push service's certificate. */
  agent?: Agent;
  /** More waiting than this and the oldest are dropped: a dead push service must not grow the hub's memory. */
  maxQueued?: number;
}

/** A "called" push older than this is useless: the citizen has been called again or marked absent. */
export const PUSH_TTL_SECONDS = { ahead: 15 * 60, called: 5 * 60, recalled: 5 * 60 } as const;

interface Job {
  subscription: PushSubscriptionRecord;
  message: PushMessage;
}

export interface PushSender {
  send(subscription: PushSubscriptionRecord, message: PushMessage): void;
  /** Resolves once nothing is queued or in flight (tests, shutdown). */
  idle(): Promise<void>;
  stats(): { sent: number; failed: number; gone: number; dropped: number; queued: number };
  close(): Promise<void>;
}

/**
 * Web Push through the `web-push` package (RFC 8291 aes128gcm, RFC 8292
 * VAPID), off the queue's path: `send` only queues; a bounded number of
 * requests run at once, each with a timeout, so a slow or unreachable push
 * service costs memory for a bounded queue and nothing else.
 */
export function createPushSender(options: PushSenderOptions): PushSender {
  const concurrency = options.concurrency ?? 4;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxQueued = options.maxQueued ?? 2_000;
  const queue: Job[] = [];
  let inFlight = 0;
  let closed = false;
  const counts = { sent: 0, failed: 0, gone: 0, dropped: 0 };
  let waiters: (() => void)[] = [];

  const settleIdle = () => {
    if (inFlight === 0 && queue.length === 0) {
      for (const w of waiters) w();
      waiters = [];
    }
  };

  const run = async (job: Job) => {
    const { subscription, message } = job;
    try {
      await webpush.sendNotification(
        { endpoint: subscription.endpoint, keys: subscription.keys },
        JSON.stringify(message),
        {
          vapidDetails: { subject: options.subject, publicKey: options.vapid.publicKey, privateKey: options.vapid.privateKey },
          TTL: PUSH_TTL_SECONDS[message.kind],
          urgency: "high",
          topic: message.kind === "ahead" ? "ahead" : "called",
          timeout: timeoutMs,
          contentEncoding: "aes128gcm",
          ...(options.agent ? { agent: options.agent } : {}),
        },
      );
      counts.sent += 1;
    } catch (err) {
      if (err instanceof WebPushError && (err.statusCode === 404 || err.statusCode === 410)) {
        counts.gone += 1;
        options.onGone(subscription.id);
        return;
      }
      counts.failed += 1;
      const host = new URL(subscription.endpoint).host;
      options.logger.warn({ host, status: err instanceof WebPushError ? err.statusCode : null, err: (err as Error).message }, "web push not delivered");
    }
  };

  const pump = () => {
    while (!closed && inFlight < concurrency && queue.length > 0) {
      const job = queue.shift();
      if (!job) break;
      inFlight += 1;
      void run(job).finally(() => {
        inFlight -= 1;
        pump();
        settleIdle();
      });
    }
  };

  return {
    send(subscription, message) {
      if (closed) return;
      queue.push({ subscription, message });
      if (queue.length > maxQueued) {
        queue.shift();
        counts.dropped += 1;
      }
      pump();
    },
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        settleIdle();
      }),
    stats: () => ({ ...counts, queued: queue.length }),
    async close() {
      closed = true;
      queue.length = 0;
      if (inFlight > 0) await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}
