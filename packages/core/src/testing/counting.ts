import type { QueueState } from "../state";
import type { Ticket, TicketId } from "../ticket";
import { FRIDAY, jakarta, TestQueue } from "./fixtures";

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

/**
 * The long queue the cost tests measure on: `waiting` tickets of the "info"
 * service (open around the clock; every tenth a priority one, so both lanes are
 * long) from Friday 08:00, loket-3 open, and its first call left as a no-show
 * the counter may still reinstate.
 */
export function queueWithNoShow(waiting: number): { q: TestQueue; t0: number; noShowId: string } {
  const q = new TestQueue();
  const t0 = jakarta(`${FRIDAY} 08:00`);
  for (let i = 0; i < waiting; i++) q.issue("info", t0 + i, i % 10 === 0 ? "lansia" : null);
  q.open("loket-3", t0 + waiting);
  q.callNext("loket-3", t0 + waiting + 1);
  for (let r = 0; r < q.state.rules.noShow.recallsBeforeNoShow; r++)
    q.run({ type: "recall", counterId: "loket-3" }, t0 + waiting + 2);
  const missed = q.run({ type: "markNoShow", counterId: "loket-3" }, t0 + waiting + 3)[0];
  if (missed?.type !== "ticket.no_show") throw new Error("no no-show");
  return { q, t0, noShowId: missed.ticketId };
}
