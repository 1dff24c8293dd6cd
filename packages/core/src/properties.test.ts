/**
 * Property-based tests: random command sequences over two to three service
 * days (crossing Jakarta midnight), with the invariants checked after every
 * step. A failure prints the shrunk command list and the seed to replay it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { QueueCommand } from "./commands";
import { decide, type Decision } from "./decide";
import { QUEUE_ERROR_CODES } from "./errors";
import { estimateWait } from "./estimate";
import type { QueueEvent } from "./events";
import type { OfficeRules } from "./office";
import { apply, cloneState, createState, replay, type QueueState } from "./state";
import { HOUR, jakarta, MINUTE, normalise, officeRules } from "./testing/fixtures";
import { CANCEL_REASONS, COMPLETION_OUTCOMES, formatTicketNumber, PRIORITY_REASONS } from "./ticket";
import { isOpenAt, serviceDayOf, startOfServiceDay } from "./time";

const SERVICES = ["ktp", "izin", "info", "paspor"]; // the last one is unknown
const COUNTERS = ["loket-1", "loket-2", "loket-3", "loket-9"]; // the last one is unknown
const STEPS = ["verifikasi", "foto", "cetak", "catat", "lain"];
const OFFICERS = ["siti", "budi", null];

type Action =
  | { kind: "issue"; service: number; priority: number }
  | { kind: "callNext"; counter: number; officer: number }
  | { kind: "callTicket"; counter: number; pick: Pick }
  | { kind: "recall" | "start" | "noShow" | "pause" | "close"; counter: number }
  | { kind: "tick" | "untick"; counter: number; step: number }
  | { kind: "undoTransfer"; counter: number; pick: Pick }
  | { kind: "complete"; counter: number; outcome: number }
  | { kind: "transfer"; counter: number; service: number }
  | { kind: "reinstate"; pick: Pick }
  | { kind: "cancel"; pick: Pick; reason: number }
  | { kind: "open"; counter: number; officer: number }
  | { kind: "closeServiceDay" };

/**
 * Which ticket a ticket command names: mostly one where the command can work
 * (a waiting ticket for callTicket, a no-show for reinstate), sometimes any.
 */
interface Pick {
  n: number;
  any: boolean;
}

/** How far the clock moves before an action. */
type Advance = { by: number } | { toMidnight: number };

const idx = (n: number) => fc.nat({ max: n - 1 });
const pickArb: fc.Arbitrary<Pick> = fc.record({ n: fc.nat(), any: fc.boolean() });

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant("issue" as const),
      service: idx(SERVICES.length),
      priority: idx(PRIORITY_REASONS.length + 2),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("callNext" as const),
      counter: idx(COUNTERS.length),
      officer: idx(OFFICERS.length),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("callTicket" as const),
      counter: idx(COUNTERS.length),
      pick: pickArb,
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constantFrom("recall" as const, "start" as const, "noShow" as const),
      counter: idx(COUNTERS.length),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom("pause" as const, "close" as const),
      counter: idx(COUNTERS.length),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("tick" as const),
      counter: idx(COUNTERS.length),
      step: idx(STEPS.length),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("untick" as const),
      counter: idx(COUNTERS.length),
      step: idx(STEPS.length),
    }),
  },
  {
    // Mostly right after a transfer (advance 0 or a few seconds is common), as at a real counter.
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("undoTransfer" as const),
      counter: idx(COUNTERS.length),
      pick: pickArb,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("complete" as const),
      counter: idx(COUNTERS.length),
      outcome: idx(COMPLETION_OUTCOMES.length),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("transfer" as const),
      counter: idx(COUNTERS.length),
      service: idx(SERVICES.length),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("reinstate" as const), pick: pickArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("cancel" as const),
      pick: pickArb,
      reason: idx(CANCEL_REASONS.length),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("open" as const),
      counter: idx(COUNTERS.length),
      officer: idx(OFFICERS.length),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "closeServiceDay" as const }) },
);

const advance: fc.Arbitrary<Advance> = fc.oneof(
  { weight: 10, arbitrary: fc.constant({ by: 0 }) },
  { weight: 15, arbitrary: fc.integer({ min: 1, max: 60_000 }).map((by) => ({ by })) },
  { weight: 25, arbitrary: fc.integer({ min: 1, max: 15 }).map((m) => ({ by: m * MINUTE })) },
  { weight: 5, arbitrary: fc.integer({ min: 15, max: 60 }).map((m) => ({ by: m * MINUTE })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 8 }).map((h) => ({ by: h * HOUR })) },
  // Land right before, at or right after local midnight.
  { weight: 1, arbitrary: fc.integer({ min: -2, max: 1 }).map((toMidnight) => ({ toMidnight })) },
);

const rulesArb: fc.Arbitrary<OfficeRules> = fc
  .record({
    priorityTurns: fc.integer({ min: 0, max: 3 }),
    regularTurns: fc.integer({ min: 0, max: 3 }),
    maxRegularWaitMinutes: fc.integer({ min: 1, max: 60 }),
    recallsBeforeNoShow: fc.integer({ min: 0, max: 2 }),
    reinstateWithinMinutes: fc.integer({ min: 10, max: 60 }),
    sampleSize: fc.integer({ min: 1, max: 6 }),
  })
  .map((r) =>
    officeRules({
      priority: {
        priorityTurns: r.priorityTurns,
        regularTurns: r.regularTurns,
        maxRegularWaitMinutes: r.maxRegularWaitMinutes,
      },
      noShow: {
        recallsBeforeNoShow: r.recallsBeforeNoShow,
        reinstateWithinMinutes: r.reinstateWithinMinutes,
      },
      estimate: { sampleSize: r.sampleSize, maxAgeMinutes: 120 },
    }),
  );

const START = jakarta("2026-11-26 07:00"); // Thursday
const TZ = "Asia/Jakarta";

function nextTime(now: number, a: Advance): number {
  if ("by" in a) return now + a.by;
  const nextMidnight = startOfServiceDay(now, TZ) + 24 * HOUR;
  return Math.max(now, nextMidnight + a.toMidnight);
}

/** "Batalkan" is pressed seconds after the transfer, not minutes: the clock moves at most 12 s before one (mostly). */
function advanceFor(a: Action, adv: Advance): Advance {
  if (a.kind !== "undoTransfer" || a.pick.any || !("by" in adv)) return adv;
  return { by: adv.by % 12_000 };
}

type Step = [Advance, Action];
const stepsArb = (constraints: { minLength: number; maxLength: number; size?: "max" }) =>
  fc.array(fc.tuple(advance, action), constraints);

/**
 * Walks a generated sequence: moves the clock, then yields each step's command and time. Lazily, so
 * each command is picked from the state as the caller left it after the previous one.
 */
function* commandsOf(state: QueueState, sequence: readonly Step[]): Generator<{ command: QueueCommand; now: number }> {
  let now = START;
  let issued = 0;
  for (const [adv, a] of sequence) {
    now = nextTime(now, advanceFor(a, adv));
    const command = toCommand(a, state, issued);
    if (command.type === "issueTicket") issued++;
    yield { command, now };
  }
}

function toCommand(a: Action, state: QueueState, issued: number): QueueCommand {
  const tickets = [...state.tickets.values()];
  const pick = (p: Pick, status?: string) => {
    const preferred = tickets.filter((t) => t.status === status);
    const pool = p.any || preferred.length === 0 ? tickets : preferred;
    return pool.length === 0 ? "ghost" : pool[p.n % pool.length]!.id;
  };
  const counterId = "counter" in a ? COUNTERS[a.counter]! : "";
  switch (a.kind) {
    case "issue":
      return {
        type: "issueTicket",
        ticketId: `t${issued}`,
        serviceId: SERVICES[a.service]!,
        priority: PRIORITY_REASONS[a.priority] ?? null,
        kioskId: "kiosk-1",
      };
    case "callNext":
      return { type: "callNext", counterId, officerId: OFFICERS[a.officer]! };
    case "callTicket":
      return { type: "callTicket", counterId, officerId: "siti", ticketId: pick(a.pick, "waiting") };
    case "recall":
      return { type: "recall", counterId };
    case "start":
      return { type: "startService", counterId };
    case "noShow":
      return { type: "markNoShow", counterId };
    case "pause":
      return { type: "pauseCounter", counterId };
    case "close":
      return { type: "closeCounter", counterId };
    case "tick":
      return { type: "tickStep", counterId, stepId: STEPS[a.step]! };
    case "untick": {
      // Mostly a step ticked on a ticket being served (a slip being corrected at its counter); else any.
      const ticked = tickets.filter((t) => t.status === "serving" && t.segment.steps.length > 0 && t.segment.counterId);
      const t = a.step > 0 && ticked.length > 0 ? ticked[a.step % ticked.length]! : undefined;
      if (!t) return { type: "untickStep", counterId, stepId: STEPS[a.step]! };
      const steps = t.segment.steps;
      return { type: "untickStep", counterId: t.segment.counterId ?? counterId, stepId: steps[a.step % steps.length]!.stepId };
    }
    case "undoTransfer": {
      // Mostly a ticket just transferred, from the counter that did it (the officer's
      // "Batalkan"); sometimes any ticket from any counter, so the refusals are reached.
      const marked = tickets.filter((t) => t.transferredFrom !== null);
      if (a.pick.any || marked.length === 0) {
        return { type: "undoTransfer", counterId, ticketId: tickets[a.pick.n % Math.max(1, tickets.length)]?.id ?? "ghost" };
      }
      const t = marked[a.pick.n % marked.length]!;
      return { type: "undoTransfer", counterId: t.transferredFrom?.counterId ?? counterId, ticketId: t.id };
    }
    case "complete":
      return { type: "complete", counterId, outcome: COMPLETION_OUTCOMES[a.outcome]! };
    case "transfer":
      return { type: "transfer", counterId, toServiceId: SERVICES[a.service]! };
    case "reinstate":
      return { type: "reinstate", ticketId: pick(a.pick, "no_show") };
    case "cancel":
      return { type: "cancel", ticketId: pick(a.pick), reason: CANCEL_REASONS[a.reason]! };
    case "open":
      return { type: "openCounter", counterId, officerId: OFFICERS[a.officer]! };
    case "closeServiceDay":
      return { type: "closeServiceDay" };
  }
}

/** Every invariant of a live queue; throws with a readable message on the first broken one. */
function checkInvariants(state: QueueState, log: readonly QueueEvent[]): void {
  const fail = (msg: string): never => {
    throw new Error(msg);
  };

  // Numbers are unique per service day, across everything ever issued.
  const seen = new Set<string>();
  for (const e of log) {
    if (e.type !== "ticket.issued") continue;
    const key = `${e.serviceDay} ${e.number}`;
    if (seen.has(key)) fail(`duplicate number ${key}`);
    seen.add(key);
    if (e.serviceDay !== serviceDayOf(e.at, TZ))
      fail(`${e.number} issued at ${e.at} on the wrong service day ${e.serviceDay}`);
  }

  // Lanes hold only waiting tickets, in the lane matching their service and priority.
  const inLane = new Map<string, number>();
  for (const [serviceId, lanes] of state.lanes) {
    for (const lane of ["priority", "regular"] as const) {
      for (const id of lanes[lane]) {
        const t = state.tickets.get(id) ?? fail(`lane ${serviceId}/${lane} holds unknown ${id}`);
        if (t.status !== "waiting")
          fail(`lane ${serviceId}/${lane} holds ${t.number} (${id}) which is ${t.status}`);
        if (t.segment.serviceId !== serviceId)
          fail(`${id} in lane ${serviceId} but its segment is in ${t.segment.serviceId}`);
        if ((t.priority !== null) !== (lane === "priority"))
          fail(`${id} (priority ${t.priority}) in the ${lane} lane`);
        inLane.set(id, (inLane.get(id) ?? 0) + 1);
      }
      // The lane's indexes answer what walking it would.
      const ids = [...lanes[lane]];
      if (lanes[lane].length !== ids.length) fail(`lane ${serviceId}/${lane} counts ${lanes[lane].length}, holds ${ids.length}`);
      ids.forEach((id, i) => {
        if (lanes[lane].position(id) !== i) fail(`${id} at ${i} in ${serviceId}/${lane}, position says ${lanes[lane].position(id)}`);
      });
      let oldest: { ticketId: string; enqueuedAt: number } | undefined;
      for (const id of ids) {
        const at = state.tickets.get(id)?.segment.enqueuedAt ?? 0;
        if (!oldest || at < oldest.enqueuedAt) oldest = { ticketId: id, enqueuedAt: at };
      }
      if (JSON.stringify(lanes[lane].oldest()) !== JSON.stringify(oldest))
        fail(`${serviceId}/${lane} oldest ${JSON.stringify(lanes[lane].oldest())}, walking says ${JSON.stringify(oldest)}`);
    }
  }

  // The no-show index holds exactly the tickets marked no-show.
  const noShows = [...state.tickets.values()].filter((t) => t.status === "no_show").map((t) => t.id).sort();
  if (JSON.stringify([...state.noShows].sort()) !== JSON.stringify(noShows))
    fail(`noShows index ${JSON.stringify([...state.noShows])}, tickets say ${JSON.stringify(noShows)}`);
  const finished = [...state.tickets.values()]
    .filter((t) => t.status === "done" || t.status === "cancelled" || t.status === "no_show")
    .map((t) => t.id)
    .sort();
  if (JSON.stringify([...state.finished].sort()) !== JSON.stringify(finished))
    fail(`finished index ${JSON.stringify([...state.finished])}, tickets say ${JSON.stringify(finished)}`);

  // A counter holds only a called or serving ticket that it called, and only while open.
  const held = new Map<string, number>();
  for (const [counterId, c] of state.counters) {
    if (c.currentTicketId === null) continue;
    const t = state.tickets.get(c.currentTicketId) ?? fail(`${counterId} holds unknown ${c.currentTicketId}`);
    if (t.status !== "called" && t.status !== "serving")
      fail(`${counterId} holds ${t.id} which is ${t.status}`);
    if (t.segment.counterId !== counterId)
      fail(`${counterId} holds ${t.id} but its segment is at ${t.segment.counterId}`);
    if (c.status !== "open") fail(`${counterId} is ${c.status} with ${t.id} in hand`);
    held.set(t.id, (held.get(t.id) ?? 0) + 1);
  }

  // Every ticket is in exactly one place: a lane, a counter, or finished.
  for (const t of state.tickets.values()) {
    const lanes = inLane.get(t.id) ?? 0;
    const counters = held.get(t.id) ?? 0;
    const expected =
      t.status === "waiting" ? [1, 0] : t.status === "called" || t.status === "serving" ? [0, 1] : [0, 0];
    if (lanes !== expected[0] || counters !== expected[1]) {
      fail(`${t.id} (${t.number}) is ${t.status} but in ${lanes} lane(s) and held by ${counters} counter(s)`);
    }
    const segments = [...t.previousSegments, t.segment];
    segments.forEach((seg, i) => {
      if (seg.index !== i) fail(`${t.id} segment ${i} has index ${seg.index}`);
      const last = i === segments.length - 1;
      if (!last && (seg.endedAt === null || seg.outcome === null))
        fail(`${t.id} earlier segment ${i} is not finished`);
    });
    const finished = t.status === "done" || t.status === "no_show" || t.status === "cancelled";
    if (finished !== (t.segment.endedAt !== null))
      fail(`${t.id} is ${t.status} with segment endedAt ${t.segment.endedAt}`);
    if (t.status === "no_show" && t.noShowAt === null) fail(`${t.id} is no_show without noShowAt`);
    // Only a transferred ticket nobody has called since can be taken back.
    if (t.transferredFrom !== null && (t.status !== "waiting" || t.previousSegments.at(-1)?.outcome !== "transferred"))
      fail(`${t.id} is ${t.status} and still marked as just transferred`);
    if (t.status !== "no_show" && t.noShowAt !== null) fail(`${t.id} is ${t.status} with noShowAt`);
  }
  if (state.tickets.size !== log.filter((e) => e.type === "ticket.issued").length)
    fail("a ticket was lost or invented");

  const { priorityTurns, regularTurns } = state.rules.priority;
  for (const c of state.counters.values()) {
    if (c.laneCycle < 0 || c.laneCycle >= Math.max(1, priorityTurns + regularTurns))
      fail(`${c.id} laneCycle ${c.laneCycle}`);
  }
  for (const [serviceId, samples] of state.samples) {
    if (samples.length > 2 * state.rules.estimate.sampleSize)
      fail(`${serviceId} keeps ${samples.length} samples`);
  }

  // Estimates are sane numbers for every service and lane.
  const now = log.at(-1)?.at ?? START;
  for (const service of state.rules.services) {
    for (const priority of [null, "lansia"] as const) {
      const est = estimateWait(state, service.id, priority, now);
      const lanes = state.lanes.get(service.id);
      const ahead = (lanes?.priority.length ?? 0) + (priority ? 0 : (lanes?.regular.length ?? 0));
      if (est.peopleAhead !== ahead)
        fail(`${service.id} estimate counts ${est.peopleAhead} ahead, lanes hold ${ahead}`);
      if ((est.p50Minutes === null) !== (est.openCounters === 0)) fail(`${service.id} estimate null-ness`);
      if (
        est.p50Minutes !== null &&
        !(est.p50Minutes >= 0 && est.p90Minutes !== null && est.p90Minutes >= est.p50Minutes)
      ) {
        fail(`${service.id} estimate p50 ${est.p50Minutes} p90 ${est.p90Minutes}`);
      }
    }
  }

  // Numbering and quota follow the log.
  for (const service of state.rules.services) {
    const n = state.numbering.get(service.id);
    if (!n) continue;
    const issuedToday = log.filter(
      (e) => e.type === "ticket.issued" && e.serviceId === service.id && e.serviceDay === n.serviceDay,
    );
    const todaysIds = new Set(issuedToday.map((e) => (e.type === "ticket.issued" ? e.ticketId : "")));
    const printFailed = log.filter(
      (e) => e.type === "ticket.cancelled" && e.reason === "print_failed" && todaysIds.has(e.ticketId),
    ).length;
    if (n.lastSequence !== issuedToday.length)
      fail(`${service.id} lastSequence ${n.lastSequence}, issued ${issuedToday.length}`);
    if (n.quotaUsed !== issuedToday.length - printFailed) fail(`${service.id} quotaUsed ${n.quotaUsed}`);
    if (service.dailyQuota !== null && n.quotaUsed > service.dailyQuota) fail(`${service.id} over quota`);
  }
}

/**
 * A second, deliberately naive opinion on the two busiest commands, worked out
 * from the event log rather than from the state's bookkeeping.
 */
function expectModel(
  state: QueueState,
  log: readonly QueueEvent[],
  command: QueueCommand,
  now: number,
  decision: Decision,
): void {
  const outcome = decision.ok ? "ok" : decision.error.code;
  if (command.type === "issueTicket") {
    const service = state.rules.services.find((s) => s.id === command.serviceId);
    const day = serviceDayOf(now, TZ);
    const todays = log.filter(
      (e) => e.type === "ticket.issued" && e.serviceId === command.serviceId && e.serviceDay === day,
    );
    const ids = new Set(todays.map((e) => (e.type === "ticket.issued" ? e.ticketId : "")));
    const giveBacks = log.filter(
      (e) => e.type === "ticket.cancelled" && e.reason === "print_failed" && ids.has(e.ticketId),
    ).length;
    const expected = !service
      ? "SERVICE_UNKNOWN"
      : !isOpenAt(service.hours, service.closedDates, now, TZ)
        ? "SERVICE_CLOSED"
        : service.dailyQuota !== null && todays.length - giveBacks >= service.dailyQuota
          ? "QUOTA_REACHED"
          : "ok";
    expect(outcome, `issue ${command.serviceId}`).toBe(expected);
    if (decision.ok && service) {
      expect(decision.events).toEqual([
        {
          type: "ticket.issued",
          at: now,
          ticketId: command.ticketId,
          serviceId: service.id,
          number: formatTicketNumber(service.prefix, todays.length + 1),
          sequence: todays.length + 1,
          serviceDay: day,
          priority: command.priority,
          kioskId: command.kioskId,
        },
      ]);
    }
  }
  if (command.type === "callNext") {
    const rules = state.rules.counters.find((c) => c.id === command.counterId);
    const counter = state.counters.get(command.counterId);
    const waiting = [...state.tickets.values()].filter(
      (t) => t.status === "waiting" && rules?.services.includes(t.segment.serviceId),
    );
    const expected = !rules
      ? "COUNTER_UNKNOWN"
      : counter?.status !== "open"
        ? "COUNTER_NOT_OPEN"
        : counter.currentTicketId !== null
          ? "COUNTER_BUSY"
          : waiting.length === 0
            ? "QUEUE_EMPTY"
            : "ok";
    expect(outcome, `callNext ${command.counterId}`).toBe(expected);
    if (decision.ok) {
      const called = decision.events[0];
      if (called?.type !== "ticket.called") throw new Error("callNext did not call");
      const ticket = waiting.find((t) => t.id === called.ticketId);
      expect(ticket, "callNext picked a ticket that is not waiting for this counter").toBeDefined();
      // Without a priority ticket waiting, the counter calls a regular ticket.
      if (waiting.every((t) => t.priority === null)) expect(called.reason).toBe("only_lane");
      // A regular ticket waiting past the ageing bound goes before any priority ticket.
      const bound = state.rules.priority.maxRegularWaitMinutes * MINUTE;
      const aged = waiting.filter((t) => t.priority === null && now - t.segment.enqueuedAt > bound);
      if (aged.length > 0 && waiting.some((t) => t.priority !== null)) {
        const oldest = Math.min(...aged.map((t) => t.segment.enqueuedAt));
        expect(called.reason).toBe("aged");
        expect(ticket?.segment.enqueuedAt).toBe(oldest);
      }
    }
  }
}

describe("random command sequences", () => {
  it("keep every invariant, replay to the same state, and never mutate in decide", () => {
    fc.assert(
      fc.property(
        rulesArb,
        stepsArb({ minLength: 1, maxLength: 160, size: "max" }),
        (rules, sequence) => {
          const state = createState(rules);
          const log: QueueEvent[] = [];
          for (const { command, now } of commandsOf(state, sequence)) {
            const before = normalise(cloneState(state));
            const decision = decide(state, command, now);
            for (const s of state.rules.services) estimateWait(state, s.id, null, now);
            expect(normalise(state), `decide(${command.type}) or estimateWait mutated the state`).toEqual(
              before,
            );
            expectModel(state, log, command, now, decision);

            if (!decision.ok) {
              expect(QUEUE_ERROR_CODES).toContain(decision.error.code);
              continue;
            }
            for (const e of decision.events) {
              expect(e.at).toBe(now);
              apply(state, e);
              log.push(e);
            }
            checkInvariants(state, log);
          }
          expect(normalise(replay(createState(rules), log))).toEqual(normalise(state));
        },
      ),
      { numRuns: 300 },
    );
    // 48,000 decisions with a full invariant check after each: a shared CI core needs more than the default.
  }, 120_000);

  it("replay matches after every single step", () => {
    fc.assert(
      fc.property(
        rulesArb,
        stepsArb({ minLength: 1, maxLength: 80, size: "max" }),
        (rules, sequence) => {
          const state = createState(rules);
          const log: QueueEvent[] = [];
          for (const { command, now } of commandsOf(state, sequence)) {
            const decision = decide(state, command, now);
            if (!decision.ok) continue;
            for (const e of decision.events) {
              apply(state, e);
              log.push(e);
            }
            expect(normalise(replay(createState(rules), log))).toEqual(normalise(state));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("the generator reaches the interesting states", () => {
    // Guards the property above against a generator that never gets anywhere.
    const reached = new Set<string>();
    fc.assert(
      fc.property(
        rulesArb,
        stepsArb({ minLength: 100, maxLength: 160 }),
        (rules, sequence) => {
          const state = createState(rules);
          const days = new Set<string>();
          for (const { command, now } of commandsOf(state, sequence)) {
            days.add(serviceDayOf(now, TZ));
            const decision = decide(state, command, now);
            if (!decision.ok) {
              reached.add(decision.error.code);
              continue;
            }
            for (const e of decision.events) {
              apply(state, e);
              reached.add(
                e.type === "ticket.called"
                  ? `called:${e.reason}`
                  : e.type === "ticket.cancelled"
                    ? `cancelled:${e.reason}`
                    : e.type,
              );
            }
          }
          if (days.size >= 2) reached.add("two service days");
          if (days.size >= 3) reached.add("three service days");
        },
      ),
      { numRuns: 200, seed: 20261127 },
    );
    for (const want of [
      "ticket.issued",
      "called:priority_turn",
      "called:regular_turn",
      "called:only_lane",
      "called:aged",
      "called:manual",
      "ticket.recalled",
      "ticket.serving",
      "ticket.step_done",
      "ticket.completed",
      "ticket.no_show",
      "ticket.reinstated",
      "ticket.transferred",
      "ticket.transfer_undone",
      "ticket.step_undone",
      "cancelled:print_failed",
      "cancelled:day_ended",
      "counter.paused",
      "counter.closed",
      "two service days",
      "three service days",
      "QUOTA_REACHED",
      "SERVICE_CLOSED",
      "COUNTER_BUSY",
      "NO_SHOW_TOO_EARLY",
      "REINSTATE_WINDOW_PASSED",
      "TRANSFER_UNDO_WINDOW_PASSED",
      "TRANSFER_ALREADY_CALLED",
      "NOTHING_TO_UNDO",
      "STEP_NOT_DONE",
    ]) {
      expect(reached, want).toContain(want);
    }
  });
});
