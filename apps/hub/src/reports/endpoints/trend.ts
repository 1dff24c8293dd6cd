import { addDays } from "@layan/core";
import type { SummaryRow } from "@layan/protocol";
import { emptySummary, type ReportFilter } from "@layan/store";
import { overRange, rangeReport } from "../context";
import { summaryCsv } from "./summary";

/** One row per day of the range, zeros where nothing happened (charts need the gaps). */
export const trend = rangeReport<"trend">(
  (rc, q) => overRange(rc, q, (filter) => ({ days: everyDay(filter, rc.reports.summary(filter, "day")) })),
  "tren-harian",
  ({ days }, dialect) =>
    summaryCsv(
      "day",
      days.map((r) => ({ ...r, name: r.key ?? "" })),
      dialect,
    ),
);

function everyDay(filter: ReportFilter, rows: SummaryRow[]): SummaryRow[] {
  const byDay = new Map(rows.map((r) => [r.key, r]));
  const out: SummaryRow[] = [];
  for (let day = filter.from; day <= filter.to; day = addDays(day, 1)) {
    out.push(byDay.get(day) ?? emptyDay(day));
  }
  return out;
}

/** A day without finished segments: nothing issued either (the issued rollup would have a row). */
const emptyDay = (day: string): SummaryRow => ({ ...emptySummary(day), issued: 0 });
