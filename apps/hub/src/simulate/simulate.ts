/**
 * Office simulator: realistic service days driven through the REAL queue core
 * (its drive: decide, then apply, as the hub's engine does) and written through the
 * real store (events + read models), so the dashboard, the reports and the
 * benchmarks read data shaped like a live office's, not hand-made rows.
 *
 * The model, per open day:
 * - arrivals follow a morning peak (hourly weights in profile.ts), Monday is busiest,
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
 * The office is the configured one (staffing.ts): its counters with their
 * services and its quotas. A demand beyond what they serve makes long waits,
 * quota refusals and citizens sent home at closing, never extra counters.
 *
 * Where things are: arrivals.ts (who comes when, for what), staffing.ts (who
 * works which counter when), desks.ts (how a desk serves), service-times.ts
 * (how long the steps take), day.ts (one service day), engine.ts (the hub as
 * simulated: drive, clock, store batches).
 */
import { addDays, dayStartOf, type OfficeRules } from "@layan/core";
import type { Store } from "@layan/store";
import { Arrivals, demandWeights } from "./arrivals";
import type { WaitingRoom } from "./citizens";
import { runServiceDay } from "./day";
import { DeskWork } from "./desks";
import { SimulatedEngine, type LedgerWriter, type SimulationTotals } from "./engine";
import { COMPLAINT_STAFF, FeedbackModel, type FeedbackSetup } from "./feedback";
import { Random } from "./prng";
import { DEFAULT_PERFORMANCE, DEFAULT_SERVICE_WEIGHTS, type OfficePerformance } from "./profile";
import { ServiceTimes } from "./service-times";
import { staffOffice } from "./staffing";

export { DEFAULT_PERFORMANCE, DEFAULT_SERVICE_WEIGHTS, type OfficePerformance } from "./profile";
export type { LedgerWriter, SimulationTotals } from "./engine";
export { feedbackSetupOf, type FeedbackSetup } from "./feedback";

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
  /** The office's survey and complaint settings (feedbackSetupOf); without them no citizen answers or complains. */
  feedback?: FeedbackSetup;
  onDay?: (day: string, totals: SimulationTotals) => void;
  /** How well the office performs (default: the sample office, DEFAULT_PERFORMANCE). */
  performance?: OfficePerformance;
  /** Writes the idempotency ledger as a real hub does (tests/bench/storage.ts); none by default. */
  ledger?: LedgerWriter;
}

export interface SimulationResult extends SimulationTotals {
  /** The configured counters, one desk each. */
  desks: number;
  officers: number;
  firstDay: string;
  lastDay: string;
}

export function simulateOffice(options: SimulateOptions): SimulationResult {
  // One random stream for everything, drawn in a fixed order: the same seed gives the same office.
  const rng = new Random(options.seed);
  const baseRules = options.rules;
  const performance = { ...DEFAULT_PERFORMANCE, ...options.performance };
  const times = new ServiceTimes(baseRules.services, options.startDay, options.days, rng, performance.serviceTimeFactor);
  const serviceWeight = demandWeights(baseRules.services, options.serviceWeights ?? DEFAULT_SERVICE_WEIGHTS);
  const staffing = staffOffice(baseRules, rng, performance.absence);
  for (const o of staffing.officers.all) {
    options.store.addUser({
      id: o.id,
      username: o.username,
      displayName: o.displayName,
      role: "officer",
      // Not a scrypt hash: simulated officers can never log in.
      secretHash: "simulated$no-login",
      createdAt: dayStartOf(options.startDay, baseRules.timezone),
    });
  }

  const { rules } = staffing;
  const engine = new SimulatedEngine(rules, options.store, options.batchEvents ?? 20_000, options.ledger ?? null);
  if (options.feedback) {
    for (const staff of COMPLAINT_STAFF) {
      options.store.addUser({ ...staff, secretHash: "simulated$no-login", createdAt: dayStartOf(options.startDay, baseRules.timezone) });
    }
    // Its own stream: citizens' feedback adds to the office's history without changing a ticket of it.
    const model = new FeedbackModel(engine, new Random((options.seed ^ 0x5eedfeed) >>> 0), options.feedback);
    engine.observer = (e) => model.observe(e);
  }
  const citizens: WaitingRoom = new Map();
  const desks = new DeskWork(engine, rng, rules, times, citizens, staffing.desks);
  const kioskIds = options.kioskIds && options.kioskIds.length > 0 ? options.kioskIds : [null];
  const arrivals = new Arrivals(engine, rng, rules.services, serviceWeight, kioskIds, citizens, desks);
  const office = { engine, rng, staffing, desks, arrivals, citizens, ticketsPerDay: options.ticketsPerDay };

  for (let n = 0, day = options.startDay; n < options.days; n++, day = addDays(day, 1)) {
    runServiceDay(office, day);
    options.onDay?.(day, engine.totals);
  }
  engine.flush();

  return {
    ...engine.totals,
    desks: staffing.desks.length,
    officers: staffing.officers.all.length,
    firstDay: options.startDay,
    lastDay: addDays(options.startDay, options.days - 1),
  };
}
