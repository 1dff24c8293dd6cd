/**
 * Who works which counter, and when.
 *
 * The sample office has 12 counters, enough for ~300 tickets a day. When the
 * demand asked for needs more, each agency's counters are repeated (loket-13,
 * loket-14, ... with the same services) and its quotas scaled by the same
 * factor, so a high-volume run stays an office that copes most of the time
 * instead of one that drowns by 9 a.m. Every desk has its own officer; each
 * agency keeps a few relief officers for the days someone is away.
 */
import type { CounterRules, OfficeRules, Weekday } from "@layan/core";
import type { Desk } from "./desks";
import { Officers, type Officer } from "./officers";
import type { Random } from "./prng";
import { MINUTE, OVERTIME_MS, UTILISATION, WEEKDAY_DEMAND } from "./profile";
import type { ServiceTimes } from "./service-times";

export interface Staffing {
  /** The office as simulated: repeated counters, scaled quotas. */
  rules: OfficeRules;
  desks: Desk[];
  /** Per agency: how many times each configured counter was repeated. */
  repeats: Record<string, number>;
  relief: Map<string, Officer[]>;
  officers: Officers;
}

/** Sizes the desks for the demand, then hires one officer per desk and the relief staff. */
export function staffOffice(
  baseRules: OfficeRules,
  ticketsPerDay: number,
  serviceWeight: readonly number[],
  times: ServiceTimes,
  rng: Random,
): Staffing {
  const agencyOf = new Map(baseRules.services.map((s) => [s.id, s.agencyId]));
  const counterAgency = (c: CounterRules) => agencyOf.get(c.services[0] ?? "") ?? "lainnya";
  const configuredByAgency = new Map<string, CounterRules[]>();
  for (const c of baseRules.counters) {
    const a = counterAgency(c);
    configuredByAgency.set(a, [...(configuredByAgency.get(a) ?? []), c]);
  }
  const repeats = repeatsNeeded(baseRules, ticketsPerDay, serviceWeight, times, configuredByAgency);
  const rules = repeatCounters(baseRules, repeats, counterAgency);

  const officers = new Officers(rng);
  const desks: Desk[] = rules.counters.map((c) => {
    const agencyId = counterAgency(c);
    return {
      rules: c,
      agencyId,
      primary: officers.hire(agencyId),
      officer: null,
      status: "closed",
      waking: false,
      lunchTaken: false,
      lunchAt: 0,
      lastClose: 0,
      hardStop: 0,
    };
  });
  const relief = new Map<string, Officer[]>();
  for (const [agency, list] of configuredByAgency) {
    const count = Math.ceil(list.length * (repeats[agency] ?? 1) * 0.15) + 1;
    relief.set(
      agency,
      Array.from({ length: count }, () => officers.hire(agency)),
    );
  }
  return { rules, desks, repeats, relief, officers };
}

/** Per agency, how many times its counters must be repeated to serve a Monday's demand. */
function repeatsNeeded(
  baseRules: OfficeRules,
  ticketsPerDay: number,
  serviceWeight: readonly number[],
  times: ServiceTimes,
  configuredByAgency: ReadonlyMap<string, CounterRules[]>,
): Record<string, number> {
  const totalWeight = serviceWeight.reduce((a, b) => a + b, 0);
  // A long open day (Monday hours of the first service) sizes the desks.
  const refDay = 7 * 60;
  const loadByAgency = new Map<string, number>();
  baseRules.services.forEach((s, i) => {
    const share = (serviceWeight[i] ?? 0) / totalWeight;
    const minutes = ticketsPerDay * WEEKDAY_DEMAND.mon * share * times.meanMinutes(s);
    loadByAgency.set(s.agencyId, (loadByAgency.get(s.agencyId) ?? 0) + minutes);
  });
  const repeats: Record<string, number> = {};
  for (const [agency, counters] of configuredByAgency) {
    const needed = (loadByAgency.get(agency) ?? 0) / (refDay * UTILISATION);
    repeats[agency] = Math.max(1, Math.ceil(needed / counters.length));
  }
  return repeats;
}

/** The office with each agency's counters repeated and its quotas scaled by the same factor. */
function repeatCounters(
  baseRules: OfficeRules,
  repeats: Readonly<Record<string, number>>,
  counterAgency: (c: CounterRules) => string,
): OfficeRules {
  let nextNumber = Math.max(0, ...baseRules.counters.map((c) => c.number)) + 1;
  const counters: CounterRules[] = [...baseRules.counters];
  for (const c of baseRules.counters) {
    for (let k = 1; k < (repeats[counterAgency(c)] ?? 1); k++) {
      const n = nextNumber++;
      counters.push({ id: `loket-${n}`, name: `Loket ${n}`, number: n, services: [...c.services] });
    }
  }
  return {
    ...baseRules,
    counters,
    services: baseRules.services.map((s) => ({
      ...s,
      dailyQuota: s.dailyQuota === null ? null : s.dailyQuota * (repeats[s.agencyId] ?? 1),
    })),
  };
}

/** One desk's day, as its services' opening hours allow. */
export interface DeskHours {
  dayStart: number;
  weekday: Weekday;
  firstOpen: number;
  lastClose: number;
}

/**
 * Who works `desk` today and when they open it, or null when nobody turns up:
 * now and then the desk's officer is away and a free relief officer (or
 * nobody) takes over; lunch is staggered, and some officers open late.
 * Desks are staffed one after another, so a relief officer works one desk.
 */
export function staffDeskForDay(
  desk: Desk,
  staffing: Staffing,
  hours: DeskHours,
  rng: Random,
): { officer: Officer; opensAt: number } | null {
  let officer: Officer | null = desk.primary;
  if (rng.chance(0.06)) {
    const pool = staffing.relief.get(desk.agencyId) ?? [];
    const free = pool.filter((o) => !staffing.desks.some((d) => d.officer === o));
    officer = free.length > 0 && rng.chance(0.8) ? rng.pick(free) : null;
  }
  if (!officer) return null;
  const { dayStart, firstOpen, lastClose } = hours;
  desk.officer = officer;
  desk.lunchTaken = hours.weekday === "fri" || lastClose - firstOpen < 6 * 60 * MINUTE;
  desk.lunchAt = dayStart + rng.between(11.75 * 60, 12.75 * 60) * MINUTE;
  desk.lastClose = lastClose;
  desk.hardStop = lastClose + OVERTIME_MS;
  const late = rng.chance(0.2) ? officer.lateness * rng.between(0.5, 2) : rng.between(-3, 3);
  return { officer, opensAt: firstOpen + late * MINUTE };
}
