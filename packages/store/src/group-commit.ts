import type { CommitEntry, Store } from "./store";

export interface GroupCommitStats {
  /** Transactions written (committed or failed). */
  batches: number;
  /** Entries in those transactions. */
  entries: number;
  failedBatches: number;
  largestBatch: number;
}

export interface GroupCommitter {
  /**
   * Queues one entry. Entries queued during the same event-loop turn are
   * written together in one transaction on the next setImmediate. Resolves
   * with the entry's seqs after that transaction committed; rejects, together
   * with every other entry of its batch, if it failed.
   */
  commit(entry: CommitEntry): Promise<number[]>;
  /** Writes what is queued now instead of waiting for the next turn. */
  flush(): void;
  /** Writes what is queued, then refuses new entries. Does not close the store. */
  close(): void;
  readonly stats: Readonly<GroupCommitStats>;
}

interface Pending {
  entry: CommitEntry;
  resolve: (seqs: number[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: durability costs one fsync per batch, not per command. The
 * hub acknowledges a command when its promise resolves, which is after the
 * commit: a crash between the two must never lose an acknowledged ticket.
 */
export function createGroupCommitter(store: Store, opts: { maxBatch?: number } = {}): GroupCommitter {
  const maxBatch = Math.max(1, opts.maxBatch ?? 1_000);
  const stats: GroupCommitStats = { batches: 0, entries: 0, failedBatches: 0, largestBatch: 0 };
  let queue: Pending[] = [];
  let scheduled: NodeJS.Immediate | null = null;
  let closed = false;

  const writeBatch = (batch: Pending[]): void => {
    stats.batches += 1;
    stats.entries += batch.length;
    stats.largestBatch = Math.max(stats.largestBatch, batch.length);
    let seqs: number[][];
    try {
      seqs = store.append(batch.map((p) => p.entry)).seqs;
    } catch (error) {
      // The transaction rolled back as a whole: nothing of this batch is on
      // disk, so nobody in it may be told otherwise. The store stays usable.
      stats.failedBatches += 1;
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => p.resolve(seqs[i] ?? []));
  };

  const flush = (): void => {
    if (scheduled !== null) {
      clearImmediate(scheduled);
      scheduled = null;
    }
    while (queue.length > 0) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      writeBatch(batch);
    }
  };

  return {
    commit(entry) {
      if (closed) return Promise.reject(new Error("group committer is closed"));
      return new Promise<number[]>((resolve, reject) => {
        queue.push({ entry, resolve, reject });
        scheduled ??= setImmediate(flush);
      });
    },
    flush,
    close() {
      flush();
      closed = true;
    },
    stats,
  };
}
