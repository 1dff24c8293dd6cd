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
 */
export function pickNext(state: QueueState, counter: CounterRules, now: number): NextPick | null {
  const policy = state.rules.priority;
  const priorityHead = firstHead(state, counter, "priority");
  const regularHead = firstHead(state, counter, "regular");

  const agedMs = policy.maxRegularWaitMinutes * 60_000;
  const oldest = oldestRegular(state, counter);
  if (oldest && now - oldest.enqueuedAt > agedMs && priorityHead) {
    return { ticketId: oldest.ticketId, reason: "aged" };
  }

  if (priorityHead && regularHead) {
    const cycle = state.counters.get(counter.id)?.laneCycle ?? 0;
    return cycle < policy.priorityTurns
      ? { ticketId: priorityHead.ticketId, reason: "priority_turn" }
      : { ticketId: regularHead.ticketId, reason: "regular_turn" };
  }
  const only = priorityHead ?? regularHead;
  return only ? { ticketId: only.ticketId, reason: "only_lane" } : null;
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
