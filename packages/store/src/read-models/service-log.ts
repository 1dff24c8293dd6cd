import { segmentWaitMs, type EventOf, type SegmentMeasurement, type SegmentOutcome } from "@layan/core";
import type Database from "better-sqlite3";
import { toFlag } from "./flag";
import type { TicketRow } from "./tickets";
import { dayNumber, prepareCodeOf } from "./words";

/**
 * A `service_log` row (one finished service segment): one field per column,
 * named like the column; the ids as ids and the day as text (the table holds
 * codes, the day's number and the ticket's issued_seq for its id: migrations
 * 0013 and 0015).
 */
export interface ServiceLogRow {
  ticket_id: string;
  segment_index: number;
  ticket_number: string;
  service_day: string;
  service_id: string;
  priority: string | null;
  counter_id: string | null;
  officer_id: string | null;
  issued_at: number;
  enqueued_at: number;
  called_at: number | null;
  started_at: number | null;
  ended_at: number;
  outcome: string;
  cancel_reason: string | null;
  wait_ms: number | null;
  service_ms: number | null;
  wait_target_ms: number | null;
  service_target_ms: number | null;
  wait_met: 0 | 1 | null;
  service_met: 0 | 1 | null;
  recalls: number;
  ended_seq: number;
}

/** A segment that ended with a measurement (completed, no-show, transferred). */
export function measuredSegmentRow(
  ticket: TicketRow,
  m: SegmentMeasurement,
  outcome: SegmentOutcome,
  seq: number,
): ServiceLogRow {
  return {
    ticket_id: ticket.id,
    segment_index: m.segmentIndex,
    ticket_number: ticket.number,
    service_day: ticket.service_day,
    service_id: m.serviceId,
    priority: ticket.priority,
    counter_id: m.counterId,
    officer_id: m.officerId,
    issued_at: ticket.issued_at,
    enqueued_at: m.enqueuedAt,
    called_at: m.calledAt,
    started_at: m.startedAt,
    ended_at: m.endedAt,
    outcome,
    cancel_reason: null,
    wait_ms: m.waitMs,
    service_ms: m.serviceMs,
    wait_target_ms: m.waitTargetMs,
    service_target_ms: m.serviceTargetMs,
    wait_met: toFlag(m.waitMet),
    service_met: toFlag(m.serviceMet),
    recalls: m.recalls,
    ended_seq: seq,
  };
}

/**
 * A segment ended by a cancellation. The event carries no measurement (and so
 * no SOP targets): the wait is still a fact when the ticket had been called,
 * but targets and verdicts stay null rather than being guessed from today's config.
 */
export function cancelledSegmentRow(
  ticket: TicketRow,
  e: EventOf<"ticket.cancelled">,
  seq: number,
): ServiceLogRow {
  return {
    ticket_id: ticket.id,
    segment_index: ticket.segment_index,
    ticket_number: ticket.number,
    service_day: ticket.service_day,
    service_id: ticket.service_id,
    priority: ticket.priority,
    counter_id: ticket.counter_id,
    officer_id: ticket.officer_id,
    issued_at: ticket.issued_at,
    enqueued_at: ticket.enqueued_at,
    called_at: ticket.called_at,
    started_at: ticket.started_at,
    ended_at: e.at,
    outcome: "cancelled",
    cancel_reason: e.reason,
    wait_ms: segmentWaitMs(ticket.called_at, ticket.enqueued_at),
    service_ms: null,
    wait_target_ms: null,
    service_target_ms: null,
    wait_met: null,
    service_met: null,
    recalls: ticket.recalls,
    ended_seq: seq,
  };
}

/**
 * Writes a segment's row, its ids as their codes (migration 0013), its day as
 * a number and its ticket as `ticketSeq`, the ticket's issued_seq (0015).
 */
export function prepareServiceLogInsert(db: Database.Database): (row: ServiceLogRow, ticketSeq: number) => void {
  const codeOf = prepareCodeOf(db);
  const insert = db.prepare<Omit<ServiceLogRow, "ticket_id" | "service_day" | "service_id" | "counter_id" | "officer_id"> & Codes>(
    `INSERT INTO service_log (ticket_seq, segment_index, ticket_number, service_day, service_id, priority,
       counter_id, officer_id, issued_at, enqueued_at, called_at, started_at, ended_at, outcome,
       cancel_reason, wait_ms, service_ms, wait_target_ms, service_target_ms, wait_met, service_met,
       recalls, ended_seq)
     VALUES (@ticket_seq, @segment_index, @ticket_number, @service_day, @service_id, @priority,
       @counter_id, @officer_id, @issued_at, @enqueued_at, @called_at, @started_at, @ended_at, @outcome,
       @cancel_reason, @wait_ms, @service_ms, @wait_target_ms, @service_target_ms, @wait_met, @service_met,
       @recalls, @ended_seq)`,
  );
  return ({ ticket_id: _id, ...row }, ticketSeq) => {
    insert.run({
      ...row,
      ticket_seq: ticketSeq,
      service_day: dayNumber(row.service_day),
      service_id: codeOf(row.service_id),
      counter_id: row.counter_id === null ? null : codeOf(row.counter_id),
      officer_id: row.officer_id === null ? null : codeOf(row.officer_id),
    });
  };
}

interface Codes {
  ticket_seq: number;
  service_day: number;
  service_id: number;
  counter_id: number | null;
  officer_id: number | null;
}

/** The rows of a segment that turned out not to have ended (an undone transfer): steps first, for the foreign key. */
export function prepareSegmentUnlog(db: Database.Database) {
  // Through the segment's row: step_log's key leads with its day and service (migration 0011).
  // Both name the ticket by its issued_seq (migration 0015).
  const steps = db.prepare<[string, number]>(
    `DELETE FROM step_log WHERE (service_day, service_id, ticket_seq, segment_index) IN (
       SELECT service_day, service_id, ticket_seq, segment_index FROM service_log
       WHERE ticket_seq = (SELECT issued_seq FROM tickets WHERE id = ?) AND segment_index = ?)`,
  );
  const segment = db.prepare<[string, number]>(
    "DELETE FROM service_log WHERE ticket_seq = (SELECT issued_seq FROM tickets WHERE id = ?) AND segment_index = ?",
  );
  return (ticketId: string, segmentIndex: number): number => {
    steps.run(ticketId, segmentIndex);
    return segment.run(ticketId, segmentIndex).changes;
  };
}
