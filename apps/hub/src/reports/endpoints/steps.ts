import type { LabelledStep, StepCoverage, StepRow } from "@layan/protocol";
import { minutes, toCsv } from "../csv";
import { overRange, rangeReport, type ReportContext } from "../context";
import type { ReportNames } from "../names";

/** Per SOP step: time between ticks against the step's target, and each service's bottleneck. */
export const steps = rangeReport<"steps">(
  (rc, q) =>
    overRange(rc, q, (filter) => ({
      rows: labelSteps(rc.reports.steps(filter, { percentiles: true }), rc.names),
      coverage: stepCoverageOf(rc, rc.reports.stepCoverage(filter))
        .map((c) => ({ ...c, serviceName: rc.names.service(c.serviceId) }))
        .sort((a, b) => a.serviceName.localeCompare(b.serviceName, "id")),
    })),
  "langkah-sop",
  ({ rows }, dialect) =>
    toCsv(
      [
        "Layanan",
        "Langkah SOP",
        "Dicentang",
        "Rata-rata (menit)",
        "p50 (menit)",
        "p90 (menit)",
        "Target (menit)",
        "Sesuai target (%)",
        "Total di atas target (menit)",
        "Langkah paling lambat",
      ],
      rows.map((r) => [
        r.serviceName,
        r.stepName,
        r.n,
        minutes(r.avgMs),
        minutes(r.p50Ms),
        minutes(r.p90Ms),
        minutes(r.targetMs),
        r.met.pct,
        minutes(r.overTargetMs),
        r.bottleneck,
      ]),
      dialect,
    ),
);

function labelSteps(rows: StepRow[], names: ReportNames): LabelledStep[] {
  const out = rows.map((r) => ({
    ...r,
    serviceName: names.service(r.serviceId),
    stepName: names.step(r.serviceId, r.stepId),
    order: names.stepOrder(r.serviceId, r.stepId),
    bottleneck: false,
  }));
  out.sort(
    (a, b) =>
      a.serviceName.localeCompare(b.serviceName, "id") || a.order - b.order || a.avgOrder - b.avgOrder,
  );
  // Per service: the step where most time beyond target went (same rule as the compliance report).
  const best = new Map<string, LabelledStep>();
  for (const s of out) {
    if (s.targetMs === null || s.overTargetMs <= 0) continue;
    const b = best.get(s.serviceId);
    if (!b || s.overTargetMs > b.overTargetMs) best.set(s.serviceId, s);
  }
  for (const s of best.values()) s.bottleneck = true;
  return out;
}

/**
 * The coverage rows worth showing: services whose SOP has steps to tick (a
 * service without any would read "all tickets without steps", which says
 * nothing), and any service where ticks were recorded all the same.
 */
export function stepCoverageOf(rc: ReportContext, rows: StepCoverage[]): StepCoverage[] {
  // The rules keep a service's timed steps only: the ones the counter ticks.
  const tickable = new Set(rc.setup.rules.services.filter((s) => s.targets.steps.length > 0).map((s) => s.id));
  return rows.filter((r) => tickable.has(r.serviceId) || r.met.judged > 0 || r.withSteps > 0);
}
