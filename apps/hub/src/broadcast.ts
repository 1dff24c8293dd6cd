import { isFeedbackEvent, type OfficeRules, type QueueEvent } from "@layan/core";
import type { HubContext } from "./context";
import type { CommittedEvent } from "./engine";
import { namespaceOf } from "./namespaces/common";
import { counterRoom, serviceRoom } from "./namespaces/display";

/** Waiting counts change with every ticket; screens need them a few times a second, not per event. */
const QUEUE_PUSH_INTERVAL_MS = 200;

/**
 * Pushes committed events to the rooms that care, after the commit (never
 * before: a screen must not show what the disk may not hold). Calls go out at
 * once; derived state (waiting counts, counter screens) is coalesced.
 *
 * The displays' counter tiles ride with the queue push, not the call's turn:
 * a call and the officer's completion each sent every display a
 * `counter:updated`, so one call cost ~200 displays three frames instead of
 * one, and the tile frames of the previous completion were still being
 * written and read when the next call's went out (bench: call -> 200
 * displays p99 1.5-2x a bare broadcast). The call itself names the counter
 * and number, so the big panel and the announcement do not wait for the tile.
 */
export function startBroadcasting(ctx: HubContext): () => void {
  // Typed by the protocol's event maps: a push a namespace does not declare, or
  // a payload of the wrong shape, fails the typecheck.
  const display = namespaceOf(ctx.io, "display");
  const dashboard = namespaceOf(ctx.io, "dashboard");
  const counter = namespaceOf(ctx.io, "counter");
  const kiosk = namespaceOf(ctx.io, "kiosk");
  /** Counters whose own state changed (a call, a pause): their screens and the dashboards hear at once. */
  const changedCounters = new Set<string>();
  /** Counters only one of whose queues changed: their waiting lists follow the queue push's cadence. */
  const queueDirtyCounters = new Set<string>();
  /** Counters whose tile on the displays is stale: sent with the next queue push. */
  const displayDirtyCounters = new Set<string>();
  let counterFlush: NodeJS.Immediate | null = null;
  let queueTimer: NodeJS.Timeout | null = null;
  let queueDirty = false;
  let lastQueuePush = 0;

  const pushQueue = () => {
    queueTimer = null;
    queueDirty = false;
    lastQueuePush = Date.now();
    const { state, seq } = ctx.engine;
    const now = ctx.engine.now();
    const payload = { seq, waiting: ctx.views.waiting(state, now) };
    display.emit("queue:changed", payload);
    dashboard.emit("queue:changed", payload);
    counter.emit("queue:changed", payload);
    kiosk.emit("queue:changed", payload);
    // Read at push time: a call and its completion in one window are one tile change.
    for (const counterId of displayDirtyCounters) {
      display.to(counterRoom(counterId)).emit("counter:updated", { ...ctx.views.counter(state, counterId), seq });
    }
    displayDirtyCounters.clear();
    // A stream of kiosk issues would otherwise send every open counter a snapshot per event-loop turn.
    for (const counterId of queueDirtyCounters) {
      counter.to(counterRoom(counterId)).emit("counter:snapshot", ctx.views.counterSnapshot(state, counterId, seq, now));
    }
    queueDirtyCounters.clear();
  };

  const scheduleQueuePush = () => {
    queueDirty = true;
    if (queueTimer) return;
    const wait = Math.max(0, QUEUE_PUSH_INTERVAL_MS - (Date.now() - lastQueuePush));
    queueTimer = setTimeout(pushQueue, wait);
  };

  const flushCounters = () => {
    counterFlush = null;
    const { state, seq } = ctx.engine;
    const now = ctx.engine.now();
    for (const counterId of changedCounters) {
      const snapshot = ctx.views.counterSnapshot(state, counterId, seq, now);
      counter.to(counterRoom(counterId)).emit("counter:snapshot", snapshot);
      queueDirtyCounters.delete(counterId);
      // The dashboards are a few managers' screens: their tiles stay immediate.
      dashboard.emit("counter:updated", { ...snapshot.counter, seq });
    }
    changedCounters.clear();
  };

  // The office's counters per service, once per config: an event looks up its
  // service's few counters, not every counter's list. Made again when a live
  // config change (live-config/) replaced the rules.
  let countersOfRules: OfficeRules | null = null;
  let countersByService = new Map<string, string[]>();
  const countersOf = (serviceId: string): readonly string[] => {
    const rules = ctx.engine.state.rules;
    if (rules !== countersOfRules) {
      countersOfRules = rules;
      countersByService = new Map();
      for (const c of rules.counters) {
        for (const id of c.services) countersByService.set(id, [...(countersByService.get(id) ?? []), c.id]);
      }
    }
    return countersByService.get(serviceId) ?? [];
  };

  const markCounters = (event: QueueEvent) => {
    if ("counterId" in event && event.counterId !== null) {
      changedCounters.add(event.counterId);
      // Marked here, not in flushCounters: the queue timer may fire before that immediate.
      displayDirtyCounters.add(event.counterId);
    }
    // Counters serving a service whose queue changed show new waiting lists; their own view (status, ticket in hand) is unchanged.
    for (const serviceId of servicesTouched(ctx, event)) {
      for (const counterId of countersOf(serviceId)) {
        if (ctx.engine.state.counters.get(counterId)?.status !== "closed") queueDirtyCounters.add(counterId);
      }
    }
  };

  const onBatch = (batch: CommittedEvent[]) => {
    const { state } = ctx.engine;
    for (const { seq, event } of batch) {
      // Survey answers and complaints change no queue, counter or display.
      if (isFeedbackEvent(event)) continue;
      if (event.type === "ticket.called" || event.type === "ticket.recalled") {
        const call = ctx.views.call(state, seq, event);
        if (call) {
          ctx.calls.add(call);
          display.to([counterRoom(call.counterId), serviceRoom(call.serviceId)]).emit(
            event.type === "ticket.called" ? "ticket:called" : "ticket:recalled",
            call,
          );
        }
      }
      dashboard.emit("log:appended", ctx.views.logEntry(state, seq, event));
      markCounters(event);
    }
    if (changedCounters.size > 0) counterFlush ??= setImmediate(flushCounters);
    scheduleQueuePush();
  };

  const unsubscribe = ctx.engine.onCommitted(onBatch);
  return () => {
    unsubscribe();
    if (counterFlush) clearImmediate(counterFlush);
    if (queueTimer) clearTimeout(queueTimer);
    if (queueDirty) queueDirty = false;
  };
}

function servicesTouched(ctx: HubContext, event: QueueEvent): string[] {
  switch (event.type) {
    case "ticket.issued":
      return [event.serviceId];
    case "ticket.transferred":
    case "ticket.transfer_undone":
      return [event.fromServiceId, event.toServiceId];
    case "ticket.called":
    case "ticket.cancelled":
    case "ticket.reinstated": {
      const t = ctx.engine.state.tickets.get(event.ticketId);
      return t ? [t.segment.serviceId] : [];
    }
    default:
      return [];
  }
}
