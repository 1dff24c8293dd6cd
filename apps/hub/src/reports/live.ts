/**
 * The waiting room right now, per ticket, against each service's wait target:
 * what the dashboard's live view highlights. Read from the engine's live state
 * (no database), so it is cheap enough to poll every few seconds. Ticket ids
 * are left out: they are the keys of the public ticket pages.
 */
import type { QueueState } from "@layan/core";
import type { LiveService, LiveView, LiveWaitingTicket } from "@layan/protocol";
import { serviceDayOf } from "@layan/core";

export function liveView(state: QueueState, now: number): LiveView {
  const waiting: LiveWaitingTicket[] = [];
  const services: LiveService[] = [];
  for (const service of state.rules.services) {
    const targetMs = service.targets.waitMinutes * 60_000;
    const lanes = state.lanes.get(service.id);
    let over = 0;
    let longest: number | null = null;
    let count = 0;
    for (const id of [...(lanes?.booked ?? []), ...(lanes?.priority ?? []), ...(lanes?.regular ?? [])]) {
      const t = state.tickets.get(id);
      if (!t) continue;
      count++;
      const waitedMs = Math.max(0, now - t.segment.enqueuedAt);
      if (waitedMs > targetMs) over++;
      if (longest === null || waitedMs > longest) longest = waitedMs;
      waiting.push({
        number: t.number,
        serviceId: service.id,
        priority: t.priority,
        enqueuedAt: t.segment.enqueuedAt,
        waitedMs,
        targetMs,
        overTarget: waitedMs > targetMs,
        requeued: t.segment.index > 0,
      });
    }
    const openCounters = state.rules.counters.filter(
      (c) => c.services.includes(service.id) && state.counters.get(c.id)?.status === "open",
    ).length;
    services.push({
      serviceId: service.id,
      waiting: count,
      overTarget: over,
      longestWaitMs: longest,
      targetMs,
      openCounters,
    });
  }
  waiting.sort((a, b) => b.waitedMs - a.waitedMs);

  const counters = { open: 0, idle: 0, serving: 0, paused: 0, closed: 0 };
  for (const c of state.rules.counters) {
    const live = state.counters.get(c.id);
    const status = live?.status ?? "closed";
    if (status === "open") {
      counters.open++;
      if (live?.currentTicketId) counters.serving++;
      else counters.idle++;
    } else counters[status]++;
  }
  return {
    serverTime: now,
    serviceDay: serviceDayOf(now, state.rules.timezone),
    services,
    waiting,
    counters,
  };
}
