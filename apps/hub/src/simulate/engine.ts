import { createState, drive } from "@layan/core";
import type { Decision, OfficeRules, QueueCommand, QueueEvent, QueueState } from "@layan/core";
import type { Store } from "@layan/store";
import { Timeline } from "./timeline";

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
  };
  /** Hub time of the action being run. */
  now = 0;
  private readonly timeline = new Timeline();
  private pending: QueueEvent[] = [];

  constructor(
    rules: OfficeRules,
    private readonly store: Store,
    private readonly batchEvents: number,
  ) {
    this.state = createState(rules);
  }

  exec(command: QueueCommand): Decision {
    const decision = drive(this.state, command, this.now, { applied: (e) => this.record(e) });
    if (decision.ok && this.pending.length >= this.batchEvents) this.flush();
    return decision;
  }

  /** Plans `run` at `time`; the hub's clock reads whole milliseconds. */
  at(time: number, run: () => void): void {
    this.timeline.push(Math.round(time), run);
  }

  /** Runs every planned action in time order, including those they plan in turn. */
  runPlanned(): void {
    for (let action = this.timeline.pop(); action; action = this.timeline.pop()) {
      this.now = action.at;
      action.run();
    }
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.store.append([{ events: this.pending }]);
    this.pending = [];
  }

  private record(e: QueueEvent): void {
    this.pending.push(e);
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
