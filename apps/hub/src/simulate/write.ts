import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import type { LayanConfig } from "@layan/config";
import { toOfficeRules } from "@layan/config";
import { openStore } from "@layan/store";
import { feedbackSetupOf, simulateOffice, type OfficePerformance, type SimulationResult, type SimulationTotals } from "./simulate";

export interface WriteSimulationOptions {
  config: LayanConfig;
  /** The database file to create; must not exist. */
  out: string;
  startDay: string;
  days: number;
  ticketsPerDay: number;
  seed: number;
  performance?: OfficePerformance;
  onDay?: (day: string, totals: SimulationTotals) => void;
}

/**
 * Simulates into `<out>.partial` and renames it to `out` only when complete, so
 * an interrupted run never leaves a half-written store that looks finished
 * (the benchmark caches its million-ticket store by file name).
 */
export function writeSimulatedStore(options: WriteSimulationOptions): SimulationResult & { ms: number } {
  const { out } = options;
  if (existsSync(out)) throw new Error(`${out} exists`);
  mkdirSync(dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(partial + suffix, { force: true });
  const store = openStore(partial);
  const t0 = performance.now();
  let result: SimulationResult;
  try {
    // A generated file: if the machine dies half-way we run it again, so skip
    // the per-commit fsync the hub needs for acknowledged tickets.
    store.db.pragma("synchronous = OFF");
    store.db.pragma("cache_size = -262144");
    result = simulateOffice({
      rules: toOfficeRules(options.config),
      store,
      startDay: options.startDay,
      days: options.days,
      ticketsPerDay: options.ticketsPerDay,
      seed: options.seed,
      kioskIds: options.config.devices.kiosks.map((k) => k.id),
      feedback: feedbackSetupOf(options.config),
      ...(options.performance ? { performance: options.performance } : {}),
      ...(options.onDay ? { onDay: options.onDay } : {}),
    });
    store.db.pragma("synchronous = FULL");
    // Fresh planner statistics for the report queries.
    store.db.exec("ANALYZE");
    store.db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    store.close();
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(partial + suffix, { force: true });
  renameSync(partial, out);
  return { ...result, ms: performance.now() - t0 };
}
