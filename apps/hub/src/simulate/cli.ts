/**
 * `pnpm simulate --days 30 --tickets-per-day 300 --out data/sim/layan.db`
 *
 * Writes a store with simulated office days (see simulate.ts) that the hub and
 * the dashboard open: `pnpm start --data data/sim` (the hub opens
 * `<data>/layan.db`). Deterministic for a given --seed and --start.
 */
import { existsSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "@layan/config";
import { addDays, serviceDayOf } from "@layan/core";
import { DEFAULT_PERFORMANCE } from "./profile";
import { writeSimulatedStore } from "./write";

const ROOT = resolve(import.meta.dirname, "../../../..");

function die(message: string): never {
  process.stderr.write(`simulate: ${message}\n`);
  process.exit(1);
}

const USAGE = `Usage: pnpm simulate [options]

  --days N              calendar days to simulate (default 30)
  --tickets-per-day N   tickets asked for on an average open day (default 300, about what the
                        sample office's 12 counters serve; more waits, is refused by the
                        quotas or goes home at closing: give --config a larger office)
  --out PATH            database file, or a folder for <folder>/layan.db (default data/sim/layan.db)
  --start YYYY-MM-DD    first office-local day (default: the --days days ending yesterday)
  --seed N              random seed (default 20261127)
  --config DIR          kiosk-config folder (default kiosk-config)
  --service-time-factor F  how slow this office's desks are: every SOP step's time times F
                        (default 1, the sample office; 1.5 = half again as slow; 0.5 to 3)
  --absence P           chance a desk's officer is away on a day (default 0.06; 0 to 0.9);
                        a relief officer may take over, or the counter stays shut
                        (with --seed, the same office and arrivals; only its performance differs)
  --force               replace an existing database
`;

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2).filter((a) => a !== "--"),
      options: {
        days: { type: "string", default: "30" },
        "tickets-per-day": { type: "string", default: "300" },
        out: { type: "string", default: "data/sim/layan.db" },
        start: { type: "string" },
        seed: { type: "string", default: "20261127" },
        config: { type: "string", default: join(ROOT, "kiosk-config") },
        "service-time-factor": { type: "string", default: "1" },
        absence: { type: "string", default: String(DEFAULT_PERFORMANCE.absence) },
        force: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (err) {
    die(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const days = Number(values.days);
  const perDay = Number(values["tickets-per-day"]);
  const seed = Number(values.seed);
  if (!Number.isInteger(days) || days < 1 || days > 3660) die("--days must be a whole number from 1 to 3660");
  if (!Number.isInteger(perDay) || perDay < 1 || perDay > 100_000)
    die("--tickets-per-day must be 1 to 100000");
  if (!Number.isInteger(seed)) die("--seed must be a whole number");
  const serviceTimeFactor = Number(values["service-time-factor"]);
  const absence = Number(values.absence);
  if (!(serviceTimeFactor >= 0.5 && serviceTimeFactor <= 3)) die("--service-time-factor must be 0.5 to 3");
  if (!(absence >= 0 && absence <= 0.9)) die("--absence must be 0 to 0.9");
  if (values.start !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.start))
    die("--start must be YYYY-MM-DD");

  let out = resolve(values.out);
  // A folder (existing, or a path without a database extension) gets the name the hub opens.
  if ((existsSync(out) && statSync(out).isDirectory()) || !/\.(db|sqlite3?)$/.test(out))
    out = join(out, "layan.db");
  if (existsSync(out)) {
    if (!values.force) die(`${out} exists; pass --force to replace it`);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(out + suffix, { force: true });
  }

  const config = loadConfig(resolve(values.config));
  const yesterday = addDays(serviceDayOf(Date.now(), config.office.timezone), -1);
  const startDay = values.start ?? addDays(yesterday, -(days - 1));

  let lastReport = performance.now();
  const result = writeSimulatedStore({
    config,
    out,
    startDay,
    days,
    ticketsPerDay: perDay,
    seed,
    performance: { serviceTimeFactor, absence },
    onDay: (day, totals) => {
      const t = performance.now();
      if (t - lastReport > 5_000) {
        lastReport = t;
        process.stderr.write(
          `  ${day}: ${totals.tickets.toLocaleString("en")} tickets, ${totals.events.toLocaleString("en")} events\n`,
        );
      }
    },
  });
  const seconds = result.ms / 1000;
  const lines = [
    `Simulated ${result.firstDay} .. ${result.lastDay}: ${result.openDays} open days of ${result.days}`,
    `  tickets ${result.tickets.toLocaleString("en")} (refused: quota ${result.refusedQuota}, closed ${result.refusedClosed}), events ${result.events.toLocaleString("en")}`,
    `  served ${result.served.toLocaleString("en")}, no-shows ${result.noShows}, reinstated ${result.reinstated}, transfers ${result.transfers}, cancelled ${result.cancelled}`,
    `  survey answers ${result.surveys.toLocaleString("en")}, complaints ${result.complaints}`,
    `  desks ${result.desks} (the configured counters), officers ${result.officers}`,
    `  ${seconds.toFixed(1)} s (${Math.round(result.tickets / seconds).toLocaleString("en")} tickets/s) -> ${out}`,
    basename(out) === "layan.db"
      ? `Open it: pnpm start --data ${dirname(out)}`
      : `Open it: pnpm start --db ${out}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

main();
