-- Report rollups and indexes for the dashboard (packages/store/src/reports).
--
-- service_log and step_log stay the truth. The rollups below are sums of
-- their rows, kept by triggers in the same transaction as each insert, so a
-- month's summary reads a few thousand rollup rows instead of ~90,000 segments
-- (benchmark: tests/bench/reports.ts). They are filled from the log by the
-- report module (createReportQueries -> verifyRollups), which also compares
-- their totals with the log's at start-up and rebuilds them when they differ:
-- rebuildReadModels() drops and refills service_log/step_log/tickets without
-- firing these triggers.
--
-- Rollup keys use '' for "no counter" / "no officer": NULLs never conflict in
-- a primary key, so an upsert would add a row per segment instead of counting.

-- Per day, service and hour of queueing (whole hours since the epoch of enqueued_at;
-- the report adds the office's UTC offset, a whole number of hours in Indonesia).
CREATE TABLE report_service_hours (
  service_day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  epoch_hour INTEGER NOT NULL,
  segments INTEGER NOT NULL,
  selesai INTEGER NOT NULL,
  berkas_tidak_lengkap INTEGER NOT NULL,
  dirujuk INTEGER NOT NULL,
  transferred INTEGER NOT NULL,
  no_show INTEGER NOT NULL,
  cancelled INTEGER NOT NULL,
  wait_n INTEGER NOT NULL,
  wait_sum INTEGER NOT NULL,
  wait_judged INTEGER NOT NULL,
  wait_met INTEGER NOT NULL,
  service_n INTEGER NOT NULL,
  service_sum INTEGER NOT NULL,
  service_judged INTEGER NOT NULL,
  service_met INTEGER NOT NULL,
  wait_target_min INTEGER,
  wait_target_max INTEGER,
  service_target_min INTEGER,
  service_target_max INTEGER,
  PRIMARY KEY (service_day, service_id, epoch_hour)
) STRICT, WITHOUT ROWID;

-- Per day, service, counter and officer.
CREATE TABLE report_service_desks (
  service_day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  counter_id TEXT NOT NULL,
  officer_id TEXT NOT NULL,
  segments INTEGER NOT NULL,
  selesai INTEGER NOT NULL,
  berkas_tidak_lengkap INTEGER NOT NULL,
  dirujuk INTEGER NOT NULL,
  transferred INTEGER NOT NULL,
  no_show INTEGER NOT NULL,
  cancelled INTEGER NOT NULL,
  wait_n INTEGER NOT NULL,
  wait_sum INTEGER NOT NULL,
  wait_judged INTEGER NOT NULL,
  wait_met INTEGER NOT NULL,
  service_n INTEGER NOT NULL,
  service_sum INTEGER NOT NULL,
  service_judged INTEGER NOT NULL,
  service_met INTEGER NOT NULL,
  wait_target_min INTEGER,
  wait_target_max INTEGER,
  service_target_min INTEGER,
  service_target_max INTEGER,
  PRIMARY KEY (service_day, service_id, counter_id, officer_id)
) STRICT, WITHOUT ROWID;

-- Ticked SOP steps per day, service and step.
CREATE TABLE report_steps (
  service_day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  step_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  ms_sum INTEGER NOT NULL,
  judged INTEGER NOT NULL,
  met INTEGER NOT NULL,
  -- Sum of the time beyond the step's target: where the time went.
  over_sum INTEGER NOT NULL,
  order_sum INTEGER NOT NULL,
  target_min INTEGER,
  target_max INTEGER,
  PRIMARY KEY (service_day, service_id, step_id)
) STRICT, WITHOUT ROWID;

-- Tickets issued per day and service (the service they were issued for).
CREATE TABLE report_issued (
  service_day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  issued INTEGER NOT NULL,
  PRIMARY KEY (service_day, service_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER report_service_log_rollup AFTER INSERT ON service_log
BEGIN
  INSERT INTO report_service_hours (service_day, service_id, epoch_hour, segments, selesai, berkas_tidak_lengkap, dirujuk, transferred, no_show, cancelled, wait_n, wait_sum, wait_judged, wait_met, service_n, service_sum, service_judged, service_met, wait_target_min, wait_target_max, service_target_min, service_target_max)
  VALUES (NEW.service_day, NEW.service_id, NEW.enqueued_at / 3600000, 1, NEW.outcome = 'selesai', NEW.outcome = 'berkas_tidak_lengkap', NEW.outcome = 'dirujuk', NEW.outcome = 'transferred', NEW.outcome = 'no_show', NEW.outcome = 'cancelled', NEW.wait_ms IS NOT NULL, coalesce(NEW.wait_ms, 0), NEW.wait_met IS NOT NULL, coalesce(NEW.wait_met, 0), NEW.service_ms IS NOT NULL, coalesce(NEW.service_ms, 0), NEW.service_met IS NOT NULL, coalesce(NEW.service_met, 0), NEW.wait_target_ms, NEW.wait_target_ms, NEW.service_target_ms, NEW.service_target_ms)
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
  VALUES (NEW.service_day, NEW.service_id, coalesce(NEW.counter_id, ''), coalesce(NEW.officer_id, ''), 1, NEW.outcome = 'selesai', NEW.outcome = 'berkas_tidak_lengkap', NEW.outcome = 'dirujuk', NEW.outcome = 'transferred', NEW.outcome = 'no_show', NEW.outcome = 'cancelled', NEW.wait_ms IS NOT NULL, coalesce(NEW.wait_ms, 0), NEW.wait_met IS NOT NULL, coalesce(NEW.wait_met, 0), NEW.service_ms IS NOT NULL, coalesce(NEW.service_ms, 0), NEW.service_met IS NOT NULL, coalesce(NEW.service_met, 0), NEW.wait_target_ms, NEW.wait_target_ms, NEW.service_target_ms, NEW.service_target_ms)
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

CREATE TRIGGER report_tickets_rollup AFTER INSERT ON tickets
BEGIN
  INSERT INTO report_issued (service_day, service_id, issued) VALUES (NEW.service_day, NEW.issued_service_id, 1)
  ON CONFLICT (service_day, service_id) DO UPDATE SET issued = issued + 1;
END;

-- Percentiles need the times themselves: wait and service times of a day range
-- (and of a counter or officer inside it) come out of this index alone.
-- Partial: only segments with a time, which is what the percentile query asks
-- for; other queries keep the plans they had.
CREATE INDEX service_log_times ON service_log (service_day, service_id, counter_id, officer_id, enqueued_at, wait_ms, service_ms)
  WHERE wait_ms IS NOT NULL OR service_ms IS NOT NULL;

-- Ticket log, newest first (the default order): a page is a short walk from the
-- end of the range, with (service_day, ended_at, rowid) as the keyset cursor.
CREATE INDEX service_log_day_ended ON service_log (service_day, ended_at);

-- Ticket log sorted by the longest (or shortest) wait or service time.
CREATE INDEX service_log_wait ON service_log (wait_ms);
CREATE INDEX service_log_service_ms ON service_log (service_ms);

-- Step times of a day range for the steps report's p50/p90, index-only.
-- Partial on a condition that always holds (step_order is never negative) so
-- only a query that states it uses the index; the hub's other step queries keep
-- step_log_service_day. (Not "ms IS NOT NULL": the planner drops that term on a
-- NOT NULL column and could then never prove the index usable.)
CREATE INDEX step_log_times ON step_log (service_day, service_id, step_id, ms) WHERE step_order >= 0;
