-- Storage per ticket (issue 13): the log names a ticket by its 16-character
-- id once, in the event that first names it (its ticket.issued), and every
-- later event of that ticket by the seq of that event.
--
-- ticket_id repeated on each of a ticket's ~7 events was ~125 bytes per
-- ticket; a seq is 3-4 bytes. The store reads the id back through the event
-- the seq points to (a primary-key seek: store.ts EVENT_COLUMNS, the event_log
-- view), so eventsAfter, iterateEvents, eventsForTicket and replay decode the
-- very events they did. The writer takes the seq from tickets.issued_seq, the
-- seq of the ticket's ticket.issued event; an event of a ticket the read model
-- does not know keeps its text id (either column decodes).
--
-- The seq is also that ticket's issued_seq, which the start-up replay's
-- look-back wants (store.ts REPLAY_LOOKBACK_SQL): it no longer joins tickets.
CREATE TABLE events_seq_keyed (
  seq        INTEGER PRIMARY KEY,
  type       INTEGER NOT NULL,
  at         INTEGER NOT NULL,
  ticket_id  TEXT,
  -- The seq of the event holding this ticket's ticket_id.
  ticket_seq INTEGER,
  payload    TEXT    NOT NULL CHECK (json_valid(payload)),
  CHECK (ticket_id IS NULL OR ticket_seq IS NULL)
) STRICT;

INSERT INTO events_seq_keyed (seq, type, at, ticket_id, ticket_seq, payload)
SELECT e.seq, e.type, e.at,
  CASE WHEN t.issued_seq IS NULL OR t.issued_seq = e.seq THEN e.ticket_id END,
  CASE WHEN t.issued_seq <> e.seq THEN t.issued_seq END,
  e.payload
FROM events AS e LEFT JOIN tickets AS t ON t.id = e.ticket_id
ORDER BY e.seq;

-- The view reads events: it goes first and comes back below.
DROP VIEW event_log;
-- Takes the append-only triggers with it; they come back below.
DROP TABLE events;
ALTER TABLE events_seq_keyed RENAME TO events;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

-- For people reading the log by hand: type names and ticket ids back.
CREATE VIEW event_log AS
SELECT e.seq, t.type, e.at, coalesce(e.ticket_id, i.ticket_id) AS ticket_id, e.payload
FROM events AS e JOIN event_types AS t ON t.code = e.type LEFT JOIN events AS i ON i.seq = e.ticket_seq;
