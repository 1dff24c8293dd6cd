import type { LabelledStep, StepsResponse } from "@layan/protocol";
import { count, minutes, pct } from "../format";

/**
 * Per SOP step: the average time as a bar, the step's target as a mark. A bar
 * past its mark is red; the step where most time beyond target went is named
 * "paling lambat" (the bottleneck), in words as well as in colour. Each
 * service says how many served tickets recorded steps at all: the bars speak
 * for those only, and tickets without a tick are named, not hidden.
 */
export function StepChart({ rows, coverage }: { rows: LabelledStep[]; coverage: StepsResponse["coverage"] }) {
  const max = Math.max(1, ...rows.map((r) => Math.max(r.avgMs, r.targetMs ?? 0, r.p90Ms ?? 0)));
  const scale = (ms: number) => `${Math.min(100, (ms / max) * 100).toFixed(2)}%`;
  const services = [...new Set([...rows.map((r) => r.serviceId), ...coverage.map((c) => c.serviceId)])];
  return (
    <div className="steps">
      {services.map((serviceId) => {
        const steps = rows.filter((r) => r.serviceId === serviceId);
        const c = coverage.find((x) => x.serviceId === serviceId);
        return (
          <div key={serviceId} className="steps__service" data-testid={`steps-${serviceId}`}>
            <h3 className="steps__title">{steps[0]?.serviceName ?? c?.serviceName}</h3>
            {c && c.served > 0 && (
              <p className="steps__coverage" data-testid={`steps-coverage-${serviceId}`}>
                {count(c.withSteps)} dari {count(c.served)} tiket dilayani mencatat langkah SOP
                {c.withoutSteps > 0 && (
                  <>
                    {" · "}
                    <strong className="steps__missing">{count(c.withoutSteps)} tiket tanpa langkah SOP tercatat</strong>
                  </>
                )}
              </p>
            )}
            {steps.map((s) => {
              const over = s.targetMs !== null && s.avgMs > s.targetMs;
              return (
                <div key={s.stepId} className={`steps__row${s.bottleneck ? " steps__row--bottleneck" : ""}`}>
                  <span className="steps__name">
                    {s.stepName}
                    {s.bottleneck && <span className="badge badge--bad">paling lambat</span>}
                  </span>
                  <span
                    className="steps__track"
                    title={`${s.stepName}: rata-rata ${minutes(s.avgMs)}, p90 ${minutes(s.p90Ms)}, target ${minutes(s.targetMs)}`}
                  >
                    <span
                      className={`steps__bar${over ? " steps__bar--over" : ""}`}
                      style={{ width: scale(s.avgMs) }}
                    />
                    {s.p90Ms !== null && <span className="steps__p90" style={{ left: scale(s.p90Ms) }} />}
                    {s.targetMs !== null && (
                      <span className="steps__target" style={{ left: scale(s.targetMs) }} />
                    )}
                  </span>
                  <span className="steps__figures">
                    <span>
                      <strong>{minutes(s.avgMs)}</strong> / target {minutes(s.targetMs)}
                    </span>
                    <span>
                      {pct(s.met.pct)} sesuai · {count(s.n)}×
                    </span>
                  </span>
                </div>
              );
            })}
          </div>
        );
      })}
      <p className="legend">
        <span className="legend__item">
          <span className="legend__swatch legend__swatch--bar" /> Rata-rata
        </span>
        <span className="legend__item">
          <span className="legend__swatch legend__swatch--target" /> Target SOP
        </span>
        <span className="legend__item">
          <span className="legend__swatch legend__swatch--p90" /> p90
        </span>
      </p>
    </div>
  );
}
