import type { ServiceId } from "./office";
import type { QueueState } from "./state";
import { isBookedSegment, type PriorityReason } from "./ticket";

export interface WaitEstimate {
  /** Tickets that will be called before a new ticket of this kind. */
  peopleAhead: number;
  /** Open counters that serve the service (paused ones are not counted). */
  openCounters: number;
  /** Estimated wait range in whole minutes; null when no counter is open. */
  p50Minutes: number | null;
  p90Minutes: number | null;
  /** Where the service-time figures came from. */
  basis: "recent" | "sop_target";
  sampleCount: number;
}

/** Fewer recent samples than this and the SOP target is the better guess. */
export const MIN_SAMPLES = 5;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  // Nearest-rank: the smallest value with at least p% of values at or below it.
  // Multiply before dividing: (p / 100) * n drifts (0.28 * 25 = 7.000000000000001),
  // and the ceiling turns that drift into the next rank.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}

/**
 * Estimated wait for a ticket issued now: people ahead of it times a typical
 * service time, spread over the open counters serving the service. Service
 * times are the service's recent ones (p50 and p90), or the SOP target (p50 at
 * 75 % of it, p90 at the target) until enough tickets have been served.
 */
export function estimateWait(
  state: QueueState,
  serviceId: ServiceId,
  priority: PriorityReason | null,
  now: number,
  /** People ahead when already known (a ticket in the queue); otherwise a new ticket's. */
  aheadOverride?: number,
): WaitEstimate {
  const lanes = state.lanes.get(serviceId);
  const priorityWaiting = lanes?.priority.length ?? 0;
  const regularWaiting = lanes?.regular.length ?? 0;
  // A priority ticket only queues behind other priority tickets, and both
  // behind the booked visits whose slot has started (decision 9).
  const bookedDue = lanes?.booked.startedBy(now) ?? 0;
  const peopleAhead = aheadOverride ?? bookedDue + (priority ? priorityWaiting : priorityWaiting + regularWaiting);

  let openCounters = 0;
  let busyCounters = 0;
  for (const rules of state.rules.counters) {
    if (!rules.services.includes(serviceId)) continue;
    const c = state.counters.get(rules.id);
    if (c?.status !== "open") continue;
    openCounters++;
    if (c.currentTicketId !== null) busyCounters++;
  }

  const policy = state.rules.estimate;
  const cutoff = now - policy.maxAgeMinutes * 60_000;
  const recent = (state.samples.get(serviceId) ?? [])
    .filter((s) => s.at >= cutoff)
    .slice(-policy.sampleSize)
    .map((s) => s.ms)
    .sort((a, b) => a - b);

  const targetMs = (state.services.get(serviceId)?.targets.serviceMinutes ?? 0) * 60_000;
  const useRecent = recent.length >= MIN_SAMPLES;
  const p50Service = useRecent ? percentile(recent, 50) : targetMs * 0.75;
  const p90Service = useRecent ? percentile(recent, 90) : targetMs;

  if (openCounters === 0) {
    return {
      peopleAhead,
      openCounters,
      p50Minutes: null,
      p90Minutes: null,
      basis: useRecent ? "recent" : "sop_target",
      sampleCount: recent.length,
    };
  }
  // Busy counters finish their current citizen first: on average half a service.
  const queuedWork = peopleAhead + busyCounters * 0.5;
  const p50 = (queuedWork * p50Service) / openCounters;
  const p90 = (queuedWork * p90Service) / openCounters;
  return {
    peopleAhead,
    openCounters,
    p50Minutes: Math.round(p50 / 60_000),
    p90Minutes: Math.max(Math.round(p50 / 60_000), Math.ceil(p90 / 60_000)),
    basis: useRecent ? "recent" : "sop_target",
    sampleCount: recent.length,
  };
}

/**
 * Where a waiting ticket stands: the tickets of its service that will be
 * called before it (the priority lane first), and the wait estimate from
 * there. Null when the ticket is not waiting. Ignores calls across services
 * by shared counters, like the kiosk's estimate.
 */
export function estimateForTicket(state: QueueState, ticketId: string, now: number): WaitEstimate | null {
  const ahead = peopleAheadOf(state, ticketId, now);
  const ticket = state.tickets.get(ticketId);
  if (ahead === null || !ticket) return null;
  const estimate = estimateWait(state, ticket.segment.serviceId, ticket.priority, now, ahead);
  const slotStart = ticket.booking && isBookedSegment(ticket, ticket.segment.serviceId) ? ticket.booking.slotStart : null;
  if (slotStart === null || slotStart <= now || estimate.p50Minutes === null || estimate.p90Minutes === null) return estimate;
  // Checked in early: not called before the slot starts while walk-ins wait.
  const untilSlot = Math.ceil((slotStart - now) / 60_000);
  return {
    ...estimate,
    p50Minutes: Math.max(estimate.p50Minutes, untilSlot),
    p90Minutes: Math.max(estimate.p90Minutes, untilSlot),
  };
}

/**
 * Tickets of its service called before a waiting ticket, or null when it is
 * not waiting. A booked ticket waits behind the booked tickets of earlier
 * slots only; a walk-in behind the booked tickets whose slot has started,
 * then the priority lane, then (regular) those ahead in its own lane.
 */
export function peopleAheadOf(state: QueueState, ticketId: string, now: number): number | null {
  const ticket = state.tickets.get(ticketId);
  if (ticket?.status !== "waiting") return null;
  const lanes = state.lanes.get(ticket.segment.serviceId);
  if (!lanes) return null;
  if (isBookedSegment(ticket, ticket.segment.serviceId)) return Math.max(0, lanes.booked.position(ticketId));
  const bookedDue = lanes.booked.startedBy(now);
  const ahead = ticket.priority
    ? lanes.priority.position(ticketId)
    : lanes.priority.length + lanes.regular.position(ticketId);
  return bookedDue + Math.max(0, ahead);
}

/**
 * The next `n` waiting tickets of a service in the order they will likely be
 * called (what a display's "berikutnya" shows): due booked visits, the
 * priority lane, the regular lane, then booked visits whose slot is later.
 */
export function nextWaiting(state: QueueState, serviceId: ServiceId, now: number, n: number): string[] {
  const lanes = state.lanes.get(serviceId);
  if (!lanes || n <= 0) return [];
  const due = lanes.booked.startedBy(now);
  const booked = lanes.booked.take(Math.max(n, due));
  const out = booked.slice(0, Math.min(due, n));
  if (out.length < n) out.push(...lanes.priority.take(n - out.length));
  if (out.length < n) out.push(...lanes.regular.take(n - out.length));
  if (out.length < n) out.push(...booked.slice(due, due + n - out.length));
  return out;
}
