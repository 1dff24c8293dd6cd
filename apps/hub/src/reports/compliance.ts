/**
 * The monthly compliance report ("Laporan Kepatuhan Standar Pelayanan"): per
 * service, the volume, the SOP targets, how many were within them, the hours,
 * counters and officers where they were missed, the SOP step where the time
 * went, and notes in Indonesian that a manager can sign and hand to an
 * Ombudsman assessor. The dashboard prints it; /api/reports/compliance.csv
 * exports it.
 */
import {
  COMPLIANCE_THRESHOLDS as THRESHOLDS,
  complianceStatusOf,
  hourRangeLabel,
  type Compliance,
  type ComplianceReport,
  type ComplianceService,
  type ComplianceStatus,
  type StepCoverage,
  type StepRow,
  type SummaryRow,
  type WeakSpot,
} from "@layan/protocol";
import type { ReportFilter, ReportQueries } from "@layan/store";
import type { ReportNames } from "./names";

const nf1 = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });
const pct = (p: number | null) => (p === null ? "–" : `${nf1.format(p)}%`);
const mins = (ms: number | null) => (ms === null ? "–" : `${nf1.format(ms / 60_000)} menit`);
const hourLabel = (h: number) => hourRangeLabel(h, "–");

export function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Intl.DateTimeFormat("id-ID", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y!, m! - 1, 1)),
  );
}

export const statusOf = (c: Compliance): ComplianceStatus => complianceStatusOf(c.pct);

const RANK: Record<ComplianceStatus, number> = {
  tidak_memenuhi: 0,
  perhatian: 1,
  memenuhi: 2,
  tanpa_data: 3,
};

function worse(a: ComplianceStatus, b: ComplianceStatus): ComplianceStatus {
  if (a === "tanpa_data") return b;
  if (b === "tanpa_data") return a;
  return RANK[a] <= RANK[b] ? a : b;
}

function combined(wait: Compliance, service: Compliance): number | null {
  const judged = wait.judged + service.judged;
  return judged === 0 ? null : Math.round(((wait.met + service.met) / judged) * 1000) / 10;
}

/** Enough segments for a cell to say something: 5, or 2% of the service's volume. */
const minSample = (total: number) => Math.max(5, Math.ceil(total * 0.02));

/** The step where most time beyond its target went; ties by the worse average against target. */
export function bottleneckOf(steps: StepRow[]): StepRow | null {
  let best: StepRow | null = null;
  for (const s of steps) {
    if (s.targetMs === null) continue;
    if (
      !best ||
      s.overTargetMs > best.overTargetMs ||
      (s.overTargetMs === best.overTargetMs &&
        s.avgMs / s.targetMs > best.avgMs / (best.targetMs ?? Infinity))
    ) {
      best = s;
    }
  }
  return best;
}

/** The per-service part of the report; the endpoint adds letterhead, SKM, complaints, priority waits and signatures. */
export type ComplianceCore = Omit<
  ComplianceReport,
  "annex" | "letterhead" | "ikm" | "complaints" | "priorityWaits" | "maklumat" | "signing"
>;

export function buildComplianceReport(
  reports: ReportQueries,
  names: ReportNames,
  office: ComplianceReport["office"],
  range: { month: string; from: string; to: string },
  filter: Pick<ReportFilter, "serviceIds">,
  /** `tickable`: the service's SOP has steps the counter ticks (timed). */
  configured: { id: string; waitMinutes: number; serviceMinutes: number; tickable: boolean }[],
  now: number,
  /** False for the external version: no counter or officer is named (their weak spots are left out). */
  annex = true,
): ComplianceCore {
  const f: ReportFilter = { from: range.from, to: range.to, serviceIds: filter.serviceIds ?? null };
  const { rows: byService, total: overall } = reports.summaryWithTotal(f, "service");
  const hours = reports.serviceHours(f);
  const steps = reports.steps(f);
  const coverage = new Map(reports.stepCoverage(f).map((c) => [c.serviceId, c]));
  const { counters, officers } = reports.serviceDesks(f);

  const configuredIds = configured.filter((c) => !filter.serviceIds || filter.serviceIds.includes(c.id));
  const ids = [
    ...new Set([
      ...configuredIds.map((c) => c.id),
      ...byService.map((r) => r.key).filter((k): k is string => k !== null),
    ]),
  ];

  const services = ids.map((serviceId): ComplianceService => {
    const summary = byService.find((r) => r.key === serviceId) ?? emptyRow(serviceId);
    const conf = configured.find((c) => c.id === serviceId);
    const waitTargetMinutes = summary.waitTargetMs
      ? summary.waitTargetMs.max / 60_000
      : (conf?.waitMinutes ?? null);
    const serviceTargetMinutes = summary.serviceTargetMs
      ? summary.serviceTargetMs.max / 60_000
      : (conf?.serviceMinutes ?? null);
    const waitStatus = statusOf(summary.waitMet);
    const serviceStatus = statusOf(summary.serviceMet);
    const min = minSample(summary.segments);

    const worstHours = hours
      .filter((h) => h.serviceId === serviceId && h.segments >= min)
      .map((h) => ({
        hour: h.hour,
        label: hourLabel(h.hour),
        segments: h.segments,
        pct: combined(h.waitMet, h.serviceMet),
        waitPct: h.waitMet.pct,
        servicePct: h.serviceMet.pct,
      }))
      .filter((h) => h.pct !== null && h.pct < THRESHOLDS.good)
      .sort((a, b) => (a.pct ?? 0) - (b.pct ?? 0) || b.segments - a.segments)
      .slice(0, 3);

    const weak = (rows: typeof counters, name: (id: string) => string): WeakSpot[] =>
      rows
        .filter((r) => r.serviceId === serviceId && r.key !== null && r.segments >= min)
        .map((r) => ({
          id: r.key!,
          name: name(r.key!),
          segments: r.segments,
          pct: combined(r.waitMet, r.serviceMet),
          waitPct: r.waitMet.pct,
          servicePct: r.serviceMet.pct,
        }))
        .filter((r) => r.pct !== null && r.pct < THRESHOLDS.good)
        .sort((a, b) => (a.pct ?? 0) - (b.pct ?? 0) || b.segments - a.segments)
        .slice(0, 3);

    const serviceSteps = steps.filter((s) => s.serviceId === serviceId);
    const slow = bottleneckOf(serviceSteps);
    const bottleneck =
      slow && slow.overTargetMs > 0
        ? {
            stepId: slow.stepId,
            name: names.step(serviceId, slow.stepId),
            n: slow.n,
            avgMs: slow.avgMs,
            targetMs: slow.targetMs,
            metPct: slow.met.pct,
            overTargetMs: slow.overTargetMs,
          }
        : null;

    const recorded = coverage.get(serviceId);
    const stepCoverage: StepCoverage | null =
      recorded && (conf?.tickable || recorded.withSteps > 0 || recorded.met.judged > 0)
        ? recorded
        : conf?.tickable
          ? { serviceId, served: 0, withSteps: 0, withoutSteps: 0, met: { judged: 0, met: 0, pct: null } }
          : null;

    const item: ComplianceService = {
      serviceId,
      name: names.service(serviceId),
      agencyId: names.agencyOfService(serviceId),
      agencyName: names.agency(names.agencyOfService(serviceId) ?? ""),
      waitTargetMinutes,
      serviceTargetMinutes,
      summary,
      waitStatus,
      serviceStatus,
      status: worse(waitStatus, serviceStatus),
      worstHours,
      steps: stepCoverage,
      bottleneck,
      weakCounters: annex ? weak(counters, names.counter) : [],
      weakOfficers: annex ? weak(officers, names.officer) : [],
      notes: [],
    };
    item.notes = notesFor(item);
    return item;
  });

  services.sort(
    (a, b) =>
      RANK[a.status] - RANK[b.status] || (a.summary.waitMet.pct ?? 101) - (b.summary.waitMet.pct ?? 101),
  );
  return {
    ...range,
    monthLabel: monthLabel(range.month),
    generatedAt: now,
    office,
    thresholds: THRESHOLDS,
    overall,
    services,
    missed: services
      .filter((s) => s.status === "perhatian" || s.status === "tidak_memenuhi")
      .map((s) => ({
        serviceId: s.serviceId,
        name: s.name,
        status: s.status,
        waitPct: s.summary.waitMet.pct,
        servicePct: s.summary.serviceMet.pct,
      })),
  };
}

/** Plain Indonesian sentences, one fact each, for the printout and the CSV. */
export function notesFor(s: ComplianceService): string[] {
  const { summary } = s;
  if (summary.segments === 0) return ["Tidak ada antrean pada periode ini."];
  const notes: string[] = [];
  if (summary.waitMet.judged > 0) {
    notes.push(
      `Waktu tunggu: ${pct(summary.waitMet.pct)} antrean dipanggil dalam ${s.waitTargetMinutes ?? "–"} menit ` +
        `(median ${mins(summary.wait.p50Ms)}; 9 dari 10 warga menunggu paling lama ${mins(summary.wait.p90Ms)}).`,
    );
  }
  if (summary.serviceMet.judged > 0) {
    notes.push(
      `Waktu layanan: ${pct(summary.serviceMet.pct)} selesai dalam ${s.serviceTargetMinutes ?? "–"} menit ` +
        `(median ${mins(summary.service.p50Ms)}; 9 dari 10 warga selesai dilayani dalam ${mins(summary.service.p90Ms)}).`,
    );
  }
  if (s.worstHours.length > 0) {
    notes.push(
      `Jam dengan capaian terendah: ${s.worstHours.map((h) => `${h.label} (${pct(h.pct)})`).join(", ")}.`,
    );
  }
  const steps = stepsNote(s.steps);
  if (steps) notes.push(steps);
  if (s.bottleneck) {
    const b = s.bottleneck;
    notes.push(
      `Langkah SOP yang paling banyak melewati target: ${b.name} — rata-rata ${mins(b.avgMs)} dari target ${mins(b.targetMs)}, ` +
        `${pct(b.metPct)} sesuai target.`,
    );
  }
  const weak = [
    ...s.weakCounters.map((c) => `${c.name} (${pct(c.pct)})`),
    ...s.weakOfficers.map((o) => `${o.name} (${pct(o.pct)})`),
  ];
  if (weak.length > 0) notes.push(`Perlu pembinaan/evaluasi: ${weak.join(", ")}.`);
  const { no_show: noShow, cancelled, transferred } = summary.outcomes;
  const extra = [
    noShow > 0 ? `${noShow} tidak hadir saat dipanggil` : null,
    cancelled > 0 ? `${cancelled} dibatalkan (tidak diukur)` : null,
    transferred > 0 ? `${transferred} dialihkan ke layanan lain` : null,
  ].filter((x): x is string => x !== null);
  if (extra.length > 0) notes.push(`Dari ${summary.segments} antrean: ${extra.join(", ")}.`);
  return notes;
}

/**
 * A ticket served without a single tick says nothing about its steps: it is
 * counted apart, never as "within target" (an officer who ticks nothing must
 * not score 100 %).
 */
function stepsNote(c: StepCoverage | null): string | null {
  if (!c || c.served === 0) return null;
  const without = `${c.withoutSteps} tiket tanpa langkah SOP tercatat`;
  if (c.withSteps === 0) return `${without}: kepatuhan langkah SOP tidak dapat dinilai.`;
  const met = `Langkah SOP: ${pct(c.met.pct)} langkah sesuai target, dari ${c.withSteps} tiket yang mencatat langkahnya`;
  return c.withoutSteps === 0 ? `${met}.` : `${met}; ${without} (tidak dihitung).`;
}

function emptyRow(key: string): SummaryRow {
  const none: Compliance = { judged: 0, met: 0, pct: null };
  return {
    key,
    issued: 0,
    segments: 0,
    served: 0,
    outcomes: { selesai: 0, berkas_tidak_lengkap: 0, dirujuk: 0, transferred: 0, no_show: 0, cancelled: 0 },
    wait: { n: 0, avgMs: null, p50Ms: null, p90Ms: null },
    service: { n: 0, avgMs: null, p50Ms: null, p90Ms: null },
    waitMet: none,
    serviceMet: none,
    waitTargetMs: null,
    serviceTargetMs: null,
  };
}
