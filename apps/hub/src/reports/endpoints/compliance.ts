import { monthRange, PRIORITY_REASONS, type PriorityReason } from "@layan/core";
import { COMPLIANCE_STATUS_LABELS, type ComplianceReport, type PriorityWaitRow } from "@layan/protocol";
import type { PriorityWait } from "@layan/store";
import { buildComplianceReport } from "../compliance";
import { minutes, sendCsv, toCsv } from "../csv";
import { reportFilter, type ReportHandler } from "../context";
import { complaintsOver } from "./complaints";
import { ikmTotal } from "./ikm";

const PRIORITY_LABELS: Record<PriorityReason, string> = {
  lansia: "Lansia",
  disabilitas: "Penyandang disabilitas",
  ibu_hamil_menyusui: "Ibu hamil/menyusui",
};

function waitRow(key: string, label: string, w: PriorityWait | undefined): PriorityWaitRow {
  const called = w?.judged ?? 0;
  return {
    key,
    label,
    called,
    withinTarget: w?.met ?? 0,
    withinTargetPct: called === 0 ? null : Math.round(((w?.met ?? 0) / called) * 1000) / 10,
    medianMs: w?.medianMs ?? null,
    p90Ms: w?.p90Ms ?? null,
  };
}

/** Regular tickets, priority tickets together, then each priority kind: the assessors check service for vulnerable groups. */
export function priorityWaitRows(byLane: PriorityWait[], byKind: PriorityWait[]): PriorityWaitRow[] {
  return [
    waitRow("reguler", "Antrean reguler", byLane.find((w) => w.priority === null)),
    waitRow("prioritas", "Antrean prioritas (semua)", byLane.find((w) => w.priority !== null)),
    ...PRIORITY_REASONS.map((k) => waitRow(k, PRIORITY_LABELS[k], byKind.find((w) => w.priority === k))),
  ];
}

/** "1 Desember 2026" in the office's time zone. */
function dateLabel(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone }).format(new Date(at));
}

/** The monthly compliance report (Laporan Kepatuhan Standar Pelayanan) of one month, optionally one agency. */
export const compliance: ReportHandler<"compliance"> = {
  json: (rc, q): ComplianceReport => {
    const range = monthRange(q.month);
    const filter = reportFilter(rc, { ...q, ...range, counter: null, officer: null });
    const { setup } = rc;
    const now = rc.now();
    const core = buildComplianceReport(
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
      now,
      q.annex,
    );
    const { report } = setup.feedback;
    const handled = complaintsOver(rc, filter);
    const agencyIds = q.agency ?? [];
    // One agency's report carries that agency's own maklumat when it has one.
    const agencyMaklumat =
      agencyIds.length === 1 ? setup.catalog.agencies.find((a) => a.id === agencyIds[0])?.maklumat : null;
    return {
      ...core,
      annex: q.annex,
      letterhead: { logo: report.logo, lines: report.letterhead },
      ikm: ikmTotal(rc, filter),
      complaints: { ...handled.total, targetWorkingDays: handled.targetWorkingDays, openPastDue: handled.openPastDue },
      priorityWaits: priorityWaitRows(rc.reports.priorityWaits(filter, "lane"), rc.reports.priorityWaits(filter, "kind")),
      maklumat: agencyMaklumat ?? setup.catalog.office.maklumat,
      signing: { place: report.place, dateLabel: dateLabel(now, setup.rules.timezone), signatories: report.signatories },
    };
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
          "Tunggu median (menit)",
          "9 dari 10 warga menunggu paling lama (menit)",
          "Target layanan (menit)",
          "Layanan sesuai target (%)",
          "Layanan median (menit)",
          "9 dari 10 warga selesai dilayani dalam (menit)",
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
          minutes(s.summary.wait.p50Ms),
          minutes(s.summary.wait.p90Ms),
          s.serviceTargetMinutes,
          s.summary.serviceMet.pct,
          minutes(s.summary.service.p50Ms),
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
