/**
 * Report queries for the manager dashboard (apps/hub/src/reports serves them
 * over HTTP). Their result types are the protocol's (packages/protocol/src/reports).
 * Re-exported from the package index.
 */
export { matchesNothing, narrowsByDesk, whereOf, type ReportFilter, type SqlWhere } from "./filter";
export { nearestRank, percentileOfSorted } from "./percentile";
export { checkRollups, rebuildRollups, rebuildRollupsByDay, verifyRollups, type RollupCheck } from "./rollups";
export { openReportConnection, refillRollups } from "./connection";
export { compliance, emptySummary } from "./aggregates";
export { createReportQueries, type ReportOptions, type ReportQueries } from "./queries";
export type { SortDir, TicketLog, TicketQuery, TicketSort } from "./ticket-log";
export type { FeedbackReportQueries, PriorityWait, ServedCount, SurveyGroupBy, SurveySums } from "./feedback";
