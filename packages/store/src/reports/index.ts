/**
 * Report queries for the manager dashboard (apps/hub/src/reports serves them
 * over HTTP). Re-exported from the package index.
 */
export {
  daysInRange,
  isServiceDay,
  matchesNothing,
  narrowsByDesk,
  whereOf,
  type ReportFilter,
  type SqlWhere,
} from "./filter";
export { nearestRank, percentileOfSorted } from "./percentile";
export { rebuildRollups, verifyRollups, type RollupCheck } from "./rollups";
export type { TicketLog } from "./ticket-log";
export {
  compliance,
  createReportQueries,
  utcOffsetMinutes,
  SEGMENT_OUTCOMES,
  type Compliance,
  type GroupBy,
  type HeatCell,
  type ReportOptions,
  type ReportQueries,
  type SegmentOutcomeName,
  type SortDir,
  type StepRow,
  type SummaryRow,
  type TicketLogRow,
  type TicketPage,
  type TicketQuery,
  type TicketSort,
  type TimeStats,
} from "./queries";
