-- Storage per ticket (issue 13): the log's common events (a ticket's issue,
-- call, start, steps, end; a counter's opening, pause and close) are written
-- as the list of their field values in the order the core writes them, or the
-- bare value when there is one (event-codec.ts EVENT_TUPLES): no field codes,
-- no braces, the type column says how to read it. A call was
-- {")":223,"*":224,":":318}, now [223,224,318]; a ticked step {"+":734}, now 734.
--
-- The events before this migration are written again the same way
-- (layan_recode_event, which the store registers before migrating: decode with
-- the event's type, encode, the same fields and the same word numbers), so old
-- and new rows read alike; seqs, types, times and ticket columns stay. An event
-- whose fields do not fit its list keeps the object form, which still reads.
-- The log stays append-only for everything but this.
DROP TRIGGER events_no_update;

UPDATE events SET payload = layan_recode_event((SELECT type FROM event_types WHERE code = events.type), at, payload)
WHERE type IN (SELECT code FROM event_types WHERE type IN (
  'ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.serving', 'ticket.step_done', 'ticket.step_undone',
  'ticket.completed', 'ticket.no_show', 'ticket.transferred', 'ticket.cancelled',
  'counter.opened', 'counter.paused', 'counter.closed'));

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
