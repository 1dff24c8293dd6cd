/**
 * Property test of booked visits against walk-ins (docs/booking.md decision
 * 4): random interleavings of walk-ins, holds, confirms, check-ins,
 * releases, sweeps, calls, quota changes and day changes never pass the
 * quota or a slot's capacity, never give a number twice, and keep every
 * booking count equal to a recount from scratch.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkInWindow } from "./booking";
import { slotsOf } from "./booking-slots";
import { bookingsTakenOn, dayKey, openBookingsOn, takenInSlot, type BookingsState } from "./booking-state";
import type { QueueCommand } from "./commands";
import { decide } from "./decide";
import type { QueueEvent } from "./events";
import { apply, createState, replay, type QueueState } from "./state";
import { bookingRules } from "./testing/booking";
import { jakarta, MINUTE, normalise, THURSDAY } from "./testing/fixtures";
import { addDays, serviceDayOf } from "./time";
import { quotaToday, quotaUsedToday } from "./today";

const TZ = "Asia/Jakarta";
// KTP twice: its quota (4 here, 2 of them bookable) is what the walk-ins and bookings compete for.
const SERVICES = ["ktp", "ktp", "info", "izin"];
const COUNTERS = ["loket-1", "loket-2", "loket-3"];

type Action =
  | { kind: "walkIn"; service: number; priority: boolean }
  | { kind: "hold"; service: number; day: number; slot: number; off: boolean }
  | { kind: "confirm" | "checkIn" | "release"; pick: number }
  /** The citizen of a confirmed booking arrives: the clock moves into its check-in window, and it checks in. */
  | { kind: "arrive"; pick: number; minute: number }
  | { kind: "sweep" }
  | { kind: "call" | "complete" | "open"; counter: number }
  | { kind: "cancelPrintFailed"; pick: number }
  | { kind: "setQuota"; quota: number | null }
  | { kind: "wait"; minutes: number }
  | { kind: "nextMorning" };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("walkIn" as const), service: fc.nat({ max: 3 }), priority: fc.boolean() }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("hold" as const),
      service: fc.nat({ max: 3 }),
      day: fc.nat({ max: 2 }),
      slot: fc.nat({ max: 30 }),
      off: fc.nat({ max: 9 }).map((n) => n === 0),
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("confirm" as const), pick: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("checkIn" as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("release" as const), pick: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("arrive" as const), pick: fc.nat(), minute: fc.nat({ max: 44 }) }) },
  { weight: 3, arbitrary: fc.constant({ kind: "sweep" as const }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("call" as const), counter: fc.nat({ max: 2 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("complete" as const), counter: fc.nat({ max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("open" as const), counter: fc.nat({ max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancelPrintFailed" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("setQuota" as const), quota: fc.option(fc.nat({ max: 14 }), { nil: null }) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("wait" as const), minutes: fc.integer({ min: 1, max: 90 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "nextMorning" as const }) },
);

const BASE = bookingRules();
const RULES = { ...BASE, services: BASE.services.map((s) => (s.id === "ktp" ? { ...s, dailyQuota: 4 } : s)) };

class World {
  readonly state: QueueState = createState(RULES);
  readonly log: QueueEvent[] = [];
  now = jakarta(`${THURSDAY} 07:30`);
  private n = 0;
  private bookingIds: string[] = [];
  private ticketIds: string[] = [];

  private pick<T>(list: T[], n: number): T | undefined {
    return list.length === 0 ? undefined : list[n % list.length];
  }

  private run(command: QueueCommand): void {
    const decision = decide(this.state, command, this.now);
    if (!decision.ok) return;
    for (const event of decision.events) {
      apply(this.state, event);
      this.log.push(event);
    }
  }

  step(a: Action): void {
    const id = () => `${++this.n}`;
    switch (a.kind) {
      case "walkIn": {
        const ticketId = `w${id()}`;
        this.ticketIds.push(ticketId);
        return this.run({ type: "issueTicket", ticketId, serviceId: SERVICES[a.service]!, priority: a.priority ? "lansia" : null, kioskId: null });
      }
      case "hold": {
        const service = this.state.services.get(SERVICES[a.service]!)!;
        const day = addDays(serviceDayOf(this.now, TZ), a.day);
        const slots = service.booking ? slotsOf(service, day, TZ) : [];
        const slot = this.pick(slots, a.slot);
        const slotStart = (slot?.start ?? this.now) + (a.off ? 7 * MINUTE : 0);
        const n = id();
        const bookingId = `b${n}`;
        this.bookingIds.push(bookingId);
        return this.run({ type: "holdBooking", bookingId, code: `C${n}`, serviceId: service.id, slotStart });
      }
      case "confirm":
      case "release":
      case "checkIn": {
        const bookingId = this.pick(this.bookingIds, a.pick);
        if (!bookingId) return;
        if (a.kind === "confirm") return this.run({ type: "confirmBooking", bookingId });
        if (a.kind === "release") return this.run({ type: "releaseBooking", bookingId, reason: "citizen_cancelled" });
        const ticketId = `c${id()}`;
        this.ticketIds.push(ticketId);
        return this.run({ type: "checkInBooking", bookingId, ticketId, kioskId: null });
      }
      case "arrive": {
        const confirmed = [...this.state.bookings.open].filter((b) => this.state.bookings.byId.get(b)?.status === "confirmed");
        const booking = this.state.bookings.byId.get(this.pick(confirmed, a.pick) ?? "");
        if (!booking) return;
        const window = checkInWindow(this.state, booking);
        const arrival = Math.min(window.until - 1, window.from + a.minute * MINUTE);
        if (arrival > this.now) {
          const day = serviceDayOf(this.now, TZ);
          this.now = arrival;
          // A day passed on the way: the hub's midnight and its timer ran meanwhile.
          if (serviceDayOf(this.now, TZ) !== day) this.run({ type: "closeServiceDay" });
          this.run({ type: "sweepBookings" });
        }
        const ticketId = `c${id()}`;
        this.ticketIds.push(ticketId);
        return this.run({ type: "checkInBooking", bookingId: booking.id, ticketId, kioskId: null });
      }
      case "sweep":
        return this.run({ type: "sweepBookings" });
      case "call":
        return this.run({ type: "callNext", counterId: COUNTERS[a.counter]!, officerId: null });
      case "complete":
        return this.run({ type: "complete", counterId: COUNTERS[a.counter]!, outcome: "selesai" });
      case "open":
        return this.run({ type: "openCounter", counterId: COUNTERS[a.counter]!, officerId: null });
      case "cancelPrintFailed": {
        const ticketId = this.pick(this.ticketIds, a.pick);
        if (ticketId && this.state.tickets.get(ticketId)?.status === "waiting")
          this.run({ type: "cancel", ticketId, reason: "print_failed" });
        return;
      }
      case "setQuota":
        return this.run({ type: "setQuota", serviceId: "ktp", quota: a.quota });
      case "wait":
        this.now += a.minutes * MINUTE;
        return;
      case "nextMorning":
        this.now = jakarta(`${addDays(serviceDayOf(this.now, TZ), 1)} 07:45`);
        this.run({ type: "closeServiceDay" });
        this.run({ type: "sweepBookings" });
        return;
    }
  }
}

/** The counts booking-state.ts keeps, rebuilt from the bookings themselves. */
function recount(bookings: BookingsState) {
  const takenByDay = new Map<string, number>();
  const openByDay = new Map<string, number>();
  const takingByDay = new Map<string, Set<string>>();
  const open = new Set<string>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const b of bookings.byId.values()) {
    const isOpen = b.status === "held" || b.status === "confirmed";
    if (isOpen || b.status === "checked_in") {
      add(takenByDay, dayKey(b.serviceId, b.serviceDay));
      const key = dayKey(b.serviceId, b.serviceDay);
      takingByDay.set(key, (takingByDay.get(key) ?? new Set()).add(b.id));
    }
    if (isOpen) {
      add(openByDay, dayKey(b.serviceId, b.serviceDay));
      open.add(b.id);
    }
  }
  return { takenByDay, openByDay, takingByDay, open };
}

function checkInvariants(world: World): void {
  const { state, now } = world;
  const today = serviceDayOf(now, TZ);
  for (const service of state.services.values()) {
    const quota = quotaToday(state, service, now);
    const promised = quotaUsedToday(state, service.id, now) + openBookingsOn(state.bookings, service.id, today);
    if (quota !== null) expect(promised, `${service.id} over today's quota`).toBeLessThanOrEqual(quota);
    if (service.booking && service.dailyQuota !== null) {
      for (let d = 1; d <= 3; d++) {
        const day = addDays(today, d);
        expect(bookingsTakenOn(state.bookings, service.id, day)).toBeLessThanOrEqual(
          Math.floor(service.dailyQuota * service.booking.maxShareOfQuota),
        );
      }
    }
  }
  const rebuilt = recount(state.bookings);
  expect(state.bookings.takenByDay).toEqual(rebuilt.takenByDay);
  expect(state.bookings.openByDay).toEqual(rebuilt.openByDay);
  expect(state.bookings.takingByDay).toEqual(rebuilt.takingByDay);
  expect(state.bookings.open).toEqual(rebuilt.open);
  for (const b of state.bookings.byId.values()) {
    const taken = takenInSlot(state.bookings, b.serviceId, b.serviceDay, { start: b.slotStart, end: b.slotEnd });
    expect(taken, `slot ${b.serviceId} ${b.slotStart}`).toBeLessThanOrEqual(state.services.get(b.serviceId)?.booking?.capacity ?? 0);
  }
}

describe("booked visits and walk-ins, in any order", () => {
  it("never pass the quota or a slot, never give a number twice, and count as a recount does", () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 20, maxLength: 300 }), (actions) => {
        const world = new World();
        for (const a of actions) {
          world.step(a);
          checkInvariants(world);
        }
        const numbers = world.log.flatMap((e) => (e.type === "ticket.issued" ? [`${e.serviceDay} ${e.number}`] : []));
        expect(new Set(numbers).size).toBe(numbers.length);
        // Every check-in is one ticket.issued with its booking, right before its booking.checked_in.
        world.log.forEach((e, i) => {
          if (e.type !== "booking.checked_in") return;
          const before = world.log[i - 1];
          expect(before?.type === "ticket.issued" && before.booking?.bookingId === e.bookingId && before.ticketId === e.ticketId).toBe(true);
        });
        expect(normalise(replay(createState(RULES), world.log))).toEqual(normalise(world.state));

      }),
      { numRuns: 150 },
    );

  });
});
