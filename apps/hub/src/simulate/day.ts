/**
 * One service day of the simulated office: the kiosk's visitors and the desks'
 * officers are planned, the day runs action by action, and at midnight the
 * hub's day timer cancels whatever is still open (closeServiceDay).
 */
import {
  dayStartOf,
  intervalsOn,
  localMoment,
  parseLocalTime,
  pruneFinished,
  pruneSettled,
  serviceDayOf,
  type ServiceRules,
  type Weekday,
} from "@layan/core";
import type { Arrivals } from "./arrivals";
import type { WaitingRoom } from "./citizens";
import type { DeskWork } from "./desks";
import type { SimulatedEngine } from "./engine";
import type { Random } from "./prng";
import { DAY, MINUTE, SECOND } from "./profile";
import { staffDeskForDay, type Staffing } from "./staffing";

/** How long after midnight the hub's day timer runs closeServiceDay. */
const CLOSE_SWEEP_DELAY = 30 * SECOND;

export interface SimulatedOffice {
  engine: SimulatedEngine;
  rng: Random;
  staffing: Staffing;
  desks: DeskWork;
  arrivals: Arrivals;
  citizens: WaitingRoom;
  ticketsPerDay: number;
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

export function runServiceDay(office: SimulatedOffice, day: string): void {
  const { engine, staffing } = office;
  const { rules } = staffing;
  const tz = rules.timezone;
  const dayStart = dayStartOf(day, tz);
  const weekday = localMoment(dayStart + 12 * 60 * MINUTE, tz).weekday;
  engine.totals.days++;
  const intervalsByService = new Map(
    rules.services.map((s) => [s.id, openIntervals(s, day, dayStart, weekday)]),
  );
  if ([...intervalsByService.values()].some((i) => i.length > 0)) {
    engine.totals.openDays++;
    office.arrivals.planDay({ dayStart, weekday, intervalsByService }, office.ticketsPerDay);
    planDesks(office, dayStart, weekday, intervalsByService);
  }
  // Up to the hub's midnight sweep (closeDay), so a late answer lands before it, in time order.
  engine.runPlanned(dayStart + DAY + CLOSE_SWEEP_DELAY);
  closeDay(office, dayStart);
}

/** Desks open at their services' first opening (a little late now and then) and close by the hard stop. */
function planDesks(
  office: SimulatedOffice,
  dayStart: number,
  weekday: Weekday,
  intervalsByService: ReadonlyMap<string, [number, number][]>,
): void {
  const { engine, staffing, desks } = office;
  for (const desk of staffing.desks) {
    const spans = desk.rules.services.flatMap((id) => intervalsByService.get(id) ?? []);
    if (spans.length === 0) continue;
    const firstOpen = Math.min(...spans.map(([a]) => a));
    const lastClose = Math.max(...spans.map(([, b]) => b));
    const shift = staffDeskForDay(desk, staffing, { dayStart, weekday, firstOpen, lastClose }, office.rng);
    if (!shift) continue;
    engine.at(shift.opensAt, () => desks.open(desk, shift.officer));
    // Past the hard stop the desk closes once its ticket in hand is done.
    engine.at(desk.hardStop, () => {
      if (desk.status === "idle" || desk.status === "paused") desks.close(desk);
    });
  }
}

/** Everyone goes home, then the hub's midnight sweep, and memory is freed as in the hub. */
function closeDay(office: SimulatedOffice, dayStart: number): void {
  const { engine, staffing, citizens } = office;
  for (const desk of staffing.desks) {
    if (desk.status !== "closed") {
      engine.now = Math.max(engine.now, desk.hardStop);
      office.desks.close(desk);
    }
    desk.officer = null;
  }
  engine.now = dayStart + DAY + CLOSE_SWEEP_DELAY;
  engine.exec({ type: "closeServiceDay" });
  const { state } = engine;
  pruneFinished(state, serviceDayOf(engine.now, staffing.rules.timezone));
  pruneSettled(state, engine.now, engine.now);
  for (const id of citizens.keys()) if (!state.tickets.has(id)) citizens.delete(id);
}
