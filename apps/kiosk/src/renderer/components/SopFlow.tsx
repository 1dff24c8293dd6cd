import type { SopStepInfo } from "@layan/protocol";
import { Clock } from "lucide-react";
import { ConfigIcon } from "./Icon";

/** Who does a step, told apart by colour as well as by name (never colour alone). */
const ACTOR_TONES: [RegExp, string][] = [
  [/pemohon|masyarakat|warga|wajib pajak/i, "citizen"],
  [/loket|front ?office|customer service|informasi/i, "counter"],
  [/verifikator|pemeriksa|petugas teknis|tim teknis/i, "verifier"],
  [/operator|perekam/i, "operator"],
  [/kasir|bank|bendahara/i, "cashier"],
  [/kepala|pejabat|penandatangan|kabid|kadis|camat/i, "official"],
];

export function actorTone(actor: string): string {
  return ACTOR_TONES.find(([pattern]) => pattern.test(actor))?.[1] ?? "other";
}

export interface SopFlowLabels {
  title: string;
  total: string;
  minutes: (n: number) => string;
  step: (n: number) => string;
}

/**
 * The SOP as a diagram: numbered steps down a line, each with its icon, who
 * does it, what happens and its minutes, ending in the total. The same order
 * the officers follow and tick at the counter.
 */
export function SopFlow({
  steps,
  totalMinutes,
  labels,
}: {
  steps: SopStepInfo[];
  totalMinutes: number;
  labels: SopFlowLabels;
}) {
  return (
    <section className="sop" aria-labelledby="sop-title">
      <h2 id="sop-title" className="section-title">
        {labels.title}
      </h2>
      <ol className="sop-steps">
        {steps.map((step, i) => (
          <li
            key={step.id}
            className={`sop-step tone-${actorTone(step.actor)}`}
            aria-label={`${labels.step(i + 1)}: ${step.actor}. ${step.description} ${labels.minutes(step.minutes)}`}
          >
            <div className="sop-marker" aria-hidden="true">
              <span className="sop-icon">
                <ConfigIcon name={step.icon} size={30} />
              </span>
              <span className="sop-number">{i + 1}</span>
            </div>
            <div className="sop-body">
              <div className="sop-head">
                <span className="sop-actor">{step.actor}</span>
                <span className="sop-minutes">
                  <Clock size={18} aria-hidden="true" />
                  {labels.minutes(step.minutes)}
                </span>
              </div>
              <p className="sop-desc">{step.description}</p>
            </div>
          </li>
        ))}
      </ol>
      <div className="sop-total">
        <span>{labels.total}</span>
        <strong>± {labels.minutes(totalMinutes)}</strong>
      </div>
    </section>
  );
}
