import type Database from "better-sqlite3";

/*
 * Web Push subscriptions and the webhook outbox (migration 0019). Plain
 * statements on the hub's connection, outside the event log: none of this
 * is queue state, and losing a push address costs one message, not a ticket.
 */

export interface PushSubscriptionRow {
  id: number;
  ticket_id: string;
  service_day: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  ahead: number;
  ahead_sent: number;
  created_at: number;
}

export interface PushSubscriptionRecord {
  id: number;
  ticketId: string;
  serviceDay: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  ahead: number;
  aheadSent: boolean;
  createdAt: number;
}

export interface NewPushSubscription {
  ticketId: string;
  serviceDay: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  ahead: number;
  at: number;
}

export interface OutboxRow {
  id: number;
  created_at: number;
  service_day: string;
  moment: string;
  body: string;
  attempts: number;
  next_at: number;
  last_error: string | null;
  dead_at: number | null;
}

export interface NotifyQueries {
  /** Adds or replaces (same ticket, same browser) a subscription; a new `ahead` resets "already told". */
  subscribe(sub: NewPushSubscription): PushSubscriptionRecord;
  unsubscribe(ticketId: string, endpoint: string): boolean;
  subscriptionsOf(ticketId: string): PushSubscriptionRecord[];
  countFor(ticketId: string): number;
  /** Today's tickets still waiting to be told "N ahead", for the watcher's index at start. */
  pendingAhead(serviceDay: string): { ticketId: string; ahead: number }[];
  markAheadSent(id: number): void;
  deleteSubscription(id: number): void;
  deleteTicket(ticketId: string): number;
  /** Everything of earlier service days: subscriptions, webhook marks, undelivered webhook rows. */
  deleteBefore(serviceDay: string): { subscriptions: number; outbox: number };
  countSubscriptions(): number;

  /** False when the ticket was already marked (the "ahead" webhook is sent once). */
  markWebhookAhead(ticketId: string, serviceDay: string): boolean;
  enqueue(entry: { at: number; serviceDay: string; moment: string; body: string }): number;
  /** As enqueue, with a body that carries the row's own id (the gateway's key for a repeat). */
  enqueueWith(at: number, serviceDay: string, moment: string, bodyOf: (id: number) => string): number;
  ticketsWithSubscriptions(serviceDay: string): string[];
  due(now: number, limit: number): OutboxRow[];
  delivered(id: number): void;
  retryLater(id: number, attempts: number, nextAt: number, error: string): void;
  dead(id: number, attempts: number, at: number, error: string): void;
  deadLetters(limit: number): OutboxRow[];
  /** Dead letters older than `before` (they hold no personal data, but need not stay forever). */
  pruneDead(before: number): number;
  outboxCounts(): { pending: number; dead: number };
}

const fromRow = (r: PushSubscriptionRow): PushSubscriptionRecord => ({
  id: r.id,
  ticketId: r.ticket_id,
  serviceDay: r.service_day,
  endpoint: r.endpoint,
  keys: { p256dh: r.p256dh, auth: r.auth },
  ahead: r.ahead,
  aheadSent: r.ahead_sent !== 0,
  createdAt: r.created_at,
});

export function createNotifyQueries(db: Database.Database): NotifyQueries {
  const s = {
    upsert: db.prepare<[string, string, string, string, string, number, number], PushSubscriptionRow>(
      `INSERT INTO notify_subscriptions (ticket_id, service_day, endpoint, p256dh, auth, ahead, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (ticket_id, endpoint) DO UPDATE SET
         p256dh = excluded.p256dh, auth = excluded.auth, ahead = excluded.ahead, ahead_sent = 0
       RETURNING *`,
    ),
    remove: db.prepare<[string, string]>(`DELETE FROM notify_subscriptions WHERE ticket_id = ? AND endpoint = ?`),
    ofTicket: db.prepare<[string], PushSubscriptionRow>(`SELECT * FROM notify_subscriptions WHERE ticket_id = ? ORDER BY id`),
    countTicket: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM notify_subscriptions WHERE ticket_id = ?`),
    pending: db.prepare<[string], { ticketId: string; ahead: number }>(
      `SELECT ticket_id AS ticketId, max(ahead) AS ahead FROM notify_subscriptions
       WHERE service_day = ? AND ahead_sent = 0 GROUP BY ticket_id`,
    ),
    sent: db.prepare<[number]>(`UPDATE notify_subscriptions SET ahead_sent = 1 WHERE id = ?`),
    deleteOne: db.prepare<[number]>(`DELETE FROM notify_subscriptions WHERE id = ?`),
    deleteTicket: db.prepare<[string]>(`DELETE FROM notify_subscriptions WHERE ticket_id = ?`),
    deleteSubsBefore: db.prepare<[string]>(`DELETE FROM notify_subscriptions WHERE service_day < ?`),
    deleteMarksBefore: db.prepare<[string]>(`DELETE FROM notify_webhook_marks WHERE service_day < ?`),
    deleteOutboxBefore: db.prepare<[string]>(`DELETE FROM notify_outbox WHERE service_day < ? AND dead_at IS NULL`),
    setBody: db.prepare<[string, number]>(`UPDATE notify_outbox SET body = ? WHERE id = ?`),
    withSubs: db.prepare<[string], { ticketId: string }>(`SELECT DISTINCT ticket_id AS ticketId FROM notify_subscriptions WHERE service_day = ?`),
    countAll: db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM notify_subscriptions`),
    mark: db.prepare<[string, string]>(`INSERT OR IGNORE INTO notify_webhook_marks (ticket_id, service_day) VALUES (?, ?)`),
    enqueue: db.prepare<[number, string, string, string, number]>(
      `INSERT INTO notify_outbox (created_at, service_day, moment, body, next_at) VALUES (?, ?, ?, ?, ?)`,
    ),
    due: db.prepare<[number, number], OutboxRow>(
      `SELECT * FROM notify_outbox WHERE dead_at IS NULL AND next_at <= ? ORDER BY next_at, id LIMIT ?`,
    ),
    delivered: db.prepare<[number]>(`DELETE FROM notify_outbox WHERE id = ?`),
    retry: db.prepare<[number, number, string, number]>(
      `UPDATE notify_outbox SET attempts = ?, next_at = ?, last_error = ? WHERE id = ?`,
    ),
    dead: db.prepare<[number, number, string, number]>(
      `UPDATE notify_outbox SET attempts = ?, dead_at = ?, last_error = ? WHERE id = ?`,
    ),
    deadList: db.prepare<[number], OutboxRow>(`SELECT * FROM notify_outbox WHERE dead_at IS NOT NULL ORDER BY dead_at DESC, id DESC LIMIT ?`),
    pruneDead: db.prepare<[number]>(`DELETE FROM notify_outbox WHERE dead_at IS NOT NULL AND dead_at < ?`),
    counts: db.prepare<[], { pending: number; dead: number }>(
      `SELECT coalesce(sum(dead_at IS NULL), 0) AS pending, coalesce(sum(dead_at IS NOT NULL), 0) AS dead FROM notify_outbox`,
    ),
  };
  const deleteBefore = db.transaction((day: string) => {
    const subscriptions = s.deleteSubsBefore.run(day).changes;
    s.deleteMarksBefore.run(day);
    const outbox = s.deleteOutboxBefore.run(day).changes;
    return { subscriptions, outbox };
  });
  const enqueueWith = db.transaction((at: number, day: string, moment: string, bodyOf: (id: number) => string) => {
    const id = Number(s.enqueue.run(at, day, moment, "{}", at).lastInsertRowid);
    s.setBody.run(bodyOf(id), id);
    return id;
  });
  return {
    enqueueWith: (at, day, moment, bodyOf) => enqueueWith(at, day, moment, bodyOf),
    ticketsWithSubscriptions: (day) => s.withSubs.all(day).map((r) => r.ticketId),
    subscribe: (sub) => {
      const row = s.upsert.get(sub.ticketId, sub.serviceDay, sub.endpoint, sub.keys.p256dh, sub.keys.auth, sub.ahead, sub.at);
      if (!row) throw new Error("subscription upsert returned no row");
      return fromRow(row);
    },
    unsubscribe: (ticketId, endpoint) => s.remove.run(ticketId, endpoint).changes > 0,
    subscriptionsOf: (ticketId) => s.ofTicket.all(ticketId).map(fromRow),
    countFor: (ticketId) => s.countTicket.get(ticketId)?.n ?? 0,
    pendingAhead: (day) => s.pending.all(day),
    markAheadSent: (id) => void s.sent.run(id),
    deleteSubscription: (id) => void s.deleteOne.run(id),
    deleteTicket: (ticketId) => s.deleteTicket.run(ticketId).changes,
    deleteBefore: (day) => deleteBefore(day),
    countSubscriptions: () => s.countAll.get()?.n ?? 0,
    markWebhookAhead: (ticketId, day) => s.mark.run(ticketId, day).changes > 0,
    enqueue: (e) => Number(s.enqueue.run(e.at, e.serviceDay, e.moment, e.body, e.at).lastInsertRowid),
    due: (now, limit) => s.due.all(now, limit),
    delivered: (id) => void s.delivered.run(id),
    retryLater: (id, attempts, nextAt, error) => void s.retry.run(attempts, nextAt, error.slice(0, 500), id),
    dead: (id, attempts, at, error) => void s.dead.run(attempts, at, error.slice(0, 500), id),
    deadLetters: (limit) => s.deadList.all(limit),
    pruneDead: (before) => s.pruneDead.run(before).changes,
    outboxCounts: () => s.counts.get() ?? { pending: 0, dead: 0 },
  };
}
