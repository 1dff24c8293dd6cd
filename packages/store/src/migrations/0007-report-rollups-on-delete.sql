-- Report rollups that also follow deletions from the log.
--
-- Migration 0005 keeps the rollups as sums of service_log and step_log rows
-- with AFTER INSERT triggers. Since ticket.transfer_undone (an officer's
-- "Batalkan" right after a transfer) the log also loses rows: the transferred
-- segment did not end after all, so its service_log row and its step_log rows
-- go, and the segment is logged once, when it really ends. These triggers take
-- back what the insert triggers added, in the same transaction: counts and sums
-- are subtracted; the target min/max cannot be, so they are recomputed from the
-- rows left in that one group (a few hundred at most, and undo is rare); a
-- group left empty is deleted, as a refill (rebuildRollups) would never make it.
-- verifyRollups still compares the totals at start-up and refills on a difference.

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
  WHERE service_day = OLD.service_day AND service_id = OLD.service_id AND epoch_hour = OLD.enqueued_at / 3600000;
  DELETE FROM report_service_hours WHERE service_day = OLD.service_day AND service_id = OLD.service_id AND epoch_hour = OLD.enqueued_at / 3600000 AND segments = 0;
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
        AND coalesce(counter_id, '') = coalesce(OLD.counter_id, '') AND coalesce(officer_id, '') = coalesce(OLD.officer_id, ''))
  WHERE service_day = OLD.service_day AND service_id = OLD.service_id AND counter_id = coalesce(OLD.counter_id, '') AND officer_id = coalesce(OLD.officer_id, '');
  DELETE FROM report_service_desks WHERE service_day = OLD.service_day AND service_id = OLD.service_id AND counter_id = coalesce(OLD.counter_id, '') AND officer_id = coalesce(OLD.officer_id, '') AND segments = 0;
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
