import type { TicketId } from "./ticket";

interface Entry {
  id: TicketId;
  slotStart: number;
  enqueuedAt: number;
  /** Ties between equal slot starts go by check-in order; a reinstated ticket goes before every other (negative). */
  order: number;
}

/**
 * The booked lane of one service (docs/booking.md decision 9): checked-in
 * booked tickets, called in the order of their slot start, whatever order
 * their citizens arrived in. A sorted array: the lane holds the checked-in
 * citizens of the slots around now (capacity times a few slots, tens at
 * most), where walking it costs less than any tree would save.
 */
export class BookedLane implements Iterable<TicketId> {
  private entries: Entry[] = [];
  private backOrder = 0;
  private frontOrder = 0;

  get length(): number {
    return this.entries.length;
  }

  has(id: TicketId): boolean {
    return this.entries.some((e) => e.id === id);
  }

  first(): TicketId | undefined {
    return this.entries[0]?.id;
  }

  firstEnqueuedAt(): number | undefined {
    return this.entries[0]?.enqueuedAt;
  }

  /** The slot start of the ticket called next from this lane. */
  firstSlotStart(): number | undefined {
    return this.entries[0]?.slotStart;
  }

  take(n: number): TicketId[] {
    return this.entries.slice(0, n).map((e) => e.id);
  }

  /** Tickets whose slot has started by `at`: they are called before walk-ins. */
  startedBy(at: number): number {
    let n = 0;
    for (const e of this.entries) if (e.order < 0 || e.slotStart <= at) n++;
    return n;
  }

  /** A check-in (or a transfer back): its place is its slot's. */
  push(id: TicketId, enqueuedAt: number, slotStart: number): void {
    this.insert({ id, slotStart, enqueuedAt, order: this.backOrder++ });
  }

  /** A reinstated no-show: the head of the lane, like in the walk-in lanes. */
  unshift(id: TicketId, enqueuedAt: number, slotStart: number): void {
    this.frontOrder++;
    this.insert({ id, slotStart, enqueuedAt, order: -this.frontOrder });
  }

  remove(id: TicketId): boolean {
    const i = this.entries.findIndex((e) => e.id === id);
    if (i < 0) return false;
    this.entries.splice(i, 1);
    if (this.entries.length === 0) this.backOrder = this.frontOrder = 0;
    return true;
  }

  /** Tickets ahead of `id` in this lane, or -1 when it is not in it. */
  position(id: TicketId): number {
    return this.entries.findIndex((e) => e.id === id);
  }

  *[Symbol.iterator](): Iterator<TicketId> {
    for (const e of this.entries) yield e.id;
  }

  clone(): BookedLane {
    const copy = new BookedLane();
    copy.entries = this.entries.map((e) => ({ ...e }));
    copy.backOrder = this.backOrder;
    copy.frontOrder = this.frontOrder;
    return copy;
  }

  private insert(entry: Entry): void {
    if (this.has(entry.id)) throw new Error(`ticket ${entry.id} is already in this lane`);
    let i = this.entries.length;
    while (i > 0 && before(entry, this.entries[i - 1]!)) i--;
    this.entries.splice(i, 0, entry);
  }
}

/** Reinstated first (the latest reinstated at the very front), then by slot start, then by check-in. */
function before(a: Entry, b: Entry): boolean {
  if (a.order < 0 || b.order < 0) return a.order < 0 && (b.order >= 0 || a.order < b.order);
  return a.slotStart < b.slotStart || (a.slotStart === b.slotStart && a.order < b.order);
}
