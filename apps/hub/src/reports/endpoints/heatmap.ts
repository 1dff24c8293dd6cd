import { hourRangeLabel, WEEKDAY_LABELS } from "@layan/protocol";
import { minutes, sendCsv, toCsv } from "../csv";
import { overRange, type ReportHandler } from "../context";

/** Weekday x office-local hour: when the hall is full and when targets are missed. */
export const heatmap: ReportHandler<"heatmap"> = {
  json: (rc, q) => overRange(rc, q, (filter) => ({ cells: rc.reports.heatmap(filter) })),
  csv: (rc, q, { res, dialect }) => {
    const { from, to, cells } = heatmap.json(rc, q);
    sendCsv(
      res,
      `layan-peta-jam-${from}_${to}.csv`,
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
  },
};
