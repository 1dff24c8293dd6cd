/**
 * How long the hub's thread spends in each commit, with SQLite's
 * auto-checkpoint (as before session 22) against the checkpoint thread, on a
 * database file with `--waiting` tickets issued first. One process, no
 * sockets: what is left is the store's commit and, with the auto-checkpoint,
 * the checkpoints inside it; `none` (no checkpoint at all) is the bound.
 * Modes alternate, each on a fresh copy.
 *
 *   node --import tsx apps/hub/src/testing/checkpoint-probe.ts [--waiting 50000] [--commits 2000] [--runs 2] [--data-root DIR]
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { parseArgs } from "node:util";
import { createGroupCommitter, openStore } from "@layan/store";
import { pino } from "pino";
import { OfficeSimulation } from "../../../../packages/store/src/testing/office";
import { startCheckpoints } from "../checkpoints";

const { values } = parseArgs({
  options: {
    waiting: { type: "string", default: "50000" },
    commits: { type: "string", default: "2000" },
    runs: { type: "string", default: "2" },
    "data-root": { type: "string", default: tmpdir() },
  },
});
const WAITING = Number(values.waiting);
const COMMITS = Number(values.commits);

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const r2 = (n: number): number => Math.round(n * 100) / 100;

const dir = mkdtempSync(join(values["data-root"], "layan-ckpt-"));
const seed = join(dir, "seed.db");
const sim = new OfficeSimulation();
{
  const store = openStore(seed);
  for (let i = 0; i < WAITING; i += 500) store.append(Array.from({ length: Math.min(500, WAITING - i) }, () => sim.issue("info")));
  store.close();
}

async function run(mode: "auto" | "thread" | "none"): Promise<Record<string, number | string>> {
  const file = join(dir, `${mode}.db`);
  rmSync(`${file}-wal`, { force: true });
  copyFileSync(seed, file);
  const store = openStore(file);
  const checkpoints = mode === "thread" ? startCheckpoints({ db: store.db, logger: pino({ level: "silent" }) }) : null;
  // "none": no checkpoint at all, the WAL only grows (what session 21 measured as the bound).
  if (mode === "none") store.db.pragma("wal_autocheckpoint = 0");
  const append = store.append.bind(store);
  const ms: number[] = [];
  store.append = (entries) => {
    const t0 = performance.now();
    try {
      return append(entries);
    } finally {
      ms.push(performance.now() - t0);
    }
  };
  const committer = createGroupCommitter(store, { afterCommit: checkpoints ? () => checkpoints.committed() : undefined });
  for (let i = 0; i < COMMITS; i += 1) {
    // One simulation throughout: its ticket and request ids never repeat across the copies.
    await committer.commit(sim.issue("info"));
    await nextTurn();
  }
  committer.close();
  const stats = checkpoints?.stats();
  await checkpoints?.close();
  store.close();
  rmSync(file, { force: true });
  ms.sort((a, b) => a - b);
  return {
    mode,
    commit_p50_ms: r2(pct(ms, 50)),
    commit_p99_ms: r2(pct(ms, 99)),
    commit_max_ms: r2(ms[ms.length - 1] ?? Number.NaN),
    commits_over_2ms: ms.filter((m) => m > 2).length,
    hub_thread_checkpoints: stats ? stats.hubCheckpoints : "every ~1000 pages",
    thread_passive: stats?.threadPassive ?? 0,
  };
}

try {
  for (let i = 0; i < Number(values.runs); i += 1) {
    for (const mode of ["auto", "thread", "none"] as const) process.stdout.write(`${JSON.stringify(await run(mode))}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
