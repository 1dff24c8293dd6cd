import { createState, drive } from "@layan/core";
import type { Decision, FeedbackEvent, OfficeRules, QueueCommand, QueueEvent, QueueState } from "@layan/core";
import type { CommitEntry, PersonalDataEntry, Store } from "@layan/store";
import { Timeline } from "./timeline";

/**
 * The ledger row a real hub writes for a client command (its request id and
 * answer), or null for what no client sends (closeServiceDay). Without one the
 * simulator writes no ledger, as the report store always did.
 */
export type LedgerWriter = (command: QueueCommand, state: QueueState, now: number, seq: number) => NonNullable<CommitEntry["request"]> | null;

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
  surveys: number;
  complaints: number;
}

/**
 * The hub as the simulator plays it: commands go through the core's drive
 * exactly as in the hub's engine, the clock jumps from one planned action to
 * the next, and events reach the store in large transactions (a generated
 * file needs no per-command durability, see write.ts).
 */
export class SimulatedEngine {
  readonly state: QueueState;
  readonly totals: SimulationTotals = {
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
    surveys: 0,
    complaints: 0,
  };
  /** Hub time of the action being run. */
  now = 0;
  /** Sees every event the core applies (the feedback model plans what citizens do afterwards). */
  observer: ((e: QueueEvent) => void) | null = null;
  private readonly timeline = new Timeline();
  /** Actions past the day being run: released day by day, so the log stays in time order. */
  private readonly laterTimeline = new Timeline();
  private horizon = Number.NEGATIVE_INFINITY;
  private pending: QueueEvent[] = [];
  private pendingPersonal: PersonalDataEntry[] = [];
  private pendingRequests: NonNullable<CommitEntry["request"]>[] = [];

  constructor(
    rules: OfficeRules,
    private readonly store: Store,
    private readonly batchEvents: number,
    private readonly ledger: LedgerWriter | null = null,
  ) {
    this.state = createState(rules);
  }

  exec(command: QueueCommand): Decision {
    const decision = drive(this.state, command, this.now, { applied: (e) => this.record(e) });
    // As the hub's engine: only a command that wrote events has its answer in the ledger.
    if (this.ledger && decision.ok && decision.events.length > 0) {
      const request = this.ledger(command, this.state, this.now, this.totals.events);
      if (request) this.pendingRequests.push(request);
    }
    if (decision.ok && this.pending.length >= this.batchEvents) this.flush();
    return decision;
  }

  /** Plans `run` at `time`; the hub's clock reads whole milliseconds. */
  at(time: number, run: () => void): void {
    this.timeline.push(Math.round(time), run);
  }

  /** Plans `run` at `time`, which may be days ahead (a survey answered the next day, a complaint answered next week). */
  later(time: number, run: () => void): void {
    const at = Math.round(time);
    if (at < this.horizon) this.timeline.push(at, run);
    else this.laterTimeline.push(at, run);
  }

  /** Feedback is not a queue command: the hub records it beside the queue's events (engine.record), so does this. */
  append(event: FeedbackEvent, personal: readonly PersonalDataEntry[] = []): void {
    this.pending.push(event);
    this.pendingPersonal.push(...personal);
    this.totals.events++;
    if (event.type === "survey.submitted") this.totals.surveys++;
    else if (event.type === "complaint.filed") this.totals.complaints++;
    if (this.pending.length >= this.batchEvents) this.flush();
  }

  /**
   * Runs every planned action before `horizon` in time order, including those
   * they plan in turn; what lies beyond waits for a later call.
   */
  runPlanned(horizon: number): void {
    this.horizon = horizon;
    for (let next = this.laterTimeline.peekAt(); next !== undefined && next < horizon; next = this.laterTimeline.peekAt()) {
      const action = this.laterTimeline.pop()!;
      this.timeline.push(action.at, action.run);
    }
    for (let action = this.timeline.pop(); action; action = this.timeline.pop()) {
      this.now = action.at;
      action.run();
    }
  }

  flush(): void {
    if (this.pending.length === 0 && this.pendingRequests.length === 0) return;
    const personal = this.pendingPersonal;
    const requests: CommitEntry[] = this.pendingRequests.map((request) => ({ events: [], request }));
    this.store.append([personal.length > 0 ? { events: this.pending, personal } : { events: this.pending }, ...requests]);
    this.pending = [];
    this.pendingPersonal = [];
    this.pendingRequests = [];
  }

  private record(e: QueueEvent): void {
    this.pending.push(e);
    this.observer?.(e);
    const totals = this.totals;
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
}
