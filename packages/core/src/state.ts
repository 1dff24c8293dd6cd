import { BookedLane } from "./booking-lane";
import { applyBooking, cloneBookings, createBookings, pruneBookings, type BookingsState } from "./booking-state";
import type { QueueEvent } from "./events";
import { Lane } from "./lane";
import type { CounterId, CounterRules, OfficeRules, ServiceId, ServiceRules } from "./office";
import { isBookedSegment, NO_SEGMENTS, NO_STEPS, type OfficerId, type ServiceSegment, type Ticket, type TicketId } from "./ticket";
import { applyToday, cloneToday, createTodayOperations, pruneServiceClosures, type TodayOperations } from "./today-state";

export type CounterStatus = "closed" | "open" | "paused";

export interface CounterState {
  id: CounterId;
  status: CounterStatus;
  officerId: OfficerId | null;
  /** The ticket called to or served at this counter, if any. */
  currentTicketId: TicketId | null;
  /** Position in the priority:regular cycle (see PriorityPolicy). */
  laneCycle: number;
  /** Booked tickets this counter called in a row (the walk-in cycle gets a turn after `booking.bookedInARow`). */
  bookedRun: number;
  since: number | null;
}

/** Waiting tickets of one service, in call order, split by lane. */
export interface ServiceLanes {
  priority: Lane;
  regular: Lane;
  /** Checked-in booked visits, by slot start (docs/booking.md decision 9). */
  booked: BookedLane;
}

export interface DailyNumbering {
  serviceDay: string;
  /** Highest sequence handed out that day: numbers are never reused, even after a cancel. */
  lastSequence: number;
  /** Tickets counted against the daily quota (print failures give their place back). */
  quotaUsed: number;
}

export interface ServiceSample {
  at: number;
  ms: number;
}

/**
 * The live queue. `apply` mutates it in place and returns it: the hub replays a
 * day of events at start-up and applies thousands per second, and copying maps
 * on every event would cost more than the rest of the pipeline. `decide` never
 * mutates; callers that need an old state keep their own copy (`cloneState`).
 */
export interface QueueState {
  rules: OfficeRules;
  services: Map<ServiceId, ServiceRules>;
  counterRules: Map<CounterId, CounterRules>;
  tickets: Map<TicketId, Ticket>;
  lanes: Map<ServiceId, ServiceLanes>;
  counters: Map<CounterId, CounterState>;
  numbering: Map<ServiceId, DailyNumbering>;
  samples: Map<ServiceId, ServiceSample[]>;
  /** Tickets now marked no-show: the counters' "reinstate" lists read these instead of every ticket. */
  noShows: Set<TicketId>;
  /** Done, cancelled and no-show tickets still in memory: pruning reads these, not the waiting ones. */
  finished: Set<TicketId>;
  /** A supervisor's closures, quotas and notices, each for one service day (today.ts). */
  today: TodayOperations;
  /** Booked visits, open and recently ended (booking-state.ts). */
  bookings: BookingsState;
}

export function createState(rules: OfficeRules): QueueState {
  const counters = new Map<CounterId, CounterState>();
  for (const c of rules.counters) counters.set(c.id, closedCounter(c.id));
  return {
    rules,
    services: new Map(rules.services.map((s) => [s.id, s])),
    counterRules: new Map(rules.counters.map((c) => [c.id, c])),
    tickets: new Map(),
    lanes: new Map(),
    counters,
    numbering: new Map(),
    samples: new Map(),
    noShows: new Set(),
    finished: new Set(),
    today: createTodayOperations(),
    bookings: createBookings(),
  };
}

function closedCounter(id: CounterId): CounterState {
  return { id, status: "closed", officerId: null, currentTicketId: null, laneCycle: 0, bookedRun: 0, since: null };
}

export function lanesOf(state: QueueState, serviceId: ServiceId): ServiceLanes {
  let lanes = state.lanes.get(serviceId);
  if (!lanes) {
    lanes = { priority: new Lane(), regular: new Lane(), booked: new BookedLane() };
    state.lanes.set(serviceId, lanes);
  }
  return lanes;
}

export function counterOf(state: QueueState, counterId: CounterId): CounterState {
  let counter = state.counters.get(counterId);
  if (!counter) {
    // A counter removed from the config can still appear in old events.
    counter = closedCounter(counterId);
    state.counters.set(counterId, counter);
  }
  return counter;
}

function newSegment(index: number, serviceId: ServiceId, at: number): ServiceSegment {
  return {
    index,
    serviceId,
    enqueuedAt: at,
    firstCalledAt: null,
    lastCalledAt: null,
    startedAt: null,
    endedAt: null,
    counterId: null,
    officerId: null,
    recalls: 0,
    steps: NO_STEPS,
    outcome: null,
  };
}

function ticketOf(state: QueueState, ticketId: TicketId): Ticket {
  const ticket = state.tickets.get(ticketId);
  // Events are only produced by decide(), which checks existence first; a
  // missing ticket here means a corrupted log and must stop the replay loudly.
  if (!ticket) throw new Error(`event refers to unknown ticket ${ticketId}`);
  return ticket;
}

function removeFromLane(state: QueueState, ticket: Ticket): void {
  const lanes = lanesOf(state, ticket.segment.serviceId);
  if (isBookedSegment(ticket, ticket.segment.serviceId)) lanes.booked.remove(ticket.id);
  else (ticket.priority ? lanes.priority : lanes.regular).remove(ticket.id);
}

function enqueue(state: QueueState, ticket: Ticket, atFront: boolean): void {
  const lanes = lanesOf(state, ticket.segment.serviceId);
  if (ticket.booking && isBookedSegment(ticket, ticket.segment.serviceId)) {
    const { slotStart } = ticket.booking;
    if (atFront) lanes.booked.unshift(ticket.id, ticket.segment.enqueuedAt, slotStart);
    else lanes.booked.push(ticket.id, ticket.segment.enqueuedAt, slotStart);
    return;
  }
  const lane = ticket.priority ? lanes.priority : lanes.regular;
  if (atFront) lane.unshift(ticket.id, ticket.segment.enqueuedAt);
  else lane.push(ticket.id, ticket.segment.enqueuedAt);
}

function releaseCounter(state: QueueState, ticket: Ticket): void {
  const counterId = ticket.segment.counterId;
  if (counterId === null) return;
  const counter = counterOf(state, counterId);
  if (counter.currentTicketId === ticket.id) counter.currentTicketId = null;
}

function finishSegment(ticket: Ticket, at: number, outcome: ServiceSegment["outcome"]): void {
  ticket.segment.endedAt = at;
  ticket.segment.outcome = outcome;
}

function recordSample(state: QueueState, serviceId: ServiceId, at: number, ms: number | null): void {
  if (ms === null) return;
  let list = state.samples.get(serviceId);
  if (!list) {
    list = [];
    state.samples.set(serviceId, list);
  }
  list.push({ at, ms });
  const keep = state.rules.estimate.sampleSize;
  if (list.length > keep * 2) list.splice(0, list.length - keep);
}

export function apply(state: QueueState, event: QueueEvent): QueueState {
  switch (event.type) {
    case "ticket.issued": {
      const ticket: Ticket = {
        id: event.ticketId,
        number: event.number,
        serviceDay: event.serviceDay,
        issuedServiceId: event.serviceId,
        priority: event.priority,
        status: "waiting",
        issuedAt: event.at,
        kioskId: event.kioskId,
        // A booked visit waits from its slot's start, not from an early arrival (decision 10).
        segment: newSegment(0, event.serviceId, event.booking ? Math.max(event.at, event.booking.slotStart) : event.at),
        previousSegments: NO_SEGMENTS,
        noShowAt: null,
        transferredFrom: null,
        booking: event.booking ? { ...event.booking } : null,
      };
      state.tickets.set(ticket.id, ticket);
      enqueue(state, ticket, false);
      const n = state.numbering.get(event.serviceId);
      if (!n || n.serviceDay !== event.serviceDay) {
        state.numbering.set(event.serviceId, {
          serviceDay: event.serviceDay,
          lastSequence: event.sequence,
          quotaUsed: 1,
        });
      } else {
        n.lastSequence = Math.max(n.lastSequence, event.sequence);
        n.quotaUsed += 1;
      }
      return state;
    }
    case "ticket.called": {
      const ticket = ticketOf(state, event.ticketId);
      removeFromLane(state, ticket);
      ticket.status = "called";
      ticket.transferredFrom = null;
      ticket.segment.firstCalledAt ??= event.at;
      ticket.segment.lastCalledAt = event.at;
      ticket.segment.counterId = event.counterId;
      ticket.segment.officerId = event.officerId;
      const counter = counterOf(state, event.counterId);
      counter.currentTicketId = ticket.id;
      const p = state.rules.priority;
      // An aged call made when a regular turn was due is that regular turn;
      // otherwise the next call would be another regular one while priority
      // tickets wait. An aged call on a priority turn leaves the turn pending.
      const onRegularTurn = event.reason === "aged" && counter.laneCycle >= p.priorityTurns;
      if (event.reason === "priority_turn" || event.reason === "regular_turn" || onRegularTurn) {
        counter.laneCycle = (counter.laneCycle + 1) % Math.max(1, p.priorityTurns + p.regularTurns);
      }
      // A manual call is the officer's choice and leaves the booked run as it was.
      if (event.reason === "booked" || event.reason === "booked_early") counter.bookedRun += 1;
      else if (event.reason !== "manual") counter.bookedRun = 0;
      return state;
    }
    case "ticket.recalled": {
      const ticket = ticketOf(state, event.ticketId);
      ticket.segment.recalls = event.recalls;
      ticket.segment.lastCalledAt = event.at;
      return state;
    }
    case "ticket.serving": {
      const ticket = ticketOf(state, event.ticketId);
      ticket.status = "serving";
      ticket.segment.startedAt = event.at;
      return state;
    }
    case "ticket.step_done": {
      // A segment has a handful of ticks at most: copying beats keeping an array on every waiting ticket.
      const segment = ticketOf(state, event.ticketId).segment;
      segment.steps = [...segment.steps, { stepId: event.stepId, at: event.at }];
      return state;
    }
    case "ticket.step_undone": {
      const segment = ticketOf(state, event.ticketId).segment;
      const left = segment.steps.filter((s) => s.stepId !== event.stepId);
      segment.steps = left.length === 0 ? NO_STEPS : left;
      return state;
    }
    case "ticket.completed": {
      const ticket = ticketOf(state, event.ticketId);
      releaseCounter(state, ticket);
      finishSegment(ticket, event.at, event.outcome);
      ticket.status = "done";
      state.finished.add(ticket.id);
      recordSample(state, ticket.segment.serviceId, event.at, event.measurement.serviceMs);
      return state;
    }
    case "ticket.no_show": {
      const ticket = ticketOf(state, event.ticketId);
      releaseCounter(state, ticket);
      finishSegment(ticket, event.at, "no_show");
      ticket.status = "no_show";
      ticket.noShowAt = event.at;
      state.noShows.add(ticket.id);
      state.finished.add(ticket.id);
      return state;
    }
    case "ticket.reinstated": {
      const ticket = ticketOf(state, event.ticketId);
      ticket.previousSegments = [...ticket.previousSegments, ticket.segment];
      ticket.segment = newSegment(ticket.segment.index + 1, ticket.segment.serviceId, event.at);
      ticket.status = "waiting";
      ticket.noShowAt = null;
      state.noShows.delete(ticket.id);
      state.finished.delete(ticket.id);
      // Back to the head of its lane: the citizen already waited once.
      enqueue(state, ticket, true);
      return state;
    }
    case "ticket.transferred": {
      const ticket = ticketOf(state, event.ticketId);
      ticket.transferredFrom =
        ticket.status === "called" || ticket.status === "serving"
          ? { at: event.at, counterId: event.counterId, status: ticket.status, sampleMs: event.measurement.serviceMs }
          : null;
      releaseCounter(state, ticket);
      finishSegment(ticket, event.at, "transferred");
      recordSample(state, event.fromServiceId, event.at, event.measurement.serviceMs);
      ticket.previousSegments = [...ticket.previousSegments, ticket.segment];
      ticket.segment = newSegment(ticket.segment.index + 1, event.toServiceId, event.at);
      ticket.status = "waiting";
      enqueue(state, ticket, false);
      return state;
    }
    case "ticket.transfer_undone": {
      const ticket = ticketOf(state, event.ticketId);
      const from = ticket.transferredFrom;
      const back = ticket.previousSegments.at(-1);
      if (!from || !back) throw new Error(`undo of a transfer ${ticket.number} never had`);
      ticket.previousSegments = ticket.previousSegments.length === 1 ? NO_SEGMENTS : ticket.previousSegments.slice(0, -1);
      removeFromLane(state, ticket);
      // The segment goes on as if it had never ended: its wait, start and ticks count once, when it ends for real.
      back.endedAt = null;
      back.outcome = null;
      ticket.segment = back;
      ticket.status = from.status;
      ticket.transferredFrom = null;
      counterOf(state, event.counterId).currentTicketId = ticket.id;
      // The transfer's service time was no service time: out of the estimate again.
      // Equal samples are interchangeable, so the last one with the same time and value will do.
      const samples = state.samples.get(event.fromServiceId);
      if (samples && from.sampleMs !== null) {
        const i = samples.findLastIndex((x) => x.at === from.at && x.ms === from.sampleMs);
        if (i >= 0) samples.splice(i, 1);
      }
      return state;
    }
    case "ticket.cancelled": {
      const ticket = ticketOf(state, event.ticketId);
      if (ticket.status === "waiting") removeFromLane(state, ticket);
      ticket.transferredFrom = null;
      releaseCounter(state, ticket);
      if (ticket.status !== "no_show") finishSegment(ticket, event.at, "cancelled");
      ticket.status = "cancelled";
      ticket.noShowAt = null;
      state.noShows.delete(ticket.id);
      state.finished.add(ticket.id);
      if (event.reason === "print_failed") {
        // The citizen never got a paper ticket: give the quota place back.
        const n = state.numbering.get(ticket.issuedServiceId);
        if (n && n.serviceDay === ticket.serviceDay) n.quotaUsed = Math.max(0, n.quotaUsed - 1);
      }
      return state;
    }
    case "counter.opened": {
      const counter = counterOf(state, event.counterId);
      counter.status = "open";
      counter.officerId = event.officerId;
      counter.since = event.at;
      return state;
    }
    case "counter.paused": {
      const counter = counterOf(state, event.counterId);
      counter.status = "paused";
      counter.since = event.at;
      return state;
    }
    case "counter.closed": {
      const counter = counterOf(state, event.counterId);
      counter.status = "closed";
      counter.officerId = null;
      counter.since = event.at;
      return state;
    }
    case "service.suspended":
    case "service.resumed":
    case "quota.set":
    case "counter.suspended":
    case "counter.resumed":
    case "notice.set":
      applyToday(state.today, event);
      return state;
    case "booking.held":
    case "booking.confirmed":
    case "booking.released":
    case "booking.expired":
    case "booking.checked_in":
      applyBooking(state.bookings, event);
      return state;
    // Citizens' feedback shares the log, not the queue.
    case "survey.submitted":
    case "complaint.filed":
    case "complaint.assigned":
    case "complaint.responded":
    case "complaint.closed":
      return state;
  }
}

/** Applies a sequence of events; used for replay. */
export function replay(state: QueueState, events: Iterable<QueueEvent>): QueueState {
  for (const e of events) apply(state, e);
  return state;
}

/** Deep copy, for callers that must keep a state before applying more events. */
export function cloneState(state: QueueState): QueueState {
  return {
    rules: state.rules,
    services: state.services,
    counterRules: state.counterRules,
    tickets: new Map([...state.tickets].map(([id, t]) => [id, structuredClone(t)])),
    lanes: new Map(
      [...state.lanes].map(([id, l]) => [
        id,
        { priority: l.priority.clone(), regular: l.regular.clone(), booked: l.booked.clone() },
      ]),
    ),
    counters: new Map([...state.counters].map(([id, c]) => [id, { ...c }])),
    numbering: new Map([...state.numbering].map(([id, n]) => [id, { ...n }])),
    samples: new Map([...state.samples].map(([id, s]) => [id, [...s]])),
    noShows: new Set(state.noShows),
    finished: new Set(state.finished),
    today: cloneToday(state.today),
    bookings: cloneBookings(state.bookings),
  };
}

/**
 * Drops finished tickets of service days before `serviceDay` from memory. They
 * live on in the store's read models; the live queue no longer needs them.
 */
export function pruneFinished(state: QueueState, serviceDay: string): number {
  let removed = 0;
  for (const id of state.finished) {
    const t = state.tickets.get(id);
    if (!t || t.serviceDay < serviceDay) {
      forget(state, id);
      removed += t ? 1 : 0;
    }
  }
  pruneBookings(state.bookings, serviceDay);
  pruneServiceClosures(state.today, serviceDay, state.bookings.openByDay);
  return removed;
}

/**
 * Drops tickets nothing can act on any more: done or cancelled ones that ended
 * before `endedBefore`, and no-shows whose reinstatement window has passed.
 * A busy day would otherwise keep every served ticket in memory until
 * midnight; the store's read models keep them for pages and reports. After
 * this a command on such a ticket answers TICKET_UNKNOWN, not TICKET_FINISHED.
 */
export function pruneSettled(state: QueueState, now: number, endedBefore: number): number {
  const windowMs = state.rules.noShow.reinstateWithinMinutes * 60_000;
  let removed = 0;
  for (const id of state.finished) {
    const t = state.tickets.get(id);
    const settled =
      !t ||
      ((t.status === "done" || t.status === "cancelled") && (t.segment.endedAt ?? t.issuedAt) < endedBefore) ||
      (t.status === "no_show" && t.noShowAt !== null && now - t.noShowAt > windowMs);
    if (settled) {
      forget(state, id);
      removed += t ? 1 : 0;
    }
  }
  return removed;
}

function forget(state: QueueState, id: TicketId): void {
  state.tickets.delete(id);
  state.noShows.delete(id);
  state.finished.delete(id);
}

/** Waiting tickets of a service, every lane. */
export function waitingCount(state: QueueState, serviceId: ServiceId): number {
  const lanes = state.lanes.get(serviceId);
  return lanes ? lanes.priority.length + lanes.regular.length + lanes.booked.length : 0;
}
