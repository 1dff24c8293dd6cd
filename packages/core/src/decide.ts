import { decideBooking } from "./booking";
import { openBookingsOn } from "./booking-state";
import type { QueueCommand } from "./commands";
import { queueError, type QueueError } from "./errors";
import type { QueueEvent } from "./events";
import { measureSegment } from "./measure";
import { nextTicketNumber } from "./numbering";
import type { CounterRules, ServiceRules } from "./office";
import { pickNext } from "./policy";
import type { CounterState, QueueState } from "./state";
import { isBookedSegment, TRANSFER_UNDO_WINDOW_MS, type Ticket } from "./ticket";
import { isOpenAt, serviceDayOf } from "./time";
import { counterClosedToday, decideToday, quotaToday, quotaUsedToday, serviceClosedToday, walkInPlacesLeft } from "./today";

export type Decision = { ok: true; events: QueueEvent[] } | { ok: false; error: QueueError };

const accept = (...events: QueueEvent[]): Decision => ({ ok: true, events });
const refuse = (code: QueueError["code"], detail: string): Decision => ({
  ok: false,
  error: queueError(code, detail),
});

/**
 * The queue rules: given the state and a command at hub time `now`, the events
 * that should happen, or why not. Pure: no clock, no ids, no I/O, no mutation.
 */
export function decide(state: QueueState, command: QueueCommand, now: number): Decision {
  switch (command.type) {
    case "issueTicket":
      return issueTicket(state, command, now);
    case "callNext": {
      const counter = openIdleCounter(state, command.counterId);
      if ("error" in counter) return counter.error;
      const pick = pickNext(state, counter.rules, now);
      if (!pick) return refuse("QUEUE_EMPTY", `no ticket waiting for ${command.counterId}`);
      return accept({
        type: "ticket.called",
        at: now,
        ticketId: pick.ticketId,
        counterId: command.counterId,
        officerId: command.officerId,
        reason: pick.reason,
      });
    }
    case "callTicket": {
      const counter = openIdleCounter(state, command.counterId);
      if ("error" in counter) return counter.error;
      const ticket = state.tickets.get(command.ticketId);
      if (!ticket) return refuse("TICKET_UNKNOWN", command.ticketId);
      if (ticket.status !== "waiting")
        return refuse("TICKET_NOT_WAITING", `${ticket.number} is ${ticket.status}`);
      if (!counter.rules.services.includes(ticket.segment.serviceId)) {
        return refuse(
          "COUNTER_DOES_NOT_SERVE",
          `${command.counterId} does not serve ${ticket.segment.serviceId}`,
        );
      }
      return accept({
        type: "ticket.called",
        at: now,
        ticketId: ticket.id,
        counterId: command.counterId,
        officerId: command.officerId,
        reason: "manual",
      });
    }
    case "recall": {
      const current = currentTicket(state, command.counterId);
      if ("error" in current) return current.error;
      if (current.ticket.status !== "called")
        return refuse("TICKET_NOT_CALLED", `${current.ticket.number} is ${current.ticket.status}`);
      return accept({
        type: "ticket.recalled",
        at: now,
        ticketId: current.ticket.id,
        counterId: command.counterId,
        recalls: current.ticket.segment.recalls + 1,
      });
    }
    case "startService": {
      const current = currentTicket(state, command.counterId);
      if ("error" in current) return current.error;
      if (current.ticket.status !== "called")
        return refuse("TICKET_NOT_CALLED", `${current.ticket.number} is ${current.ticket.status}`);
      return accept({
        type: "ticket.serving",
        at: now,
        ticketId: current.ticket.id,
        counterId: command.counterId,
      });
    }
    case "tickStep": {
      const current = currentTicket(state, command.counterId);
      if ("error" in current) return current.error;
      const { ticket } = current;
      if (ticket.status !== "serving")
        return refuse("TICKET_NOT_SERVING", `${ticket.number} is ${ticket.status}`);
      const service = state.services.get(ticket.segment.serviceId);
      if (!service?.targets.steps.some((s) => s.id === command.stepId)) {
        return refuse("STEP_UNKNOWN", `${command.stepId} is not a step of ${ticket.segment.serviceId}`);
      }
      if (ticket.segment.steps.some((s) => s.stepId === command.stepId)) {
        return refuse("STEP_ALREADY_DONE", command.stepId);
      }
      return accept({ type: "ticket.step_done", at: now, ticketId: ticket.id, stepId: command.stepId });
    }
    case "untickStep": {
      const current = currentTicket(state, command.counterId);
      if ("error" in current) return current.error;
      const { ticket } = current;
      if (ticket.status !== "serving")
        return refuse("TICKET_NOT_SERVING", `${ticket.number} is ${ticket.status}`);
      if (!ticket.segment.steps.some((s) => s.stepId === command.stepId)) {
        return refuse("STEP_NOT_DONE", `${command.stepId} is not ticked for ${ticket.number}`);
      }
      return accept({ type: "ticket.step_undone", at: now, ticketId: ticket.id, stepId: command.stepId });
    }
    case "complete": {
      const current = currentTicket(state, command.counterId);
      if ("error" in current) return current.error;
      const { ticket } = current;
      return accept({
        type: "ticket.completed",
        at: now,
        ticketId: ticket.id,
        counterId: command.counterId,
        outcome: command.outcome,
        measurement: measure(state, ticket, now, true),
      });
    }
    case "markNoShow": {
      const current = currentTicket(state, command.counterId);
      if ("error" in current) return current.error;
      const { ticket } = current;
      if (ticket.status !== "called")
        return refuse("TICKET_NOT_CALLED", `${ticket.number} is ${ticket.status}`);
      const needed = state.rules.noShow.recallsBeforeNoShow;
      if (ticket.segment.recalls < needed) {
        return refuse(
          "NO_SHOW_TOO_EARLY",
          `${ticket.number} recalled ${ticket.segment.recalls} of ${needed} times`,
        );
      }
      return accept({
        type: "ticket.no_show",
        at: now,
        ticketId: ticket.id,
        counterId: command.counterId,
        measurement: measure(state, ticket, now, false),
      });
    }
    case "reinstate": {
      const ticket = state.tickets.get(command.ticketId);
      if (!ticket) return refuse("TICKET_UNKNOWN", command.ticketId);
      if (ticket.status !== "no_show" || ticket.noShowAt === null) {
        return refuse("TICKET_NOT_NO_SHOW", `${ticket.number} is ${ticket.status}, not no_show`);
      }
      if (now - ticket.noShowAt > state.rules.noShow.reinstateWithinMinutes * 60_000) {
        return refuse("REINSTATE_WINDOW_PASSED", `${ticket.number} missed its call too long ago`);
      }
      // The window never reaches into the next service day: yesterday's "C-001"
      // back in today's lane would sit beside today's C-001, and closeServiceDay
      // (which only sweeps open tickets) may already have run.
      if (ticket.serviceDay !== serviceDayOf(now, state.rules.timezone)) {
        return refuse(
          "REINSTATE_WINDOW_PASSED",
          `${ticket.number} belongs to service day ${ticket.serviceDay}`,
        );
      }
      return accept({ type: "ticket.reinstated", at: now, ticketId: ticket.id });
    }
    case "transfer": {
      const current = currentTicket(state, command.counterId);
      if ("error" in current) return current.error;
      const { ticket } = current;
      if (!state.services.has(command.toServiceId)) return refuse("SERVICE_UNKNOWN", command.toServiceId);
      if (command.toServiceId === ticket.segment.serviceId) {
        return refuse("TRANSFER_SAME_SERVICE", `${ticket.number} is already in ${command.toServiceId}`);
      }
      return accept({
        type: "ticket.transferred",
        at: now,
        ticketId: ticket.id,
        counterId: command.counterId,
        fromServiceId: ticket.segment.serviceId,
        toServiceId: command.toServiceId,
        measurement: measure(state, ticket, now, ticket.status === "serving"),
      });
    }
    case "undoTransfer":
      return undoTransfer(state, command, now);
    case "cancel": {
      const ticket = state.tickets.get(command.ticketId);
      if (!ticket) return refuse("TICKET_UNKNOWN", command.ticketId);
      if (ticket.status === "done" || ticket.status === "cancelled") {
        return refuse("TICKET_FINISHED", `${ticket.number} is ${ticket.status}`);
      }
      return accept({ type: "ticket.cancelled", at: now, ticketId: ticket.id, reason: command.reason });
    }
    case "openCounter": {
      const rules = state.counterRules.get(command.counterId);
      if (!rules) return refuse("COUNTER_UNKNOWN", command.counterId);
      const closedToday = counterClosedToday(state, command.counterId, now);
      if (closedToday) return refuse("COUNTER_SUSPENDED", `${command.counterId} is closed today: ${closedToday.reason}`);
      const counter = state.counters.get(command.counterId);
      if (counter?.status === "open") {
        if (counter.officerId === command.officerId) return accept();
        return refuse(
          "COUNTER_TAKEN",
          `${command.counterId} is open for ${counter.officerId ?? "another officer"}`,
        );
      }
      // A paused counter still belongs to the officer on a break: another
      // officer must close it first rather than silently take it over.
      if (
        counter?.status === "paused" &&
        counter.officerId !== null &&
        counter.officerId !== command.officerId
      ) {
        return refuse("COUNTER_TAKEN", `${command.counterId} is paused by ${counter.officerId}`);
      }
      return accept({
        type: "counter.opened",
        at: now,
        counterId: command.counterId,
        officerId: command.officerId,
      });
    }
    case "pauseCounter":
    case "closeCounter": {
      const counter = state.counters.get(command.counterId);
      if (!counter || !state.counterRules.has(command.counterId))
        return refuse("COUNTER_UNKNOWN", command.counterId);
      if (counter.currentTicketId !== null) {
        return refuse("COUNTER_BUSY", `${command.counterId} still has a ticket; finish it first`);
      }
      const target = command.type === "pauseCounter" ? "paused" : "closed";
      if (counter.status === target) return accept();
      if (command.type === "pauseCounter" && counter.status === "closed") {
        return refuse("COUNTER_NOT_OPEN", `${command.counterId} is closed`);
      }
      return accept(
        command.type === "pauseCounter"
          ? { type: "counter.paused", at: now, counterId: command.counterId }
          : { type: "counter.closed", at: now, counterId: command.counterId },
      );
    }
    case "suspendService":
    case "resumeService":
    case "setQuota":
    case "suspendCounter":
    case "resumeCounter":
    case "setNotice":
      return decideToday(state, command, now);
    case "closeServiceDay": {
      const today = serviceDayOf(now, state.rules.timezone);
      const events: QueueEvent[] = [];
      for (const ticket of state.tickets.values()) {
        const open = ticket.status === "waiting" || ticket.status === "called" || ticket.status === "serving";
        if (open && ticket.serviceDay < today) {
          events.push({ type: "ticket.cancelled", at: now, ticketId: ticket.id, reason: "day_ended" });
        }
      }
      return accept(...events);
    }
    case "holdBooking":
    case "confirmBooking":
    case "releaseBooking":
    case "checkInBooking":
    case "sweepBookings":
      return decideBooking(state, command, now);
  }
}

/**
 * The officer's "Batalkan" right after a transfer: only the counter that made
 * it, only while nobody in the target service has called the ticket, only
 * within TRANSFER_UNDO_WINDOW_MS, and only onto a free, open counter (the
 * citizen is still standing there; the counter must not have moved on).
 */
function undoTransfer(
  state: QueueState,
  command: Extract<QueueCommand, { type: "undoTransfer" }>,
  now: number,
): Decision {
  const counter = state.counters.get(command.counterId);
  if (!counter || !state.counterRules.has(command.counterId)) return refuse("COUNTER_UNKNOWN", command.counterId);
  const ticket = state.tickets.get(command.ticketId);
  if (!ticket) return refuse("TICKET_UNKNOWN", command.ticketId);
  const from = ticket.transferredFrom;
  const back = ticket.previousSegments.at(-1);
  if (!from || !back || from.counterId !== command.counterId) {
    if (ticket.status === "cancelled") return refuse("TICKET_FINISHED", `${ticket.number} is cancelled`);
    // This counter transferred it, and the mark is gone: someone called it since.
    const movedOn = ticket.previousSegments.some(
      (s) => s.outcome === "transferred" && s.counterId === command.counterId,
    );
    return movedOn
      ? refuse("TRANSFER_ALREADY_CALLED", `${ticket.number} was called in ${ticket.segment.serviceId} since`)
      : refuse("NOTHING_TO_UNDO", `${ticket.number} has no transfer from ${command.counterId} to undo`);
  }
  if (now - from.at > TRANSFER_UNDO_WINDOW_MS)
    return refuse("TRANSFER_UNDO_WINDOW_PASSED", `${ticket.number} was transferred at ${from.at}`);
  if (counter.status !== "open") return refuse("COUNTER_NOT_OPEN", `${command.counterId} is ${counter.status}`);
  if (counter.currentTicketId !== null)
    return refuse("COUNTER_BUSY", `${command.counterId} has called another ticket since`);
  return accept({
    type: "ticket.transfer_undone",
    at: now,
    ticketId: ticket.id,
    counterId: command.counterId,
    fromServiceId: back.serviceId,
    toServiceId: ticket.segment.serviceId,
    segmentIndex: back.index,
    status: from.status,
    lastCalledAt: back.lastCalledAt,
  });
}

function issueTicket(
  state: QueueState,
  command: Extract<QueueCommand, { type: "issueTicket" }>,
  now: number,
): Decision {
  const service: ServiceRules | undefined = state.services.get(command.serviceId);
  if (!service) return refuse("SERVICE_UNKNOWN", command.serviceId);
  if (state.tickets.has(command.ticketId))
    throw new Error(`ticket id ${command.ticketId} reused by the caller`);
  const tz = state.rules.timezone;
  if (!isOpenAt(service.hours, service.closedDates, now, tz)) {
    return refuse("SERVICE_CLOSED", `${service.id} is closed at ${new Date(now).toISOString()}`);
  }
  // Closed for the rest of today by a supervisor: no new tickets; those already waiting are still called.
  const closedToday = serviceClosedToday(state, service.id, now);
  if (closedToday) return refuse("SERVICE_CLOSED", `${service.id} is closed today: ${closedToday.reason}`);
  const serviceDay = serviceDayOf(now, tz);
  // Open bookings of today hold their places of the quota until they check in or end (decision 4).
  if (walkInPlacesLeft(state, service, now) === 0) {
    const used = quotaUsedToday(state, service.id, now);
    const promised = openBookingsOn(state.bookings, service.id, serviceDay);
    return refuse("QUOTA_REACHED", `${service.id} issued ${used} and has ${promised} open bookings of ${quotaToday(state, service, now)}`);
  }
  const { number, sequence } = nextTicketNumber(state, service, serviceDay);
  return accept({
    type: "ticket.issued",
    at: now,
    ticketId: command.ticketId,
    serviceId: service.id,
    number,
    sequence,
    serviceDay,
    priority: command.priority,
    kioskId: command.kioskId,
  });
}

type Found<T> = T | { error: Decision };

function openIdleCounter(
  state: QueueState,
  counterId: string,
): Found<{ rules: CounterRules; counter: CounterState }> {
  const rules = state.counterRules.get(counterId);
  const counter = state.counters.get(counterId);
  if (!rules || !counter) return { error: refuse("COUNTER_UNKNOWN", counterId) };
  if (counter.status !== "open")
    return { error: refuse("COUNTER_NOT_OPEN", `${counterId} is ${counter.status}`) };
  if (counter.currentTicketId !== null) {
    const t = state.tickets.get(counter.currentTicketId);
    return {
      error: refuse("COUNTER_BUSY", `${counterId} has ${t?.number ?? counter.currentTicketId} in hand`),
    };
  }
  return { rules, counter };
}

function currentTicket(state: QueueState, counterId: string): Found<{ ticket: Ticket }> {
  const counter = state.counters.get(counterId);
  if (!counter || !state.counterRules.has(counterId)) return { error: refuse("COUNTER_UNKNOWN", counterId) };
  const ticket = counter.currentTicketId === null ? undefined : state.tickets.get(counter.currentTicketId);
  if (!ticket) return { error: refuse("COUNTER_IDLE", `${counterId} has no ticket in hand`) };
  return { ticket };
}

function measure(state: QueueState, ticket: Ticket, now: number, served: boolean) {
  const service = state.services.get(ticket.segment.serviceId);
  const targets = service?.targets ?? { waitMinutes: 0, serviceMinutes: 0, steps: [] };
  const measurement = measureSegment(ticket.segment, targets, now, served);
  // Only booked segments carry the flag: a walk-in's measurement keeps the log's compact form (event-codec.ts).
  return isBookedSegment(ticket, ticket.segment.serviceId) ? { ...measurement, booked: true as const } : measurement;
}
