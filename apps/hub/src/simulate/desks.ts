import {
  intervalsOn,
  localMoment,
  parseLocalTime,
  serviceDayOf,
  type CompletionOutcome,
  type CounterRules,
  type OfficeRules,
  type ServiceRules,
  type Ticket,
} from "@layan/core";
import type { Citizen, WaitingRoom } from "./citizens";
import type { SimulatedEngine } from "./engine";
import type { Officer } from "./officers";
import type { Random } from "./prng";
import {
  BETWEEN_TICKETS_SECONDS,
  MINUTE,
  RECALL_GAP_SECONDS,
  SECOND,
  WALK_SECONDS,
  WEEKDAY_DEMAND,
} from "./profile";
import type { ServiceTimes } from "./service-times";

export type DeskStatus = "closed" | "idle" | "busy" | "paused";

/** A counter (loket) and the day of whoever works it. */
export interface Desk {
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

/** What the officer will do with the ticket in hand, decided when it is called. */
type Visit =
  { kind: "complete"; outcome: CompletionOutcome; steps: number } | { kind: "transfer"; to: string };

/**
 * How officers work their desks once open: call the next citizen, serve them
 * step by step (ticking the SOP steps or not), transfer some, mark no-shows,
 * break for lunch and Friday prayers, and go home once the hall is empty.
 */
export class DeskWork {
  private readonly desksByService = new Map<string, Desk[]>();
  private readonly sameAgencyServices: Map<string, string[]>;

  constructor(
    private readonly engine: SimulatedEngine,
    private readonly rng: Random,
    private readonly rules: OfficeRules,
    private readonly times: ServiceTimes,
    private readonly citizens: WaitingRoom,
    desks: readonly Desk[],
  ) {
    for (const d of desks) {
      for (const s of d.rules.services)
        this.desksByService.set(s, [...(this.desksByService.get(s) ?? []), d]);
    }
    this.sameAgencyServices = new Map(
      rules.services.map((s) => [
        s.id,
        rules.services.filter((o) => o.agencyId === s.agencyId && o.id !== s.id).map((o) => o.id),
      ]),
    );
  }

  /** The officer arrives and opens the desk, then calls whoever is waiting. */
  open(desk: Desk, officer: Officer): void {
    const opened = this.engine.exec({ type: "openCounter", counterId: desk.rules.id, officerId: officer.id });
    if (!opened.ok) return;
    desk.status = "idle";
    this.tryCall(desk);
  }

  close(desk: Desk): void {
    this.engine.exec({ type: "closeCounter", counterId: desk.rules.id });
    desk.status = "closed";
    desk.officer = null;
  }

  /** A ticket joined a service's queue: the first idle desk for it looks up, a few seconds later. */
  wakeFor(serviceId: string): void {
    for (const desk of this.desksByService.get(serviceId) ?? []) {
      if (desk.status === "idle" && !desk.waking) {
        desk.waking = true;
        this.engine.at(this.engine.now + this.rng.between(3, 20) * SECOND, () => this.tryCall(desk));
        return;
      }
    }
  }

  private tryCall(desk: Desk): void {
    const now = this.engine.now;
    desk.waking = false;
    if (desk.status !== "idle" || !desk.officer) return;
    if (now >= desk.hardStop) {
      this.close(desk);
      return;
    }
    if (now < desk.lastClose && !this.servesOpenNow(desk)) {
      // Friday prayers: the hall closes; those waiting are served after the break.
      const reopen = this.nextOpening(desk);
      if (reopen !== null) {
        this.pauseUntil(desk, reopen + this.rng.between(0, 6) * MINUTE);
        return;
      }
    }
    if (!desk.lunchTaken && now >= desk.lunchAt && now < desk.lastClose) {
      desk.lunchTaken = true;
      this.pauseUntil(desk, now + this.rng.between(30, 50) * MINUTE);
      return;
    }
    const decision = this.engine.exec({
      type: "callNext",
      counterId: desk.rules.id,
      officerId: desk.officer.id,
    });
    if (!decision.ok) {
      // Nobody waiting: after closing time the officer goes home, otherwise waits for the next arrival.
      if (now >= desk.lastClose) this.close(desk);
      return;
    }
    const called = decision.events[0];
    if (called?.type !== "ticket.called") return;
    desk.status = "busy";
    this.handleCall(desk, called.ticketId);
  }

  private servesOpenNow(desk: Desk): boolean {
    const now = this.engine.now;
    const tz = this.rules.timezone;
    return desk.rules.services.some((id) => {
      const s = this.engine.state.services.get(id);
      if (!s) return false;
      const day = serviceDayOf(now, tz);
      const m = localMoment(now, tz);
      if (s.closedDates.includes(day)) return false;
      return intervalsOn(s.hours, m.weekday).some(
        (i) => m.minuteOfDay >= parseLocalTime(i.open) && m.minuteOfDay < parseLocalTime(i.close),
      );
    });
  }

  /** When the desk's services open again today after a break, or null. */
  private nextOpening(desk: Desk): number | null {
    const now = this.engine.now;
    const m = localMoment(now, this.rules.timezone);
    const dayStart = now - m.minuteOfDay * MINUTE - (now % MINUTE);
    let best: number | null = null;
    for (const id of desk.rules.services) {
      const s = this.engine.state.services.get(id);
      if (!s) continue;
      for (const i of intervalsOn(s.hours, m.weekday)) {
        const open = dayStart + parseLocalTime(i.open) * MINUTE;
        if (open > now && (best === null || open < best)) best = open;
      }
    }
    return best;
  }

  private pauseUntil(desk: Desk, until: number): void {
    this.engine.exec({ type: "pauseCounter", counterId: desk.rules.id });
    desk.status = "paused";
    this.engine.at(until, () => {
      if (!desk.officer) return;
      this.engine.exec({ type: "openCounter", counterId: desk.rules.id, officerId: desk.officer.id });
      desk.status = "idle";
      this.tryCall(desk);
    });
  }

  /** The desk is free again: the next call comes after a short pause. */
  private release(desk: Desk): void {
    desk.status = "idle";
    desk.waking = true;
    this.engine.at(this.engine.now + this.secs(BETWEEN_TICKETS_SECONDS), () => this.tryCall(desk));
  }

  private handleCall(desk: Desk, ticketId: string): void {
    const ticket = this.engine.state.tickets.get(ticketId);
    const citizen = this.citizens.get(ticketId);
    if (!ticket || !citizen) return;
    const waited = this.engine.now - ticket.segment.enqueuedAt;
    const gone = waited > citizen.patienceMs || this.rng.chance(0.012);
    if (gone) this.goneWhenCalled(desk, ticketId, citizen);
    else this.serve(desk, ticket);
  }

  /** Called, recalled as the rules require, then marked no-show; some come back in time. */
  private goneWhenCalled(desk: Desk, ticketId: string, citizen: Citizen): void {
    const { engine, rng } = this;
    const counterId = desk.rules.id;
    let t = engine.now;
    for (let r = 0; r < this.rules.noShow.recallsBeforeNoShow; r++) {
      t += this.secs(RECALL_GAP_SECONDS);
      engine.at(t, () => void engine.exec({ type: "recall", counterId }));
    }
    t += this.secs(RECALL_GAP_SECONDS);
    engine.at(t, () => {
      engine.exec({ type: "markNoShow", counterId });
      this.release(desk);
      // Some were only at the toilet or the photocopier and come back in time.
      if (!rng.chance(0.15)) return;
      const back = rng.between(3, this.rules.noShow.reinstateWithinMinutes * 0.9) * MINUTE;
      engine.at(engine.now + back, () => {
        const t2 = engine.state.tickets.get(ticketId);
        if (!t2 || t2.status !== "no_show") return;
        if (!engine.exec({ type: "reinstate", ticketId }).ok) return;
        citizen.patienceMs = Number.POSITIVE_INFINITY;
        this.wakeFor(t2.segment.serviceId);
      });
    });
  }

  /** The citizen walks up and is served, or sent on to another service of the same agency. */
  private serve(desk: Desk, ticket: Ticket): void {
    const { engine, rng } = this;
    const now = engine.now;
    const counterId = desk.rules.id;
    const officer = desk.officer!;
    let t = now + this.secs(WALK_SECONDS);
    // A slow walker hears their number twice.
    if (t - now > 70 * SECOND)
      engine.at(now + 60 * SECOND, () => void engine.exec({ type: "recall", counterId }));
    engine.at(t, () => void engine.exec({ type: "startService", counterId }));

    const service = engine.state.services.get(ticket.segment.serviceId)!;
    const visit = this.planVisit(service, ticket);
    const ticks = officer.tickRate > 0 && rng.chance(officer.tickRate);
    if (visit.kind === "transfer") {
      t = this.workFirstStep(counterId, service, officer, ticks, t);
      t += this.secs([20, 60]);
      engine.at(t, () => {
        const ok = engine.exec({ type: "transfer", counterId, toServiceId: visit.to }).ok;
        this.release(desk);
        if (ok) this.wakeFor(visit.to);
      });
      return;
    }
    t = this.workSteps(counterId, service, officer, ticks, visit.steps, t);
    t += this.secs([15, 60]);
    engine.at(t, () => {
      engine.exec({ type: "complete", counterId, outcome: visit.outcome });
      this.citizens.delete(ticket.id);
      this.release(desk);
    });
  }

  /** Mostly served in full; some files are incomplete, some referred, a few transferred once. */
  private planVisit(service: ServiceRules, ticket: Ticket): Visit {
    const steps = service.targets.steps;
    const roll = this.rng.next();
    const transferTo = this.sameAgencyServices.get(service.id) ?? [];
    if (roll < 0.03 && transferTo.length > 0 && ticket.previousSegments.length === 0)
      return { kind: "transfer", to: this.rng.pick(transferTo) };
    if (roll < 0.1)
      return { kind: "complete", outcome: "berkas_tidak_lengkap", steps: Math.min(1, steps.length) };
    if (roll < 0.12) return { kind: "complete", outcome: "dirujuk", steps: Math.ceil(steps.length / 2) };
    return { kind: "complete", outcome: "selesai", steps: steps.length };
  }

  /** Before a transfer the officer does the first step only; returns when it is done. */
  private workFirstStep(
    counterId: string,
    service: ServiceRules,
    officer: Officer,
    ticks: boolean,
    from: number,
  ): number {
    const first = service.targets.steps[0];
    const minutes = first ? first.minutes * this.times.bias(service.id, first.id) : 3;
    const t = from + minutes * officer.speed * this.rng.logNormal(1, 0.3) * MINUTE;
    if (first && ticks)
      this.engine.at(t, () => void this.engine.exec({ type: "tickStep", counterId, stepId: first.id }));
    return t;
  }

  /** The first `count` steps (at least one) at this officer's pace on this day; returns when they are done. */
  private workSteps(
    counterId: string,
    service: ServiceRules,
    officer: Officer,
    ticks: boolean,
    count: number,
    from: number,
  ): number {
    const { engine, rng } = this;
    const steps = service.targets.steps;
    const busyDay = WEEKDAY_DEMAND[localMoment(engine.now, this.rules.timezone).weekday] > 1.1 ? 1.06 : 1;
    let t = from;
    if (steps.length === 0) {
      return (
        t + service.targets.serviceMinutes * 0.8 * officer.speed * busyDay * rng.logNormal(1, 0.3) * MINUTE
      );
    }
    const today = serviceDayOf(engine.now, this.rules.timezone);
    for (const step of steps.slice(0, Math.max(1, count))) {
      t +=
        step.minutes *
        this.times.bias(service.id, step.id) *
        this.times.slowdown(service.id, today, step.id) *
        officer.speed *
        busyDay *
        rng.logNormal(1, 0.3) *
        MINUTE;
      if (ticks) {
        const stepId = step.id;
        engine.at(t, () => void engine.exec({ type: "tickStep", counterId, stepId }));
      }
    }
    return t;
  }

  private secs(range: readonly [number, number]): number {
    return this.rng.between(range[0], range[1]) * SECOND;
  }
}
