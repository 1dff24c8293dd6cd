import { isFeedbackEvent, type QueueEvent } from "@layan/core";
import type Database from "better-sqlite3";
import { decodePayload, encodePayload, recodePayload, type EventWords } from "./event-codec";

/**
 * A row of `events` as the store reads it (migration 0009's compact layout):
 * the ticket's id resolved from its `ticket_seq` when the row has that
 * instead (migration 0012, store.ts EVENT_COLUMNS).
 */
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
 * A table of texts and their codes (`event_types`, `event_words`), cached. A
 * text the table does not know yet (a new kind of event, a new counter) gets
 * the next code on its first write.
 */
export interface Dictionary {
  code(text: string): number;
  text(code: number): string;
  /** Reads the table again: after a rolled-back append, a code handed out in it is gone. */
  reload(): void;
}

function dictionary(db: Database.Database, table: "event_types" | "event_words", column: "type" | "word"): Dictionary {
  const all = db.prepare<[], { code: number; text: string }>(`SELECT code, ${column} AS text FROM ${table}`);
  const add = db.prepare<[string], { code: number }>(
    `INSERT INTO ${table} (${column}) VALUES (?) ON CONFLICT (${column}) DO UPDATE SET ${column} = excluded.${column} RETURNING code`,
  );
  let codes = new Map<string, number>();
  let texts = new Map<number, string>();
  const reload = (): void => {
    codes = new Map();
    texts = new Map();
    for (const r of all.all()) {
      codes.set(r.text, r.code);
      texts.set(r.code, r.text);
    }
  };
  reload();
  return {
    code(text) {
      let code = codes.get(text);
      if (code === undefined) {
        code = add.get(text)!.code;
        codes.set(text, code);
        texts.set(code, text);
      }
      return code;
    },
    text(code) {
      let text = texts.get(code);
      if (text === undefined) {
        reload();
        text = texts.get(code);
      }
      if (text === undefined) throw new Error(`code ${code} is not in ${table}`);
      return text;
    },
    reload,
  };
}

/** The two dictionaries the log is written with. */
export interface EventDictionaries {
  types: Dictionary;
  words: Dictionary;
}

export function eventDictionaries(db: Database.Database): EventDictionaries {
  return { types: dictionary(db, "event_types", "type"), words: dictionary(db, "event_words", "word") };
}

const asWords = (d: Pick<Dictionary, "code" | "text">): EventWords => ({ code: (w) => d.code(w), word: (c) => d.text(c) });

/**
 * A survey names the ticket it answers for, but is not part of that ticket's
 * life: in the ticket column it would pull start-up replay back to the day
 * the ticket was issued (see replayStartSeq).
 */
function ticketColumn(event: QueueEvent): string | null {
  return "ticketId" in event && !isFeedbackEvent(event) ? event.ticketId : null;
}

/** The payload of an event's fields: without type and at (columns) and without the ticketId the ticket column holds. */
function payloadOf(fields: Record<string, unknown>, at: number, ticketId: string | null, words: Pick<EventWords, "code">, type?: string): string {
  if (ticketId === null) return encodePayload(fields, at, words, type);
  const { ticketId: _inColumn, ...rest } = fields;
  return encodePayload(rest, at, words, type);
}

export function eventToRow(event: QueueEvent, dicts: EventDictionaries): Omit<EventRow, "seq"> {
  const { type, at, ...fields } = event;
  const ticketId = ticketColumn(event);
  return { type: dicts.types.code(type), at, ticket_id: ticketId, payload: payloadOf(fields, at, ticketId, asWords(dicts.words), type) };
}

export function eventFromRow(row: EventRow, dicts: EventDictionaries): StoredEvent {
  const type = dicts.types.text(row.type);
  const fields = decodePayload(row.payload, row.at, asWords(dicts.words), type);
  // The log only ever holds what eventToRow wrote from a QueueEvent.
  const event = (
    row.ticket_id === null ? { type, at: row.at, ...fields } : { type, at: row.at, ticketId: row.ticket_id, ...fields }
  ) as unknown as QueueEvent;
  return { seq: row.seq, at: row.at, event };
}

/**
 * SQL functions the migrations call: 0009 rewrites every stored payload with
 * the same codec the store writes new ones with, so old and new rows read
 * alike; 0011 writes the measurements of the events before it as arrays; 0014
 * the fields of the common events as lists (event-codec.ts EVENT_TUPLES).
 */
export function registerEventFunctions(db: Database.Database): void {
  // A function cannot write to the database it is called from: the words are
  // numbered here, in seq order, and 0009 stores them from layan_event_words().
  const words = new Map<string, number>();
  const code = (word: string): number => {
    let n = words.get(word);
    if (n === undefined) {
      n = words.size + 1;
      words.set(word, n);
    }
    return n;
  };
  db.function("layan_compact_payload", (at: unknown, ticketId: unknown, payload: unknown) => {
    const fields = JSON.parse(String(payload)) as Record<string, unknown>;
    return payloadOf(fields, Number(at), typeof ticketId === "string" ? ticketId : null, { code });
  });
  db.function("layan_event_words", () => JSON.stringify(Object.fromEntries(words)));
  db.function("layan_recode_payload", { deterministic: true }, (at: unknown, payload: unknown) =>
    recodePayload(String(payload), Number(at)),
  );
  db.function("layan_recode_event", { deterministic: true }, (type: unknown, at: unknown, payload: unknown) =>
    recodePayload(String(payload), Number(at), String(type)),
  );
}
