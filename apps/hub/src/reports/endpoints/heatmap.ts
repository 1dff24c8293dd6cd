import { hourRangeLabel, WEEKDAY_LABELS } from "@layan/protocol";
import { minutes, toCsv } from "../csv";
import { overRange, rangeReport } from "../context";

/** Weekday x office-local hour: when the hall is full and when targets are missed. */
export const heatmap = rangeReport<"heatmap">(
  (rc, q) => overRange(rc, q, (filter) => ({ cells: rc.reports.heatmap(filter) })),
  "peta-jam",
  ({ cells }, dialect) =>
    toCsv(
      ["Hari", "Jam", "Antrean", "Tunggu rata-rata (menit)", "% tunggu sesuai target", "% layanan sesuai target"],
      cells.map((c) => [
        WEEKDAY_LABELS[c.weekday],
        hourRangeLabel(c.hour),
        c.segments,
        minutes(c.waitAvgMs),
        c.waitMet.pct,
        c.serviceMet.pct,
      ]),
      dialect,
    ),
);
