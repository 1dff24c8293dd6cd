/**
 * Report queries over the service log (one row per ticket service segment) and
 * the step log (one row per ticked SOP step). The caller passes the database
 * and the office's UTC offset.
 *
 * Where the figures come from: counts, sums and verdicts from the rollups of
 * migration 0005 (sums of log rows kept by triggers, checked against the log at
 * start-up, see rollups.ts); percentiles from the times themselves (an
 * index-only read of the range); the ticket log from service_log. Filters by
 * counter or officer combined with hours fall back to service_log itself.
 *
 * Conventions (docs/api.md repeats them for API users):
 * - A segment belongs to the service day of its ticket (`service_day`).
 * - Waits and service times are in ms; averages are arithmetic means;
 *   percentiles are nearest-rank (see percentile.ts).
 * - "% within target" counts the segments that have a verdict: the wait of
 *   every segment that was called, the service time of every segment that was
 *   served. Cancelled segments carry no target and count in neither.
 * - Hours and weekdays are office-local, from the moment the segment joined its
 *   queue (`enqueued_at`: the issue, or the transfer/reinstatement).
 */
import type Database from "better-sqlite3";
import { dayOf } from "../read-models";
import { createBookingReportQueries, type BookingReportQueries } from "./bookings";
import { createHeatQueries, type HeatQueries } from "./breakdowns";
import { createFeedbackReportQueries, type FeedbackReportQueries } from "./feedback";
import { localTimeSql } from "./local-time";
import { verifyRollups, type RollupCheck } from "./rollups";
import { createStepCoverageQuery, createStepQuery, type StepCoverageQuery, type StepQuery } from "./steps";
import { createSummaryQueries, type SummaryQueries } from "./summary";
import { createTicketLog, type TicketLog } from "./ticket-log";

export interface ReportOptions {
  /** The office's offset from UTC in minutes (Asia/Jakarta: 420). Indonesia has no DST. */
  utcOffsetMinutes: number;
  /** Check the rollups against the log now (default true); see rollups.ts. */
  verify?: boolean;
  onVerified?: (check: RollupCheck) => void;
}

export interface ReportQueries
  extends SummaryQueries,
    HeatQueries,
    TicketLog,
    FeedbackReportQueries,
    BookingReportQueries {
  /** First and last service day with a finished segment, or null for an empty log. */
  dataRange(): { from: string; to: string } | null;
  /** Per service and SOP step; p50/p90 only when asked for (they read every tick of the range). */
  steps: StepQuery;
  /** Per service: served tickets with and without recorded SOP steps, and the recorded steps' compliance. */
  stepCoverage: StepCoverageQuery;
  /** Counter ids that appear in the counters read model (every counter that ever had an event). */
  counterIds(): string[];
  /** Users who can appear as officers in the log, with their names. */
  people(): { id: string; displayName: string; role: string }[];
  /** Compares the rollups with the log and refills them if they differ (also done at creation). */
  verifyRollups(): RollupCheck;
}

export function createReportQueries(db: Database.Database, options: ReportOptions): ReportQueries {
  const time = localTimeSql(options.utcOffsetMinutes);

  if (options.verify !== false) {
    const check = verifyRollups(db);
    options.onVerified?.(check);
  }

  const dataRange: ReportQueries["dataRange"] = () => {
    const r = db
      .prepare<[], { from: string | null; to: string | null }>(
        // Day numbers in the log (migration 0015): the range as text.
        `SELECT ${dayOf("min(service_day)")} AS "from", ${dayOf("max(service_day)")} AS "to" FROM service_log`,
      )
      .get();
    return r?.from && r.to ? { from: r.from, to: r.to } : null;
  };

  const steps = createStepQuery(db);
  return {
    dataRange,
    ...createSummaryQueries(db, time),
    steps,
    stepCoverage: createStepCoverageQuery(db, steps),
    ...createHeatQueries(db, time),
    ...createTicketLog(db),
    ...createFeedbackReportQueries(db),
    ...createBookingReportQueries(db),
    verifyRollups: () => verifyRollups(db),
    counterIds: () =>
      db
        .prepare<[], { id: string }>("SELECT id FROM counters ORDER BY id")
        .all()
        .map((r) => r.id),
    people: () =>
      db
        .prepare<[], { id: string; display_name: string; role: string }>(
          "SELECT id, display_name, role FROM users ORDER BY display_name",
        )
        .all()
        .map((r) => ({ id: r.id, displayName: r.display_name, role: r.role })),
  };
}
