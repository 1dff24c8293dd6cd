/**
 * `pnpm bench` — loopback benchmarks of the built hub in its own process,
 * each figure next to the honest limit (a bare socket.io server that
 * group-commits its inserts as the hub does) measured in the same rounds, and
 * the old one-fsync-per-command baseline. Prints a table, or one JSON object
 * with `--json`. Every loop is bounded by count and time.
 *
 * Flags: --json, --quick (smoke run: small counts, 1 round), --rounds N
 * (default 3), --hub-only, --skip-kiosk, --skip-display, --skip-reports,
 * --skip-stall, --skip-flat-cost, --skip-storage, --skip-restart, --skip-regency, --skip-notify.
 */
import { cpus } from "node:os";
import { buildServers } from "./build";
import { benchCallToDisplay } from "./call-to-display";
import { benchFlatCost, FLAT_COST_FULL, FLAT_COST_QUICK } from "./flat-cost";
import { loadHub } from "./hub-load";
import { benchIdleMemory } from "./idle-memory";
import { benchKioskToPrinter } from "./kiosk-to-printer";
import { loadBare, type LoadSizes } from "./load";
import { benchNotifyWatcher } from "./notify-watcher";
import { benchReportStall } from "./report-stall";
import { benchReports } from "./reports";
import { benchRegency } from "./regency";
import { benchRestart } from "./restart";
import { benchStorage } from "./storage";
import { ratio, summarizeRounds, type Results } from "./rounds";
import { round } from "./stats";

const argv = process.argv.slice(2);
const args = new Set(argv);
const asJson = args.has("--json");
const quick = args.has("--quick");

function roundsArg(): number {
  const at = argv.indexOf("--rounds");
  if (at < 0) return quick ? 1 : 3;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1 || n > 20) throw new Error(`--rounds takes 1-20, got "${argv[at + 1]}"`);
  return n;
}

const SIZES: LoadSizes = quick
  ? { sequential: 300, kiosks: 20, perKiosk: 100, displays: 200, calls: 20 }
  : { sequential: 2_000, kiosks: 20, perKiosk: 1_000, displays: 200, calls: 100 };

function log(msg: string): void {
  if (!asJson) process.stderr.write(`${msg}\n`);
}

/** The hub over the limit, inside one round: both sides saw the same minute of the machine. */
function roundRatios(r: Results): Results {
  return {
    ratio_throughput_to_limit: ratio(r.durable_commands_per_s, r.limit_durable_commands_per_s),
    ratio_issue_p99_to_limit: ratio(r.issue_ack_p99_ms, r.limit_issue_ack_p99_ms),
    ratio_issue_p99_20_kiosks_to_limit: ratio(r.issue_ack_p99_ms_20_kiosks, r.limit_issue_ack_p99_ms_20_kiosks),
    ratio_fanout_p99_to_bare: ratio(r.fanout_200_displays_p99_ms, r.limit_fanout_200_displays_p99_ms),
  };
}

function printTable(results: Results): void {
  const shown = Object.keys(results).filter((k) => !/_(min|max)$/.test(k) || !(k.replace(/_(min|max)$/, "") in results));
  const width = Math.max(...shown.map((k) => k.length));
  for (const k of shown) {
    const spread = `${k}_min` in results ? `  (${results[`${k}_min`]}–${results[`${k}_max`]})` : "";
    process.stdout.write(`${k.padEnd(width)}  ${results[k]}${spread}\n`);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const rounds = roundsArg();
  const servers = await buildServers();
  const only = (name: string) => !args.has("--hub-only") && !args.has(`--skip-${name}`);

  log("hub at rest: the sample office, no demo seeding, no clients");
  const idle = await benchIdleMemory(servers.hub);
  log("baseline: bare socket.io + one durable SQLite insert per command (one fsync each)");
  const baseline = await loadBare(servers.baseline, SIZES, "baseline_");

  const perRound: Results[] = [];
  for (let i = 1; i <= rounds; i++) {
    log(`round ${i}/${rounds}: limit (bare socket.io + group-committed SQLite insert)`);
    const limit = await loadBare(servers.limit, SIZES, "limit_");
    log(`round ${i}/${rounds}: hub`);
    const hub = await loadHub(servers.hub, SIZES, log);
    let flat: Results = {};
    if (!args.has("--skip-flat-cost")) {
      log(`round ${i}/${rounds}: hub, flat cost per command with a growing queue`);
      flat = await benchFlatCost(servers.hub, quick ? FLAT_COST_QUICK : FLAT_COST_FULL, log);
    }
    const r = { ...limit, ...hub, ...flat };
    perRound.push({ ...r, ...roundRatios(r) });
  }
  const summary = summarizeRounds(perRound);
  // Peak memory is the worst moment of the bench, not a typical one.
  const peaks = perRound.flatMap((r) => [r.hub_load_peak_rss_mb, r.hub_flat_cost_peak_rss_mb]).map(Number).filter(Number.isFinite);

  // Whole paths through the apps (each starts its own hub): kiosk tap -> printer, officer click -> display.
  const kiosk = only("kiosk") ? await benchKioskToPrinter() : {};
  const display = only("display") ? await benchCallToDisplay(log) : {};
  // Both read the year-long store: built once (~20 minutes on this machine), then cached.
  const reports = only("reports") ? await benchReports(log) : {};
  const stall = only("reports") && only("stall") ? await benchReportStall(servers.hub, { quick }, log) : {};
  // Bytes per ticket over a simulated year with the ledger as a hub fills it (builds its own store).
  const storage = only("storage") ? await benchStorage() : {};
  // Spawn -> serving with the year store's history (a copy of the cached report store).
  const restart = only("reports") && only("restart") ? await benchRestart({ build: false }) : {};
  // The regency on PostgreSQL (issue 14): ingest and catch-up on a throwaway cluster, the league over a cached seeded year.
  const regency = only("regency") ? await benchRegency(log, { quick }) : {};
  // "Tell me when I am near" (issue 17): the watcher's work per call with thousands subscribed.
  const notify = only("notify") ? benchNotifyWatcher(log, { quick }) : {};
  const vsBaseline = (a: string, b: string) => ratio(summary[a], baseline[b]);
  const results: Results = {
    rounds,
    ...summary,
    hub_peak_rss_mb: peaks.length > 0 ? Math.max(...peaks) : Number.NaN,
    ...idle,
    ...baseline,
    ratio_issue_ack_p99: vsBaseline("issue_ack_p99_ms", "baseline_issue_ack_p99_ms"),
    ratio_issue_ack_p99_20_kiosks: vsBaseline("issue_ack_p99_ms_20_kiosks", "baseline_issue_ack_p99_ms_20_kiosks"),
    ratio_throughput: vsBaseline("durable_commands_per_s", "baseline_durable_commands_per_s"),
    ratio_fanout_p99: vsBaseline("fanout_200_displays_p99_ms", "baseline_fanout_200_displays_p99_ms"),
    ...kiosk,
    ...display,
    ...reports,
    ...stall,
    ...storage,
    ...restart,
    ...regency,
    ...notify,
    machine: `${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, node ${process.version}`,
    bench_seconds: round((Date.now() - started) / 1000, 1),
  };
  if (asJson) process.stdout.write(`${JSON.stringify(results)}\n`);
  else printTable(results);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
