import type { CallView } from "@layan/protocol";

/**
 * The last calls, for displays' "Panggilan terakhir" and for resync: a display
 * that missed calls gets them from here when the history reaches back far
 * enough, otherwise a snapshot.
 */
export class CallHistory {
  private readonly calls: CallView[] = [];

  /** History holds every call with seq > completeAfter. */
  constructor(
    private completeAfter: number,
    private readonly capacity = 100,
  ) {}

  add(call: CallView): void {
    this.calls.push(call);
    if (this.calls.length > this.capacity) {
      const dropped = this.calls.shift();
      if (dropped) this.completeAfter = dropped.seq;
    }
  }

  /** Newest first, filtered to the counters a display shows. */
  latest(limit: number, counterIds?: ReadonlySet<string>, serviceIds?: ReadonlySet<string>): CallView[] {
    const out: CallView[] = [];
    for (let i = this.calls.length - 1; i >= 0 && out.length < limit; i--) {
      const c = this.calls[i];
      if (c && shows(c, counterIds, serviceIds)) out.push(c);
    }
    return out;
  }

  /** Calls after `seq`, oldest first, or null when some may have been forgotten. */
  since(seq: number, counterIds?: ReadonlySet<string>, serviceIds?: ReadonlySet<string>): CallView[] | null {
    if (seq < this.completeAfter) return null;
    return this.calls.filter((c) => c.seq > seq && shows(c, counterIds, serviceIds));
  }
}

export function shows(call: CallView, counterIds?: ReadonlySet<string>, serviceIds?: ReadonlySet<string>): boolean {
  if (!counterIds && !serviceIds) return true;
  return (counterIds?.has(call.counterId) ?? false) || (serviceIds?.has(call.serviceId) ?? false);
}
