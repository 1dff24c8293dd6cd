/**
 * What the hub's thread and the checkpoint thread share: one Int32Array over
 * a SharedArrayBuffer. The hub only adds to `commits`; everything else the
 * checkpoint thread writes, except `stop`.
 */
export const CHECKPOINT_SLOT = {
  /** Transactions the hub committed (the group committer's batches). */
  commits: 0,
  /** Set to 1 by the hub: close the connection and end. */
  stop: 1,
  /** PASSIVE checkpoints the thread ran. */
  passive: 2,
  /** TRUNCATE checkpoints that emptied the WAL file. */
  truncate: 3,
  /** The commit count when the thread's last PASSIVE copied everything there was. */
  backfilledCommits: 4,
  /** Set to 1 by the thread when it ends of itself (idle, or told to stop): any other end is a failure. */
  endedCleanly: 5,
} as const;

export const CHECKPOINT_SLOTS = 6;

export interface CheckpointWorkerData {
  dbFile: string;
  state: SharedArrayBuffer;
  /** A PASSIVE checkpoint once this many commits have accumulated. */
  everyCommits: number;
  /** How often the thread looks at the commit count. */
  pollMs: number;
  /** Without a commit for this long: checkpoint what is left and empty the WAL file. */
  quietMs: number;
  /** Without a commit for this long (and the WAL emptied): end the thread. */
  idleMs: number;
}
