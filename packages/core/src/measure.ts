import type { SopTargets } from "./office";
import type { ServiceSegment } from "./ticket";

export interface StepMeasurement {
  stepId: string;
  /** Time from the previous tick (or start of service) to this tick. */
  ms: number;
  targetMs: number | null;
  met: boolean | null;
}

/**
 * A finished segment measured against the SOP targets in force when it ended.
 * The targets are copied in so that later config edits never rewrite history.
 */
export interface SegmentMeasurement {
  serviceId: string;
  segmentIndex: number;
  counterId: string | null;
  officerId: string | null;
  enqueuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  endedAt: number;
  recalls: number;
  /** Issue (or transfer) to first call; null when never called. */
  waitMs: number | null;
  /** Start of service (or the call, when the officer never pressed start) to end. */
  serviceMs: number | null;
  waitTargetMs: number;
  serviceTargetMs: number;
  waitMet: boolean | null;
  serviceMet: boolean | null;
  steps: StepMeasurement[];
  /**
   * A booked visit's segment, its wait counted from max(check-in, slot start)
   * (docs/booking.md decision 10). Absent for walk-ins, never false.
   */
  booked?: true;
}

/**
 * A segment's wait: from enqueuedAt to its first call, never below zero. A booked
 * segment waits from its slot's start (docs/booking.md decision 10), and one called
 * before it (nobody else waiting, decision 9) was kept waiting by the office for no time.
 */
export const segmentWaitMs = (firstCalledAt: number | null, enqueuedAt: number): number | null =>
  firstCalledAt === null ? null : Math.max(0, firstCalledAt - enqueuedAt);

export function measureSegment(
  segment: ServiceSegment,
  targets: SopTargets,
  endedAt: number,
  served: boolean,
): SegmentMeasurement {
  const waitTargetMs = targets.waitMinutes * 60_000;
  const serviceTargetMs = targets.serviceMinutes * 60_000;
  const waitMs = segmentWaitMs(segment.firstCalledAt, segment.enqueuedAt);
  const serviceStart = segment.startedAt ?? segment.lastCalledAt;
  const serviceMs = served && serviceStart !== null ? endedAt - serviceStart : null;

  const stepTargets = new Map(targets.steps.map((s) => [s.id, s.minutes * 60_000]));
  let previous = serviceStart ?? segment.enqueuedAt;
  const steps: StepMeasurement[] = segment.steps.map((tick) => {
    const ms = tick.at - previous;
    previous = tick.at;
    const targetMs = stepTargets.get(tick.stepId) ?? null;
    return { stepId: tick.stepId, ms, targetMs, met: targetMs === null ? null : ms <= targetMs };
  });

  return {
    serviceId: segment.serviceId,
    segmentIndex: segment.index,
    counterId: segment.counterId,
    officerId: segment.officerId,
    enqueuedAt: segment.enqueuedAt,
    calledAt: segment.firstCalledAt,
    startedAt: segment.startedAt,
    endedAt,
    recalls: segment.recalls,
    waitMs,
    serviceMs,
    waitTargetMs,
    serviceTargetMs,
    waitMet: waitMs === null ? null : waitMs <= waitTargetMs,
    serviceMet: serviceMs === null ? null : serviceMs <= serviceTargetMs,
    steps,
  };
}
