-- Storage per ticket (issue 13): step_log in the order the reports read it,
-- with no index of its own; the measurements in the event log as arrays.
--
-- step_log was a rowid table with three B-trees beside it: the primary key's
-- (ticket_id, segment_index, step_id), step_log_service_day (service_id,
-- service_day) and step_log_times (service_day, service_id, step_id, ms), each
-- repeating the ids: ~490 bytes per ticket for ~2.5 ticked steps, more than
-- the segments' own log. Now the table is its only B-tree (WITHOUT ROWID),
-- keyed (service_day, service_id, ticket_id, segment_index, step_id):
-- - a day range (the steps report's p50/p90, the rollup refill of a day, the
--   undo trigger's target min/max) is a range of the key, as step_log_times was;
-- - a segment's steps (the ticket log, the step-coverage EXISTS, an undone
--   transfer's delete) are a seek on the key's first four columns: every
--   caller has the segment's service_log row, which holds its service_day and
--   service_id (the writer copies both from the same ticket and measurement);
-- - nothing reads steps by ticket alone.
-- The columns, the foreign key and the rows stay as they were.
CREATE TABLE step_log_keyed (
  service_day   TEXT    NOT NULL,
  service_id    TEXT    NOT NULL,
  ticket_id     TEXT    NOT NULL,
  segment_index INTEGER NOT NULL,
  step_id       TEXT    NOT NULL,
  -- Position in the order the officer ticked them.
  step_order    INTEGER NOT NULL,
  ms            INTEGER NOT NULL,
  target_ms     INTEGER,
  met           INTEGER CHECK (met IN (0, 1)),
  PRIMARY KEY (service_day, service_id, ticket_id, segment_index, step_id),
  FOREIGN KEY (ticket_id, segment_index) REFERENCES service_log (ticket_id, segment_index)
) STRICT, WITHOUT ROWID;

-- In key order: the B-tree is written page after page, full.
INSERT INTO step_log_keyed (service_day, service_id, ticket_id, segment_index, step_id, step_order, ms, target_ms, met)
SELECT service_day, service_id, ticket_id, segment_index, step_id, step_order, ms, target_ms, met
FROM step_log
ORDER BY service_day, service_id, ticket_id, segment_index, step_id;

-- Takes its indexes and its triggers with it; the triggers come back below.
DROP TABLE step_log;
ALTER TABLE step_log_keyed RENAME TO step_log;

-- The rollup triggers of migrations 0005, 0007 and 0010, unchanged.
CREATE TRIGGER report_step_log_rollup AFTER INSERT ON step_log
BEGIN
  INSERT INTO report_steps (service_day, service_id, step_id, n, ms_sum, judged, met, over_sum, order_sum, target_min, target_max)
  VALUES (NEW.service_day, NEW.service_id, NEW.step_id, 1, NEW.ms, NEW.met IS NOT NULL, coalesce(NEW.met, 0),
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
  WHERE service_day = OLD.service_day AND service_id = OLD.service_id AND step_id = OLD.step_id;
  DELETE FROM report_steps WHERE service_day = OLD.service_day AND service_id = OLD.service_id AND step_id = OLD.step_id AND n = 0;
END;

CREATE TRIGGER report_step_segments_roll AFTER INSERT ON step_log
WHEN NEW.step_order = 0 AND EXISTS (
  SELECT 1 FROM service_log AS s
  WHERE s.ticket_id = NEW.ticket_id AND s.segment_index = NEW.segment_index
    AND s.outcome IN ('selesai', 'berkas_tidak_lengkap', 'dirujuk'))
BEGIN
  INSERT INTO report_step_segments (service_day, service_id, served_with_steps)
  VALUES (NEW.service_day, NEW.service_id, 1)
  ON CONFLICT (service_day, service_id) DO UPDATE SET served_with_steps = served_with_steps + 1;
END;

-- The segments report's queries with no counter or officer read the rollups
-- or service_log_times (which leads with the day); those with one read
-- service_log_counter_day / service_log_officer_day; nothing asks for
-- (service_id, service_day) that the others do not answer as well.
DROP INDEX service_log_service_day;

-- The event log: a finished segment's measurement (ticket.completed,
-- ticket.transferred, ticket.no_show) is now written as an array of its values
-- (event-codec.ts TUPLES), ~40% of the log's bytes before. The events before
-- this migration are written again the same way (layan_recode_payload, which
-- the store registers before migrating: decode, encode, the same fields and
-- the same word numbers), so old and new rows read alike; seqs, types, times
-- and ticket ids stay. The log stays append-only for everything but this.
DROP TRIGGER events_no_update;

UPDATE events SET payload = layan_recode_payload(at, payload)
WHERE type IN (SELECT code FROM event_types WHERE type IN ('ticket.completed', 'ticket.transferred', 'ticket.no_show'));

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
