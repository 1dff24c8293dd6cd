import type { CounterStatus } from "@layan/core";
import type Database from "better-sqlite3";

/** A `counters` row: one field per column, named like the column. */
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

export interface CounterRecord {
  id: string;
  status: CounterStatus;
  officerId: string | null;
  currentTicketId: string | null;
  since: number | null;
  updatedSeq: number;
  openedSeq: number | null;
}

// status has a CHECK and is written from core events only, so the cast cannot widen a lie.
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

// A counter's row appears with its first event, whichever that is: hence the upserts.
export function prepareCounterStatements(db: Database.Database) {
  return {
    // A counter unknown so far starts closed, as in the core (counterOf).
    takes: db.prepare<Pick<CounterRow, "id" | "current_ticket_id" | "updated_seq">>(
      `INSERT INTO counters (id, status, officer_id, current_ticket_id, since, updated_seq, opened_seq)
       VALUES (@id, 'closed', NULL, @current_ticket_id, NULL, @updated_seq, NULL)
       ON CONFLICT (id) DO UPDATE SET current_ticket_id = excluded.current_ticket_id, updated_seq = excluded.updated_seq`,
    ),
    // Mirrors the core's releaseCounter: the counter lets go only of its own ticket.
    releases: db.prepare<Pick<CounterRow, "id" | "updated_seq"> & { ticket_id: string }>(
      `UPDATE counters SET current_ticket_id = NULL, updated_seq = @updated_seq
       WHERE id = @id AND current_ticket_id = @ticket_id`,
    ),
    opened: db.prepare<Pick<CounterRow, "id" | "officer_id" | "since" | "updated_seq" | "opened_seq">>(
      `INSERT INTO counters (id, status, officer_id, current_ticket_id, since, updated_seq, opened_seq)
       VALUES (@id, 'open', @officer_id, NULL, @since, @updated_seq, @opened_seq)
       ON CONFLICT (id) DO UPDATE SET status = 'open', officer_id = excluded.officer_id,
         since = excluded.since, updated_seq = excluded.updated_seq, opened_seq = excluded.opened_seq`,
    ),
    // Paused keeps the officer: they are coming back.
    paused: db.prepare<Pick<CounterRow, "id" | "since" | "updated_seq" | "opened_seq">>(
      `INSERT INTO counters (id, status, officer_id, current_ticket_id, since, updated_seq, opened_seq)
       VALUES (@id, 'paused', NULL, NULL, @since, @updated_seq, @opened_seq)
       ON CONFLICT (id) DO UPDATE SET status = 'paused', since = excluded.since, updated_seq = excluded.updated_seq,
         opened_seq = coalesce(counters.opened_seq, excluded.opened_seq)`,
    ),
    closed: db.prepare<Pick<CounterRow, "id" | "since" | "updated_seq">>(
      `INSERT INTO counters (id, status, officer_id, current_ticket_id, since, updated_seq, opened_seq)
       VALUES (@id, 'closed', NULL, NULL, @since, @updated_seq, NULL)
       ON CONFLICT (id) DO UPDATE SET status = 'closed', officer_id = NULL,
         since = excluded.since, updated_seq = excluded.updated_seq, opened_seq = NULL`,
    ),
  };
}
