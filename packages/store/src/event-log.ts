import { isFeedbackEvent, type QueueEvent } from "@layan/core";

/** A row of `events`, column for column. */
export interface EventRow {
  seq: number;
  type: string;
  at: number;
  ticket_id: string | null;
  counter_id: string | null;
  payload: string;
}

/** An event as read back from the log, with its global sequence. */
export interface StoredEvent {
  seq: number;
  at: number;
  event: QueueEvent;
}

export function eventToRow(event: QueueEvent): Omit<EventRow, "seq"> {
  // type and at have their own columns; the payload keeps everything else, so
  // fromRow puts the event back together key for key.
  const { type, at, ...fields } = event;
  return {
    type,
    at,
    // A survey names the ticket it answers for, but is not part of that
    // ticket's life: in the ticket column it would pull start-up replay back
    // to the day the ticket was issued (see replayStartSeq).
    ticket_id: "ticketId" in event && !isFeedbackEvent(event) ? event.ticketId : null,
    counter_id: "counterId" in event ? event.counterId : null,
    payload: JSON.stringify(fields),
  };
}

export function eventFromRow(row: EventRow): StoredEvent {
  const fields = JSON.parse(row.payload) as Record<string, unknown>;
  // The log only ever holds what eventToRow wrote from a QueueEvent.
  const event = { type: row.type, at: row.at, ...fields } as unknown as QueueEvent;
  return { seq: row.seq, at: row.at, event };
}
