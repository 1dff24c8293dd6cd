import {
  estimateWait,
  isBookedSegment,
  isOpenAt,
  nextWaiting,
  serviceClosedToday,
  serviceDayOf,
  waitingCount,
  walkInPlacesLeft,
  type QueueEvent,
  type QueueState,
} from "@layan/core";
import type {
  CallView,
  CounterSnapshot,
  CounterView,
  LogEntry,
  ServiceStatus,
  WaitingCount,
} from "@layan/protocol";

/** Tickets a counter's screen lists as next in each queue. */
const NEXT_SHOWN = 5;

/** Read-side projections of the live queue into what each screen shows. */
export class Views {
  constructor(
    private readonly officerName: (officerId: string) => string | null,
    /** Number of a ticket no longer in the live queue (served earlier today), from the store. */
    private readonly storedNumber: (ticketId: string) => string | null = () => null,
  ) {}

  counter(state: QueueState, counterId: string): CounterView {
    const rules = state.counterRules.get(counterId);
    const live = state.counters.get(counterId);
    const ticket = live?.currentTicketId ? state.tickets.get(live.currentTicketId) : undefined;
    return {
      id: counterId,
      name: rules?.name ?? counterId,
      number: rules?.number ?? 0,
      status: live?.status ?? "closed",
      officerName: live?.officerId ? this.officerName(live.officerId) : null,
      current: ticket ? { number: ticket.number, serviceId: ticket.segment.serviceId, status: ticket.status } : null,
    };
  }

  counters(state: QueueState, counterIds?: readonly string[]): CounterView[] {
    return (counterIds ?? state.rules.counters.map((c) => c.id)).map((id) => this.counter(state, id));
  }

  waiting(state: QueueState, now: number, serviceIds?: readonly string[]): WaitingCount[] {
    return (serviceIds ?? state.rules.services.map((s) => s.id)).map((serviceId) => {
      const lanes = state.lanes.get(serviceId);
      // A booked visit waits from its slot's start: one checked in early has not waited yet.
      const heads = [lanes?.priority.firstEnqueuedAt(), lanes?.regular.firstEnqueuedAt(), lanes?.booked.firstEnqueuedAt()].filter(
        (t): t is number => t !== undefined && t <= now,
      );
      return {
        serviceId,
        waiting: waitingCount(state, serviceId),
        longestWaitMs: heads.length ? now - Math.min(...heads) : null,
      };
    });
  }

  serviceStatus(state: QueueState, serviceId: string, now: number): ServiceStatus {
    const service = state.services.get(serviceId);
    const estimate = estimateWait(state, serviceId, null, now);
    const closed = serviceClosedToday(state, serviceId, now);
    // The count the core's walk-in decision reads: today's tickets and open bookings (docs/booking.md decision 4).
    const quotaLeft = service ? walkInPlacesLeft(state, service, now) : null;
    return {
      serviceId,
      open: service ? closed === null && isOpenAt(service.hours, service.closedDates, now, state.rules.timezone) : false,
      waiting: estimate.peopleAhead,
      openCounters: estimate.openCounters,
      quotaLeft,
      estimate,
      closedToday: closed && { reason: closed.reason, at: closed.at },
    };
  }

  statuses(state: QueueState, now: number, serviceIds?: readonly string[]): ServiceStatus[] {
    return (serviceIds ?? state.rules.services.map((s) => s.id)).map((id) => this.serviceStatus(state, id, now));
  }

  call(state: QueueState, seq: number, event: Extract<QueueEvent, { type: "ticket.called" | "ticket.recalled" }>): CallView | null {
    const ticket = state.tickets.get(event.ticketId);
    if (!ticket) return null;
    const counter = state.counterRules.get(event.counterId);
    return {
      seq,
      at: event.at,
      number: ticket.number,
      serviceId: ticket.segment.serviceId,
      counterId: event.counterId,
      counterName: counter?.name ?? event.counterId,
      counterNumber: counter?.number ?? 0,
      recalls: event.type === "ticket.recalled" ? event.recalls : 0,
      priority: ticket.priority !== null,
    };
  }

  counterSnapshot(state: QueueState, counterId: string, seq: number, now: number): CounterSnapshot {
    const rules = state.counterRules.get(counterId);
    const live = state.counters.get(counterId);
    const ticket = live?.currentTicketId ? state.tickets.get(live.currentTicketId) : undefined;
    const serviceIds = rules?.services ?? [];
    const windowMs = state.rules.noShow.reinstateWithinMinutes * 60_000;
    // The core refuses to reinstate into another service day; do not offer it.
    const today = serviceDayOf(now, state.rules.timezone);
    const reinstatable: CounterSnapshot["reinstatable"] = [];
    for (const id of state.noShows) {
      const t = state.tickets.get(id);
      if (!t) continue;
      const withinWindow = t.status === "no_show" && t.noShowAt !== null && now - t.noShowAt <= windowMs;
      if (withinWindow && t.noShowAt !== null && t.serviceDay === today && serviceIds.includes(t.segment.serviceId)) {
        reinstatable.push({ ticketId: t.id, number: t.number, serviceId: t.segment.serviceId, noShowAt: t.noShowAt });
      }
    }
    return {
      seq,
      serverTime: now,
      counter: this.counter(state, counterId),
      current: ticket
        ? {
            ticketId: ticket.id,
            number: ticket.number,
            serviceId: ticket.segment.serviceId,
            priority: ticket.priority,
            status: ticket.status,
            issuedAt: ticket.issuedAt,
            enqueuedAt: ticket.segment.enqueuedAt,
            calledAt: ticket.segment.lastCalledAt,
            startedAt: ticket.segment.startedAt,
            recalls: ticket.segment.recalls,
            stepsDone: ticket.segment.steps.map((s) => ({ ...s })),
            transferredFrom: ticket.previousSegments.filter((s) => s.outcome === "transferred").map((s) => s.serviceId),
          }
        : null,
      queues: this.waiting(state, now, serviceIds).map((w) => {
        const ids = nextWaiting(state, w.serviceId, now, NEXT_SHOWN);
        return {
          ...w,
          next: ids.flatMap((id) => {
            const t = state.tickets.get(id);
            if (!t) return [];
            const view = { ticketId: t.id, number: t.number, serviceId: t.segment.serviceId, priority: t.priority, enqueuedAt: t.segment.enqueuedAt };
            // The booked visit's slot, so the counter marks it "Reservasi 09.30" (docs/booking.md).
            return [t.booking && isBookedSegment(t, t.segment.serviceId) ? { ...view, slotStart: t.booking.slotStart } : view];
          }),
        };
      }),
      reinstatable: reinstatable.sort((a, b) => b.noShowAt - a.noShowAt),
      recallsBeforeNoShow: state.rules.noShow.recallsBeforeNoShow,
    };
  }

  /** A stored event for the dashboard's live log; no ticket ids (they are the ticket page's key). */
  logEntry(state: QueueState, seq: number, event: QueueEvent): LogEntry {
    const ticketId = "ticketId" in event ? event.ticketId : null;
    const ticket = ticketId ? state.tickets.get(ticketId) : undefined;
    const { type, at } = event;
    const detail: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(event)) {
      if (k !== "type" && k !== "at" && k !== "ticketId") detail[k] = v;
    }
    return {
      seq,
      at,
      type,
      number: ticket?.number ?? ("number" in event ? event.number : ticketId ? this.storedNumber(ticketId) : null),
      serviceId: ticket?.segment.serviceId ?? ("serviceId" in event ? event.serviceId : null),
      counterId: "counterId" in event ? event.counterId : null,
      detail,
    };
  }
}
