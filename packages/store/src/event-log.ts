import { isFeedbackEvent, type QueueEvent } from "@layan/core";
import type Database from "better-sqlite3";
import { decodePayload, encodePayload } from "./event-codec";

/** A row of `events`, column for column (migration 0009's compact layout). */
export interface EventRow {
  seq: number;
  /** Code of the event type in `event_types`. */
  type: number;
  at: number;
  /** The event's ticketId, which the payload then leaves out. */
  ticket_id: string | null;
  payload: string;
}

/** An event as read back from the log, with its global sequence. */
export interface StoredEvent {
  seq: number;
  at: number;
  event: QueueEvent;
}

/**
 * Event type names and their codes in `event_types`. A type the table does
 * not know yet (a new kind of event) gets the next code on its first write.
 */
export interface EventTypes {
  code(type: string): number;
  name(code: number): string;
  /** Reads the table again: after a rolled-back append, a code handed out in it is gone. */
  reload(): void;
}

export function eventTypes(db: Database.Database): EventTypes {
  const all = db.prepare<[], { code: number; type: string }>("SELECT code, type FROM event_types");
  const add = db.prepare<[string], { code: number }>(
    "INSERT INTO event_types (type) VALUES (?) ON CONFLICT (type) DO UPDATE SET type = excluded.type RETURNING code",
  );
  let codes = new Map<string, number>();
  let names = new Map<number, string>();
  const reload = (): void => {
    codes = new Map();
    names = new Map();
    for (const r of all.all()) {
      codes.set(r.type, r.code);
      names.set(r.code, r.type);
    }
  };
  reload();
  return {
    code(type) {
      let code = codes.get(type);
      if (code === undefined) {
        code = add.get(type)!.code;
        codes.set(type, code);
        names.set(code, type);
      }
      return code;
    },
    name(code) {
      let name = names.get(code);
      if (name === undefined) {
        reload();
        name = names.get(code);
      }
      if (name === undefined) throw new Error(`event type code ${code} is not in event_types`);
      return name;
    },
    reload,
  };
}

/**
 * A survey names the ticket it answers for, but is not part of that ticket's
 * life: in the ticket column it would pull start-up replay back to the day
 * the ticket was issued (see replayStartSeq).
 */
function ticketColumn(event: QueueEvent): string | null {
  return "ticketId" in event && !isFeedbackEvent(event) ? event.ticketId : null;
}

/** The payload of an event's fields: without type and at (columns) and without the ticketId the ticket column holds. */
function payloadOf(fields: Record<string, unknown>, at: number, ticketId: string | null): string {
  if (ticketId === null) return encodePayload(fields, at);
  const { ticketId: _inColumn, ...rest } = fields;
  return encodePayload(rest, at);
}

export function eventToRow(event: QueueEvent, types: Pick<EventTypes, "code">): Omit<EventRow, "seq"> {
  const { type, at, ...fields } = event;
  const ticketId = ticketColumn(event);
  return { type: types.code(type), at, ticket_id: ticketId, payload: payloadOf(fields, at, ticketId) };
}

export function eventFromRow(row: EventRow, types: Pick<EventTypes, "name">): StoredEvent {
  const fields = decodePayload(row.payload, row.at);
  // The log only ever holds what eventToRow wrote from a QueueEvent.
  const event = (
    row.ticket_id === null
      ? { type: types.name(row.type), at: row.at, ...fields }
      : { type: types.name(row.type), at: row.at, ticketId: row.ticket_id, ...fields }
  ) as unknown as QueueEvent;
  return { seq: row.seq, at: row.at, event };
}

/**
 * SQL functions the migrations call: 0009 rewrites every stored payload with
 * the same codec the store writes new ones with, so old and new rows read alike.
 */
export function registerEventFunctions(db: Database.Database): void {
  db.function("layan_compact_payload", { deterministic: true }, (at: unknown, ticketId: unknown, payload: unknown) => {
    const fields = JSON.parse(String(payload)) as Record<string, unknown>;
    return payloadOf(fields, Number(at), typeof ticketId === "string" ? ticketId : null);
  });
}
