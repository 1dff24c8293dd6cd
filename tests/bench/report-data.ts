/**
 * The million-ticket store the report benchmark reads: a year of a
 * regency-size office at ~4,000 tickets per open day, simulated through the
 * real core and store (apps/hub/src/simulate). Generating it takes minutes, so
 * it is cached by parameters under LAYAN_BENCH_CACHE (default: the OS temp
 * folder) and reused; bump SIM_VERSION when the simulator's model changes.
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, type LayanConfig } from "@layan/config";
import { writeSimulatedStore } from "../../apps/hub/src/simulate/write";

const ROOT = new URL("../../", import.meta.url).pathname;
const SIM_VERSION = 4;

/**
 * The simulator serves only the counters an office has, so a year of 4,000
 * tickets a day needs an office that has enough: the sample office with every
 * counter repeated (the same services, numbered on) and its quotas scaled
 * alike, i.e. a large Mal Pelayanan Publik's configuration.
 */
export const REGENCY_REPEAT = 32;

export function regencyOffice(config: LayanConfig, repeat = REGENCY_REPEAT): LayanConfig {
  let next = Math.max(0, ...config.counters.map((c) => c.number)) + 1;
  const extra = Array.from({ length: repeat - 1 }, () =>
    config.counters.map((c) => {
      const n = next++;
      return { id: `loket-${n}`, name: `Loket ${n}`, number: n, services: [...c.services] };
    }),
  ).flat();
  return {
    ...config,
    counters: [...config.counters, ...extra],
    services: config.services.map((s) => (s.dailyQuota === undefined ? s : { ...s, dailyQuota: s.dailyQuota * repeat })),
  };
}

export const MILLION = {
  startDay: "2025-11-01",
  days: 365,
  ticketsPerDay: 4_000,
  seed: 20261127,
} as const;

export function reportStorePath(): string {
  const dir = process.env.LAYAN_BENCH_CACHE ?? join(tmpdir(), "layan-bench-cache");
  const p = MILLION;
  return join(
    dir,
    `reports-v${SIM_VERSION}-${p.startDay}-${p.days}d-${p.ticketsPerDay}-${p.seed}`,
    "layan.db",
  );
}

/** Path of the cached store, generating it first when missing. */
export function ensureReportStore(log: (msg: string) => void = () => undefined): string {
  const path = reportStorePath();
  if (existsSync(path)) return path;
  log(`generating the 1M-ticket report store (once; cached at ${path}) ...`);
  let last = performance.now();
  const result = writeSimulatedStore({
    config: regencyOffice(loadConfig(join(ROOT, "kiosk-config"))),
    out: path,
    ...MILLION,
    onDay: (day, totals) => {
      if (performance.now() - last > 15_000) {
        last = performance.now();
        log(`  ${day}: ${totals.tickets.toLocaleString("en")} tickets`);
      }
    },
  });
  log(
    `  ${result.tickets.toLocaleString("en")} tickets, ${result.events.toLocaleString("en")} events in ${(result.ms / 1000).toFixed(0)} s`,
  );
  return path;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) {
  console.log(ensureReportStore((m) => console.error(m)));
}
