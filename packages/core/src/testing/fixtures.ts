/**
 * Shared test fixtures for the queue core: one small, realistic office and a
 * fake clock made of plain numbers. Not exported from the package index: only
 * tests import it.
 */
import type { QueueCommand } from "../commands";
import { decide } from "../decide";
import { drive } from "../drive";
import type { QueueErrorCode } from "../errors";
import type { QueueEvent } from "../events";
import {
  DEFAULT_BOOKING_POLICY,
  DEFAULT_ESTIMATE_POLICY,
  DEFAULT_NO_SHOW_POLICY,
  DEFAULT_PRIORITY_POLICY,
  type OfficeRules,
  type ServiceRules,
} from "../office";
import { createState, type QueueState } from "../state";
import type { PriorityReason, ServiceSegment, Ticket, TicketId } from "../ticket";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

const JAKARTA_OFFSET_MS = 7 * HOUR;

/**
 * Office-local wall time in Asia/Jakarta (UTC+7, no DST) as the hub's epoch ms.
 * Computed by hand from the fixed offset, not through Intl, so that tests of
 * time.ts do not check the code against itself.
 *
 *   jakarta("2026-11-27 08:15")          -> Date.UTC(2026, 10, 27, 1, 15)
 *   jakarta("2026-11-27 23:59:59.999")
 */
export function jakarta(local: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/.exec(local);
  if (!m) throw new Error(`bad local time ${local}`);
  const [, y, mo, d, h, mi, s, ms] = m;
  return (
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number(ms ?? 0)) -
    JAKARTA_OFFSET_MS
  );
}

/** Same as `jakarta`, for India Standard Time (UTC+5:30). */
export function kolkata(local: string): number {
  return jakarta(local) + JAKARTA_OFFSET_MS - (5 * HOUR + 30 * MINUTE);
}

/**
 * The calendar the fixture relies on: 2026-11-26 is a Thursday, 2026-11-27 a
 * Friday, 2026-11-28 a Saturday, 2026-12-25 (Natal) a Friday.
 */
export const THURSDAY = "2026-11-26";
export const FRIDAY = "2026-11-27";
export const SATURDAY = "2026-11-28";
export const CLOSED_FRIDAY = "2026-12-25";

/** The same opening hours Monday to Friday. */
export const weekdays = (open: string, close: string) => ({
  mon: [{ open, close }],
  tue: [{ open, close }],
  wed: [{ open, close }],
  thu: [{ open, close }],
  fri: [{ open, close }],
});

/** KTP: weekdays 08:00–15:00, a daily quota of 3 so tests can reach it. */
export const KTP: ServiceRules = {
  id: "ktp",
  agencyId: "disdukcapil",
  prefix: "A",
  name: "Perekaman KTP-el",
  hours: weekdays("08:00", "15:00"),
  closedDates: [],
  dailyQuota: 3,
  targets: {
    waitMinutes: 30,
    serviceMinutes: 10,
    steps: [
      { id: "verifikasi", minutes: 3 },
      { id: "foto", minutes: 2 },
      { id: "cetak", minutes: 5 },
    ],
  },
  booking: null,
};

/** Izin usaha: Mon–Thu 08:00–15:00, Friday split around Jumatan, closed on Natal. */
export const IZIN: ServiceRules = {
  id: "izin",
  agencyId: "dpmptsp",
  prefix: "B",
  name: "Izin Usaha",
  hours: {
    ...weekdays("08:00", "15:00"),
    fri: [
      { open: "08:00", close: "11:00" },
      { open: "13:00", close: "15:00" },
    ],
  },
  closedDates: [CLOSED_FRIDAY],
  dailyQuota: null,
  targets: { waitMinutes: 45, serviceMinutes: 20, steps: [] },
  booking: null,
};

/** Informasi & pengaduan: around the clock, so numbering can be tested across midnight. */
export const INFO: ServiceRules = {
  id: "info",
  agencyId: "sekretariat",
  prefix: "C",
  name: "Informasi dan Pengaduan",
  hours: {
    ...weekdays("00:00", "24:00"),
    sat: [{ open: "00:00", close: "24:00" }],
    sun: [{ open: "00:00", close: "24:00" }],
  },
  closedDates: [],
  dailyQuota: null,
  targets: { waitMinutes: 15, serviceMinutes: 5, steps: [{ id: "catat", minutes: 2 }] },
  booking: null,
};

export function officeRules(overrides: Partial<OfficeRules> = {}): OfficeRules {
  return {
    timezone: "Asia/Jakarta",
    services: [KTP, IZIN, INFO],
    counters: [
      { id: "loket-1", name: "Loket 1", number: 1, services: ["ktp", "izin"] },
      { id: "loket-2", name: "Loket 2", number: 2, services: ["izin", "info", "ktp"] },
      { id: "loket-3", name: "Loket 3", number: 3, services: ["info"] },
    ],
    priority: { ...DEFAULT_PRIORITY_POLICY },
    noShow: { ...DEFAULT_NO_SHOW_POLICY },
    estimate: { ...DEFAULT_ESTIMATE_POLICY },
    booking: { ...DEFAULT_BOOKING_POLICY },
    ...overrides,
  };
}

/**
 * A service segment for measuring and comparing: by default KTP's first,
 * enqueued on Friday at 08:00, at loket-1 with officer siti, not called yet.
 */
export function segment(overrides: Partial<ServiceSegment> = {}): ServiceSegment {
  return {
    index: 0,
    serviceId: "ktp",
    enqueuedAt: jakarta(`${FRIDAY} 08:00`),
    firstCalledAt: null,
    lastCalledAt: null,
    startedAt: null,
    endedAt: null,
    counterId: "loket-1",
    officerId: "siti",
    recalls: 0,
    steps: [],
    outcome: null,
    ...overrides,
  };
}

/** Thrown when a command a test expects to succeed is refused. */
export class RefusedError extends Error {
  constructor(
    readonly code: QueueErrorCode,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

/**
 * A state plus the log of every accepted event, driven like the hub drives it
 * (core's `drive`: decide, then apply what was decided).
 */
export class TestQueue {
  readonly state: QueueState;
  readonly log: QueueEvent[] = [];
  private nextId = 1;

  constructor(rules: OfficeRules = officeRules()) {
    this.state = createState(rules);
  }

  /** Runs a command that must succeed; returns its events. */
  run(command: QueueCommand, at: number): QueueEvent[] {
    const decision = drive(this.state, command, at, { applied: (e) => this.log.push(e) });
    if (!decision.ok) throw new RefusedError(decision.error.code, decision.error.detail);
    return decision.events;
  }

  /** Runs a command that must be refused; returns the error code. */
  refused(command: QueueCommand, at: number): QueueErrorCode {
    const decision = decide(this.state, command, at);
    if (decision.ok)
      throw new Error(`expected ${command.type} to be refused, got ${JSON.stringify(decision.events)}`);
    return decision.error.code;
  }

  /** Issues a ticket with a generated id ("t1", "t2", ...) and returns it. */
  issue(serviceId: string, at: number, priority: PriorityReason | null = null): Ticket {
    const ticketId = `t${this.nextId++}`;
    this.run({ type: "issueTicket", ticketId, serviceId, priority, kioskId: "kiosk-1" }, at);
    return this.ticket(ticketId);
  }

  ticket(id: TicketId): Ticket {
    const t = this.state.tickets.get(id);
    if (!t) throw new Error(`no ticket ${id}`);
    return t;
  }

  open(counterId: string, at: number, officerId: string | null = `officer-${counterId}`): void {
    this.run({ type: "openCounter", counterId, officerId }, at);
  }

  /** callNext; returns the called ticket's number and the reason. */
  callNext(counterId: string, at: number): { number: string; reason: string; ticketId: string } {
    const [e] = this.run({ type: "callNext", counterId, officerId: `officer-${counterId}` }, at);
    if (e?.type !== "ticket.called") throw new Error("callNext did not call");
    return { number: this.ticket(e.ticketId).number, reason: e.reason, ticketId: e.ticketId };
  }

  /** Number of the ticket in hand at a counter, or null. */
  inHand(counterId: string): string | null {
    const id = this.state.counters.get(counterId)?.currentTicketId ?? null;
    return id === null ? null : this.ticket(id).number;
  }

  lane(serviceId: string, lane: "priority" | "regular" | "booked"): string[] {
    return [...(this.state.lanes.get(serviceId)?.[lane] ?? [])].map((id) => this.ticket(id).number);
  }
}

/**
 * A plain, order-independent snapshot of a state, for deep comparisons (replay
 * equality, "decide does not mutate"), deep-copied so it cannot change later. Lanes that exist but are empty are the
 * same as no lanes: `apply` creates them lazily.
 */
export function normalise(state: QueueState): unknown {
  const sortedEntries = <V>(m: Map<string, V>) =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return structuredClone({
    tickets: sortedEntries(state.tickets),
    // Lanes by their tickets in call order, not their index structures' insides.
    lanes: sortedEntries(state.lanes)
      .filter(([, l]) => l.priority.length + l.regular.length + l.booked.length > 0)
      .map(([id, l]) => [id, { priority: [...l.priority], regular: [...l.regular], booked: [...l.booked] }]),
    counters: sortedEntries(state.counters),
    numbering: sortedEntries(state.numbering),
    samples: sortedEntries(state.samples).filter(([, s]) => s.length > 0),
    today: {
      closedServices: sortedEntries(state.today.closedServices),
      closedServiceDays: sortedEntries(state.today.closedServiceDays),
      closedCounters: sortedEntries(state.today.closedCounters),
      quotas: sortedEntries(state.today.quotas),
      notices: sortedEntries(state.today.notices),
    },
    bookings: sortedEntries(state.bookings.byId),
  });
}
