/**
 * The report rollups (migration 0005) are sums of service_log, step_log and
 * tickets rows, kept by triggers. Triggers do not see rebuildReadModels(),
 * which drops those tables and refills them, nor a database migrated with
 * rows already in the log: this module compares the rollups' totals with the
 * log's and refills them when they differ. The log stays the truth.
 *
 * report_step_segments (0010) has no total of its own in the check: counting
 * served segments with steps in the log takes a join per segment, the very
 * cost it saves. It is made of the same step_log and service_log rows as
 * report_steps and report_service_hours, so a change of either outside the
 * triggers shows in their totals, and every refill refills it too.
 *
 * The rollups hold the ids as text, the logs their codes (migration 0013): a
 * refill writes the word of each group's code.
 */
import type Database from "better-sqlite3";
import { SEGMENT_STEPS } from "./filter";
import { dayOf, wordOf } from "../read-models";

export interface RollupCheck {
  /** True when the rollups had to be refilled. */
  rebuilt: boolean;
  /** Which totals differed (empty when none did). */
  mismatches: string[];
  ms: number;
}

const SEGMENT_MEASURES = `count(*), sum(outcome = 'selesai'), sum(outcome = 'berkas_tidak_lengkap'), sum(outcome = 'dirujuk'),
  sum(outcome = 'transferred'), sum(outcome = 'no_show'), sum(outcome = 'cancelled'),
  count(wait_ms), coalesce(sum(wait_ms), 0), count(wait_met), coalesce(sum(wait_met), 0),
  count(service_ms), coalesce(sum(service_ms), 0), count(service_met), coalesce(sum(service_met), 0),
  min(wait_target_ms), max(wait_target_ms), min(service_target_ms), max(service_target_ms)`;

const SEGMENT_COLUMNS = `segments, selesai, berkas_tidak_lengkap, dirujuk, transferred, no_show, cancelled,
  wait_n, wait_sum, wait_judged, wait_met, service_n, service_sum, service_judged, service_met,
  wait_target_min, wait_target_max, service_target_min, service_target_max`;

/** step_log's first tick of each served segment: one row per segment in report_step_segments (migration 0010). */
const SERVED_WITH_STEPS_JOIN = `ON ${SEGMENT_STEPS}
  WHERE t.step_order = 0 AND s.outcome IN ('selesai', 'berkas_tidak_lengkap', 'dirujuk')`;

/** Refills every rollup from the log, in one transaction (seconds for a million tickets). */
export function rebuildRollups(db: Database.Database): void {
  db.transaction(() => {
    db.exec(`
      DELETE FROM report_service_hours;
      DELETE FROM report_service_desks;
      DELETE FROM report_steps;
      DELETE FROM report_issued;
      DELETE FROM report_step_segments;
      INSERT INTO report_service_hours (service_day, service_id, epoch_hour, ${SEGMENT_COLUMNS})
        SELECT ${dayOf("service_day")}, ${wordOf("service_id")}, enqueued_at / 3600000, ${SEGMENT_MEASURES}
        FROM service_log GROUP BY service_day, service_id, 3;
      INSERT INTO report_service_desks (service_day, service_id, counter_id, officer_id, ${SEGMENT_COLUMNS})
        SELECT ${dayOf("service_day")}, ${wordOf("service_id")}, coalesce(${wordOf("counter_id")}, ''), coalesce(${wordOf("officer_id")}, ''), ${SEGMENT_MEASURES}
        FROM service_log GROUP BY service_day, service_id, counter_id, officer_id;
      INSERT INTO report_steps (service_day, service_id, step_id, n, ms_sum, judged, met, over_sum, order_sum, target_min, target_max)
        SELECT ${dayOf("service_day")}, ${wordOf("service_id")}, ${wordOf("step_id")}, count(*), sum(ms), count(met), coalesce(sum(met), 0),
          coalesce(sum(max(ms - target_ms, 0)), 0), sum(step_order), min(target_ms), max(target_ms)
        FROM step_log GROUP BY service_day, service_id, step_id;
      INSERT INTO report_step_segments (service_day, service_id, served_with_steps)
        SELECT ${dayOf("t.service_day")}, ${wordOf("t.service_id")}, count(*) FROM step_log AS t JOIN service_log AS s ${SERVED_WITH_STEPS_JOIN}
        GROUP BY t.service_day, t.service_id;
      INSERT INTO report_issued (service_day, service_id, issued)
        SELECT ${dayOf("service_day")}, ${wordOf("issued_service_id")}, count(*) FROM tickets GROUP BY service_day, issued_service_id;
      DELETE FROM report_survey_days;
      INSERT INTO report_survey_days
        SELECT service_day, service_id, coalesce(counter_id, ''), count(*), sum(persyaratan), sum(prosedur), sum(waktu),
          sum(biaya), sum(produk), sum(kompetensi), sum(perilaku), sum(sarana), sum(pengaduan)
        FROM survey_responses GROUP BY 1, 2, 3;
    `);
  })();
}

/** Every service day that has log rows or rollup rows (stale ones included, so they go). */
function rollupDays(db: Database.Database): string[] {
  return db
    .prepare<[], { day: string }>(
      `SELECT DISTINCT ${dayOf("service_day")} AS day FROM tickets
       UNION SELECT service_day FROM report_issued
       UNION SELECT service_day FROM report_service_hours
       UNION SELECT service_day FROM report_service_desks
       UNION SELECT service_day FROM report_steps
       UNION SELECT service_day FROM report_survey_days
       UNION SELECT service_day FROM report_step_segments
       ORDER BY 1`,
    )
    .all()
    .map((r) => r.day);
}

/**
 * The same refill as rebuildRollups, one service day per transaction: a
 * year's refill in one transaction held the write lock for over a minute (83
 * s on the year store), longer than the hub's busy timeout, so every command
 * would have failed meanwhile. A day holds it for a fraction of a second, and
 * `pause` between days (given that day's time) lets the hub's waiting commits
 * in. Rows of a day are keyed by the ticket's service day, as the triggers key
 * them, so a day refilled in one transaction is consistent with the commits
 * before and after it. Returns how many days it refilled.
 */
export function rebuildRollupsByDay(
  db: Database.Database,
  pause: (dayMs: number) => void = () => undefined,
): number {
  const statements = [
    "DELETE FROM report_service_hours WHERE service_day = @day",
    "DELETE FROM report_service_desks WHERE service_day = @day",
    "DELETE FROM report_steps WHERE service_day = @day",
    "DELETE FROM report_issued WHERE service_day = @day",
    "DELETE FROM report_survey_days WHERE service_day = @day",
    "DELETE FROM report_step_segments WHERE service_day = @day",
    `INSERT INTO report_service_hours (service_day, service_id, epoch_hour, ${SEGMENT_COLUMNS})
      SELECT ${dayOf("service_day")}, ${wordOf("service_id")}, enqueued_at / 3600000, ${SEGMENT_MEASURES}
      FROM service_log WHERE service_day = unixepoch(@day) / 86400 GROUP BY service_day, service_id, 3`,
    `INSERT INTO report_service_desks (service_day, service_id, counter_id, officer_id, ${SEGMENT_COLUMNS})
      SELECT ${dayOf("service_day")}, ${wordOf("service_id")}, coalesce(${wordOf("counter_id")}, ''), coalesce(${wordOf("officer_id")}, ''), ${SEGMENT_MEASURES}
      FROM service_log WHERE service_day = unixepoch(@day) / 86400 GROUP BY service_day, service_id, counter_id, officer_id`,
    `INSERT INTO report_issued (service_day, service_id, issued)
      SELECT ${dayOf("service_day")}, ${wordOf("issued_service_id")}, count(*) FROM tickets
      WHERE service_day = unixepoch(@day) / 86400 GROUP BY service_day, issued_service_id`,
    `INSERT INTO report_survey_days
      SELECT service_day, service_id, coalesce(counter_id, ''), count(*), sum(persyaratan), sum(prosedur), sum(waktu),
        sum(biaya), sum(produk), sum(kompetensi), sum(perilaku), sum(sarana), sum(pengaduan)
      FROM survey_responses WHERE service_day = @day GROUP BY 1, 2, 3`,
  ].map((sql) => db.prepare(sql));
  const steps = db.prepare(
    `INSERT INTO report_steps (service_day, service_id, step_id, n, ms_sum, judged, met, over_sum, order_sum, target_min, target_max)
      SELECT ${dayOf("service_day")}, ${wordOf("service_id")}, ${wordOf("step_id")}, count(*), sum(ms), count(met), coalesce(sum(met), 0),
        coalesce(sum(max(ms - target_ms, 0)), 0), sum(step_order), min(target_ms), max(target_ms)
      FROM step_log WHERE service_day = unixepoch(@day) / 86400 GROUP BY service_day, service_id, step_id`,
  );
  const stepSegments = db.prepare(
    `INSERT INTO report_step_segments (service_day, service_id, served_with_steps)
      SELECT ${dayOf("t.service_day")}, ${wordOf("t.service_id")}, count(*) FROM step_log AS t JOIN service_log AS s ${SERVED_WITH_STEPS_JOIN}
        AND t.service_day = unixepoch(@day) / 86400 GROUP BY t.service_day, t.service_id`,
  );
  const refillDay = db.transaction((day: string) => {
    for (const statement of statements) statement.run({ day });
    // step_log's key leads with the day (migration 0011).
    steps.run({ day });
    stepSegments.run({ day });
  });
  const days = rollupDays(db);
  for (const day of days) {
    const t0 = performance.now();
    refillDay(day);
    pause(performance.now() - t0);
  }
  return days.length;
}

type Totals = [number, number, number];

/**
 * Compares row counts and time sums of the log with the rollups' and names the
 * rollups that differ; reads only, so the report worker's read-only connection
 * can run it. Reads the log once (index-only where it can): about half a
 * second for a million tickets, which is why the hub no longer does it on its
 * own thread at start-up (see apps/hub/src/reports/worker.ts).
 */
export function checkRollups(db: Database.Database): Omit<RollupCheck, "rebuilt"> {
  const t0 = performance.now();
  const totals = (sql: string): Totals => {
    const row = db.prepare<[], Totals>(sql).raw().get();
    return row ? [Number(row[0]), Number(row[1]), Number(row[2])] : [0, 0, 0];
  };
  const segmentsInLog = totals("SELECT count(*), 0, 0 FROM service_log");
  // Index-only where an index holds the times (migration 0005): a fraction of the table scan.
  // step_log is its own and only B-tree (migration 0011): its scan is that read.
  const timesInLog = totals(
    `SELECT 0, coalesce(sum(wait_ms), 0), coalesce(sum(service_ms), 0) FROM service_log INDEXED BY service_log_times
     WHERE wait_ms IS NOT NULL OR service_ms IS NOT NULL`,
  );
  const log = {
    segments: [segmentsInLog[0], timesInLog[1], timesInLog[2]] as Totals,
    steps: totals(
      "SELECT count(*), coalesce(sum(ms), 0), 0 FROM step_log",
    ),
    tickets: totals("SELECT count(*), 0, 0 FROM tickets"),
    surveys: totals("SELECT count(*), coalesce(sum(waktu), 0), 0 FROM survey_responses"),
  };
  const rollups = {
    hours: totals(
      "SELECT coalesce(sum(segments), 0), coalesce(sum(wait_sum), 0), coalesce(sum(service_sum), 0) FROM report_service_hours",
    ),
    desks: totals(
      "SELECT coalesce(sum(segments), 0), coalesce(sum(wait_sum), 0), coalesce(sum(service_sum), 0) FROM report_service_desks",
    ),
    steps: totals("SELECT coalesce(sum(n), 0), coalesce(sum(ms_sum), 0), 0 FROM report_steps"),
    tickets: totals("SELECT coalesce(sum(issued), 0), 0, 0 FROM report_issued"),
    surveys: totals(
      "SELECT coalesce(sum(respondents), 0), coalesce(sum(waktu), 0), 0 FROM report_survey_days",
    ),
  };
  const same = (a: Totals, b: Totals) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
  const mismatches = [
    same(log.segments, rollups.hours) ? null : "report_service_hours",
    same(log.segments, rollups.desks) ? null : "report_service_desks",
    same(log.steps, rollups.steps) ? null : "report_steps",
    same(log.tickets, rollups.tickets) ? null : "report_issued",
    same(log.surveys, rollups.surveys) ? null : "report_survey_days",
  ].filter((m): m is string => m !== null);
  return { mismatches, ms: performance.now() - t0 };
}

/** checkRollups, then refills the rollups when any differs. */
export function verifyRollups(db: Database.Database): RollupCheck {
  const t0 = performance.now();
  const { mismatches } = checkRollups(db);
  if (mismatches.length > 0) rebuildRollups(db);
  return { rebuilt: mismatches.length > 0, mismatches, ms: performance.now() - t0 };
}
