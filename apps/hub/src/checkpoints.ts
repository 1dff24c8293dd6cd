/**
 * WAL checkpoints off the hub's thread. The hub's connection gets
 * `wal_autocheckpoint = 0`: SQLite would otherwise copy the WAL into the
 * database file inside the COMMIT that crosses ~1,000 pages, on the event
 * loop, with the fsyncs of synchronous=FULL (the 50k-waiting p99 and the
 * 20-kiosk p99 were mostly that: docs/benchmarks.md, "### WAL checkpoints
 * (session 22)"). A thread with its own connection (checkpoint-worker.ts)
 * does it instead; it starts with the first commit and ends when the hub has
 * been idle for a while, like the report worker.
 *
 * Safety net: every `sizeCheckEvery` commits the hub looks at the WAL file's
 * size; past `hardLimitBytes` (the thread dead, not started, or unable to
 * finish under a steady stream of commits) the hub's thread checkpoints
 * itself and says so in the log, so the WAL never grows without bound. When
 * the thread keeps up, that pass copies only the last few commits' frames
 * and lets the next commit start the WAL over (and cut it down to the
 * store's journal_size_limit).
 *
 * A checkpoint copies only frames of committed transactions and SQLite
 * replays the WAL after a crash, so none of this touches what an
 * acknowledgement promises.
 */
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";
import type { Logger } from "pino";
import { CHECKPOINT_SLOT, CHECKPOINT_SLOTS, type CheckpointWorkerData } from "./checkpoint-state";

export interface CheckpointOptions {
  /** The hub's own connection (a file database in WAL mode). */
  db: Database.Database;
  logger: Logger;
  /** The thread runs a PASSIVE checkpoint after this many commits (default 64). */
  everyCommits?: number;
  pollMs?: number;
  quietMs?: number;
  idleMs?: number;
  /** The hub's thread checkpoints itself once the WAL file is this large (default 64 MiB). */
  hardLimitBytes?: number;
  /** Commits between two looks at the WAL file's size (default 32: one stat(2) each). */
  sizeCheckEvery?: number;
  /** After the thread failed, how long the hub waits before it starts another (default 60 s). */
  restartDelayMs?: number;
}

export interface CheckpointStats {
  /** PASSIVE checkpoints run by the thread. */
  threadPassive: number;
  /** TRUNCATEs by the thread that emptied the WAL file. */
  threadTruncate: number;
  /** Checkpoints the hub's thread had to run itself (the safety net). */
  hubCheckpoints: number;
  threadStarts: number;
  threadFailures: number;
}

export interface Checkpoints {
  /** Called by the group committer after each committed transaction: one atomic add, a stat(2) now and then. */
  committed(): void;
  stats(): CheckpointStats;
  /** The running thread (tests end it to see the safety net work). */
  readonly thread: Worker | null;
  /** Ends the thread and waits for it to close its connection. */
  close(): Promise<void>;
}

const MIB = 1024 * 1024;
/** At most one warning a minute about the hub checkpointing itself; the count says how many were not logged. */
const FALLBACK_LOG_MS = 60_000;

/**
 * The bundled hub (dist/main.js) has the thread's entry beside it; from
 * source a small bootstrap registers tsx in the thread first.
 */
function workerEntry(): URL {
  const bundled = new URL("./checkpoint-worker.js", import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL("./checkpoint-worker-from-source.mjs", import.meta.url);
}

/** Null for a database without a WAL file (`:memory:`): SQLite has nothing to checkpoint there. */
export function startCheckpoints(options: CheckpointOptions): Checkpoints | null {
  const { db, logger } = options;
  if (db.memory || db.pragma("journal_mode", { simple: true }) !== "wal") return null;
  const walFile = `${db.name}-wal`;
  const hardLimit = options.hardLimitBytes ?? 64 * MIB;
  const sizeCheckEvery = Math.max(1, options.sizeCheckEvery ?? 32);
  const restartDelayMs = options.restartDelayMs ?? 60_000;
  const shared = new SharedArrayBuffer(CHECKPOINT_SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const state = new Int32Array(shared);
  const data: CheckpointWorkerData = {
    dbFile: db.name,
    state: shared,
    everyCommits: Math.max(1, options.everyCommits ?? 64),
    pollMs: options.pollMs ?? 50,
    quietMs: options.quietMs ?? 1_000,
    idleMs: options.idleMs ?? 30_000,
  };
  const counts = { threadStarts: 0, threadFailures: 0, hubCheckpoints: 0 };
  const checkpointHere = db.prepare<[], { busy: number; log: number; checkpointed: number }>("PRAGMA wal_checkpoint(PASSIVE)");

  db.pragma("wal_autocheckpoint = 0");

  let worker: Worker | null = null;
  let starting = false;
  let closing = false;
  let restartAt = 0;
  let sinceSizeCheck = 0;
  let fallbackQueued = false;
  let lastFallbackLogAt = Number.NEGATIVE_INFINITY;
  let unloggedFallbacks = 0;

  const start = (): void => {
    starting = false;
    if (worker || closing) return;
    Atomics.store(state, CHECKPOINT_SLOT.stop, 0);
    Atomics.store(state, CHECKPOINT_SLOT.endedCleanly, 0);
    const thread = new Worker(workerEntry(), {
      workerData: data,
      // A loop over one prepared statement: a small heap is all it needs.
      resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1, stackSizeMb: 1 },
    });
    // The HTTP server keeps the hub alive; this thread must never keep a closed hub's process up.
    thread.unref();
    worker = thread;
    counts.threadStarts += 1;
    thread.on("error", (err) => logger.error({ err }, "checkpoint thread failed"));
    thread.on("exit", (code) => {
      if (worker !== thread) return;
      worker = null;
      // A terminated thread can report 0 too: only the thread itself says it ended as planned.
      if (closing || Atomics.load(state, CHECKPOINT_SLOT.endedCleanly) === 1) return;
      counts.threadFailures += 1;
      restartAt = performance.now() + restartDelayMs;
      logger.error({ code, restartInS: Math.round(restartDelayMs / 1000) }, "checkpoint thread stopped; the hub checkpoints the WAL itself past its limit until a new one runs");
    });
  };

  /** The safety net, on the next turn: the commit that noticed the size is acknowledged first. */
  const fallback = (walBytes: number): void => {
    fallbackQueued = false;
    if (!db.open) return;
    const began = performance.now();
    let row: { busy: number; log: number; checkpointed: number } | undefined;
    try {
      row = checkpointHere.get();
    } catch (err) {
      logger.error({ err }, "checkpointing the WAL on the hub's thread failed");
      return;
    }
    counts.hubCheckpoints += 1;
    const now = performance.now();
    if (now - lastFallbackLogAt < FALLBACK_LOG_MS) {
      unloggedFallbacks += 1;
      return;
    }
    const fields = {
      walMb: Math.round(walBytes / MIB),
      thread: worker ? "running" : "stopped",
      frames: row?.log ?? null,
      ms: Math.round((now - began) * 10) / 10,
      alsoSinceLastWarning: unloggedFallbacks,
    };
    // With the thread running this is a long burst of commands (a bench, a
    // replay) that never left it a quiet moment to finish: expected, and the
    // hub's pass copied only the last few commits. Without it, someone should look.
    if (worker) logger.info(fields, "WAL past its limit: checkpointed on the hub's thread");
    else logger.warn(fields, "WAL past its limit: checkpointed on the hub's thread");
    lastFallbackLogAt = now;
    unloggedFallbacks = 0;
  };

  return {
    committed() {
      Atomics.add(state, CHECKPOINT_SLOT.commits, 1);
      if (!worker && !starting && !closing && performance.now() >= restartAt) {
        // Starting a thread costs the hub's thread a little: after this batch's acknowledgements.
        starting = true;
        setImmediate(start);
      }
      if (++sinceSizeCheck < sizeCheckEvery) return;
      sinceSizeCheck = 0;
      const walBytes = statSync(walFile, { throwIfNoEntry: false })?.size ?? 0;
      if (walBytes >= hardLimit && !fallbackQueued) {
        fallbackQueued = true;
        setImmediate(() => fallback(walBytes));
      }
    },
    stats: () => ({
      threadPassive: Atomics.load(state, CHECKPOINT_SLOT.passive),
      threadTruncate: Atomics.load(state, CHECKPOINT_SLOT.truncate),
      hubCheckpoints: counts.hubCheckpoints,
      threadStarts: counts.threadStarts,
      threadFailures: counts.threadFailures,
    }),
    get thread() {
      return worker;
    },
    async close() {
      closing = true;
      const thread = worker;
      if (!thread) return;
      Atomics.store(state, CHECKPOINT_SLOT.stop, 1);
      Atomics.notify(state, CHECKPOINT_SLOT.stop);
      // Held by the thread until it has closed its connection: with the
      // servers closed nothing else may keep the process up that long, and
      // the hub's own close (the last connection's checkpoint) comes after.
      thread.ref();
      await new Promise<void>((done) => {
        thread.once("exit", () => done());
      });
      worker = null;
    },
  };
}
