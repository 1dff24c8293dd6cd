-- Served segments with at least one ticked SOP step, per day and service: the
-- monthly compliance report's "step coverage" (served with steps / without).
-- Counting them from step_log took one primary-key probe per served segment
-- (88,000 a month, 0.35-0.4 s of a 0.5 s report); this keeps the count as
-- ticks are written. A segment's steps are written in order after its
-- service_log row (step_order 0 first): that row stands for the segment. No
-- delete trigger: the only segments the log takes back are undone transfers
-- (migration 0007), which were never served, so never counted here.
CREATE TABLE report_step_segments (
  service_day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  served_with_steps INTEGER NOT NULL,
  PRIMARY KEY (service_day, service_id)
) STRICT, WITHOUT ROWID;

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

INSERT INTO report_step_segments (service_day, service_id, served_with_steps)
SELECT t.service_day, t.service_id, count(*)
FROM step_log AS t JOIN service_log AS s ON s.ticket_id = t.ticket_id AND s.segment_index = t.segment_index
WHERE t.step_order = 0 AND s.outcome IN ('selesai', 'berkas_tidak_lengkap', 'dirujuk')
GROUP BY 1, 2;
