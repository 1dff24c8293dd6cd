-- Storage per ticket (issue 13): the read models that grow with the history
-- hold numbers where they held text (docs/benchmarks.md, "Storage (session
-- 24)": 1,210 -> 975 bytes a ticket over a year, ledger included).
--
-- First the `tickets` read model, one row for every
-- ticket ever issued, held five ids as text (~61 characters: an officer's id
-- alone is a user id), the day as 'YYYY-MM-DD' (in the row and again in
-- tickets_day_number) and six times of 6 bytes each, plus issued_seq beside a
-- rowid of its own: ~170 bytes of payload a row.
--
-- Now, with the columns keeping their names and their meaning:
-- - the service, counter, officer and kiosk ids are their codes in event_words
--   (as service_log's since migration 0013; the issue and call events name
--   them there already);
-- - service_day is the day number: days since 1970-01-01 of the office-local
--   date (2 bytes; it sorts as the text did);
-- - enqueued_at, called_at, last_called_at, started_at, ended_at and
--   no_show_at are milliseconds after issued_at (0-4 bytes instead of 6; a
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

-- service_log and step_log: the day as its number, as in tickets, and the
-- ticket as its issued_seq (an integer of 3 bytes, the rowid of tickets)
-- instead of its 16-character id: in service_log's row and key, in every
-- step's key. The columns keep their meaning; the rollups keep the day as text
-- (their triggers write the text of the number), the report queries take and
-- give days as text (reports/filter.ts). Rows and rowids stay as they were.
CREATE TABLE service_log_compact (
  -- tickets.issued_seq of the segment's ticket.
  ticket_seq        INTEGER NOT NULL REFERENCES tickets (issued_seq),
  segment_index     INTEGER NOT NULL,
  ticket_number     TEXT    NOT NULL,
  -- Days since 1970-01-01 of the office-local service day.
  service_day       INTEGER NOT NULL,
  -- The codes in event_words of the service, counter and officer ids.
  service_id        INTEGER NOT NULL,
  priority          TEXT,
  counter_id        INTEGER,
  officer_id        INTEGER,
  issued_at         INTEGER NOT NULL,
  enqueued_at       INTEGER NOT NULL,
  called_at         INTEGER,
  started_at        INTEGER,
  ended_at          INTEGER NOT NULL,
  -- selesai | berkas_tidak_lengkap | dirujuk | transferred | no_show | cancelled
  outcome           TEXT    NOT NULL,
  cancel_reason     TEXT,
  wait_ms           INTEGER,
  service_ms        INTEGER,
  -- Null for cancelled segments: a cancellation carries no measurement.
  wait_target_ms    INTEGER,
  service_target_ms INTEGER,
  wait_met          INTEGER CHECK (wait_met IN (0, 1)),
  service_met       INTEGER CHECK (service_met IN (0, 1)),
  recalls           INTEGER NOT NULL,
  ended_seq         INTEGER NOT NULL,
  PRIMARY KEY (ticket_seq, segment_index)
) STRICT;

-- The same rowids: the ticket log's cursors and its order within a day use them.
INSERT INTO service_log_compact (rowid, ticket_seq, segment_index, ticket_number, service_day, service_id, priority,
  counter_id, officer_id, issued_at, enqueued_at, called_at, started_at, ended_at, outcome, cancel_reason,
  wait_ms, service_ms, wait_target_ms, service_target_ms, wait_met, service_met, recalls, ended_seq)
SELECT s.rowid, t.issued_seq, s.segment_index, s.ticket_number, unixepoch(s.service_day) / 86400, s.service_id, s.priority,
  s.counter_id, s.officer_id, s.issued_at, s.enqueued_at, s.called_at, s.started_at, s.ended_at, s.outcome, s.cancel_reason,
  s.wait_ms, s.service_ms, s.wait_target_ms, s.service_target_ms, s.wait_met, s.service_met, s.recalls, s.ended_seq
FROM service_log AS s JOIN tickets AS t ON t.id = s.ticket_id ORDER BY s.rowid;

CREATE TABLE step_log_compact (
  service_day   INTEGER NOT NULL,
  service_id    INTEGER NOT NULL,
  ticket_seq    INTEGER NOT NULL,
  segment_index INTEGER NOT NULL,
  step_id       INTEGER NOT NULL,
  -- Position in the order the officer ticked them.
  step_order    INTEGER NOT NULL,
  ms            INTEGER NOT NULL,
  target_ms     INTEGER,
  met           INTEGER CHECK (met IN (0, 1)),
  PRIMARY KEY (service_day, service_id, ticket_seq, segment_index, step_id),
  FOREIGN KEY (ticket_seq, segment_index) REFERENCES service_log_compact (ticket_seq, segment_index)
) STRICT, WITHOUT ROWID;

-- In key order: the B-tree is written page after page, full.
INSERT INTO step_log_compact (service_day, service_id, ticket_seq, segment_index, step_id, step_order, ms, target_ms, met)
SELECT unixepoch(l.service_day) / 86400 AS d, l.service_id, t.issued_seq AS q, l.segment_index, l.step_id, l.step_order, l.ms, l.target_ms, l.met
FROM step_log AS l JOIN tickets AS t ON t.id = l.ticket_id
ORDER BY d, l.service_id, q, l.segment_index, l.step_id;

-- Take their indexes, triggers and views with them; they come back below.
DROP VIEW service_log_ids;
DROP VIEW step_log_ids;
DROP TABLE step_log;
DROP TABLE service_log;
ALTER TABLE service_log_compact RENAME TO service_log;
ALTER TABLE step_log_compact RENAME TO step_log;

-- The indexes of migration 0013, on the day numbers.
CREATE INDEX service_log_counter_day ON service_log (counter_id, service_day);
CREATE INDEX service_log_day_ended ON service_log (service_day, ended_at);
CREATE INDEX service_log_officer_day ON service_log (officer_id, service_day);
CREATE INDEX service_log_service_ms ON service_log (service_ms);
CREATE INDEX service_log_times ON service_log (service_day, service_id, counter_id, officer_id, enqueued_at, wait_ms, service_ms)
  WHERE wait_ms IS NOT NULL OR service_ms IS NOT NULL;
CREATE INDEX service_log_wait ON service_log (wait_ms);

-- The rollup triggers of migration 0013: the rollups keep the day as text, so
-- they write the text of the log's day number; the look-ups back into the log
-- compare numbers with numbers.
CREATE TRIGGER report_service_log_rollup AFTER INSERT ON service_log
BEGIN
  INSERT INTO report_service_hours (service_day, service_id, epoch_hour, segments, selesai, berkas_tidak_lengkap, dirujuk, transferred, no_show, cancelled, wait_n, wait_sum, wait_judged, wait_met, service_n, service_sum, service_judged, service_met, wait_target_min, wait_target_max, service_target_min, service_target_max)
  VALUES (date(NEW.service_day * 86400, 'unixepoch'), (SELECT word FROM event_words WHERE code = NEW.service_id), NEW.enqueued_at / 3600000, 1, NEW.outcome = 'selesai', NEW.outcome = 'berkas_tidak_lengkap', NEW.outcome = 'dirujuk', NEW.outcome = 'transferred', NEW.outcome = 'no_show', NEW.outcome = 'cancelled', NEW.wait_ms IS NOT NULL, coalesce(NEW.wait_ms, 0), NEW.wait_met IS NOT NULL, coalesce(NEW.wait_met, 0), NEW.service_ms IS NOT NULL, coalesce(NEW.service_ms, 0), NEW.service_met IS NOT NULL, coalesce(NEW.service_met, 0), NEW.wait_target_ms, NEW.wait_target_ms, NEW.service_target_ms, NEW.service_target_ms)
  ON CONFLICT (service_day, service_id, epoch_hour) DO UPDATE SET
    segments = segments + excluded.segments,
    selesai = selesai + excluded.selesai,
    berkas_tidak_lengkap = berkas_tidak_lengkap + excluded.berkas_tidak_lengkap,
    dirujuk = dirujuk + excluded.dirujuk,
    transferred = transferred + excluded.transferred,
    no_show = no_show + excluded.no_show,
    cancelled = cancelled + excluded.cancelled,
    wait_n = wait_n + excluded.wait_n,
    wait_sum = wait_sum + excluded.wait_sum,
    wait_judged = wait_judged + excluded.wait_judged,
    wait_met = wait_met + excluded.wait_met,
    service_n = service_n + excluded.service_n,
    service_sum = service_sum + excluded.service_sum,
    service_judged = service_judged + excluded.service_judged,
    service_met = service_met + excluded.service_met,
    wait_target_min = min(coalesce(wait_target_min, excluded.wait_target_min), coalesce(excluded.wait_target_min, wait_target_min)),
    wait_target_max = max(coalesce(wait_target_max, excluded.wait_target_max), coalesce(excluded.wait_target_max, wait_target_max)),
    service_target_min = min(coalesce(service_target_min, excluded.service_target_min), coalesce(excluded.service_target_min, service_target_min)),
    service_target_max = max(coalesce(service_target_max, excluded.service_target_max), coalesce(excluded.service_target_max, service_target_max));
  INSERT INTO report_service_desks (service_day, service_id, counter_id, officer_id, segments, selesai, berkas_tidak_lengkap, dirujuk, transferred, no_show, cancelled, wait_n, wait_sum, wait_judged, wait_met, service_n, service_sum, service_judged, service_met, wait_target_min, wait_target_max, service_target_min, service_target_max)
  VALUES (date(NEW.service_day * 86400, 'unixepoch'), (SELECT word FROM event_words WHERE code = NEW.service_id), coalesce((SELECT word FROM event_words WHERE code = NEW.counter_id), ''), coalesce((SELECT word FROM event_words WHERE code = NEW.officer_id), ''), 1, NEW.outcome = 'selesai', NEW.outcome = 'berkas_tidak_lengkap', NEW.outcome = 'dirujuk', NEW.outcome = 'transferred', NEW.outcome = 'no_show', NEW.outcome = 'cancelled', NEW.wait_ms IS NOT NULL, coalesce(NEW.wait_ms, 0), NEW.wait_met IS NOT NULL, coalesce(NEW.wait_met, 0), NEW.service_ms IS NOT NULL, coalesce(NEW.service_ms, 0), NEW.service_met IS NOT NULL, coalesce(NEW.service_met, 0), NEW.wait_target_ms, NEW.wait_target_ms, NEW.service_target_ms, NEW.service_target_ms)
  ON CONFLICT (service_day, service_id, counter_id, officer_id) DO UPDATE SET
    segments = segments + excluded.segments,
    selesai = selesai + excluded.selesai,
    berkas_tidak_lengkap = berkas_tidak_lengkap + excluded.berkas_tidak_lengkap,
    dirujuk = dirujuk + excluded.dirujuk,
    transferred = transferred + excluded.transferred,
    no_show = no_show + excluded.no_show,
    cancelled = cancelled + excluded.cancelled,
    wait_n = wait_n + excluded.wait_n,
    wait_sum = wait_sum + excluded.wait_sum,
    wait_judged = wait_judged + excluded.wait_judged,
    wait_met = wait_met + excluded.wait_met,
    service_n = service_n + excluded.service_n,
    service_sum = service_sum + excluded.service_sum,
    service_judged = service_judged + excluded.service_judged,
    service_met = service_met + excluded.service_met,
    wait_target_min = min(coalesce(wait_target_min, excluded.wait_target_min), coalesce(excluded.wait_target_min, wait_target_min)),
    wait_target_max = max(coalesce(wait_target_max, excluded.wait_target_max), coalesce(excluded.wait_target_max, wait_target_max)),
    service_target_min = min(coalesce(service_target_min, excluded.service_target_min), coalesce(excluded.service_target_min, service_target_min)),
    service_target_max = max(coalesce(service_target_max, excluded.service_target_max), coalesce(excluded.service_target_max, service_target_max));
END;

CREATE TRIGGER report_service_log_unroll AFTER DELETE ON service_log
BEGIN
  UPDATE report_service_hours SET
    segments = segments - 1,
    selesai = selesai - (OLD.outcome = 'selesai'),
    berkas_tidak_lengkap = berkas_tidak_lengkap - (OLD.outcome = 'berkas_tidak_lengkap'),
    dirujuk = dirujuk - (OLD.outcome = 'dirujuk'),
    transferred = transferred - (OLD.outcome = 'transferred'),
    no_show = no_show - (OLD.outcome = 'no_show'),
    cancelled = cancelled - (OLD.outcome = 'cancelled'),
    wait_n = wait_n - (OLD.wait_ms IS NOT NULL),
    wait_sum = wait_sum - coalesce(OLD.wait_ms, 0),
    wait_judged = wait_judged - (OLD.wait_met IS NOT NULL),
    wait_met = wait_met - coalesce(OLD.wait_met, 0),
    service_n = service_n - (OLD.service_ms IS NOT NULL),
    service_sum = service_sum - coalesce(OLD.service_ms, 0),
    service_judged = service_judged - (OLD.service_met IS NOT NULL),
    service_met = service_met - coalesce(OLD.service_met, 0),
    (wait_target_min, wait_target_max, service_target_min, service_target_max) = (
      SELECT min(wait_target_ms), max(wait_target_ms), min(service_target_ms), max(service_target_ms)
      FROM service_log WHERE service_day = OLD.service_day AND service_id = OLD.service_id AND enqueued_at / 3600000 = OLD.enqueued_at / 3600000)
  WHERE service_day = date(OLD.service_day * 86400, 'unixepoch') AND service_id = (SELECT word FROM event_words WHERE code = OLD.service_id) AND epoch_hour = OLD.enqueued_at / 3600000;
  DELETE FROM report_service_hours WHERE service_day = date(OLD.service_day * 86400, 'unixepoch') AND service_id = (SELECT word FROM event_words WHERE code = OLD.service_id) AND epoch_hour = OLD.enqueued_at / 3600000 AND segments = 0;
  UPDATE report_service_desks SET
    segments = segments - 1,
    selesai = selesai - (OLD.outcome = 'selesai'),
    berkas_tidak_lengkap = berkas_tidak_lengkap - (OLD.outcome = 'berkas_tidak_lengkap'),
    dirujuk = dirujuk - (OLD.outcome = 'dirujuk'),
    transferred = transferred - (OLD.outcome = 'transferred'),
    no_show = no_show - (OLD.outcome = 'no_show'),
    cancelled = cancelled - (OLD.outcome = 'cancelled'),
    wait_n = wait_n - (OLD.wait_ms IS NOT NULL),
    wait_sum = wait_sum - coalesce(OLD.wait_ms, 0),
    wait_judged = wait_judged - (OLD.wait_met IS NOT NULL),
    wait_met = wait_met - coalesce(OLD.wait_met, 0),
    service_n = service_n - (OLD.service_ms IS NOT NULL),
    service_sum = service_sum - coalesce(OLD.service_ms, 0),
    service_judged = service_judged - (OLD.service_met IS NOT NULL),
    service_met = service_met - coalesce(OLD.service_met, 0),
    (wait_target_min, wait_target_max, service_target_min, service_target_max) = (
      SELECT min(wait_target_ms), max(wait_target_ms), min(service_target_ms), max(service_target_ms)
      FROM service_log WHERE service_day = OLD.service_day AND service_id = OLD.service_id
        AND counter_id IS OLD.counter_id AND officer_id IS OLD.officer_id)
  WHERE service_day = date(OLD.service_day * 86400, 'unixepoch') AND service_id = (SELECT word FROM event_words WHERE code = OLD.service_id) AND counter_id = coalesce((SELECT word FROM event_words WHERE code = OLD.counter_id), '') AND officer_id = coalesce((SELECT word FROM event_words WHERE code = OLD.officer_id), '');
  DELETE FROM report_service_desks WHERE service_day = date(OLD.service_day * 86400, 'unixepoch') AND service_id = (SELECT word FROM event_words WHERE code = OLD.service_id) AND counter_id = coalesce((SELECT word FROM event_words WHERE code = OLD.counter_id), '') AND officer_id = coalesce((SELECT word FROM event_words WHERE code = OLD.officer_id), '') AND segments = 0;
END;

CREATE TRIGGER report_step_log_rollup AFTER INSERT ON step_log
BEGIN
  INSERT INTO report_steps (service_day, service_id, step_id, n, ms_sum, judged, met, over_sum, order_sum, target_min, target_max)
  VALUES (date(NEW.service_day * 86400, 'unixepoch'), (SELECT word FROM event_words WHERE code = NEW.service_id), (SELECT word FROM event_words WHERE code = NEW.step_id), 1, NEW.ms, NEW.met IS NOT NULL, coalesce(NEW.met, 0),
    coalesce(max(NEW.ms - NEW.target_ms, 0), 0), NEW.step_order, NEW.target_ms, NEW.target_ms)
  ON CONFLICT (service_day, service_id, step_id) DO UPDATE SET
    n = n + 1,
    ms_sum = ms_sum + excluded.ms_sum,
    judged = judged + excluded.judged,
    met = met + excluded.met,
    over_sum = over_sum + excluded.over_sum,
    order_sum = order_sum + excluded.order_sum,
    target_min = min(coalesce(target_min, excluded.target_min), coalesce(excluded.target_min, target_min)),
    target_max = max(coalesce(target_max, excluded.target_max), coalesce(excluded.target_max, target_max));
END;

CREATE TRIGGER report_step_log_unroll AFTER DELETE ON step_log
BEGIN
  UPDATE report_steps SET
    n = n - 1,
    ms_sum = ms_sum - OLD.ms,
    judged = judged - (OLD.met IS NOT NULL),
    met = met - coalesce(OLD.met, 0),
    over_sum = over_sum - coalesce(max(OLD.ms - OLD.target_ms, 0), 0),
    order_sum = order_sum - OLD.step_order,
    (target_min, target_max) = (
      SELECT min(target_ms), max(target_ms) FROM step_log WHERE service_day = OLD.service_day AND service_id = OLD.service_id AND step_id = OLD.step_id)
  WHERE service_day = date(OLD.service_day * 86400, 'unixepoch') AND service_id = (SELECT word FROM event_words WHERE code = OLD.service_id) AND step_id = (SELECT word FROM event_words WHERE code = OLD.step_id);
  DELETE FROM report_steps WHERE service_day = date(OLD.service_day * 86400, 'unixepoch') AND service_id = (SELECT word FROM event_words WHERE code = OLD.service_id) AND step_id = (SELECT word FROM event_words WHERE code = OLD.step_id) AND n = 0;
END;

CREATE TRIGGER report_step_segments_roll AFTER INSERT ON step_log
WHEN NEW.step_order = 0 AND EXISTS (
  SELECT 1 FROM service_log AS s
  WHERE s.ticket_seq = NEW.ticket_seq AND s.segment_index = NEW.segment_index
    AND s.outcome IN ('selesai', 'berkas_tidak_lengkap', 'dirujuk'))
BEGIN
  INSERT INTO report_step_segments (service_day, service_id, served_with_steps)
  VALUES (date(NEW.service_day * 86400, 'unixepoch'), (SELECT word FROM event_words WHERE code = NEW.service_id), 1)
  ON CONFLICT (service_day, service_id) DO UPDATE SET served_with_steps = served_with_steps + 1;
END;


-- For people reading the logs by hand (sqlite3, an audit): ids and days back.
CREATE VIEW service_log_ids AS
SELECT s.rowid AS rowid, (SELECT id FROM tickets WHERE issued_seq = s.ticket_seq) AS ticket_id, s.segment_index,
  s.ticket_number, date(s.service_day * 86400, 'unixepoch') AS service_day,
  (SELECT word FROM event_words WHERE code = s.service_id) AS service_id, s.priority,
  (SELECT word FROM event_words WHERE code = s.counter_id) AS counter_id,
  (SELECT word FROM event_words WHERE code = s.officer_id) AS officer_id,
  s.issued_at, s.enqueued_at, s.called_at, s.started_at, s.ended_at, s.outcome, s.cancel_reason,
  s.wait_ms, s.service_ms, s.wait_target_ms, s.service_target_ms, s.wait_met, s.service_met, s.recalls, s.ended_seq
FROM service_log AS s;

CREATE VIEW step_log_ids AS
SELECT date(t.service_day * 86400, 'unixepoch') AS service_day, (SELECT word FROM event_words WHERE code = t.service_id) AS service_id,
  (SELECT id FROM tickets WHERE issued_seq = t.ticket_seq) AS ticket_id, t.segment_index,
  (SELECT word FROM event_words WHERE code = t.step_id) AS step_id, t.step_order, t.ms, t.target_ms, t.met
FROM step_log AS t;
