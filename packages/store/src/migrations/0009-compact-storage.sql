-- Storage per ticket (issue 13): the ledger keeps answers only as long as a
-- retry can arrive, and remembers the ids it forgot.
--
-- An answer older than the window (store.ts REQUEST_ANSWER_KEEP_MS) is
-- deleted by the hub at each service-day change; what stays is 8 bytes of the
-- SHA-256 of its key (tombstones.ts: the first 2 pick the bucket, the other 6
-- go into the bucket's sorted blob), so a retry that late is answered
-- REQUEST_EXPIRED instead of being run again (a second ticket). With 64 bits,
-- a regency office's new requests (~10 million a year) match a forgotten one
-- by chance less than once in 10,000 years over its first decade; such a
-- request would be answered REQUEST_EXPIRED and sent again with a new id.
CREATE TABLE request_tombstones (
  bucket INTEGER PRIMARY KEY,
  hashes BLOB    NOT NULL
) STRICT;

-- The event log, compact. Same events, same seqs, still append-only; per
-- event about half the bytes (tests/bench/storage.ts, docs/benchmarks.md):
-- - the type is a code in event_types (a dozen rows) instead of its name;
-- - the payload no longer repeats the ticketId the ticket column holds,
--   names its fields by the codes of event-codec.ts and the ids it repeats
--   by their number in event_words (the store registers
--   layan_compact_payload, which runs that codec, before migrating);
-- - counter_id goes: nothing looks events up by counter any more (0004 did,
--   once), and the payload has the counterId;
-- - events_at goes: `at` never goes back along seq (the hub's engine holds
--   event time at or after the last event's), so the first event at or after
--   a time is a binary search on the primary key (store.ts firstSeqAtOrAfter);
-- - events_ticket goes: a ticket's events lie between its issued_seq and its
--   updated_seq in the tickets read model (store.ts eventsForTicket).
CREATE TABLE event_types (
  code INTEGER PRIMARY KEY,
  type TEXT NOT NULL UNIQUE
) STRICT;

INSERT INTO event_types (type) SELECT DISTINCT type FROM events ORDER BY type;

-- The ids the payloads repeat (services, counters, officers, steps, days,
-- outcomes), numbered: a payload names them by number (event-codec.ts).
CREATE TABLE event_words (
  code INTEGER PRIMARY KEY,
  word TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE events_compact (
  seq       INTEGER PRIMARY KEY,
  type      INTEGER NOT NULL,
  at        INTEGER NOT NULL,
  ticket_id TEXT,
  payload   TEXT    NOT NULL CHECK (json_valid(payload))
) STRICT;

INSERT INTO events_compact (seq, type, at, ticket_id, payload)
SELECT e.seq, t.code, e.at, e.ticket_id, layan_compact_payload(e.at, e.ticket_id, e.payload)
FROM events AS e JOIN event_types AS t ON t.type = e.type
ORDER BY e.seq;

INSERT INTO event_words (code, word) SELECT value, key FROM json_each(layan_event_words());

DROP TABLE events;
ALTER TABLE events_compact RENAME TO events;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

-- service_log_day (service_day) is the first column of service_log_day_ended
-- (service_day, ended_at): every range the one answers, the other answers too.
DROP INDEX service_log_day;

-- For people reading the log by hand (sqlite3, an audit): type names back.
-- The payload stays in the codec's short names; the store decodes it.
CREATE VIEW event_log AS
SELECT e.seq, t.type, e.at, e.ticket_id, e.payload
FROM events AS e JOIN event_types AS t ON t.code = e.type;
