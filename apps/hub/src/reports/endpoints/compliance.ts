import { monthRange } from "@layan/core";
import { COMPLIANCE_STATUS_LABELS } from "@layan/protocol";
import { buildComplianceReport } from "../compliance";
import { minutes, sendCsv, toCsv } from "../csv";
import { reportFilter, type ReportHandler } from "../context";

/** The monthly compliance report (Laporan Kepatuhan Standar Pelayanan) of one month, optionally one agency. */
export const compliance: ReportHandler<"compliance"> = {
  json: (rc, q) => {
    const range = monthRange(q.month);
    const filter = reportFilter(rc, { ...q, ...range, counter: null, officer: null });
    const { setup } = rc.hub;
    return buildComplianceReport(
      rc.reports,
      rc.names,
      { name: setup.catalog.office.name, shortName: setup.catalog.office.shortName, address: setup.catalog.office.address },
      range,
      { serviceIds: filter.serviceIds ?? null },
      setup.rules.services.map((s) => ({
        id: s.id,
        waitMinutes: s.targets.waitMinutes,
        serviceMinutes: s.targets.serviceMinutes,
        tickable: s.targets.steps.length > 0,
      })),
      rc.hub.engine.now(),
    );
  },
  csv: (rc, q, { res, dialect }) => {
    const report = compliance.json(rc, q);
    sendCsv(
      res,
      `layan-kepatuhan-${report.month}.csv`,
      toCsv(
        [
          "Layanan",
          "Instansi",
          "Diterbitkan",
          "Dilayani",
          "Tidak hadir",
          "Dibatalkan",
          "Target tunggu (menit)",
          "Tunggu sesuai target (%)",
          "Tunggu rata-rata (menit)",
          "Tunggu p90 (menit)",
          "Target layanan (menit)",
          "Layanan sesuai target (%)",
          "Layanan rata-rata (menit)",
          "Layanan p90 (menit)",
          "Status",
          "Jam terlemah",
          "Langkah SOP paling lambat",
          "Tiket dengan langkah SOP tercatat",
          "Tiket tanpa langkah SOP tercatat",
          "Langkah SOP sesuai target (%)",
          "Catatan",
        ],
        report.services.map((s) => [
          s.name,
          s.agencyName,
          s.summary.issued,
          s.summary.served,
          s.summary.outcomes.no_show,
          s.summary.outcomes.cancelled,
          s.waitTargetMinutes,
          s.summary.waitMet.pct,
          minutes(s.summary.wait.avgMs),
          minutes(s.summary.wait.p90Ms),
          s.serviceTargetMinutes,
          s.summary.serviceMet.pct,
          minutes(s.summary.service.avgMs),
          minutes(s.summary.service.p90Ms),
          COMPLIANCE_STATUS_LABELS[s.status],
          s.worstHours.map((h) => h.label).join(", "),
          s.bottleneck?.name ?? "",
          s.steps?.withSteps ?? "",
          s.steps?.withoutSteps ?? "",
          s.steps?.met.pct ?? "",
          s.notes.join("\n"),
        ]),
        dialect,
      ),
    );
  },
};
