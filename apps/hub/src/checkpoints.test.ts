import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";
import { createGroupCommitter, openStore, type GroupCommitter, type Store } from "@layan/store";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OfficeSimulation } from "../../../packages/store/src/testing/office";
import { startCheckpoints, type CheckpointOptions, type Checkpoints } from "./checkpoints";

let dir: string;
let store: Store;
let committer: GroupCommitter;
let checkpoints: Checkpoints | null;
let sim: OfficeSimulation;
const warnings: string[] = [];
const LIMIT = 256 * 1024;

const size = (file: string): number => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
const walBytes = (): number => size(join(dir, "layan.db-wal"));
const dbBytes = (): number => size(join(dir, "layan.db"));

function open(options: Partial<CheckpointOptions> = {}): Checkpoints {
  store = openStore(join(dir, "layan.db"));
  const logger = pino({ level: "warn" }, { write: (line: string) => warnings.push(line) });
  checkpoints = startCheckpoints({ db: store.db, logger, ...options });
  const running = checkpoints;
  if (!running) throw new Error("a file database must get checkpoints");
  committer = createGroupCommitter(store, { afterCommit: () => running.committed() });
  return running;
}

/** `n` issues, one transaction each: the hub at one kiosk. */
async function issue(n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await committer.commit(sim.issue("info"));
    await nextTurn();
  }
}

async function until(what: string, test: () => boolean, timeoutMs = 15_000): Promise<void> {
  const began = Date.now();
  while (!test()) {
    if (Date.now() - began > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "layan-checkpoints-"));
  sim = new OfficeSimulation();
  warnings.length = 0;
  checkpoints = null;
});
afterEach(async () => {
  committer.close();
  await checkpoints?.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("WAL checkpoints off the hub's thread", () => {
  it("the hub's connection never checkpoints; the checkpoint thread copies the WAL into the database and empties it when quiet", async () => {
    const running = open({ everyCommits: 16, quietMs: 200 });
    expect(store.db.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    const dbBefore = dbBytes();
    await issue(300);
    // The pages reached the database file, and nobody on this thread copied them.
    await until("the WAL file is empty", () => walBytes() === 0 && running.stats().threadTruncate > 0);
    expect(dbBytes()).toBeGreaterThan(dbBefore);
    expect(running.stats()).toMatchObject({ hubCheckpoints: 0, threadStarts: 1, threadFailures: 0 });
    expect(running.stats().threadPassive).toBeGreaterThan(0);
    // What the thread copied is what was committed: a fresh connection reads it from the database file alone.
    const other = openStore(join(dir, "layan.db"));
    try {
      expect(other.lastSeq()).toBe(300);
    } finally {
      other.close();
    }
  });

  it("checkpoints on the hub's thread, and says so, when the WAL passes its limit with the thread gone", async () => {
    const running = open({ hardLimitBytes: LIMIT, sizeCheckEvery: 4, restartDelayMs: 600_000 });
    await issue(2);
    await until("the checkpoint thread runs", () => running.thread !== null);
    await running.thread?.terminate();
    await until("the hub noticed", () => running.stats().threadFailures === 1);
    const dbBefore = dbBytes();
    // The migrations' frames are there already: SQLite keeps the file's high-water mark below journal_size_limit.
    const walBefore = walBytes();
    let largest = 0;
    // ~16 KB of WAL a commit: 400 commits are ~6 MB, 25 times the limit.
    for (let i = 0; i < 400; i += 1) {
      await issue(1);
      largest = Math.max(largest, walBytes());
    }
    expect(running.thread).toBeNull();
    expect(running.stats().hubCheckpoints).toBeGreaterThan(0);
    expect(dbBytes()).toBeGreaterThan(dbBefore);
    // At most the limit plus the commits between two looks at the size (and the turn the checkpoint waits for).
    expect(largest).toBeLessThan(Math.max(walBefore, LIMIT) + LIMIT);
    expect(warnings.some((w) => w.includes("checkpointed on the hub's thread") && w.includes('"thread":"stopped"'))).toBe(true);
  });

  it("is not started for a database without a WAL file", () => {
    const memory = openStore(":memory:");
    try {
      expect(startCheckpoints({ db: memory.db, logger: pino({ level: "silent" }) })).toBeNull();
    } finally {
      memory.close();
    }
    open();
  });
});
