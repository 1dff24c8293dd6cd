import type { QueueEvent, SegmentMeasurement, SegmentOutcome } from "@layan/core";
import type Database from "better-sqlite3";
import { createBookingWriter } from "./bookings";
import { prepareCounterStatements } from "./counters";
import { createFeedbackWriter } from "./feedback";
import { cancelledSegmentRow, measuredSegmentRow, prepareSegmentUnlog, prepareServiceLogInsert } from "./service-log";
import { prepareStepLogInsert, stepLogRows } from "./step-log";
import { issuedTicketRow, prepareTicketStatements, type TicketRow } from "./tickets";

/** In foreign-key order: a rebuild creates them in this order and drops them in reverse. */
export const READ_MODEL_TABLES = [
  "tickets",
  "counters",
  "service_log",
  "step_log",
  "survey_responses",
  "complaints",
  "complaint_responses",
  "bookings",
] as const;

const OPEN_STATUSES: readonly string[] = ["waiting", "called", "serving"];

export type ReadModelWriter = (seq: number, event: QueueEvent) => void;

/**
 * One case per event type. The statements are prepared once per database (a
 * rebuild makes a new writer, because it recreates the tables). The caller owns
 * the transaction: store.append and rebuildReadModels run every call inside one.
 */
export function createReadModelWriter(db: Database.Database): ReadModelWriter {
  const tickets = prepareTicketStatements(db);
  const counters = prepareCounterStatements(db);
  const insertServiceLog = prepareServiceLogInsert(db);
  const insertStepLog = prepareStepLogInsert(db);
  const unlogSegment = prepareSegmentUnlog(db);
  const applyFeedback = createFeedbackWriter(db);
  const bookings = createBookingWriter(db);

  const ticketOf = (event: { ticketId: string; type: string }): TicketRow => {
    const row = tickets.byId.get(event.ticketId);
    // Same stance as the core's replay: a log that refers to an unknown ticket
    // is corrupt, and the append (or rebuild) must fail rather than guess.
    if (!row) throw new Error(`${event.type} refers to unknown ticket ${event.ticketId}`);
    return row;
  };

  const changedOne = (result: Database.RunResult, event: { ticketId: string; type: string }): void => {
    if (result.changes !== 1) throw new Error(`${event.type} refers to unknown ticket ${event.ticketId}`);
  };

  const logMeasured = (
    ticket: TicketRow,
    m: SegmentMeasurement,
    outcome: SegmentOutcome,
    seq: number,
  ): void => {
    if (m.segmentIndex !== ticket.segment_index || m.serviceId !== ticket.service_id) {
      throw new Error(
        `measurement of ${ticket.id} is for segment ${m.segmentIndex} in ${m.serviceId}, ` +
          `the ticket is in segment ${ticket.segment_index} in ${ticket.service_id}`,
      );
    }
    insertServiceLog(measuredSegmentRow(ticket, m, outcome, seq), ticket.issued_seq);
    for (const row of stepLogRows(ticket, m)) insertStepLog(row, ticket.issued_seq);
  };

  const release = (ticket: TicketRow, seq: number): void => {
    if (ticket.counter_id !== null) {
      counters.releases.run({ id: ticket.counter_id, ticket_id: ticket.id, updated_seq: seq });
    }
  };

  return function applyToReadModels(seq: number, event: QueueEvent): void {
    switch (event.type) {
      case "ticket.issued":
        tickets.insert.run(issuedTicketRow(seq, event));
        return;
      case "ticket.called":
        changedOne(
          tickets.called.run({
            id: event.ticketId,
            at: event.at,
            counter_id: event.counterId,
            officer_id: event.officerId,
            updated_seq: seq,
          }),
          event,
        );
        counters.takes.run({ id: event.counterId, current_ticket_id: event.ticketId, updated_seq: seq });
        return;
      case "ticket.recalled":
        changedOne(
          tickets.recalled.run({
            id: event.ticketId,
            recalls: event.recalls,
            last_called_at: event.at,
            updated_seq: seq,
          }),
          event,
        );
        return;
      case "ticket.serving":
        changedOne(
          tickets.serving.run({ id: event.ticketId, started_at: event.at, updated_seq: seq }),
          event,
        );
        return;
      case "ticket.step_done":
      case "ticket.step_undone":
        // Tick times live in the log; the measurement at the end copies them into step_log.
        changedOne(tickets.touched.run({ id: event.ticketId, updated_seq: seq }), event);
        return;
      case "ticket.completed": {
        const ticket = ticketOf(event);
        logMeasured(ticket, event.measurement, event.outcome, seq);
        release(ticket, seq);
        tickets.ended.run({
          id: ticket.id,
          status: "done",
          ended_at: event.at,
          outcome: event.outcome,
          cancel_reason: null,
          no_show_at: null,
          updated_seq: seq,
        });
        bookings.ticketEnded(ticket.id);
        return;
      }
      case "ticket.no_show": {
        const ticket = ticketOf(event);
        logMeasured(ticket, event.measurement, "no_show", seq);
        release(ticket, seq);
        tickets.ended.run({
          id: ticket.id,
          status: "no_show",
          ended_at: event.at,
          outcome: "no_show",
          cancel_reason: null,
          no_show_at: event.at,
          updated_seq: seq,
        });
        return;
      }
      case "ticket.reinstated": {
        const ticket = ticketOf(event);
        tickets.newSegment.run({
          id: ticket.id,
          service_id: ticket.service_id,
          enqueued_at: event.at,
          updated_seq: seq,
        });
        return;
      }
      case "ticket.transferred": {
        const ticket = ticketOf(event);
        logMeasured(ticket, event.measurement, "transferred", seq);
        release(ticket, seq);
        tickets.newSegment.run({
          id: ticket.id,
          service_id: event.toServiceId,
          enqueued_at: event.at,
          updated_seq: seq,
        });
        return;
      }
      case "ticket.transfer_undone": {
        // Restore the row first: it reads the segment's service_log row, which then goes
        // (with its step_log rows; migration 0007 takes them out of the report rollups).
        changedOne(
          tickets.resumedSegment.run({
            id: event.ticketId,
            segment_index: event.segmentIndex,
            status: event.status,
            last_called_at: event.lastCalledAt,
            updated_seq: seq,
          }),
          event,
        );
        if (unlogSegment(event.ticketId, event.segmentIndex) !== 1) {
          throw new Error(`ticket.transfer_undone: ${event.ticketId} segment ${event.segmentIndex} was never logged`);
        }
        counters.takes.run({ id: event.counterId, current_ticket_id: event.ticketId, updated_seq: seq });
        return;
      }
      case "ticket.cancelled": {
        const ticket = ticketOf(event);
        if (ticket.status === "no_show") {
          tickets.noShowCancelled.run({ id: ticket.id, cancel_reason: event.reason, updated_seq: seq });
          bookings.ticketEnded(ticket.id);
          return;
        }
        if (!OPEN_STATUSES.includes(ticket.status)) {
          throw new Error(`ticket.cancelled for ${ticket.id}, which is already ${ticket.status}`);
        }
        insertServiceLog(cancelledSegmentRow(ticket, event, seq), ticket.issued_seq);
        release(ticket, seq);
        tickets.ended.run({
          id: ticket.id,
          status: "cancelled",
          ended_at: event.at,
          outcome: "cancelled",
          cancel_reason: event.reason,
          no_show_at: null,
          updated_seq: seq,
        });
        bookings.ticketEnded(ticket.id);
        return;
      }
      case "counter.opened":
        counters.opened.run({
          id: event.counterId,
          officer_id: event.officerId,
          since: event.at,
          updated_seq: seq,
          opened_seq: seq,
        });
        return;
      case "counter.paused":
        counters.paused.run({ id: event.counterId, since: event.at, updated_seq: seq, opened_seq: seq });
        return;
      case "counter.closed":
        counters.closed.run({ id: event.counterId, since: event.at, updated_seq: seq });
        return;
      case "survey.submitted":
      case "complaint.filed":
      case "complaint.assigned":
      case "complaint.responded":
      case "complaint.closed":
        applyFeedback(seq, event);
        return;
      case "booking.held":
      case "booking.confirmed":
      case "booking.released":
      case "booking.expired":
      case "booking.checked_in":
        bookings.apply(seq, event);
        return;
      // Today's operations live in the log and the live queue only: no table
      // reads them (the counter's closed state came with its counter.closed).
      case "service.suspended":
      case "service.resumed":
      case "quota.set":
      case "counter.suspended":
      case "counter.resumed":
      case "notice.set":
        return;
      default: {
        // A new event type in the core must get a case here before it can be stored.
        const unknown: never = event;
        throw new Error(`no read-model case for ${(unknown as { type: string }).type}`);
      }
    }
  };
}
