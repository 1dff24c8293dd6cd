-- Storage per ticket (issue 13): the read models that grow with the history
-- name services, counters, officers and SOP steps by their number in
-- event_words, as the event log's payloads already do (migration 0009).
--
-- service_log repeated a segment's service, counter and officer ids (~40
-- characters: an officer's id alone is a user id) in its row and again in
-- service_log_times, service_log_counter_day and service_log_officer_day;
-- step_log its service and step ids in every step's key. A code is 1-2 bytes.
-- The columns keep their names and their meaning; what was a text id is now
-- the code of that text (INTEGER). The report queries translate a filter's ids
-- to codes and their answers' codes back to ids (read-models/words.ts); the
-- rollup tables, which are small, keep the ids as text, so their triggers read
-- the word of a code. Rows, rowids, the ticket log's cursors, every figure and
-- every index's order within a day stay as they were.

-- Every id the rows hold gets a code (all are in the payloads already, and so
-- in event_words; a row written by hand might not be).
INSERT INTO event_words (word)
SELECT w FROM (
  SELECT service_id AS w FROM service_log
  UNION SELECT counter_id FROM service_log
  UNION SELECT officer_id FROM service_log
  UNION SELECT service_id FROM step_log
  UNION SELECT step_id FROM step_log)
WHERE w IS NOT NULL AND w NOT IN (SELECT word FROM event_words)
ORDER BY w;

CREATE TABLE service_log_coded (
  ticket_id         TEXT    NOT NULL REFERENCES tickets (id),
  segment_index     INTEGER NOT NULL,
  ticket_number     TEXT    NOT NULL,
  service_day       TEXT    NOT NULL,
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
  PRIMARY KEY (ticket_id, segment_index)
) STRICT;

-- The same rowids: the ticket log's cursors and its order within a day use them.
INSERT INTO service_log_coded (rowid, ticket_id, segment_index, ticket_number, service_day, service_id, priority,
  counter_id, officer_id, issued_at, enqueued_at, called_at, started_at, ended_at, outcome, cancel_reason,
  wait_ms, service_ms, wait_target_ms, service_target_ms, wait_met, service_met, recalls, ended_seq)
SELECT rowid, ticket_id, segment_index, ticket_number, service_day, (SELECT code FROM event_words WHERE word = service_id), priority,
  (SELECT code FROM event_words WHERE word = counter_id), (SELECT code FROM event_words WHERE word = officer_id), issued_at, enqueued_at, called_at, started_at, ended_at, outcome, cancel_reason,
  wait_ms, service_ms, wait_target_ms, service_target_ms, wait_met, service_met, recalls, ended_seq
FROM service_log ORDER BY rowid;

-- Its foreign key names service_log_coded, which becomes service_log below
-- (a rename rewrites the reference): the old service_log can then go while
-- step_log's rows still point at their segments.
CREATE TABLE step_log_coded (
  service_day   TEXT    NOT NULL,
  -- The codes in event_words of the service and step ids.
  service_id    INTEGER NOT NULL,
  ticket_id     TEXT    NOT NULL,
  segment_index INTEGER NOT NULL,
  step_id       INTEGER NOT NULL,
  -- Position in the order the officer ticked them.
  step_order    INTEGER NOT NULL,
  ms            INTEGER NOT NULL,
  target_ms     INTEGER,
  met           INTEGER CHECK (met IN (0, 1)),
  PRIMARY KEY (service_day, service_id, ticket_id, segment_index, step_id),
  FOREIGN KEY (ticket_id, segment_index) REFERENCES service_log_coded (ticket_id, segment_index)
) STRICT, WITHOUT ROWID;

-- In key order (a day's services by code now): the B-tree is written page after page, full.
INSERT INTO step_log_coded (service_day, service_id, ticket_id, segment_index, step_id, step_order, ms, target_ms, met)
SELECT service_day, (SELECT code FROM event_words WHERE word = service_id) AS s, ticket_id, segment_index, (SELECT code FROM event_words WHERE word = step_id) AS st, step_order, ms, target_ms, met
FROM step_log
ORDER BY service_day, s, ticket_id, segment_index, st;

-- Take their indexes and triggers with them; they come back below.
DROP TABLE step_log;
DROP TABLE service_log;
ALTER TABLE service_log_coded RENAME TO service_log;
ALTER TABLE step_log_coded RENAME TO step_log;

-- The indexes of migrations 0002-0011, on the codes.
CREATE INDEX service_log_counter_day ON service_log (counter_id, service_day);
CREATE INDEX service_log_day_ended ON service_log (service_day, ended_at);
CREATE INDEX service_log_officer_day ON service_log (officer_id, service_day);
CREATE INDEX service_log_service_ms ON service_log (service_ms);
CREATE INDEX service_log_times ON service_log (service_day, service_id, counter_id, officer_id, enqueued_at, wait_ms, service_ms)
  WHERE wait_ms IS NOT NULL OR service_ms IS NOT NULL;
CREATE INDEX service_log_wait ON service_log (wait_ms);

-- The rollup triggers of migrations 0005, 0007, 0010 and 0011: the rollups keep
-- the ids as text, so they read the word of each code; the look-ups back into
-- the log compare codes with codes.
CREATE TRIGGER report_service_log_rollup AFTER INSERT ON service_log
BEGIN
  INSERT INTO report_service_hours (service_day, service_id, epoch_hour, segments, selesai, berkas_tidak_lengkap, dirujuk, transferred, no_show, cancelled, wait_n, wait_sum, wait_judged, wait_met, service_n, service_sum, service_judged, service_met, wait_target_min, wait_target_max, service_target_min, service_target_max)
  VALUES (NEW.service_day, (SELECT word FROM event_words WHERE code = NEW.service_id), NEW.enqueued_at / 3600000, 1, NEW.outcome = 'selesai', NEW.outcome = 'berkas_tidak_lengkap', NEW.outcome = 'dirujuk', NEW.outcome = 'transferred', NEW.outcome = 'no_show', NEW.outcome = 'cancelled', NEW.wait_ms IS NOT NULL, coalesce(NEW.wait_ms, 0), NEW.wait_met IS NOT NULL, coalesce(NEW.wait_met, 0), NEW.service_ms IS NOT NULL, coalesce(NEW.service_ms, 0), NEW.service_met IS NOT NULL, coalesce(NEW.service_met, 0), NEW.wait_target_ms, NEW.wait_target_ms, NEW.service_target_ms, NEW.service_target_ms)
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
  VALUES (NEW.service_day, (SELECT word FROM event_words WHERE code = NEW.service_id), coalesce((SELECT word FROM event_words WHERE code = NEW.counter_id), ''), coalesce((SELECT word FROM event_words WHERE code = NEW.officer_id), ''), 1, NEW.outcome = 'selesai', NEW.outcome = 'berkas_tidak_lengkap', NEW.outcome = 'dirujuk', NEW.outcome = 'transferred', NEW.outcome = 'no_show', NEW.outcome = 'cancelled', NEW.wait_ms IS NOT NULL, coalesce(NEW.wait_ms, 0), NEW.wait_met IS NOT NULL, coalesce(NEW.wait_met, 0), NEW.service_ms IS NOT NULL, coalesce(NEW.service_ms, 0), NEW.service_met IS NOT NULL, coalesce(NEW.service_met, 0), NEW.wait_target_ms, NEW.wait_target_ms, NEW.service_target_ms, NEW.service_target_ms)
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
  WHERE service_day = OLD.service_day AND service_id = (SELECT word FROM event_words WHERE code = OLD.service_id) AND epoch_hour = OLD.enqueued_at / 3600000;
  DELETE FROM report_service_hours WHERE service_day = OLD.service_day AND service_id = (SELECT word FROM event_words WHERE code = OLD.service_id) AND epoch_hour = OLD.enqueued_at / 3600000 AND segments = 0;
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
  WHERE service_day = OLD.service_day AND service_id = (SELECT word FROM event_words WHERE code = OLD.service_id) AND counter_id = coalesce((SELECT word FROM event_words WHERE code = OLD.counter_id), '') AND officer_id = coalesce((SELECT word FROM event_words WHERE code = OLD.officer_id), '');
  DELETE FROM report_service_desks WHERE service_day = OLD.service_day AND service_id = (SELECT word FROM event_words WHERE code = OLD.service_id) AND counter_id = coalesce((SELECT word FROM event_words WHERE code = OLD.counter_id), '') AND officer_id = coalesce((SELECT word FROM event_words WHERE code = OLD.officer_id), '') AND segments = 0;
END;

CREATE TRIGGER report_step_log_rollup AFTER INSERT ON step_log
BEGIN
  INSERT INTO report_steps (service_day, service_id, step_id, n, ms_sum, judged, met, over_sum, order_sum, target_min, target_max)
  VALUES (NEW.service_day, (SELECT word FROM event_words WHERE code = NEW.service_id), (SELECT word FROM event_words WHERE code = NEW.step_id), 1, NEW.ms, NEW.met IS NOT NULL, coalesce(NEW.met, 0),
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
  WHERE service_day = OLD.service_day AND service_id = (SELECT word FROM event_words WHERE code = OLD.service_id) AND step_id = (SELECT word FROM event_words WHERE code = OLD.step_id);
  DELETE FROM report_steps WHERE service_day = OLD.service_day AND service_id = (SELECT word FROM event_words WHERE code = OLD.service_id) AND step_id = (SELECT word FROM event_words WHERE code = OLD.step_id) AND n = 0;
END;

CREATE TRIGGER report_step_segments_roll AFTER INSERT ON step_log
WHEN NEW.step_order = 0 AND EXISTS (
  SELECT 1 FROM service_log AS s
  WHERE s.ticket_id = NEW.ticket_id AND s.segment_index = NEW.segment_index
    AND s.outcome IN ('selesai', 'berkas_tidak_lengkap', 'dirujuk'))
BEGIN
  INSERT INTO report_step_segments (service_day, service_id, served_with_steps)
  VALUES (NEW.service_day, (SELECT word FROM event_words WHERE code = NEW.service_id), 1)
  ON CONFLICT (service_day, service_id) DO UPDATE SET served_with_steps = served_with_steps + 1;
END;

-- For people reading the logs by hand (sqlite3, an audit): the ids back.
CREATE VIEW service_log_ids AS
SELECT s.rowid AS rowid, s.ticket_id, s.segment_index, s.ticket_number, s.service_day,
  (SELECT word FROM event_words WHERE code = s.service_id) AS service_id, s.priority,
  (SELECT word FROM event_words WHERE code = s.counter_id) AS counter_id,
  (SELECT word FROM event_words WHERE code = s.officer_id) AS officer_id,
  s.issued_at, s.enqueued_at, s.called_at, s.started_at, s.ended_at, s.outcome, s.cancel_reason,
  s.wait_ms, s.service_ms, s.wait_target_ms, s.service_target_ms, s.wait_met, s.service_met, s.recalls, s.ended_seq
FROM service_log AS s;

CREATE VIEW step_log_ids AS
SELECT t.service_day, (SELECT word FROM event_words WHERE code = t.service_id) AS service_id,
  t.ticket_id, t.segment_index, (SELECT word FROM event_words WHERE code = t.step_id) AS step_id,
  t.step_order, t.ms, t.target_ms, t.met
FROM step_log AS t;
