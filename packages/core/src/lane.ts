import type { TicketId } from "./ticket";

interface Node {
  id: TicketId;
  /** Lane order: front slots count down from -1, back slots up from 0; never reused while the lane holds tickets. */
  key: number;
  enqueuedAt: number;
  prev: Node | null;
  next: Node | null;
}

/** Counts per slot with prefix sums in O(log n), growing by doubling. */
class SlotCounts {
  private tree = new Int32Array(64);

  add(slot: number, delta: number): void {
    while (slot >= this.tree.length) this.grow();
    for (let j = slot + 1; j <= this.tree.length; j += j & -j) this.tree[j - 1] = (this.tree[j - 1] ?? 0) + delta;
  }

  /** Sum of slots [0, slot). */
  before(slot: number): number {
    let sum = 0;
    for (let j = Math.min(slot, this.tree.length); j > 0; j -= j & -j) sum += this.tree[j - 1] ?? 0;
    return sum;
  }

  /**
   * With a power-of-two size, doubling leaves every old cell valid; of the new
   * cells only the last covers old slots (all of them), the rest cover empty ones.
   */
  private grow(): void {
    const size = this.tree.length;
    const tree = new Int32Array(size * 2);
    tree.set(this.tree);
    tree[size * 2 - 1] = this.before(size);
    this.tree = tree;
  }
}

/**
 * One service's waiting tickets of one lane, in call order. Tickets join at
 * the back (issue, transfer) or the front (a reinstated no-show) and leave
 * from anywhere (a call, a cancel, an undone transfer). Every operation the
 * queue's commands need costs O(1) or O(log n) in the lane's length: a lane
 * of 50,000 must not make each call walk 50,000 tickets.
 */
export class Lane implements Iterable<TicketId> {
  private readonly nodes = new Map<TicketId, Node>();
  private head: Node | null = null;
  private tail: Node | null = null;
  private backSlots = 0;
  private frontSlots = 0;
  private back = new SlotCounts();
  private front = new SlotCounts();
  private frontCount = 0;
  /** Min-heap by (enqueuedAt, key); left tickets stay in it until they reach the top or a rebuild. */
  private heap: Node[] = [];

  get length(): number {
    return this.nodes.size;
  }

  has(id: TicketId): boolean {
    return this.nodes.has(id);
  }

  /** The ticket called next from this lane. */
  first(): TicketId | undefined {
    return this.head?.id;
  }

  firstEnqueuedAt(): number | undefined {
    return this.head?.enqueuedAt;
  }

  /** The first `n` tickets, in call order. */
  take(n: number): TicketId[] {
    const out: TicketId[] = [];
    for (let node = this.head; node && out.length < n; node = node.next) out.push(node.id);
    return out;
  }

  push(id: TicketId, enqueuedAt: number): void {
    this.mustBeNew(id);
    const node: Node = { id, key: this.backSlots, enqueuedAt, prev: this.tail, next: null };
    this.back.add(this.backSlots++, 1);
    if (this.tail) this.tail.next = node;
    else this.head = node;
    this.tail = node;
    this.insert(node);
  }

  unshift(id: TicketId, enqueuedAt: number): void {
    this.mustBeNew(id);
    const node: Node = { id, key: -(this.frontSlots + 1), enqueuedAt, prev: null, next: this.head };
    this.front.add(this.frontSlots++, 1);
    this.frontCount++;
    if (this.head) this.head.prev = node;
    else this.tail = node;
    this.head = node;
    this.insert(node);
  }

  remove(id: TicketId): boolean {
    const node = this.nodes.get(id);
    if (!node) return false;
    this.nodes.delete(id);
    if (node.prev) node.prev.next = node.next;
    else this.head = node.next;
    if (node.next) node.next.prev = node.prev;
    else this.tail = node.prev;
    if (node.key >= 0) this.back.add(node.key, -1);
    else {
      this.front.add(-node.key - 1, -1);
      this.frontCount--;
    }
    if (this.nodes.size === 0) this.reset();
    else if (this.heap.length > 2 * this.nodes.size + 64) this.rebuildHeap();
    return true;
  }

  /** Tickets ahead of `id` in this lane, or -1 when it is not in it. */
  position(id: TicketId): number {
    const node = this.nodes.get(id);
    if (!node) return -1;
    // Front slots are numbered in the order they were taken: a higher one stands further forward.
    if (node.key < 0) return this.frontCount - this.front.before(-node.key);
    return this.frontCount + this.back.before(node.key);
  }

  /**
   * The ticket that has waited longest (smallest enqueue time; of equal ones,
   * the first in call order). Not always the head: a reinstated no-show
   * stands at the head with a fresh enqueue time. Drops tickets that left
   * from the heap's top as it goes: bookkeeping no answer depends on, so
   * decide() may call it and still change nothing a caller can observe.
   */
  oldest(): { ticketId: TicketId; enqueuedAt: number } | undefined {
    let top = this.heap[0];
    while (top && this.nodes.get(top.id) !== top) {
      this.popHeap();
      top = this.heap[0];
    }
    return top && { ticketId: top.id, enqueuedAt: top.enqueuedAt };
  }

  *[Symbol.iterator](): Iterator<TicketId> {
    for (let node = this.head; node; node = node.next) yield node.id;
  }

  clone(): Lane {
    const copy = new Lane();
    for (let node = this.head; node; node = node.next) copy.push(node.id, node.enqueuedAt);
    return copy;
  }

  /** A ticket stands in a lane once: apply() takes it out before it joins again. */
  private mustBeNew(id: TicketId): void {
    if (this.nodes.has(id)) throw new Error(`ticket ${id} is already in this lane`);
  }

  private insert(node: Node): void {
    this.nodes.set(node.id, node);
    this.heap.push(node);
    this.siftUp(this.heap.length - 1);
  }

  private reset(): void {
    this.head = this.tail = null;
    this.backSlots = this.frontSlots = this.frontCount = 0;
    this.back = new SlotCounts();
    this.front = new SlotCounts();
    this.heap = [];
  }

  private rebuildHeap(): void {
    this.heap = [...this.nodes.values()];
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private popHeap(): void {
    const last = this.heap.pop();
    if (last && this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const node = heap[i];
    if (!node) return;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (!p || !before(node, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = node;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const node = heap[i];
    if (!node) return;
    for (;;) {
      let child = 2 * i + 1;
      const left = heap[child];
      if (!left) break;
      const right = heap[child + 1];
      if (right && before(right, left)) child++;
      const c = heap[child];
      if (!c || !before(c, node)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = node;
  }
}

function before(a: Node, b: Node): boolean {
  return a.enqueuedAt < b.enqueuedAt || (a.enqueuedAt === b.enqueuedAt && a.key < b.key);
}
