import type { CancelReason, EventOf, PriorityReason, SegmentOutcome, TicketStatus } from "@layan/core";
import type Database from "better-sqlite3";
import { dayNumber, prepareCodeOf } from "./words";

/** A `tickets` row: one field per column, named like the column. */
export interface TicketRow {
  id: string;
  number: string;
  service_day: string;
  issued_service_id: string;
  service_id: string;
  priority: string | null;
  status: string;
  issued_at: number;
  issued_seq: number;
  kiosk_id: string | null;
  segment_index: number;
  enqueued_at: number;
  counter_id: string | null;
  officer_id: string | null;
  called_at: number | null;
  last_called_at: number | null;
  started_at: number | null;
  ended_at: number | null;
  outcome: string | null;
  cancel_reason: string | null;
  recalls: number;
  no_show_at: number | null;
  updated_seq: number;
}

/** A ticket as the read model knows it: where it is now, not its full history. */
export interface TicketRecord {
  id: string;
  number: string;
  serviceDay: string;
  issuedServiceId: string;
  serviceId: string;
  priority: PriorityReason | null;
  status: TicketStatus;
  issuedAt: number;
  issuedSeq: number;
  kioskId: string | null;
  segmentIndex: number;
  enqueuedAt: number;
  counterId: string | null;
  officerId: string | null;
  calledAt: number | null;
  lastCalledAt: number | null;
  startedAt: number | null;
  endedAt: number | null;
  outcome: SegmentOutcome | null;
  cancelReason: CancelReason | null;
  recalls: number;
  noShowAt: number | null;
  updatedSeq: number;
}

// The casts narrow TEXT columns to the core's unions: the rows were written by
// the read-model writer from core events (status also has a CHECK).
export function ticketFromRow(row: TicketRow): TicketRecord {
  return {
    id: row.id,
    number: row.number,
    serviceDay: row.service_day,
    issuedServiceId: row.issued_service_id,
    serviceId: row.service_id,
    priority: row.priority as PriorityReason | null,
    status: row.status as TicketStatus,
    issuedAt: row.issued_at,
    issuedSeq: row.issued_seq,
    kioskId: row.kiosk_id,
    segmentIndex: row.segment_index,
    enqueuedAt: row.enqueued_at,
    counterId: row.counter_id,
    officerId: row.officer_id,
    calledAt: row.called_at,
    lastCalledAt: row.last_called_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    outcome: row.outcome as SegmentOutcome | null,
    cancelReason: row.cancel_reason as CancelReason | null,
    recalls: row.recalls,
    noShowAt: row.no_show_at,
    updatedSeq: row.updated_seq,
  };
}

/** The row a fresh ticket starts with. */
export function issuedTicketRow(seq: number, e: EventOf<"ticket.issued">): TicketRow {
  return {
    id: e.ticketId,
    number: e.number,
    service_day: e.serviceDay,
    issued_service_id: e.serviceId,
    service_id: e.serviceId,
    priority: e.priority,
    status: "waiting",
    issued_at: e.at,
    issued_seq: seq,
    kiosk_id: e.kioskId,
    segment_index: 0,
    enqueued_at: e.at,
    counter_id: null,
    officer_id: null,
    called_at: null,
    last_called_at: null,
    started_at: null,
    ended_at: null,
    outcome: null,
    cancel_reason: null,
    recalls: 0,
    no_show_at: null,
    updated_seq: seq,
  };
}

/**
 * The ticket statements. `tickets` holds codes, a day number and times after
 * issued_at (migration 0015); these take and give rows as TicketRow, the ids
 * and the day as text, so the writer and the store's readers never see the
 * difference. A row is read back through the view ticket_rows.
 */
export function prepareTicketStatements(db: Database.Database) {
  const codeOf = prepareCodeOf(db);
  const orNull = (word: string | null): number | null => (word === null ? null : codeOf(word));
  const insert = db.prepare(
    `INSERT INTO tickets (id, number, service_day, issued_service_id, service_id, priority, status,
       issued_at, issued_seq, kiosk_id, segment_index, enqueued_at, counter_id, officer_id, called_at,
       last_called_at, started_at, ended_at, outcome, cancel_reason, recalls, no_show_at, updated_seq)
     VALUES (@id, @number, @service_day, @issued_service_id, @service_id, @priority, @status,
       @issued_at, @issued_seq, @kiosk_id, @segment_index, @enqueued_at - @issued_at, @counter_id, @officer_id,
       @called_at - @issued_at, @last_called_at - @issued_at, @started_at - @issued_at, @ended_at - @issued_at,
       @outcome, @cancel_reason, @recalls, @no_show_at - @issued_at, @updated_seq)`,
  );
  // called_at is the segment's first call (the end of the wait); a later call moves only last_called_at.
  const called = db.prepare<{ id: string; at: number; counter_id: number | null; officer_id: number | null; updated_seq: number }>(
    `UPDATE tickets SET status = 'called', called_at = coalesce(called_at, @at - issued_at), last_called_at = @at - issued_at,
       counter_id = @counter_id, officer_id = @officer_id, updated_seq = @updated_seq
     WHERE id = @id`,
  );
  const newSegment = db.prepare<{ id: string; service_id: number; enqueued_at: number; updated_seq: number }>(
    `UPDATE tickets SET status = 'waiting', segment_index = segment_index + 1, service_id = @service_id,
       enqueued_at = @enqueued_at - issued_at, counter_id = NULL, officer_id = NULL, called_at = NULL, last_called_at = NULL,
       started_at = NULL, ended_at = NULL, outcome = NULL, cancel_reason = NULL, recalls = 0,
       no_show_at = NULL, updated_seq = @updated_seq
     WHERE id = @id`,
  );
  return {
    insert: {
      run: (row: TicketRow) =>
        insert.run({
          ...row,
          service_day: dayNumber(row.service_day),
          issued_service_id: codeOf(row.issued_service_id),
          service_id: codeOf(row.service_id),
          kiosk_id: orNull(row.kiosk_id),
          counter_id: orNull(row.counter_id),
          officer_id: orNull(row.officer_id),
        }),
    },
    byId: db.prepare<[string], TicketRow>("SELECT * FROM ticket_rows WHERE id = ?"),
    called: {
      run: (p: Pick<TicketRow, "id" | "counter_id" | "officer_id" | "updated_seq"> & { at: number }) =>
        called.run({ ...p, counter_id: orNull(p.counter_id), officer_id: orNull(p.officer_id) }),
    },
    recalled: db.prepare<Pick<TicketRow, "id" | "recalls" | "last_called_at" | "updated_seq">>(
      `UPDATE tickets SET recalls = @recalls, last_called_at = @last_called_at - issued_at, updated_seq = @updated_seq
       WHERE id = @id`,
    ),
    serving: db.prepare<Pick<TicketRow, "id" | "started_at" | "updated_seq">>(
      "UPDATE tickets SET status = 'serving', started_at = @started_at - issued_at, updated_seq = @updated_seq WHERE id = @id",
    ),
    touched: db.prepare<Pick<TicketRow, "id" | "updated_seq">>(
      "UPDATE tickets SET updated_seq = @updated_seq WHERE id = @id",
    ),
    ended: db.prepare<
      Pick<
        TicketRow,
        "id" | "status" | "ended_at" | "outcome" | "cancel_reason" | "no_show_at" | "updated_seq"
      >
    >(
      `UPDATE tickets SET status = @status, ended_at = @ended_at - issued_at, outcome = @outcome,
         cancel_reason = @cancel_reason, no_show_at = @no_show_at - issued_at, updated_seq = @updated_seq
       WHERE id = @id`,
    ),
    // A cancelled no-show keeps its ended segment (the core does not end it twice);
    // its reinstatement window is gone.
    noShowCancelled: db.prepare<Pick<TicketRow, "id" | "cancel_reason" | "updated_seq">>(
      `UPDATE tickets SET status = 'cancelled', cancel_reason = @cancel_reason, no_show_at = NULL,
         updated_seq = @updated_seq
       WHERE id = @id`,
    ),
    // An undone transfer: the segment logged as transferred goes on, so the row takes it back from
    // its service_log row (which the writer then deletes); only the last call is not in that row.
    // Both tables hold the ids as codes of event_words.
    resumedSegment: db.prepare<
      Pick<TicketRow, "id" | "segment_index" | "status" | "last_called_at" | "updated_seq">
    >(
      `UPDATE tickets SET status = @status, segment_index = log.segment_index, service_id = log.service_id,
         enqueued_at = log.enqueued_at - tickets.issued_at, counter_id = log.counter_id, officer_id = log.officer_id,
         called_at = log.called_at - tickets.issued_at, last_called_at = @last_called_at - tickets.issued_at,
         started_at = log.started_at - tickets.issued_at,
         ended_at = NULL, outcome = NULL, cancel_reason = NULL, recalls = log.recalls, no_show_at = NULL,
         updated_seq = @updated_seq
       FROM service_log AS log
       WHERE tickets.id = @id AND log.ticket_seq = tickets.issued_seq AND log.segment_index = @segment_index
         AND log.outcome = 'transferred'`,
    ),
    newSegment: {
      run: (p: Pick<TicketRow, "id" | "service_id" | "enqueued_at" | "updated_seq">) =>
        newSegment.run({ ...p, service_id: codeOf(p.service_id) }),
    },
  };
}
