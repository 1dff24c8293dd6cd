import type { EventOf } from "./events";
import type { CounterRules } from "./office";
import type { QueueState } from "./state";
import type { TicketId } from "./ticket";

export interface NextPick {
  ticketId: TicketId;
  reason: EventOf<"ticket.called">["reason"];
}

interface LaneHead {
  ticketId: TicketId;
  enqueuedAt: number;
}

/**
 * The call-next policy for one counter:
 * 1. Ageing bound: a regular ticket that has waited longer than
 *    `maxRegularWaitMinutes` goes first (the oldest such), so the regular lane
 *    never starves behind a stream of priority tickets.
 * 2. When both lanes have tickets, the counter's cycle decides: `priorityTurns`
 *    priority calls, then `regularTurns` regular calls, and round again.
 * 3. Otherwise whichever lane has tickets.
 * Within a lane, services are tried in the counter's configured order, and each
 * service's lane is first-in, first-out.
 *
 * Booked visits (docs/booking.md decision 9) fit in after the ageing bound: a
 * checked-in booking whose slot has started is called next ("booked"),
 * unless this counter's last `booking.bookedInARow` calls were all booked and
 * a walk-in waits; then the walk-in cycle has this call. A booking whose slot
 * has not started is called only when no walk-in waits ("booked_early"):
 * nobody waits for an empty hall, and nobody is overtaken by an early bird.
 */
export function pickNext(state: QueueState, counter: CounterRules, now: number): NextPick | null {
  const policy = state.rules.priority;
  const priorityHead = firstHead(state, counter, "priority");
  const regularHead = firstHead(state, counter, "regular");
  const booked = firstBooked(state, counter);
  const bookedDue = booked && booked.slotStart <= now ? booked : null;

  const agedMs = policy.maxRegularWaitMinutes * 60_000;
  const oldest = oldestRegular(state, counter);
  if (oldest && now - oldest.enqueuedAt > agedMs && (priorityHead || bookedDue)) {
    return { ticketId: oldest.ticketId, reason: "aged" };
  }

  const walkInWaits = priorityHead !== null || regularHead !== null;
  if (bookedDue) {
    const run = state.counters.get(counter.id)?.bookedRun ?? 0;
    if (!walkInWaits || run < state.rules.booking.bookedInARow) return { ticketId: bookedDue.ticketId, reason: "booked" };
  }

  if (priorityHead && regularHead) {
    const cycle = state.counters.get(counter.id)?.laneCycle ?? 0;
    return cycle < policy.priorityTurns
      ? { ticketId: priorityHead.ticketId, reason: "priority_turn" }
      : { ticketId: regularHead.ticketId, reason: "regular_turn" };
  }
  const only = priorityHead ?? regularHead;
  if (only) return { ticketId: only.ticketId, reason: "only_lane" };
  return booked ? { ticketId: booked.ticketId, reason: bookedDue ? "booked" : "booked_early" } : null;
}

/** The booked ticket with the earliest slot among the counter's services (of equal ones, the counter's first service). */
function firstBooked(state: QueueState, counter: CounterRules): { ticketId: TicketId; slotStart: number } | null {
  let first: { ticketId: TicketId; slotStart: number } | null = null;
  for (const serviceId of counter.services) {
    const lane = state.lanes.get(serviceId)?.booked;
    const id = lane?.first();
    const slotStart = lane?.firstSlotStart();
    if (id !== undefined && slotStart !== undefined && (!first || slotStart < first.slotStart)) first = { ticketId: id, slotStart };
  }
  return first;
}

function firstHead(state: QueueState, counter: CounterRules, lane: "priority" | "regular"): LaneHead | null {
  for (const serviceId of counter.services) {
    const l = state.lanes.get(serviceId)?.[lane];
    const id = l?.first();
    if (id !== undefined) return { ticketId: id, enqueuedAt: l?.firstEnqueuedAt() ?? 0 };
  }
  return null;
}

/**
 * The longest-waiting regular ticket the counter serves. Not just the lane
 * heads: a reinstated no-show goes back to the head of its lane with a fresh
 * enqueue time, so the oldest ticket can sit behind it. Of equal enqueue
 * times, the counter's first service and then the lane's order win.
 */
function oldestRegular(state: QueueState, counter: CounterRules): LaneHead | null {
  let oldest: LaneHead | null = null;
  for (const serviceId of counter.services) {
    const candidate = state.lanes.get(serviceId)?.regular.oldest();
    if (candidate && (!oldest || candidate.enqueuedAt < oldest.enqueuedAt)) oldest = candidate;
  }
  return oldest;
}
