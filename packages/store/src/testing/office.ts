/**
 * Test fixtures for the store: a small office and a driver that runs commands
 * through the real core (decide, then apply) and hands back what the hub would
 * commit. Not exported from the package index: only tests and test scripts use it.
 */
import {
  CANCEL_REASONS,
  COMPLETION_OUTCOMES,
  createState,
  drive,
  PRIORITY_REASONS,
  type Decision,
  type OfficeRules,
  type QueueCommand,
  type QueueState,
  type ServiceRules,
} from "@layan/core";
import {
  officeRules as coreOfficeRules,
  FRIDAY,
  INFO,
  IZIN as CORE_IZIN,
  jakarta,
  KTP as CORE_KTP,
  MINUTE,
  weekdays,
} from "../../../core/src/testing/fixtures";
import type { CommitEntry } from "../store";

// The core's test office and clock, with the few rules the store's tests want
// otherwise (no quota on KTP, a plain week and a quota on izin, two counters,
// quick no-shows).
export {
  FRIDAY,
  HOUR,
  INFO,
  jakarta,
  MINUTE,
  normalise as normaliseState,
} from "../../../core/src/testing/fixtures";

export const KTP: ServiceRules = { ...CORE_KTP, dailyQuota: null };

export const IZIN: ServiceRules = {
  ...CORE_IZIN,
  hours: weekdays("08:00", "15:00"),
  closedDates: [],
  dailyQuota: 50,
};

export function officeRules(): OfficeRules {
  return coreOfficeRules({
    services: [KTP, IZIN, INFO],
    counters: [
      { id: "loket-1", name: "Loket 1", number: 1, services: ["ktp", "izin"] },
      { id: "loket-2", name: "Loket 2", number: 2, services: ["info", "izin", "ktp"] },
    ],
    // One recall before a no-show, so random runs reach no-shows and reinstatements often.
    noShow: { recallsBeforeNoShow: 1, reinstateWithinMinutes: 30 },
  });
}

/**
 * Drives the core like the hub does: the hub's clock, fresh ticket ids, the
 * core's drive (decide, then apply), and a commit entry (events plus the
 * answer for the request ledger) for every accepted command that produced events.
 */
export class OfficeSimulation {
  readonly state: QueueState;
  readonly ticketIds: string[] = [];
  now: number;
  private nextTicket = 1;
  private nextRequest = 1;

  constructor(
    readonly rules: OfficeRules = officeRules(),
    start: number = jakarta(`${FRIDAY} 07:55`),
  ) {
    this.state = createState(rules);
    this.now = start;
  }

  advance(ms: number): void {
    this.now += ms;
  }

  newTicketId(): string {
    return `t${this.nextTicket++}`;
  }

  /** Decides and applies one command at the current time. */
  run(command: QueueCommand, namespace = "counter"): { decision: Decision; entry: CommitEntry | null } {
    const decision = drive(this.state, command, this.now, {
      applied: (e) => {
        if (e.type === "ticket.issued") this.ticketIds.push(e.ticketId);
      },
    });
    if (!decision.ok || decision.events.length === 0) return { decision, entry: null };
    const requestId = `${namespace}:req-${this.nextRequest++}`;
    return {
      decision,
      entry: {
        events: decision.events,
        request: {
          id: requestId,
          namespace,
          response: { ok: true, data: { command: command.type, events: decision.events.length } },
        },
      },
    };
  }

  /** Like run, but the command must be accepted. */
  must(command: QueueCommand, namespace = "counter"): CommitEntry {
    const { decision, entry } = this.run(command, namespace);
    if (!decision.ok)
      throw new Error(`${command.type} refused: ${decision.error.code} ${decision.error.detail}`);
    if (!entry) throw new Error(`${command.type} produced no events`);
    return entry;
  }

  issue(serviceId: string, priority: (typeof PRIORITY_REASONS)[number] | null = null): CommitEntry {
    return this.must(
      { type: "issueTicket", ticketId: this.newTicketId(), serviceId, priority, kioskId: "kiosk-1" },
      "kiosk",
    );
  }
}

// ---------------------------------------------------------------------------
// Random sessions: intents are resolved against the live state when they run,
// so a generated sequence stays meaningful (it picks among tickets that exist).
// ---------------------------------------------------------------------------

export const COUNTER_ACTIONS = [
  "callNext",
  "recall",
  "startService",
  "tickStep",
  "untickStep",
  "complete",
  "markNoShow",
  "transfer",
  "undoTransfer",
  "open",
  "pause",
  "close",
] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];

export type Intent =
  | { kind: "wait"; minutes: number }
  | { kind: "issue"; service: number; priority: number }
  | { kind: "counter"; counter: number; action: CounterAction; arg: number }
  | {
      kind: "ticket";
      action: "callTicket" | "reinstate" | "cancel";
      counter: number;
      pick: number;
      arg: number;
    }
  | { kind: "closeDay" };

const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length === 0 ? undefined : list[n % list.length];

/** The command an intent stands for right now, or null (waiting, or nothing to pick). */
export function commandFor(sim: OfficeSimulation, intent: Intent): QueueCommand | null {
  const counterIds = sim.rules.counters.map((c) => c.id);
  const serviceIds = sim.rules.services.map((s) => s.id);
  switch (intent.kind) {
    case "wait":
      sim.advance(intent.minutes * MINUTE);
      return null;
    case "issue": {
      const serviceId = pick(serviceIds, intent.service);
      if (serviceId === undefined) return null;
      // Mostly regular tickets, like a real hall.
      const priority = intent.priority % 4 === 0 ? (pick(PRIORITY_REASONS, intent.priority) ?? null) : null;
      return { type: "issueTicket", ticketId: sim.newTicketId(), serviceId, priority, kioskId: "kiosk-1" };
    }
    case "counter": {
      const counterId = pick(counterIds, intent.counter);
      if (counterId === undefined) return null;
      const officerId = `officer-${intent.arg % 3}`;
      switch (intent.action) {
        case "callNext":
          return { type: "callNext", counterId, officerId };
        case "recall":
        case "startService":
        case "markNoShow":
          return { type: intent.action, counterId };
        case "tickStep": {
          const inHand = sim.state.counters.get(counterId)?.currentTicketId ?? null;
          const serviceId = inHand === null ? undefined : sim.state.tickets.get(inHand)?.segment.serviceId;
          const steps = sim.state.services.get(serviceId ?? "")?.targets.steps ?? [];
          return { type: "tickStep", counterId, stepId: pick(steps, intent.arg)?.id ?? "unknown-step" };
        }
        case "untickStep": {
          const inHand = sim.state.counters.get(counterId)?.currentTicketId ?? null;
          const ticked = inHand === null ? [] : (sim.state.tickets.get(inHand)?.segment.steps ?? []);
          return { type: "untickStep", counterId, stepId: pick(ticked, intent.arg)?.stepId ?? "unknown-step" };
        }
        case "undoTransfer": {
          // The officer's "Batalkan" at the counter that made the last transfer still marked; else any ticket.
          const marked = sim.ticketIds.filter((id) => sim.state.tickets.get(id)?.transferredFrom);
          const last = marked.at(-1);
          const from = last === undefined ? undefined : sim.state.tickets.get(last)?.transferredFrom?.counterId;
          if (last !== undefined && from !== undefined) return { type: "undoTransfer", counterId: from, ticketId: last };
          const any = pick(sim.ticketIds, intent.arg);
          return any === undefined ? null : { type: "undoTransfer", counterId, ticketId: any };
        }
        case "complete":
          return { type: "complete", counterId, outcome: pick(COMPLETION_OUTCOMES, intent.arg) ?? "selesai" };
        case "transfer":
          return { type: "transfer", counterId, toServiceId: pick(serviceIds, intent.arg) ?? "ktp" };
        case "open":
          return { type: "openCounter", counterId, officerId };
        case "pause":
          return { type: "pauseCounter", counterId };
        case "close":
          return { type: "closeCounter", counterId };
      }
      break;
    }
    case "ticket": {
      // Reinstating is only ever tried on no-shows (as at a real counter); the
      // others pick any ticket, so refusals are exercised too.
      const candidates =
        intent.action === "reinstate"
          ? sim.ticketIds.filter((id) => sim.state.tickets.get(id)?.status === "no_show")
          : sim.ticketIds;
      const ticketId = pick(candidates, intent.pick);
      if (ticketId === undefined) return null;
      switch (intent.action) {
        case "callTicket":
          return {
            type: "callTicket",
            counterId: pick(counterIds, intent.counter) ?? "loket-1",
            officerId: `officer-${intent.arg % 3}`,
            ticketId,
          };
        case "reinstate":
          return { type: "reinstate", ticketId };
        case "cancel":
          return { type: "cancel", ticketId, reason: pick(CANCEL_REASONS, intent.arg) ?? "officer" };
      }
      break;
    }
    case "closeDay":
      return { type: "closeServiceDay" };
  }
  return null;
}

/** Runs intents in order; returns the commit entries of the accepted commands. */
export function runIntents(sim: OfficeSimulation, intents: readonly Intent[]): CommitEntry[] {
  const entries: CommitEntry[] = [];
  for (const intent of intents) {
    const command = commandFor(sim, intent);
    if (command === null) continue;
    const { entry } = sim.run(command, intent.kind === "issue" ? "kiosk" : "counter");
    if (entry) entries.push(entry);
  }
  return entries;
}
