import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import type { WebhookConfig } from "@layan/config";
import { WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from "@layan/protocol";
import type { NotifyQueries, OutboxRow } from "@layan/store";
import type { Logger } from "pino";

/** Attempts before a message becomes a dead letter: with the backoff below, about an hour and a half of trying. */
export const WEBHOOK_MAX_ATTEMPTS = 8;
export const WEBHOOK_BACKOFF_MS = { first: 10_000, cap: 30 * 60_000 } as const;
/** Dead letters are kept this long for the manager to read, then deleted by the hub. */
export const DEAD_LETTER_KEEP_MS = 30 * 24 * 60 * 60_000;

/** `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${body}`): what docs/api.md tells a gateway to check. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** Delay before attempt `attempts + 1`: doubling from 10 s, at most 30 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(WEBHOOK_BACKOFF_MS.cap, WEBHOOK_BACKOFF_MS.first * 2 ** Math.max(0, attempts - 1));
}

/**
 * The signing secret, from where office.yaml says it is: never from the YAML
 * itself, which is backed up, diffed and shown in the configuration screen.
 */
export function webhookSecret(config: WebhookConfig, env: NodeJS.ProcessEnv = process.env): string | null {
  if (config.secretEnv) {
    const value = env[config.secretEnv];
    return value && value.length > 0 ? value : null;
  }
  if (config.secretFile) {
    try {
      const value = readFileSync(config.secretFile, "utf8").trim();
      return value.length > 0 ? value : null;
    } catch {
      return null;
    }
  }
  return null;
}

export interface WebhookOptions {
  queries: NotifyQueries;
  config: () => WebhookConfig | undefined;
  secret: () => string | null;
  clock: () => number;
  logger: Logger;
  timeoutMs?: number;
  /** Rows taken per round; a backlog after an outage drains over rounds, not in one burst. */
  batch?: number;
}

export interface WebhookDelivery {
  /** Sends what is due now; resolves when every attempt of this round ended. */
  deliverDue(): Promise<{ delivered: number; retried: number; dead: number }>;
}

/**
 * Delivers the durable outbox (notify_outbox): each row is attempted in
 * order of due time, deleted on a 2xx, rescheduled with backoff otherwise,
 * and kept as a dead letter after the last attempt. Rows are written in the
 * same turn as the event that caused them, so a restart resends rather than
 * forgets; the gateway must accept a repeat (the `id` in the body is stable).
 */
export function createWebhookDelivery(options: WebhookOptions): WebhookDelivery {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const batch = options.batch ?? 20;
  let running: Promise<{ delivered: number; retried: number; dead: number }> | null = null;

  const attempt = async (row: OutboxRow, url: string, secret: string): Promise<string | null> => {
    const timestamp = String(Math.floor(options.clock() / 1000));
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
          [WEBHOOK_SIGNATURE_HEADER]: webhookSignature(secret, timestamp, row.body),
          "user-agent": "layan-hub",
        },
        body: row.body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: "error",
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.ok ? null : `HTTP ${res.status}`;
    } catch (err) {
      return (err as Error).message || "request failed";
    }
  };

  const round = async () => {
    const counts = { delivered: 0, retried: 0, dead: 0 };
    const config = options.config();
    const secret = options.secret();
    if (!config || !secret) return counts;
    const rows = options.queries.due(options.clock(), batch);
    for (const row of rows) {
      const error = await attempt(row, config.url, secret);
      const attempts = row.attempts + 1;
      if (error === null) {
        options.queries.delivered(row.id);
        counts.delivered += 1;
      } else if (attempts >= WEBHOOK_MAX_ATTEMPTS) {
        options.queries.dead(row.id, attempts, options.clock(), error);
        counts.dead += 1;
        options.logger.error({ id: row.id, moment: row.moment, attempts, error }, "webhook message gave up: kept as a dead letter");
      } else {
        options.queries.retryLater(row.id, attempts, options.clock() + backoffMs(attempts), error);
        counts.retried += 1;
      }
    }
    return counts;
  };

  let next: Promise<{ delivered: number; retried: number; dead: number }> | null = null;
  const deliverDue = (): Promise<{ delivered: number; retried: number; dead: number }> => {
    // One round at a time: a slow gateway must not get the same row twice at once.
    if (!running) {
      running = round().finally(() => {
        running = null;
      });
      return running;
    }
    // A row written during a round was not among its rows: one more round follows, never a pile of them.
    next ??= running.then(() => {
      next = null;
      return deliverDue();
    });
    return next;
  };
  return { deliverDue };
}
