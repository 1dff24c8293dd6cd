/**
 * When citizens come and what for: arrivals follow a morning peak, Monday is
 * busiest, Friday shorter; services are chosen by a demand mix and 7% take the
 * priority lane. At the kiosk the core's quotas and opening hours refuse like
 * real ones; a few tickets are cancelled (a failed print, a citizen who leaves
 * at once) and some citizens give up after an hour or two of waiting.
 */
import type { PriorityReason, ServiceRules, Weekday } from "@layan/core";
import type { WaitingRoom } from "./citizens";
import type { DeskWork } from "./desks";
import type { SimulatedEngine } from "./engine";
import type { Random } from "./prng";
import { DEFAULT_WEIGHT, HOURLY_ARRIVALS, MINUTE, SECOND, WEEKDAY_DEMAND } from "./profile";

/** Each service's share of the demand, in the order of `services`. */
export function demandWeights(
  services: readonly ServiceRules[],
  weights: Readonly<Record<string, number>>,
): number[] {
  return services.map((s) => weights[s.id] ?? DEFAULT_WEIGHT);
}

/** One open day as arrivals see it: its open intervals per service, as epoch ms. */
export interface ArrivalDay {
  dayStart: number;
  weekday: Weekday;
  intervalsByService: ReadonlyMap<string, [number, number][]>;
}

export class Arrivals {
  constructor(
    private readonly engine: SimulatedEngine,
    private readonly rng: Random,
    private readonly services: readonly ServiceRules[],
    private readonly serviceWeight: readonly number[],
    private readonly kioskIds: readonly (string | null)[],
    private readonly citizens: WaitingRoom,
    private readonly desks: DeskWork,
  ) {}

  /** Plans the day's visits to the kiosk; how many depends on the weekday and the day's luck. */
  planDay(day: ArrivalDay, ticketsPerDay: number): void {
    const { rng } = this;
    const cumulative = cumulativeMinuteWeights(day);
    const total = cumulative[cumulative.length - 1] ?? 0;
    const dayNoise = Math.min(1.35, Math.max(0.7, rng.logNormal(1, 0.08)));
    const count = Math.round(ticketsPerDay * WEEKDAY_DEMAND[day.weekday] * dayNoise);
    for (let i = 0; i < count && total > 0; i++) {
      const minute = pickMinute(cumulative, rng.next() * total);
      const time = day.dayStart + minute * MINUTE + Math.floor(rng.next() * MINUTE);
      const serviceId = this.services[rng.weighted(this.serviceWeight)]?.id;
      if (serviceId) this.engine.at(time, () => this.takeTicket(serviceId));
    }
  }

  private takeTicket(serviceId: string): void {
    const { engine, rng } = this;
    const priority: PriorityReason | null = rng.chance(0.07)
      ? rng.pick<PriorityReason>([
          "lansia",
          "lansia",
          "lansia",
          "disabilitas",
          "ibu_hamil_menyusui",
          "ibu_hamil_menyusui",
        ])
      : null;
    const ticketId = rng.id();
    const decision = engine.exec({
      type: "issueTicket",
      ticketId,
      serviceId,
      priority,
      kioskId: rng.pick(this.kioskIds),
    });
    if (!decision.ok) {
      if (decision.error.code === "QUOTA_REACHED") engine.totals.refusedQuota++;
      else engine.totals.refusedClosed++;
      return;
    }
    // Most wait as long as it takes; some give up after an hour or two.
    this.citizens.set(ticketId, {
      patienceMs: rng.chance(0.75) ? Number.POSITIVE_INFINITY : rng.logNormal(100, 0.45) * MINUTE,
    });
    if (rng.chance(0.002)) {
      engine.at(
        engine.now + 5 * SECOND,
        () => void engine.exec({ type: "cancel", ticketId, reason: "print_failed" }),
      );
      return;
    }
    if (rng.chance(0.008)) {
      engine.at(engine.now + rng.between(1, 4) * MINUTE, () => {
        if (engine.state.tickets.get(ticketId)?.status === "waiting")
          engine.exec({ type: "cancel", ticketId, reason: "citizen_left" });
      });
    }
    this.desks.wakeFor(serviceId);
  }
}

/**
 * Running total of arrival weight per minute of the day, from the hourly
 * profile, only where some service is open (and for ten minutes before
 * opening: the kiosk turns those early birds away).
 */
function cumulativeMinuteWeights(day: ArrivalDay): number[] {
  const cumulative: number[] = [];
  let acc = 0;
  for (let minute = 0; minute < 24 * 60; minute++) {
    const t = day.dayStart + minute * MINUTE;
    const open = [...day.intervalsByService.values()].some((list) =>
      list.some(([a, b]) => t >= a - 10 * MINUTE && t < b),
    );
    cumulative.push((acc += open ? (HOURLY_ARRIVALS[Math.floor(minute / 60)] ?? 0) : 0));
  }
  return cumulative;
}

/** The first minute whose running total exceeds `r`. */
function pickMinute(cumulative: readonly number[], r: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] ?? 0) > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
