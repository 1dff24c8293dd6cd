interface Action {
  at: number;
  order: number;
  run: () => void;
}

/**
 * What happens next in the simulated office: a binary min-heap of timed
 * actions. Ties keep their scheduling order, so a seed replays exactly.
 */
export class Timeline {
  private readonly heap: Action[] = [];
  private order = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Time of the next action, if any. */
  peekAt(): number | undefined {
    return this.heap[0]?.at;
  }

  push(at: number, run: () => void): void {
    const item = { at, order: this.order++, run };
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p]!;
      if (parent.at < item.at || (parent.at === item.at && parent.order < item.order)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = item;
  }

  pop(): Action | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const lc = h[l]!;
      const rc = h[r];
      const child = rc !== undefined && (rc.at < lc.at || (rc.at === lc.at && rc.order < lc.order)) ? r : l;
      const c = h[child]!;
      if (last.at < c.at || (last.at === c.at && last.order < c.order)) break;
      h[i] = c;
      i = child;
    }
    h[i] = last;
    return top;
  }
}
