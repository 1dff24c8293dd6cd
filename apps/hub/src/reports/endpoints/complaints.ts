import { workingDaysBetween } from "@layan/core";
import { COMPLAINT_STATUSES, type ComplaintGroupRow, type ComplaintsReport, type ComplaintStatus } from "@layan/protocol";
import type { ComplaintRow, ReportFilter } from "@layan/store";
import { sendCsv, toCsv } from "../csv";
import { overRange, type ReportContext, type ReportHandler } from "../context";

/**
 * Complaints filed in the range: how many, answered, answered within the
 * target (the due time fixed at filing), the median working days to the first
 * answer, per category, service and month. A complaint still unanswered past
 * its due time counts as missed; one not yet due has no verdict.
 */

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Complaint handling over the filter's range and services (also the monthly report's complaints section). */
export function complaintsOver(rc: ReportContext, filter: ReportFilter): Omit<ComplaintsReport, "from" | "to"> {
  const { setup } = rc;
  const now = rc.now();
  const calendar = setup.feedback.calendar;
  const rows = rc.reports.complaintsFiled(filter);
  const office = setup.catalog.office;

  // Counted once per complaint: every group below (total, category, service, month) reads them again.
  const responseDays = new Map<ComplaintRow, number>();
  for (const r of rows) {
    if (r.first_response_at !== null) responseDays.set(r, workingDaysBetween(r.filed_at, r.first_response_at, calendar));
  }

  const group = (key: string, name: string, of: ComplaintRow[]): ComplaintGroupRow => {
    const answered = of.filter((r) => r.first_response_at !== null);
    const judged = of.filter((r) => r.first_response_at !== null || r.due_at < now);
    const within = judged.filter((r) => r.first_response_at !== null && r.first_response_at <= r.due_at).length;
    return {
      key,
      name,
      filed: of.length,
      answered: answered.length,
      withinTarget: within,
      withinTargetPct: judged.length === 0 ? null : Math.round((within / judged.length) * 1000) / 10,
      medianResponseWorkingDays: median(answered.map((r) => responseDays.get(r)!)),
    };
  };
  const groupBy = (keyOf: (r: ComplaintRow) => string, nameOf: (k: string) => string) => {
    const map = new Map<string, ComplaintRow[]>();
    for (const r of rows) {
      const key = keyOf(r);
      const of = map.get(key);
      if (of) of.push(r);
      else map.set(key, [r]);
    }
    return [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, of]) => group(k, nameOf(k), of));
  };
  const byStatus = Object.fromEntries(COMPLAINT_STATUSES.map((s) => [s, 0])) as Record<ComplaintStatus, number>;
  for (const r of rows) byStatus[r.status] += 1;
  return {
    targetWorkingDays: setup.feedback.complaintTargetWorkingDays,
    total: group("all", "Seluruh pengaduan", rows),
    byStatus,
    openPastDue: rows.filter((r) => r.first_response_at === null && r.status !== "selesai" && r.due_at < now).length,
    byCategory: groupBy(
      (r) => r.category,
      (k) => office.complaints.categories.find((c) => c.id === k)?.label.id ?? k,
    ),
    byService: groupBy(
      (r) => r.service_id ?? "",
      (k) => (k === "" ? "(tanpa layanan)" : rc.names.service(k)),
    ),
    byMonth: groupBy(
      (r) => r.filed_day.slice(0, 7),
      (k) => k,
    ),
  };
}

export const complaints: ReportHandler<"complaints"> = {
  json: (rc, q) => overRange(rc, q, (filter) => complaintsOver(rc, filter)),
  csv: (rc, q, { res, dialect }) => {
    const report = complaints.json(rc, q);
    const rows = [
      ...report.byCategory.map((r) => ["Kategori", r] as const),
      ...report.byService.map((r) => ["Layanan", r] as const),
      ...report.byMonth.map((r) => ["Bulan", r] as const),
      ["Total", report.total] as const,
    ];
    sendCsv(
      res,
      `layan-pengaduan-${report.from}_${report.to}.csv`,
      toCsv(
        ["Dikelompokkan", "Kelompok", "Diterima", "Dijawab", "Dijawab tepat waktu", "% tepat waktu", "Median waktu jawab (hari kerja)"],
        rows.map(([kind, r]) => [kind, r.name, r.filed, r.answered, r.withinTarget, r.withinTargetPct, r.medianResponseWorkingDays]),
        dialect,
      ),
    );
  },
};
