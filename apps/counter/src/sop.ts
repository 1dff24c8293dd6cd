/**
 * The serving timer against the service's SOP target, and step durations
 * measured the way the hub measures them (packages/core measure.ts), so what
 * the officer sees is what the report will say.
 */

export type SopColour = "green" | "amber" | "red";

/** Share of the target at which the timer turns amber: a warning while there is still time. */
export const AMBER_AT = 0.8;

/** Green below 80 % of the target, amber from 80 % up to the target itself, red past it. */
export function sopTimerColour(elapsedMs: number, targetMs: number | null): SopColour {
  if (targetMs === null || !(targetMs > 0)) return "green";
  if (elapsedMs > targetMs) return "red";
  if (elapsedMs >= targetMs * AMBER_AT) return "amber";
  return "green";
}

/** How far along the target, 0..1 (clamped), for the progress bar. */
export function sopProgress(elapsedMs: number, targetMs: number | null): number {
  if (targetMs === null || !(targetMs > 0)) return 0;
  return Math.min(1, Math.max(0, elapsedMs / targetMs));
}

export interface StepTarget {
  id: string;
  minutes: number;
}

export interface StepResult {
  stepId: string;
  /** When it was ticked (hub time). */
  at: number;
  /** From the previous tick, or from the start of service. */
  ms: number;
  targetMs: number | null;
  met: boolean | null;
}

/**
 * Each ticked step's duration: from the previous tick (in tick order) or from
 * the start of service (the call, when the officer never pressed start).
 */
export function stepResults(
  serviceStart: number,
  ticks: readonly { stepId: string; at: number }[],
  targets: readonly StepTarget[],
): StepResult[] {
  const byId = new Map(targets.map((t) => [t.id, t.minutes * 60_000]));
  let previous = serviceStart;
  return [...ticks]
    .sort((a, b) => a.at - b.at)
    .map((tick) => {
      const ms = tick.at - previous;
      previous = tick.at;
      const targetMs = byId.get(tick.stepId) ?? null;
      return {
        stepId: tick.stepId,
        at: tick.at,
        ms,
        targetMs,
        met: targetMs === null ? null : ms <= targetMs,
      };
    });
}
