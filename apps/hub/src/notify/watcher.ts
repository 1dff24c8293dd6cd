import { nextWaiting, peopleAheadOf, serviceDayOf, type QueueEvent, type QueueState } from "@layan/core";
import type { NotifyConfig } from "@layan/config";
import { notifyWords, type PushMessage, type WebhookMessage } from "@layan/protocol";
import type { NotifyQueries } from "@layan/store";
import type { CommittedEvent } from "../engine";
import type { PushSender } from "./push";

/** How many a ticket has ahead of it, as the kiosk, the ticket page and the estimate count them (booked visits included). */
export function peopleAhead(state: QueueState, ticketId: string, now: number): number | null {
  return peopleAheadOf(state, ticketId, now);
}

export interface WatcherDeps {
  queries: NotifyQueries;
  state: () => QueueState;
  now: () => number;
  config: () => NotifyConfig | undefined;
  /** Null while Web Push is unusable (off, or no public https address). */
  push: () => PushSender | null;
  webhookOn: () => boolean;
  ticketUrl: (ticketId: string) => string;
  officeName: () => string;
  serviceName: (serviceId: string) => string;
}

/**
 * Turns committed queue events into messages, after the commit and off the
 * broadcast's turn. The work per batch is bounded by what the batch touched:
 * a call looks at its own ticket's subscriptions and at its service's
 * subscribed tickets (push) or first few waiting tickets (webhook), never at
 * the whole queue of the office.
 */
export class NotifyWatcher {
  /** Tickets with any push subscription today: a call looks here before asking SQLite. */
  private readonly subscribed = new Set<string>();
  /** Per service: tickets still waiting to be told "N ahead" (the largest N of their subscriptions). */
  private readonly pendingByService = new Map<string, Map<string, number>>();
  /** Tickets the webhook was told "ahead" about today (mirrors notify_webhook_marks). */
  private readonly webhookTold = new Set<string>();
  private day: string;

  constructor(private readonly deps: WatcherDeps) {
    this.day = this.today();
    this.reload();
  }

  private today(): string {
    return serviceDayOf(this.deps.now(), this.deps.state().rules.timezone);
  }

  /** Rebuilds the in-memory index from SQLite (start, new service day). */
  reload(): void {
    this.subscribed.clear();
    this.pendingByService.clear();
    this.webhookTold.clear();
    const state = this.deps.state();
    for (const { ticketId, ahead } of this.deps.queries.pendingAhead(this.day)) {
      const serviceId = state.tickets.get(ticketId)?.segment.serviceId;
      if (serviceId) this.pending(serviceId).set(ticketId, ahead);
    }
    for (const ticketId of this.deps.queries.ticketsWithSubscriptions(this.day)) this.subscribed.add(ticketId);
  }

  private pending(serviceId: string): Map<string, number> {
    let m = this.pendingByService.get(serviceId);
    if (!m) {
      m = new Map();
      this.pendingByService.set(serviceId, m);
    }
    return m;
  }

  /** A new or changed subscription; told at once when the ticket is already that close. */
  added(ticketId: string, serviceId: string): void {
    this.subscribed.add(ticketId);
    const ahead = Math.max(...this.deps.queries.subscriptionsOf(ticketId).filter((s) => !s.aheadSent).map((s) => s.ahead), 0);
    if (ahead > 0) this.pending(serviceId).set(ticketId, ahead);
    this.checkAhead(serviceId);
  }

  unsubscribed(ticketId: string): void {
    if (this.deps.queries.countFor(ticketId) > 0) return;
    this.subscribed.delete(ticketId);
    for (const m of this.pendingByService.values()) m.delete(ticketId);
  }

  /** The end of a service day: nothing of yesterday's tickets is kept. */
  rollOver(): { subscriptions: number; outbox: number } | null {
    const today = this.today();
    if (today === this.day) return null;
    this.day = today;
    const deleted = this.deps.queries.deleteBefore(today);
    this.reload();
    return deleted;
  }

  /** Webhook rows written since the hub started: the caller wakes the delivery when this moves. */
  enqueued = 0;

  onBatch(batch: readonly CommittedEvent[]): void {
    const touched = new Set<string>();
    for (const { event } of batch) this.onEvent(event, touched);
    for (const serviceId of touched) this.checkAhead(serviceId);
  }

  private onEvent(event: QueueEvent, touched: Set<string>): void {
    const state = this.deps.state();
    switch (event.type) {
      case "ticket.called":
      case "ticket.recalled": {
        const serviceId = state.tickets.get(event.ticketId)?.segment.serviceId;
        if (serviceId && event.type === "ticket.called") touched.add(serviceId);
        this.told(event.type === "ticket.called" ? "called" : "recalled", event.ticketId, event.counterId);
        if (serviceId) this.pendingByService.get(serviceId)?.delete(event.ticketId);
        return;
      }
      case "ticket.cancelled":
      case "ticket.completed": {
        const serviceId = state.tickets.get(event.ticketId)?.segment.serviceId;
        if (serviceId && event.type === "ticket.cancelled") touched.add(serviceId);
        this.forget(event.ticketId);
        return;
      }
      case "ticket.transferred": {
        touched.add(event.fromServiceId);
        touched.add(event.toServiceId);
        const ahead = this.pendingByService.get(event.fromServiceId)?.get(event.ticketId);
        if (ahead !== undefined) {
          this.pendingByService.get(event.fromServiceId)?.delete(event.ticketId);
          this.pending(event.toServiceId).set(event.ticketId, ahead);
        }
        return;
      }
      default:
        return;
    }
  }

  private forget(ticketId: string): void {
    if (!this.subscribed.has(ticketId)) return;
    this.deps.queries.deleteTicket(ticketId);
    this.unsubscribed(ticketId);
  }

  private checkAhead(serviceId: string): void {
    const state = this.deps.state();
    const push = this.deps.push();
    const pending = this.pendingByService.get(serviceId);
    if (push && pending) {
      for (const [ticketId, most] of pending) {
        const ahead = peopleAhead(state, ticketId, this.deps.now());
        if (ahead === null || ahead > most) continue;
        pending.delete(ticketId);
        for (const sub of this.deps.queries.subscriptionsOf(ticketId)) {
          if (sub.aheadSent || ahead > sub.ahead) continue;
          this.deps.queries.markAheadSent(sub.id);
          push.send(sub, this.message("ahead", ticketId, { ahead }));
        }
      }
    }
    const webhook = this.deps.config()?.webhook;
    if (!webhook || !this.deps.webhookOn() || !webhook.events.includes("ahead")) return;
    const first = nextWaiting(state, serviceId, this.deps.now(), webhook.aheadAt + 1);
    first.forEach((ticketId, ahead) => {
      if (ahead > webhook.aheadAt || this.webhookTold.has(ticketId)) return;
      this.webhookTold.add(ticketId);
      if (this.deps.queries.markWebhookAhead(ticketId, this.day)) this.enqueueWebhook("ahead", ticketId, { ahead });
    });
  }

  private told(kind: "called" | "recalled", ticketId: string, counterId: string): void {
    const counterName = this.deps.state().counterRules.get(counterId)?.name ?? "Loket";
    const push = this.deps.push();
    if (push && this.subscribed.has(ticketId)) {
      for (const sub of this.deps.queries.subscriptionsOf(ticketId)) push.send(sub, this.message(kind, ticketId, { counterName }));
    }
    const webhook = this.deps.config()?.webhook;
    if (webhook && this.deps.webhookOn() && webhook.events.includes("called")) this.enqueueWebhook(kind, ticketId, { counterId });
  }

  private message(kind: PushMessage["kind"], ticketId: string, detail: { ahead?: number; counterName?: string }): PushMessage {
    const number = this.deps.state().tickets.get(ticketId)?.number ?? "";
    return { kind, ticketNumber: number, ...notifyWords(kind, number, detail), url: this.deps.ticketUrl(ticketId), tag: `layan-${ticketId}` };
  }

  private enqueueWebhook(moment: WebhookMessage["moment"], ticketId: string, detail: { ahead?: number; counterId?: string }): void {
    const webhook = this.deps.config()?.webhook;
    const ticket = this.deps.state().tickets.get(ticketId);
    if (!webhook || !ticket) return;
    const at = this.deps.now();
    const counter = detail.counterId ? this.deps.state().counterRules.get(detail.counterId) : undefined;
    const serviceId = ticket.segment.serviceId;
    const fields = new Set(webhook.fields);
    const words = notifyWords(moment, ticket.number, { ...(detail.ahead !== undefined ? { ahead: detail.ahead } : {}), ...(counter ? { counterName: counter.name } : {}) });
    // The row id is the message id: written first, so a retry carries the same one.
    const body = (id: number): WebhookMessage => ({
      id,
      moment,
      at,
      office: this.deps.officeName(),
      ticketId,
      ...(fields.has("number") ? { number: ticket.number } : {}),
      ...(fields.has("service") ? { service: { id: serviceId, name: this.deps.serviceName(serviceId) } } : {}),
      ...(fields.has("counter") ? { counter: counter ? { id: counter.id, name: counter.name, number: counter.number } : null } : {}),
      ...(fields.has("peopleAhead") ? { peopleAhead: detail.ahead ?? null } : {}),
      text: { id: `${words.title}. ${words.body}`, en: `${words.titleEn}. ${words.bodyEn}` },
    });
    this.deps.queries.enqueueWith(at, this.day, moment, (id) => JSON.stringify(body(id)));
    this.enqueued += 1;
  }
}
