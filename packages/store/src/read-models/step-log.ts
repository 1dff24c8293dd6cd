import type { SegmentMeasurement } from "@layan/core";
import type Database from "better-sqlite3";
import { toFlag } from "./flag";
import type { TicketRow } from "./tickets";
import { dayNumber, prepareCodeOf } from "./words";

/** A `step_log` row (one ticked SOP step of a measured segment): one field per column, the ids as ids. */
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

/**
 * Writes a step's row, its ids as their codes (migration 0013), its day as a
 * number and its ticket as `ticketSeq`, the ticket's issued_seq (0015).
 */
export function prepareStepLogInsert(db: Database.Database): (row: StepLogRow, ticketSeq: number) => void {
  const codeOf = prepareCodeOf(db);
  const insert = db.prepare<
    Omit<StepLogRow, "ticket_id" | "service_day" | "service_id" | "step_id"> & {
      ticket_seq: number;
      service_day: number;
      service_id: number;
      step_id: number;
    }
  >(
    `INSERT INTO step_log (ticket_seq, segment_index, step_id, step_order, service_day, service_id, ms,
       target_ms, met)
     VALUES (@ticket_seq, @segment_index, @step_id, @step_order, @service_day, @service_id, @ms,
       @target_ms, @met)`,
  );
  return ({ ticket_id: _id, ...row }, ticketSeq) => {
    insert.run({
      ...row,
      ticket_seq: ticketSeq,
      service_day: dayNumber(row.service_day),
      service_id: codeOf(row.service_id),
      step_id: codeOf(row.step_id),
    });
  };
}
