import type {
  CancelReason,
  CounterStatus,
  EventOf,
  PriorityReason,
  QueueEvent,
  SegmentMeasurement,
  SegmentOutcome,
  TicketStatus,
} from "@layan/core";
import type Database from "better-sqlite3";

// ---------------------------------------------------------------------------
// Rows: one field per column, named like the column. Domain-shaped records
// (camelCase, typed enums) come out of the fromRow functions below.
// ---------------------------------------------------------------------------

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

export interface CounterRow {
  id: string;
  status: string;
  officer_id: string | null;
  current_ticket_id: string | null;
  since: number | null;
  updated_seq: number;
  /** The counter.opened that began the current open/paused stretch; null while closed. */
  opened_seq: number | null;
}

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

export interface StepLogRow {
  ticket_id: string;
  segment_index: number;
  step_id: string;
  step_order: number;
  service_day: string;
  service_id: string;
  ms: number;
  target_ms: number | null;
  met: 0 | 1 | null;
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

export interface CounterRecord {
  id: string;
  status: CounterStatus;
  officerId: string | null;
  currentTicketId: string | null;
  since: number | null;
  updatedSeq: number;
  openedSeq: number | null;
}

export interface ServiceLogEntry {
  ticketId: string;
  segmentIndex: number;
  ticketNumber: string;
  serviceDay: string;
  serviceId: string;
  priority: PriorityReason | null;
  counterId: string | null;
  officerId: string | null;
  issuedAt: number;
  enqueuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  endedAt: number;
  outcome: SegmentOutcome;
  cancelReason: CancelReason | null;
  waitMs: number | null;
  serviceMs: number | null;
  waitTargetMs: number | null;
  serviceTargetMs: number | null;
  waitMet: boolean | null;
  serviceMet: boolean | null;
  recalls: number;
  endedSeq: number;
}

const toFlag = (b: boolean | null): 0 | 1 | null => (b === null ? null : b ? 1 : 0);
const fromFlag = (f: 0 | 1 | null): boolean | null => (f === null ? null : f === 1);

// The casts below narrow TEXT columns to the core's unions: the rows were
// written by applyToReadModels from core events (status also has a CHECK).

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

export function counterFromRow(row: CounterRow): CounterRecord {
  return {
    id: row.id,
    status: row.status as CounterStatus,
    officerId: row.officer_id,
    currentTicketId: row.current_ticket_id,
    since: row.since,
    updatedSeq: row.updated_seq,
    openedSeq: row.opened_seq,
  };
}

export function serviceLogFromRow(row: ServiceLogRow): ServiceLogEntry {
  return {
    ticketId: row.ticket_id,
    segmentIndex: row.segment_index,
    ticketNumber: row.ticket_number,
    serviceDay: row.service_day,
    serviceId: row.service_id,
    priority: row.priority as PriorityReason | null,
    counterId: row.counter_id,
    officerId: row.officer_id,
    issuedAt: row.issued_at,
    enqueuedAt: row.enqueued_at,
    calledAt: row.called_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    outcome: row.outcome as SegmentOutcome,
    cancelReason: row.cancel_reason as CancelReason | null,
    waitMs: row.wait_ms,
    serviceMs: row.service_ms,
    waitTargetMs: row.wait_target_ms,
    serviceTargetMs: row.service_target_ms,
    waitMet: fromFlag(row.wait_met),
    serviceMet: fromFlag(row.service_met),
    recalls: row.recalls,
    endedSeq: row.ended_seq,
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
    wait_ms: ticket.called_at === null ? null : ticket.called_at - ticket.enqueued_at,
    service_ms: null,
    wait_target_ms: null,
    service_target_ms: null,
    wait_met: null,
    service_met: null,
    recalls: ticket.recalls,
    ended_seq: seq,
  };
}

export function stepLogRows(ticket: TicketRow, m: SegmentMeasurement): StepLogRow[] {
  return m.steps.map((s, i) => ({
    ticket_id: ticket.id,
    segment_index: m.segmentIndex,
    step_id: s.stepId,
    step_order: i,
    service_day: ticket.service_day,
    service_id: m.serviceId,
    ms: s.ms,
    target_ms: s.targetMs,
    met: toFlag(s.met),
  }));
}

// ---------------------------------------------------------------------------
// Writing: one case per event type, statements prepared once per database.
// ---------------------------------------------------------------------------

export const READ_MODEL_TABLES = ["tickets", "counters", "service_log", "step_log"] as const;

const OPEN_STATUSES: readonly string[] = ["waiting", "called", "serving"];

export type ReadModelWriter = (seq: number, event: QueueEvent) => void;

export function createReadModelWriter(db: Database.Database): ReadModelWriter {
  const s = {
    insertTicket: db.prepare<
      [
        string,
        string,
        string,
        string,
        string,
        string | null,
        string,
        number,
        number,
        string | null,
        number,
        number,
        string | null,
        string | null,
        number | null,
        number | null,
        number | null,
        number | null,
        string | null,
        string | null,
        number,
        number | null,
        number,
      ]
    >(
      `INSERT INTO tickets (id, number, service_day, issued_service_id, service_id, priority, status,
         issued_at, issued_seq, kiosk_id, segment_index, enqueued_at, counter_id, officer_id, called_at,
         last_called_at, started_at, ended_at, outcome, cancel_reason, recalls, no_show_at, updated_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    ticket: db.prepare<[string], TicketRow>("SELECT * FROM tickets WHERE id = ?"),
    called: db.prepare<[number, number, string, string | null, number, string]>(
      `UPDATE tickets SET status = 'called', called_at = coalesce(called_at, ?), last_called_at = ?,
         counter_id = ?, officer_id = ?, updated_seq = ?
       WHERE id = ?`,
    ),
    recalled: db.prepare<[number, number, number, string]>(
      "UPDATE tickets SET recalls = ?, last_called_at = ?, updated_seq = ? WHERE id = ?",
    ),
    serving: db.prepare<[number, number, string]>(
      "UPDATE tickets SET status = 'serving', started_at = ?, updated_seq = ? WHERE id = ?",
    ),
    touched: db.prepare<[number, string]>("UPDATE tickets SET updated_seq = ? WHERE id = ?"),
    ended: db.prepare<[string, number, string, string | null, number | null, number, string]>(
      `UPDATE tickets SET status = ?, ended_at = ?, outcome = ?, cancel_reason = ?, no_show_at = ?, updated_seq = ?
       WHERE id = ?`,
    ),
    // A cancelled no-show keeps its ended segment (the core does not end it twice);
    // its reinstatement window is gone.
    noShowCancelled: db.prepare<[string, number, string]>(
      "UPDATE tickets SET status = 'cancelled', cancel_reason = ?, no_show_at = NULL, updated_seq = ? WHERE id = ?",
    ),
    newSegment: db.prepare<[string, number, number, string]>(
      `UPDATE tickets SET status = 'waiting', segment_index = segment_index + 1, service_id = ?,
         enqueued_at = ?, counter_id = NULL, officer_id = NULL, called_at = NULL, last_called_at = NULL,
         started_at = NULL, ended_at = NULL, outcome = NULL, cancel_reason = NULL, recalls = 0,
         no_show_at = NULL, updated_seq = ?
       WHERE id = ?`,
    ),
    // A counter unknown so far starts closed, as in the core (counterOf).
    counterTakes: db.prepare<[string, string, number]>(
      `INSERT INTO counters (id, status, officer_id, current_ticket_id, since, updated_seq, opened_seq)
       VALUES (?, 'closed', NULL, ?, NULL, ?, NULL)
       ON CONFLICT (id) DO UPDATE SET current_ticket_id = excluded.current_ticket_id, updated_seq = excluded.updated_seq`,
    ),
    counterReleases: db.prepare<[number, string, string]>(
      "UPDATE counters SET current_ticket_id = NULL, updated_seq = ? WHERE id = ? AND current_ticket_id = ?",
    ),
    counterOpened: db.prepare<[string, string | null, number, number, number]>(
      `INSERT INTO counters (id, status, officer_id, current_ticket_id, since, updated_seq, opened_seq)
       VALUES (?, 'open', ?, NULL, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = 'open', officer_id = excluded.officer_id,
         since = excluded.since, updated_seq = excluded.updated_seq, opened_seq = excluded.opened_seq`,
    ),
    // Paused keeps the officer: they are coming back.
    counterPaused: db.prepare<[string, number, number, number]>(
      `INSERT INTO counters (id, status, officer_id, current_ticket_id, since, updated_seq, opened_seq)
       VALUES (?, 'paused', NULL, NULL, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = 'paused', since = excluded.since, updated_seq = excluded.updated_seq,
         opened_seq = coalesce(counters.opened_seq, excluded.opened_seq)`,
    ),
    counterClosed: db.prepare<[string, number, number]>(
      `INSERT INTO counters (id, status, officer_id, current_ticket_id, since, updated_seq, opened_seq)
       VALUES (?, 'closed', NULL, NULL, ?, ?, NULL)
       ON CONFLICT (id) DO UPDATE SET status = 'closed', officer_id = NULL,
         since = excluded.since, updated_seq = excluded.updated_seq, opened_seq = NULL`,
    ),
    insertServiceLog: db.prepare<
      [
        string,
        number,
        string,
        string,
        string,
        string | null,
        string | null,
        string | null,
        number,
        number,
        number | null,
        number | null,
        number,
        string,
        string | null,
        number | null,
        number | null,
        number | null,
        number | null,
        0 | 1 | null,
        0 | 1 | null,
        number,
        number,
      ]
    >(
      `INSERT INTO service_log (ticket_id, segment_index, ticket_number, service_day, service_id, priority,
         counter_id, officer_id, issued_at, enqueued_at, called_at, started_at, ended_at, outcome,
         cancel_reason, wait_ms, service_ms, wait_target_ms, service_target_ms, wait_met, service_met,
         recalls, ended_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertStepLog: db.prepare<
      [string, number, string, number, string, string, number, number | null, 0 | 1 | null]
    >(
      `INSERT INTO step_log (ticket_id, segment_index, step_id, step_order, service_day, service_id, ms,
         target_ms, met)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };

  const ticketOf = (event: { ticketId: string; type: string }): TicketRow => {
    const row = s.ticket.get(event.ticketId);
    // Same stance as the core's replay: a log that refers to an unknown ticket
    // is corrupt, and the append (or rebuild) must fail rather than guess.
    if (!row) throw new Error(`${event.type} refers to unknown ticket ${event.ticketId}`);
    return row;
  };

  const changedOne = (result: Database.RunResult, event: { ticketId: string; type: string }): void => {
    if (result.changes !== 1) throw new Error(`${event.type} refers to unknown ticket ${event.ticketId}`);
  };

  const insertTicket = (r: TicketRow): void => {
    s.insertTicket.run(
      r.id,
      r.number,
      r.service_day,
      r.issued_service_id,
      r.service_id,
      r.priority,
      r.status,
      r.issued_at,
      r.issued_seq,
      r.kiosk_id,
      r.segment_index,
      r.enqueued_at,
      r.counter_id,
      r.officer_id,
      r.called_at,
      r.last_called_at,
      r.started_at,
      r.ended_at,
      r.outcome,
      r.cancel_reason,
      r.recalls,
      r.no_show_at,
      r.updated_seq,
    );
  };

  const insertServiceLog = (r: ServiceLogRow): void => {
    s.insertServiceLog.run(
      r.ticket_id,
      r.segment_index,
      r.ticket_number,
      r.service_day,
      r.service_id,
      r.priority,
      r.counter_id,
      r.officer_id,
      r.issued_at,
      r.enqueued_at,
      r.called_at,
      r.started_at,
      r.ended_at,
      r.outcome,
      r.cancel_reason,
      r.wait_ms,
      r.service_ms,
      r.wait_target_ms,
      r.service_target_ms,
      r.wait_met,
      r.service_met,
      r.recalls,
      r.ended_seq,
    );
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
    insertServiceLog(measuredSegmentRow(ticket, m, outcome, seq));
    for (const r of stepLogRows(ticket, m)) {
      s.insertStepLog.run(
        r.ticket_id,
        r.segment_index,
        r.step_id,
        r.step_order,
        r.service_day,
        r.service_id,
        r.ms,
        r.target_ms,
        r.met,
      );
    }
  };

  // Mirrors the core's releaseCounter: the counter lets go only of its own ticket.
  const release = (ticket: TicketRow, seq: number): void => {
    if (ticket.counter_id !== null) s.counterReleases.run(seq, ticket.counter_id, ticket.id);
  };

  return function applyToReadModels(seq: number, event: QueueEvent): void {
    switch (event.type) {
      case "ticket.issued":
        insertTicket(issuedTicketRow(seq, event));
        return;
      case "ticket.called":
        changedOne(
          s.called.run(event.at, event.at, event.counterId, event.officerId, seq, event.ticketId),
          event,
        );
        s.counterTakes.run(event.counterId, event.ticketId, seq);
        return;
      case "ticket.recalled":
        changedOne(s.recalled.run(event.recalls, event.at, seq, event.ticketId), event);
        return;
      case "ticket.serving":
        changedOne(s.serving.run(event.at, seq, event.ticketId), event);
        return;
      case "ticket.step_done":
        // Tick times live in the log; the measurement at the end copies them into step_log.
        changedOne(s.touched.run(seq, event.ticketId), event);
        return;
      case "ticket.completed": {
        const ticket = ticketOf(event);
        logMeasured(ticket, event.measurement, event.outcome, seq);
        release(ticket, seq);
        s.ended.run("done", event.at, event.outcome, null, null, seq, ticket.id);
        return;
      }
      case "ticket.no_show": {
        const ticket = ticketOf(event);
        logMeasured(ticket, event.measurement, "no_show", seq);
        release(ticket, seq);
        s.ended.run("no_show", event.at, "no_show", null, event.at, seq, ticket.id);
        return;
      }
      case "ticket.reinstated": {
        const ticket = ticketOf(event);
        s.newSegment.run(ticket.service_id, event.at, seq, ticket.id);
        return;
      }
      case "ticket.transferred": {
        const ticket = ticketOf(event);
        logMeasured(ticket, event.measurement, "transferred", seq);
        release(ticket, seq);
        s.newSegment.run(event.toServiceId, event.at, seq, ticket.id);
        return;
      }
      case "ticket.cancelled": {
        const ticket = ticketOf(event);
        if (ticket.status === "no_show") {
          s.noShowCancelled.run(event.reason, seq, ticket.id);
          return;
        }
        if (!OPEN_STATUSES.includes(ticket.status)) {
          throw new Error(`ticket.cancelled for ${ticket.id}, which is already ${ticket.status}`);
        }
        insertServiceLog(cancelledSegmentRow(ticket, event, seq));
        release(ticket, seq);
        s.ended.run("cancelled", event.at, "cancelled", event.reason, null, seq, ticket.id);
        return;
      }
      case "counter.opened":
        s.counterOpened.run(event.counterId, event.officerId, event.at, seq, seq);
        return;
      case "counter.paused":
        s.counterPaused.run(event.counterId, event.at, seq, seq);
        return;
      case "counter.closed":
        s.counterClosed.run(event.counterId, event.at, seq);
        return;
      default: {
        // A new event type in the core must get a case here before it can be stored.
        const unknown: never = event;
        throw new Error(`no read-model case for ${(unknown as { type: string }).type}`);
      }
    }
  };
}
