/**
 * Office simulator: realistic service days driven through the REAL queue core
 * (decide, then apply, exactly as the hub's engine does) and written through the
 * real store (events + read models), so the dashboard, the reports and the
 * benchmarks read data shaped like a live office's, not hand-made rows.
 *
 * The model, per open day:
 * - arrivals follow a morning peak (hourly weights below), Monday is busiest,
 *   Friday shorter (its break comes from the office hours in the config);
 * - services are chosen by a demand mix; 7% of citizens take the priority lane;
 *   quotas and opening hours are the core's, so kiosks refuse like real ones;
 * - every desk (counter) has an officer with their own speed and ticking habit,
 *   opens a little late now and then, takes a staggered lunch break, and serves
 *   those who took a number before closing up to 45 minutes past closing;
 * - service times spread log-normally around the SOP step targets, one step per
 *   service runs systematically slow (the bottleneck the reports should find);
 * - citizens who waited long are more often gone when called: recalls, then a
 *   no-show, some come back and are reinstated; a few transfers, incomplete
 *   files and referrals; a few cancel at the kiosk or lose their print-out;
 * - whatever is still open after midnight is cancelled by closeServiceDay.
 *
 * Staffing: the sample office has 12 counters, enough for ~300 tickets a day.
 * When the demand asked for needs more, each agency's counters are repeated
 * (loket-13, loket-14, ... with the same services) and its quotas scaled by the
 * same factor, so a high-volume run stays an office that copes most of the
 * time instead of one that drowns by 9 a.m. The result says what it did.
 */
import {
  apply,
  createState,
  decide,
  intervalsOn,
  localMoment,
  parseLocalTime,
  pruneFinished,
  pruneSettled,
  serviceDayOf,
  startOfServiceDay,
  type CompletionOutcome,
  type CounterRules,
  type Decision,
  type OfficeRules,
  type PriorityReason,
  type QueueCommand,
  type QueueEvent,
  type QueueState,
  type ServiceRules,
  type Weekday,
} from "@layan/core";
import type { Store } from "@layan/store";
import { Random } from "./prng";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/** Relative demand per service in the sample office; other services get DEFAULT_WEIGHT. */
export const DEFAULT_SERVICE_WEIGHTS: Readonly<Record<string, number>> = {
  "ktp-el": 18,
  "kartu-keluarga": 12,
  "akta-kelahiran": 8,
  kia: 6,
  "pindah-datang": 5,
  "nib-oss": 6,
  pbg: 2,
  "stnk-tahunan": 17,
  "bpjs-perubahan-data": 8,
  "bpjs-pendaftaran": 5,
  sppl: 2,
  "ukl-upl": 1,
  skck: 10,
};
const DEFAULT_WEIGHT = 3;

/** Arrivals per office-local hour (relative): queues form before 8 and peak mid-morning. */
const HOURLY_ARRIVALS: Readonly<Record<number, number>> = {
  7: 0.4,
  8: 2.0,
  9: 2.1,
  10: 1.6,
  11: 1.1,
  12: 0.6,
  13: 0.9,
  14: 0.55,
  15: 0.2,
  16: 0.1,
};

/** Demand per weekday relative to the average open day. */
const WEEKDAY_DEMAND: Readonly<Record<Weekday, number>> = {
  mon: 1.2,
  tue: 1.05,
  wed: 1.0,
  thu: 0.95,
  fri: 0.8,
  sat: 0.6,
  sun: 0.5,
};

/** Seconds between pressing "call" and the citizen reaching the desk, and similar small delays. */
const WALK_SECONDS: [number, number] = [15, 90];
const RECALL_GAP_SECONDS: [number, number] = [45, 90];
const BETWEEN_TICKETS_SECONDS: [number, number] = [8, 40];
const OVERTIME_MS = 45 * MINUTE;
/** Share of desk time that is not serving (calls, walking, paperwork, breaks) when sizing staff. */
const UTILISATION = 0.8;

export interface SimulateOptions {
  rules: OfficeRules;
  store: Store;
  /** First office-local day, "YYYY-MM-DD". */
  startDay: string;
  /** Calendar days, weekends and holidays included (nothing happens on closed days). */
  days: number;
  /** Tickets asked for on an average open day (before quota refusals). */
  ticketsPerDay: number;
  seed: number;
  /** Kiosk ids the tickets come from. */
  kioskIds?: string[];
  /** Events per store transaction. */
  batchEvents?: number;
  serviceWeights?: Readonly<Record<string, number>>;
  onDay?: (day: string, totals: SimulationTotals) => void;
}

export interface SimulationTotals {
  days: number;
  openDays: number;
  tickets: number;
  events: number;
  served: number;
  noShows: number;
  reinstated: number;
  transfers: number;
  cancelled: number;
  refusedQuota: number;
  refusedClosed: number;
}

export interface SimulationResult extends SimulationTotals {
  desks: number;
  configuredCounters: number;
  officers: number;
  /** Per agency: how many times each configured counter was repeated. */
  staffing: Record<string, number>;
  firstDay: string;
  lastDay: string;
}

interface Officer {
  id: string;
  displayName: string;
  username: string;
  agencyId: string;
  /** Multiplies every step time: < 1 is quicker. */
  speed: number;
  /** Chance that the officer ticks the SOP steps of a ticket. */
  tickRate: number;
  /** Typical minutes late when opening. */
  lateness: number;
}

type DeskStatus = "closed" | "idle" | "busy" | "paused";

interface Desk {
  rules: CounterRules;
  agencyId: string;
  primary: Officer;
  officer: Officer | null;
  status: DeskStatus;
  /** A tryCall is already scheduled. */
  waking: boolean;
  lunchTaken: boolean;
  lunchAt: number;
  lastClose: number;
  hardStop: number;
}

interface Citizen {
  /** Still in the waiting room when called. */
  patienceMs: number;
}

interface Action {
  at: number;
  order: number;
  run: () => void;
}

/** A binary min-heap of timed actions; ties keep their scheduling order. */
class Timeline {
  private readonly heap: Action[] = [];
  private order = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, run: () => void): void {
    const item = { at, order: this.order++, run };
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p]!;
      if (parent.at < item.at || (parent.at === item.at && parent.order < item.order)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = item;
  }

  pop(): Action | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const lc = h[l]!;
      const rc = h[r];
      const child = rc !== undefined && (rc.at < lc.at || (rc.at === lc.at && rc.order < lc.order)) ? r : l;
      const c = h[child]!;
      if (last.at < c.at || (last.at === c.at && last.order < c.order)) break;
      h[i] = c;
      i = child;
    }
    h[i] = last;
    return top;
  }
}

const FIRST_NAMES = [
  "Rina",
  "Agus",
  "Dewi",
  "Budi",
  "Siti",
  "Hendra",
  "Yuli",
  "Andi",
  "Ratna",
  "Eko",
  "Nur",
  "Fajar",
  "Lestari",
  "Joko",
  "Wulan",
  "Rudi",
  "Putri",
  "Dedi",
  "Indah",
  "Taufik",
  "Sri",
  "Bayu",
  "Maya",
  "Arif",
  "Intan",
  "Rizky",
  "Ayu",
  "Hadi",
  "Fitri",
  "Wahyu",
  "Nining",
  "Iwan",
  "Lina",
  "Dodi",
  "Sari",
  "Yusuf",
  "Mega",
  "Irfan",
  "Tari",
  "Ahmad",
];
const LAST_NAMES = [
  "Marlina",
  "Saputra",
  "Lestari",
  "Santoso",
  "Rahmawati",
  "Gunawan",
  "Hartati",
  "Wijaya",
  "Kusuma",
  "Pratama",
  "Handayani",
  "Setiawan",
  "Nugroho",
  "Permata",
  "Hidayat",
  "Siregar",
  "Nasution",
  "Harahap",
  "Sembiring",
  "Simanjuntak",
  "Situmorang",
  "Rangkuti",
  "Susanti",
  "Purnama",
  "Fauzi",
  "Ramadhan",
  "Anggraini",
  "Utami",
  "Maharani",
  "Sulistyo",
];

/** Office-local midnight of "YYYY-MM-DD". */
export function dayStartOf(day: string, timezone: string): number {
  const [y, m, d] = day.split("-").map(Number);
  if (!y || !m || !d) throw new Error(`bad day ${day}`);
  // Noon UTC of that date is the same date in every zone from UTC-11 to UTC+11.
  let start = startOfServiceDay(Date.UTC(y, m - 1, d, 12), timezone);
  const got = serviceDayOf(start, timezone);
  if (got < day) start = startOfServiceDay(start + DAY + 2 * 60 * MINUTE, timezone);
  if (got > day) start = startOfServiceDay(start - 2 * 60 * MINUTE, timezone);
  return start;
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const t = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n));
  return t.toISOString().slice(0, 10);
}

/** Open intervals of a service on one day, as epoch ms; empty when closed. */
function openIntervals(
  service: ServiceRules,
  day: string,
  dayStart: number,
  weekday: Weekday,
): [number, number][] {
  if (service.closedDates.includes(day)) return [];
  return intervalsOn(service.hours, weekday).map((i) => [
    dayStart + parseLocalTime(i.open) * MINUTE,
    dayStart + parseLocalTime(i.close) * MINUTE,
  ]);
}

/** Mean minutes a service takes at the desk with average officers (steps plus call and wrap-up). */
function meanServiceMinutes(service: ServiceRules, stepBias: Map<string, number>): number {
  const steps = service.targets.steps;
  const base =
    steps.length > 0
      ? steps.reduce((sum, s) => sum + s.minutes * (stepBias.get(s.id) ?? 1), 0)
      : service.targets.serviceMinutes * 0.8;
  // The log-normal's mean is median * exp(sigma^2 / 2).
  return base * Math.exp(0.3 ** 2 / 2) + 2;
}

export function simulateOffice(options: SimulateOptions): SimulationResult {
  const rng = new Random(options.seed);
  const weights = options.serviceWeights ?? DEFAULT_SERVICE_WEIGHTS;
  const baseRules = options.rules;
  const tz = baseRules.timezone;
  const kioskIds = options.kioskIds && options.kioskIds.length > 0 ? options.kioskIds : [null];
  const batchEvents = options.batchEvents ?? 20_000;

  // ---- the slow step of each service, and the staffing the demand needs ----
  const stepBias = new Map<string, Map<string, number>>();
  for (const s of baseRules.services) {
    const bias = new Map<string, number>();
    const slow = s.targets.steps.length > 0 ? rng.int(0, s.targets.steps.length - 1) : -1;
    s.targets.steps.forEach((step, i) => bias.set(step.id, i === slow ? 1.1 : rng.between(0.5, 0.7)));
    stepBias.set(s.id, bias);
  }
  // Disruptions: now and then one step of a service runs far slower for a few
  // days (a broken KTP-el printer, the OSS system down, a trainee at the desk).
  const disruptions = new Map<string, { from: string; to: string; stepId: string }[]>();
  for (let day = options.startDay, n = 0; n < options.days; n += 7, day = addDays(day, 7)) {
    for (const s of baseRules.services) {
      if (s.targets.steps.length === 0 || !rng.chance(0.06)) continue;
      const from = addDays(day, rng.int(0, 6));
      const list = disruptions.get(s.id) ?? [];
      list.push({ from, to: addDays(from, rng.int(2, 8)), stepId: rng.pick(s.targets.steps).id });
      disruptions.set(s.id, list);
    }
  }
  const disrupted = (serviceId: string, day: string, stepId: string) =>
    disruptions.get(serviceId)?.some((d) => d.stepId === stepId && day >= d.from && day <= d.to) ? 1.8 : 1;
  const serviceWeight = baseRules.services.map((s) => weights[s.id] ?? DEFAULT_WEIGHT);
  const totalWeight = serviceWeight.reduce((a, b) => a + b, 0);
  const agencyOf = new Map(baseRules.services.map((s) => [s.id, s.agencyId]));
  const counterAgency = (c: CounterRules) => agencyOf.get(c.services[0] ?? "") ?? "lainnya";

  // A long open day (Monday hours of the first service) sizes the desks.
  const refDay = 7 * 60;
  const loadByAgency = new Map<string, number>();
  baseRules.services.forEach((s, i) => {
    const share = (serviceWeight[i] ?? 0) / totalWeight;
    const minutes =
      options.ticketsPerDay * WEEKDAY_DEMAND.mon * share * meanServiceMinutes(s, stepBias.get(s.id)!);
    loadByAgency.set(s.agencyId, (loadByAgency.get(s.agencyId) ?? 0) + minutes);
  });
  const configuredByAgency = new Map<string, CounterRules[]>();
  for (const c of baseRules.counters) {
    const a = counterAgency(c);
    configuredByAgency.set(a, [...(configuredByAgency.get(a) ?? []), c]);
  }
  const staffing: Record<string, number> = {};
  for (const [agency, counters] of configuredByAgency) {
    const needed = (loadByAgency.get(agency) ?? 0) / (refDay * UTILISATION);
    staffing[agency] = Math.max(1, Math.ceil(needed / counters.length));
  }
  let nextNumber = Math.max(0, ...baseRules.counters.map((c) => c.number)) + 1;
  const counters: CounterRules[] = [...baseRules.counters];
  for (const c of baseRules.counters) {
    for (let k = 1; k < (staffing[counterAgency(c)] ?? 1); k++) {
      const n = nextNumber++;
      counters.push({ id: `loket-${n}`, name: `Loket ${n}`, number: n, services: [...c.services] });
    }
  }
  const rules: OfficeRules = {
    ...baseRules,
    counters,
    services: baseRules.services.map((s) => ({
      ...s,
      dailyQuota: s.dailyQuota === null ? null : s.dailyQuota * (staffing[s.agencyId] ?? 1),
    })),
  };

  // ---- officers: one per desk, plus relief staff per agency ----
  const usedNames = new Set<string>();
  const officers: Officer[] = [];
  const newOfficer = (agencyId: string): Officer => {
    const unique = (): { displayName: string; username: string } => {
      for (let attempt = 0; ; attempt++) {
        const displayName = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
        const username = displayName.toLowerCase().replace(" ", ".") + (attempt > 20 ? `.${attempt}` : "");
        if (!usedNames.has(username)) return { displayName, username };
      }
    };
    const { displayName, username } = unique();
    usedNames.add(username);
    const habit = rng.next();
    const o: Officer = {
      id: `sim-${rng.id()}`,
      displayName,
      username: `sim.${username}`,
      agencyId,
      speed: Math.min(1.45, Math.max(0.75, rng.logNormal(1, 0.14))),
      tickRate: habit < 0.7 ? 0.97 : habit < 0.9 ? 0.6 : 0,
      lateness: rng.chance(0.15) ? rng.between(8, 20) : rng.between(0, 4),
    };
    officers.push(o);
    return o;
  };
  const desks: Desk[] = counters.map((c) => {
    const agencyId = counterAgency(c);
    return {
      rules: c,
      agencyId,
      primary: newOfficer(agencyId),
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
    const count = Math.ceil(list.length * (staffing[agency] ?? 1) * 0.15) + 1;
    relief.set(
      agency,
      Array.from({ length: count }, () => newOfficer(agency)),
    );
  }
  for (const o of officers) {
    options.store.addUser({
      id: o.id,
      username: o.username,
      displayName: o.displayName,
      role: "officer",
      // Not a scrypt hash: simulated officers can never log in.
      secretHash: "simulated$no-login",
      createdAt: dayStartOf(options.startDay, tz),
    });
  }

  const desksByService = new Map<string, Desk[]>();
  for (const d of desks) {
    for (const s of d.rules.services) desksByService.set(s, [...(desksByService.get(s) ?? []), d]);
  }
  const sameAgencyServices = new Map(
    rules.services.map((s) => [
      s.id,
      rules.services.filter((o) => o.agencyId === s.agencyId && o.id !== s.id).map((o) => o.id),
    ]),
  );

  // ---- the engine: decide, apply, buffer for the store ----
  const state: QueueState = createState(rules);
  const timeline = new Timeline();
  const citizens = new Map<string, Citizen>();
  let now = 0;
  let pending: QueueEvent[] = [];
  const totals: SimulationTotals = {
    days: 0,
    openDays: 0,
    tickets: 0,
    events: 0,
    served: 0,
    noShows: 0,
    reinstated: 0,
    transfers: 0,
    cancelled: 0,
    refusedQuota: 0,
    refusedClosed: 0,
  };

  const flush = () => {
    if (pending.length === 0) return;
    options.store.append([{ events: pending }]);
    pending = [];
  };

  const exec = (command: QueueCommand): Decision => {
    const decision = decide(state, command, now);
    if (decision.ok) {
      for (const e of decision.events) {
        apply(state, e);
        pending.push(e);
        totals.events++;
        switch (e.type) {
          case "ticket.issued":
            totals.tickets++;
            break;
          case "ticket.completed":
            totals.served++;
            break;
          case "ticket.no_show":
            totals.noShows++;
            break;
          case "ticket.reinstated":
            totals.reinstated++;
            break;
          case "ticket.transferred":
            totals.transfers++;
            break;
          case "ticket.cancelled":
            totals.cancelled++;
            break;
          default:
            break;
        }
      }
      if (pending.length >= batchEvents) flush();
    }
    return decision;
  };

  // The hub's clock reads whole milliseconds.
  const at = (time: number, run: () => void) => timeline.push(Math.round(time), run);
  const secs = (range: [number, number]) => rng.between(range[0], range[1]) * SECOND;

  const wakeFor = (serviceId: string) => {
    for (const desk of desksByService.get(serviceId) ?? []) {
      if (desk.status === "idle" && !desk.waking) {
        desk.waking = true;
        at(now + rng.between(3, 20) * SECOND, () => tryCall(desk));
        return;
      }
    }
  };

  const servesOpenNow = (desk: Desk) =>
    desk.rules.services.some((id) => {
      const s = state.services.get(id);
      if (!s) return false;
      const day = serviceDayOf(now, tz);
      const m = localMoment(now, tz);
      if (s.closedDates.includes(day)) return false;
      return intervalsOn(s.hours, m.weekday).some(
        (i) => m.minuteOfDay >= parseLocalTime(i.open) && m.minuteOfDay < parseLocalTime(i.close),
      );
    });

  /** When the desk's services open again today after a break, or null. */
  const nextOpening = (desk: Desk): number | null => {
    const m = localMoment(now, tz);
    const dayStart = now - m.minuteOfDay * MINUTE - (now % MINUTE);
    let best: number | null = null;
    for (const id of desk.rules.services) {
      const s = state.services.get(id);
      if (!s) continue;
      for (const i of intervalsOn(s.hours, m.weekday)) {
        const open = dayStart + parseLocalTime(i.open) * MINUTE;
        if (open > now && (best === null || open < best)) best = open;
      }
    }
    return best;
  };

  const closeDesk = (desk: Desk) => {
    exec({ type: "closeCounter", counterId: desk.rules.id });
    desk.status = "closed";
    desk.officer = null;
  };

  const pauseUntil = (desk: Desk, until: number) => {
    exec({ type: "pauseCounter", counterId: desk.rules.id });
    desk.status = "paused";
    at(until, () => {
      if (!desk.officer) return;
      exec({ type: "openCounter", counterId: desk.rules.id, officerId: desk.officer.id });
      desk.status = "idle";
      tryCall(desk);
    });
  };

  function tryCall(desk: Desk): void {
    desk.waking = false;
    if (desk.status !== "idle" || !desk.officer) return;
    if (now >= desk.hardStop) {
      closeDesk(desk);
      return;
    }
    if (now < desk.lastClose && !servesOpenNow(desk)) {
      // Friday prayers: the hall closes; those waiting are served after the break.
      const reopen = nextOpening(desk);
      if (reopen !== null) {
        pauseUntil(desk, reopen + rng.between(0, 6) * MINUTE);
        return;
      }
    }
    if (!desk.lunchTaken && now >= desk.lunchAt && now < desk.lastClose) {
      desk.lunchTaken = true;
      pauseUntil(desk, now + rng.between(30, 50) * MINUTE);
      return;
    }
    const decision = exec({ type: "callNext", counterId: desk.rules.id, officerId: desk.officer.id });
    if (!decision.ok) {
      // Nobody waiting: after closing time the officer goes home, otherwise waits for the next arrival.
      if (now >= desk.lastClose) closeDesk(desk);
      return;
    }
    const called = decision.events[0];
    if (called?.type !== "ticket.called") return;
    desk.status = "busy";
    handleCall(desk, called.ticketId);
  }

  const release = (desk: Desk) => {
    desk.status = "idle";
    desk.waking = true;
    at(now + secs(BETWEEN_TICKETS_SECONDS), () => tryCall(desk));
  };

  function handleCall(desk: Desk, ticketId: string): void {
    const ticket = state.tickets.get(ticketId);
    const citizen = citizens.get(ticketId);
    if (!ticket || !citizen) return;
    const waited = now - ticket.segment.enqueuedAt;
    const gone = waited > citizen.patienceMs || rng.chance(0.012);
    const counterId = desk.rules.id;
    if (gone) {
      // Called, recalled as the rules require, then marked no-show.
      let t = now;
      for (let r = 0; r < rules.noShow.recallsBeforeNoShow; r++) {
        t += secs(RECALL_GAP_SECONDS);
        at(t, () => void exec({ type: "recall", counterId }));
      }
      t += secs(RECALL_GAP_SECONDS);
      at(t, () => {
        exec({ type: "markNoShow", counterId });
        release(desk);
        // Some were only at the toilet or the photocopier and come back in time.
        if (rng.chance(0.15)) {
          const back = rng.between(3, rules.noShow.reinstateWithinMinutes * 0.9) * MINUTE;
          at(now + back, () => {
            const t2 = state.tickets.get(ticketId);
            if (!t2 || t2.status !== "no_show") return;
            const ok = exec({ type: "reinstate", ticketId }).ok;
            if (ok) {
              citizen.patienceMs = Number.POSITIVE_INFINITY;
              wakeFor(t2.segment.serviceId);
            }
          });
        }
      });
      return;
    }
    const officer = desk.officer!;
    let t = now + secs(WALK_SECONDS);
    // A slow walker hears their number twice.
    if (t - now > 70 * SECOND) at(now + 60 * SECOND, () => void exec({ type: "recall", counterId }));
    at(t, () => void exec({ type: "startService", counterId }));

    const service = state.services.get(ticket.segment.serviceId)!;
    const steps = service.targets.steps;
    const bias = stepBias.get(service.id)!;
    const roll = rng.next();
    const transferTo = sameAgencyServices.get(service.id) ?? [];
    const plan:
      { kind: "complete"; outcome: CompletionOutcome; steps: number } | { kind: "transfer"; to: string } =
      roll < 0.03 && transferTo.length > 0 && ticket.previousSegments.length === 0
        ? { kind: "transfer", to: rng.pick(transferTo) }
        : roll < 0.1
          ? { kind: "complete", outcome: "berkas_tidak_lengkap", steps: Math.min(1, steps.length) }
          : roll < 0.12
            ? { kind: "complete", outcome: "dirujuk", steps: Math.ceil(steps.length / 2) }
            : { kind: "complete", outcome: "selesai", steps: steps.length };
    const ticks = officer.tickRate > 0 && rng.chance(officer.tickRate);
    const busyDay = WEEKDAY_DEMAND[localMoment(now, tz).weekday] > 1.1 ? 1.06 : 1;

    if (plan.kind === "transfer") {
      const first = steps[0];
      t +=
        (first ? first.minutes * (bias.get(first.id) ?? 1) : 3) *
        officer.speed *
        rng.logNormal(1, 0.3) *
        MINUTE;
      if (first && ticks) {
        const tickAt = t;
        at(tickAt, () => void exec({ type: "tickStep", counterId, stepId: first.id }));
      }
      t += secs([20, 60]);
      at(t, () => {
        const ok = exec({ type: "transfer", counterId, toServiceId: plan.to }).ok;
        release(desk);
        if (ok) wakeFor(plan.to);
      });
      return;
    }
    if (steps.length === 0) {
      t += service.targets.serviceMinutes * 0.8 * officer.speed * busyDay * rng.logNormal(1, 0.3) * MINUTE;
    } else {
      const today = serviceDayOf(now, tz);
      for (const step of steps.slice(0, Math.max(1, plan.steps))) {
        const slowdown = disrupted(service.id, today, step.id);
        t +=
          step.minutes *
          (bias.get(step.id) ?? 1) *
          slowdown *
          officer.speed *
          busyDay *
          rng.logNormal(1, 0.3) *
          MINUTE;
        if (ticks) {
          const stepId = step.id;
          at(t, () => void exec({ type: "tickStep", counterId, stepId }));
        }
      }
    }
    t += secs([15, 60]);
    at(t, () => {
      exec({ type: "complete", counterId, outcome: plan.outcome });
      citizens.delete(ticketId);
      release(desk);
    });
  }

  const issue = (serviceId: string) => {
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
    const decision = exec({
      type: "issueTicket",
      ticketId,
      serviceId,
      priority,
      kioskId: rng.pick(kioskIds),
    });
    if (!decision.ok) {
      if (decision.error.code === "QUOTA_REACHED") totals.refusedQuota++;
      else totals.refusedClosed++;
      return;
    }
    // Most wait as long as it takes; some give up after an hour or two.
    citizens.set(ticketId, {
      patienceMs: rng.chance(0.75) ? Number.POSITIVE_INFINITY : rng.logNormal(100, 0.45) * MINUTE,
    });
    if (rng.chance(0.002)) {
      at(now + 5 * SECOND, () => void exec({ type: "cancel", ticketId, reason: "print_failed" }));
      return;
    }
    if (rng.chance(0.008)) {
      at(now + rng.between(1, 4) * MINUTE, () => {
        if (state.tickets.get(ticketId)?.status === "waiting")
          exec({ type: "cancel", ticketId, reason: "citizen_left" });
      });
    }
    wakeFor(serviceId);
  };

  // ---- day by day ----
  let day = options.startDay;
  for (let n = 0; n < options.days; n++, day = addDays(day, 1)) {
    const dayStart = dayStartOf(day, tz);
    const weekday = localMoment(dayStart + 12 * 60 * MINUTE, tz).weekday;
    totals.days++;
    const intervalsByService = new Map(
      rules.services.map((s) => [s.id, openIntervals(s, day, dayStart, weekday)]),
    );
    const anyOpen = [...intervalsByService.values()].some((i) => i.length > 0);
    if (anyOpen) {
      totals.openDays++;
      // Arrivals: minute grid weighted by the hourly profile, only where some service is open
      // (and for a quarter of an hour before opening: the kiosk turns those away).
      const minuteWeights: number[] = [];
      for (let minute = 0; minute < 24 * 60; minute++) {
        const t = dayStart + minute * MINUTE;
        const open = [...intervalsByService.values()].some((list) =>
          list.some(([a, b]) => t >= a - 10 * MINUTE && t < b),
        );
        minuteWeights.push(open ? (HOURLY_ARRIVALS[Math.floor(minute / 60)] ?? 0) : 0);
      }
      const cumulative: number[] = [];
      let acc = 0;
      for (const w of minuteWeights) cumulative.push((acc += w));
      const dayNoise = Math.min(1.35, Math.max(0.7, rng.logNormal(1, 0.08)));
      const count = Math.round(options.ticketsPerDay * WEEKDAY_DEMAND[weekday] * dayNoise);
      for (let i = 0; i < count && acc > 0; i++) {
        const r = rng.next() * acc;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((cumulative[mid] ?? 0) > r) hi = mid;
          else lo = mid + 1;
        }
        const time = dayStart + lo * MINUTE + Math.floor(rng.next() * MINUTE);
        const serviceId = rules.services[rng.weighted(serviceWeight)]?.id;
        if (serviceId) at(time, () => issue(serviceId));
      }

      // Desks: open at their services' first opening, a little late now and then.
      for (const desk of desks) {
        const spans = desk.rules.services.flatMap((id) => intervalsByService.get(id) ?? []);
        if (spans.length === 0) continue;
        const firstOpen = Math.min(...spans.map(([a]) => a));
        const lastClose = Math.max(...spans.map(([, b]) => b));
        let officer: Officer | null = desk.primary;
        if (rng.chance(0.06)) {
          const pool = relief.get(desk.agencyId) ?? [];
          const free = pool.filter((o) => !desks.some((d) => d.officer === o));
          officer = free.length > 0 && rng.chance(0.8) ? rng.pick(free) : null;
        }
        if (!officer) continue;
        const chosen = officer;
        desk.officer = chosen;
        desk.lunchTaken = weekday === "fri" || lastClose - firstOpen < 6 * 60 * MINUTE;
        desk.lunchAt = dayStart + rng.between(11.75 * 60, 12.75 * 60) * MINUTE;
        desk.lastClose = lastClose;
        desk.hardStop = lastClose + OVERTIME_MS;
        const late = rng.chance(0.2) ? chosen.lateness * rng.between(0.5, 2) : rng.between(-3, 3);
        at(firstOpen + late * MINUTE, () => {
          const opened = exec({ type: "openCounter", counterId: desk.rules.id, officerId: chosen.id });
          if (!opened.ok) return;
          desk.status = "idle";
          tryCall(desk);
        });
        // Past the hard stop the desk closes once its ticket in hand is done.
        at(desk.hardStop, () => {
          if (desk.status === "idle" || desk.status === "paused") closeDesk(desk);
        });
      }
    }

    // Run the day, then the hub's midnight sweep.
    for (let action = timeline.pop(); action; action = timeline.pop()) {
      now = action.at;
      action.run();
    }
    for (const desk of desks) {
      if (desk.status !== "closed") {
        now = Math.max(now, desk.hardStop);
        closeDesk(desk);
      }
      desk.officer = null;
    }
    now = dayStart + DAY + 30 * SECOND;
    exec({ type: "closeServiceDay" });
    const nextDay = serviceDayOf(now, tz);
    pruneFinished(state, nextDay);
    pruneSettled(state, now, now);
    for (const id of citizens.keys()) if (!state.tickets.has(id)) citizens.delete(id);
    options.onDay?.(day, totals);
  }
  flush();

  return {
    ...totals,
    desks: desks.length,
    configuredCounters: baseRules.counters.length,
    officers: officers.length,
    staffing,
    firstDay: options.startDay,
    lastDay: addDays(options.startDay, options.days - 1),
  };
}
