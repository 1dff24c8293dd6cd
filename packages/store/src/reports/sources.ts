/**
 * Which table answers a report: the hourly rollup has no counter or officer,
 * the desk rollup no hour; what neither has reads the log itself.
 */
import type { GroupBy } from "@layan/protocol";
import { narrowsByDesk, type ReportFilter } from "./filter";
import type { LocalTimeSql } from "./local-time";

export type Source = "hours" | "desks" | "log";

export const TABLES: Record<Source, string> = {
  hours: "report_service_hours",
  desks: "report_service_desks",
  log: "service_log",
};

export function sourceFor(filter: ReportFilter, groupBy: GroupBy | "heat", time: LocalTimeSql): Source {
  const desk = narrowsByDesk(filter);
  const hourly = groupBy === "hour" || groupBy === "weekday" || groupBy === "heat";
  if (hourly) return desk || time.offHours === null ? "log" : "hours";
  if (desk || groupBy === "counter" || groupBy === "officer") return "desks";
  return "hours";
}
