import type { QueueState } from "../state";
import type { Ticket, TicketId } from "../ticket";

/**
 * The live tickets map, counting every ticket read through it: a command's
 * cost in tickets touched, which must not grow with the queue. A count, not a
 * timing, so the tests that use it do not depend on the machine's speed.
 */
export class CountingTickets extends Map<TicketId, Ticket> {
  reads = 0;

  override get(id: TicketId): Ticket | undefined {
    this.reads++;
    return super.get(id);
  }

  override *values(): MapIterator<Ticket> {
    for (const t of super.values()) {
      this.reads++;
      yield t;
    }
  }

  override *entries(): MapIterator<[TicketId, Ticket]> {
    for (const e of super.entries()) {
      this.reads++;
      yield e;
    }
  }

  override [Symbol.iterator](): MapIterator<[TicketId, Ticket]> {
    return this.entries();
  }

  override forEach(fn: (t: Ticket, id: TicketId, map: Map<TicketId, Ticket>) => void): void {
    for (const [id, t] of this.entries()) fn(t, id, this);
  }

  /** Ticket reads while `fn` runs. */
  during(fn: () => void): number {
    const before = this.reads;
    fn();
    return this.reads - before;
  }
}

/** Swaps the state's tickets map for a counting one holding the same tickets. */
export function countTicketReads(state: QueueState): CountingTickets {
  const counting = new CountingTickets(state.tickets);
  state.tickets = counting;
  return counting;
}
