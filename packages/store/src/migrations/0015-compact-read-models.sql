-- Storage per ticket (issue 13): the `tickets` read model, one row for every
-- ticket ever issued, held five ids as text (~61 characters: an officer's id
-- alone is a user id), the day as 'YYYY-MM-DD' (in the row and again in
-- tickets_day_number) and six times of 6 bytes each, plus issued_seq beside a
-- rowid of its own: ~170 bytes of payload a row (docs/benchmarks.md, "Storage
-- (session 24)").
--
-- Now, with the columns keeping their names and their meaning:
-- - the service, counter, officer and kiosk ids are their codes in event_words
--   (as service_log's since migration 0013; the issue and call events name
--   them there already);
-- - service_day is the day number: days since 1970-01-01 of the office-local
--   date (2 bytes; it sorts as the text did);
-- - enqueued_at, called_at, last_called_at, started_at, ended_at and
--   no_show_at are milliseconds after issued_at (0-3 bytes instead of 6; a
--   segment 0 ticket's enqueued_at is 0, which SQLite stores in no byte);
-- - issued_seq is the rowid (it is unique: the seq of the ticket's issue).
-- Everything that reads a ticket reads it through the view ticket_rows, which
-- gives the row back as it was (read-models/tickets.ts); the hub's API returns
-- the same strings and times.

-- service_log and counters point at tickets (id): the old table can only go
-- with those checks deferred to the commit, by when every id is back.
PRAGMA defer_foreign_keys = ON;

-- Every id the rows hold gets a code (they are in the payloads already; a row
-- written by hand might not be).
INSERT INTO event_words (word)
SELECT w FROM (
  SELECT issued_service_id AS w FROM tickets
  UNION SELECT service_id FROM tickets
  UNION SELECT counter_id FROM tickets
  UNION SELECT officer_id FROM tickets
  UNION SELECT kiosk_id FROM tickets)
WHERE w IS NOT NULL AND w NOT IN (SELECT word FROM event_words)
ORDER BY w;

-- A plain copy first: the new table must be created under the name `tickets`
-- (a rename would rewrite the children's references to the old name), and
-- inserting the rows into it is what satisfies the deferred checks again.
CREATE TEMP TABLE tickets_before AS SELECT * FROM tickets;
DROP TABLE tickets;

CREATE TABLE tickets (
  id                TEXT    NOT NULL UNIQUE,
  number            TEXT    NOT NULL,
  -- Days since 1970-01-01 of the office-local service day.
  service_day       INTEGER NOT NULL,
  -- Codes in event_words.
  issued_service_id INTEGER NOT NULL,
  -- The service the ticket is in now (differs from issued_service_id after a transfer).
  service_id        INTEGER NOT NULL,
  priority          TEXT,
  status            TEXT    NOT NULL
                    CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled')),
  issued_at         INTEGER NOT NULL,
  issued_seq        INTEGER PRIMARY KEY,
  kiosk_id          INTEGER,
  -- Current segment: 0 at issue, +1 per transfer or reinstatement.
  segment_index     INTEGER NOT NULL,
  -- This and the other times below: milliseconds after issued_at.
  enqueued_at       INTEGER NOT NULL,
  counter_id        INTEGER,
  officer_id        INTEGER,
  -- First call of the current segment (the end of the wait); last_called_at moves with recalls.
  called_at         INTEGER,
  last_called_at    INTEGER,
  started_at        INTEGER,
  ended_at          INTEGER,
  outcome           TEXT,
  cancel_reason     TEXT,
  recalls           INTEGER NOT NULL,
  no_show_at        INTEGER,
  updated_seq       INTEGER NOT NULL
) STRICT;

-- In issued_seq order: the table is written page after page, full.
INSERT INTO tickets (id, number, service_day, issued_service_id, service_id, priority, status, issued_at,
  issued_seq, kiosk_id, segment_index, enqueued_at, counter_id, officer_id, called_at, last_called_at,
  started_at, ended_at, outcome, cancel_reason, recalls, no_show_at, updated_seq)
SELECT id, number, unixepoch(service_day) / 86400,
  (SELECT code FROM event_words WHERE word = issued_service_id),
  (SELECT code FROM event_words WHERE word = service_id), priority, status, issued_at,
  issued_seq, (SELECT code FROM event_words WHERE word = kiosk_id), segment_index, enqueued_at - issued_at,
  (SELECT code FROM event_words WHERE word = counter_id), (SELECT code FROM event_words WHERE word = officer_id),
  called_at - issued_at, last_called_at - issued_at, started_at - issued_at, ended_at - issued_at,
  outcome, cancel_reason, recalls, no_show_at - issued_at, updated_seq
FROM tickets_before ORDER BY issued_seq;

DROP TABLE tickets_before;

-- The indexes and trigger of migration 0002 and 0005, on the new columns.
CREATE INDEX tickets_day_number ON tickets (service_day, number);
CREATE INDEX tickets_open_issued_seq ON tickets (issued_seq)
  WHERE status IN ('waiting', 'called', 'serving');

CREATE TRIGGER report_tickets_rollup AFTER INSERT ON tickets
BEGIN
  INSERT INTO report_issued (service_day, service_id, issued)
  VALUES (date(NEW.service_day * 86400, 'unixepoch'), (SELECT word FROM event_words WHERE code = NEW.issued_service_id), 1)
  ON CONFLICT (service_day, service_id) DO UPDATE SET issued = issued + 1;
END;

-- The row as it was before this migration: what the store's readers read.
CREATE VIEW ticket_rows AS
SELECT t.id, t.number, date(t.service_day * 86400, 'unixepoch') AS service_day,
  (SELECT word FROM event_words WHERE code = t.issued_service_id) AS issued_service_id,
  (SELECT word FROM event_words WHERE code = t.service_id) AS service_id,
  t.priority, t.status, t.issued_at, t.issued_seq,
  (SELECT word FROM event_words WHERE code = t.kiosk_id) AS kiosk_id,
  t.segment_index, t.issued_at + t.enqueued_at AS enqueued_at,
  (SELECT word FROM event_words WHERE code = t.counter_id) AS counter_id,
  (SELECT word FROM event_words WHERE code = t.officer_id) AS officer_id,
  t.issued_at + t.called_at AS called_at, t.issued_at + t.last_called_at AS last_called_at,
  t.issued_at + t.started_at AS started_at, t.issued_at + t.ended_at AS ended_at,
  t.outcome, t.cancel_reason, t.recalls, t.issued_at + t.no_show_at AS no_show_at, t.updated_seq
FROM tickets AS t;
