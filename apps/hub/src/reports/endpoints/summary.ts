import {
  GROUP_LABELS,
  hourRangeLabel,
  WEEKDAY_LABELS,
  type GroupBy,
  type NamedSummaryRow,
} from "@layan/protocol";
import { minutes, sendCsv, targetMinutes, toCsv, type CsvDialect, type CsvValue } from "../csv";
import { overRange, type ReportHandler } from "../context";
import type { ReportNames } from "../names";

/** Counts, times and shares within target per service, agency, counter, officer, day, hour or weekday. */
export const summary: ReportHandler<"summary"> = {
  json: (rc, q) =>
    overRange(rc, q, (filter) => ({
      by: q.by,
      rows: rc.reports
        .summary(filter, q.by, { agencyOf: rc.names.agencyMap() })
        .map((r) => ({ ...r, name: groupName(q.by, r.key, rc.names) })),
    })),
  csv: (rc, q, { res, dialect }) => {
    const { from, to, by, rows } = summary.json(rc, q);
    sendCsv(res, `layan-ringkasan-per-${GROUP_LABELS[by].toLowerCase()}-${from}_${to}.csv`, summaryCsv(by, rows, dialect));
  },
};

function groupName(by: GroupBy, key: string | null, names: ReportNames): string {
  if (key === null) return by === "all" ? "Semua layanan" : "(tanpa)";
  switch (by) {
    case "service":
      return names.service(key);
    case "agency":
      return names.agency(key);
    case "counter":
      return names.counter(key);
    case "officer":
      return names.officer(key);
    case "hour":
      return hourRangeLabel(Number(key));
    case "weekday":
      return WEEKDAY_LABELS[Number(key)] ?? key;
    default:
      return key;
  }
}

const SUMMARY_HEADER = [
  "Kode",
  "Diterbitkan",
  "Antrean (segmen)",
  "Dilayani",
  "Selesai",
  "Berkas tidak lengkap",
  "Dirujuk",
  "Dialihkan",
  "Tidak hadir",
  "Dibatalkan",
  "Tunggu rata-rata (menit)",
  "Tunggu p50 (menit)",
  "Tunggu p90 (menit)",
  "Target tunggu (menit)",
  "Tunggu sesuai target (%)",
  "Layanan rata-rata (menit)",
  "Layanan p50 (menit)",
  "Layanan p90 (menit)",
  "Target layanan (menit)",
  "Layanan sesuai target (%)",
];

/** The summary's CSV layout, also the daily trend's (grouped by day). */
export function summaryCsv(by: GroupBy, rows: NamedSummaryRow[], dialect: CsvDialect): string {
  return toCsv(
    [GROUP_LABELS[by], ...SUMMARY_HEADER],
    rows.map((r): CsvValue[] => [
      r.name,
      r.key,
      r.issued,
      r.segments,
      r.served,
      r.outcomes.selesai,
      r.outcomes.berkas_tidak_lengkap,
      r.outcomes.dirujuk,
      r.outcomes.transferred,
      r.outcomes.no_show,
      r.outcomes.cancelled,
      minutes(r.wait.avgMs),
      minutes(r.wait.p50Ms),
      minutes(r.wait.p90Ms),
      targetMinutes(r.waitTargetMs),
      r.waitMet.pct,
      minutes(r.service.avgMs),
      minutes(r.service.p50Ms),
      minutes(r.service.p90Ms),
      targetMinutes(r.serviceTargetMs),
      r.serviceMet.pct,
    ]),
    dialect,
  );
}
