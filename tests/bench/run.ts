/**
 * `pnpm bench` — loopback benchmarks of the hub in its own process, each
 * figure next to a bare baseline measured in the same run. Prints a table, or
 * one JSON object with `--json`. Every loop is bounded by count and time.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import type { Socket } from "socket.io-client";
import { buildServers } from "./build";
import { benchCallToDisplay } from "./call-to-display";
import { benchKioskToPrinter } from "./kiosk-to-printer";
import { benchReports } from "./reports";
import { call, connect, login, rid, waitForAll } from "./clients";
import { startProcess, type Spawned } from "./processes";
import { nowMs, percentile, round } from "./stats";

const args = new Set(process.argv.slice(2));
const asJson = args.has("--json");
const quick = args.has("--quick");

const N_SEQUENTIAL = quick ? 300 : 2_000;
const N_KIOSKS = 20;
const PER_KIOSK = quick ? 100 : 1_000;
const N_DISPLAYS = 200;
const N_CALLS = quick ? 20 : 100;

type Results = Record<string, number | string>;

function log(msg: string): void {
  if (!asJson) process.stderr.write(`${msg}\n`);
}

interface DemoCredentials {
  kiosks: { id: string; token: string }[];
  displays: { id: string; token: string }[];
  users: { username: string; secret: string; role: string }[];
}

async function sequentialIssue(send: () => Promise<void>, n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = nowMs();
    await send();
    samples.push(nowMs() - t0);
  }
  return samples;
}

async function concurrentIssue(senders: (() => Promise<void>)[], perSender: number): Promise<{ samples: number[]; perSecond: number }> {
  const samples: number[] = [];
  const t0 = nowMs();
  await Promise.all(
    senders.map(async (send) => {
      for (let i = 0; i < perSender; i++) {
        const s = nowMs();
        await send();
        samples.push(nowMs() - s);
      }
    }),
  );
  const seconds = (nowMs() - t0) / 1000;
  return { samples, perSecond: samples.length / seconds };
}

/** The figures the hub and the baseline are compared on, named with `prefix`: ack latencies, throughput, fan-out. */
function issueFigures(prefix: string, seq: number[], conc: { samples: number[]; perSecond: number }, fan: number[]): Results {
  return {
    [`${prefix}issue_ack_p50_ms`]: round(percentile(seq, 50)),
    [`${prefix}issue_ack_p99_ms`]: round(percentile(seq, 99)),
    [`${prefix}issue_ack_p99_ms_20_kiosks`]: round(percentile(conc.samples, 99)),
    [`${prefix}durable_commands_per_s`]: Math.round(conc.perSecond),
    [`${prefix}fanout_200_displays_p99_ms`]: round(percentile(fan, 99)),
  };
}

async function benchBaseline(entry: string): Promise<Results> {
  const server = await startProcess(entry, []);
  const url = `http://127.0.0.1:${server.port}`;
  try {
    const kiosk = await connect(url, {});
    const issue = (s: Socket) => async () => {
      await call(s, "issue", { serviceId: "ktp-el" });
    };
    await sequentialIssue(issue(kiosk), 100);
    const seq = await sequentialIssue(issue(kiosk), N_SEQUENTIAL);
    const kiosks = await Promise.all(Array.from({ length: N_KIOSKS }, () => connect(url, {})));
    const conc = await concurrentIssue(kiosks.map(issue), PER_KIOSK);
    const displays = await Promise.all(Array.from({ length: N_DISPLAYS }, () => connect(url, { role: "display" })));
    const fan: number[] = [];
    for (let i = 0; i < N_CALLS + 5; i++) {
      const number = `A-${i}`;
      const wait = waitForAll(displays, "called", (p) => (p as { number: string }).number === number, 10_000);
      const t0 = nowMs();
      await call(kiosk, "call", { n: i });
      const arrivals = await wait.done;
      if (i >= 5) fan.push(...arrivals.map((t) => t - t0));
    }
    for (const s of [kiosk, ...kiosks, ...displays]) s.disconnect();
    return { ...issueFigures("baseline_", seq, conc, fan), baseline_peak_rss_mb: round(server.peakRssMb(), 1) };
  } finally {
    await server.stop();
  }
}

async function benchHub(entry: string): Promise<Results> {
  const data = mkdtempSync(join(tmpdir(), "layan-bench-"));
  let hub: Spawned | null = null;
  try {
    hub = await startProcess(entry, ["--port", "0", "--host", "127.0.0.1", "--data", data, "--demo", "--always-open", "--log-level", "warn"], {
      LAYAN_LOG_LISTENING: "1",
    });
    const base = `http://127.0.0.1:${hub.port}`;
    const memory = async (phase: string) => {
      const h = (await (await fetch(`${base}/healthz`)).json()) as { memoryMb: unknown };
      log(`  ${phase}: ${JSON.stringify(h.memoryMb)} peak ${round(hub!.peakRssMb(), 1)} MB`);
    };
    await memory("started");
    const creds = JSON.parse(readFileSync(join(data, "demo-credentials.json"), "utf8")) as DemoCredentials;
    const kioskToken = creds.kiosks[0]!.token;
    const displayToken = creds.displays[0]!.token;
    const officer = creds.users.find((u) => u.role === "officer")!;

    const kiosk = await connect(`${base}/kiosk`, { token: kioskToken });
    const catalog = await call<{ services: { id: string; dailyQuota: number | null }[] }>(kiosk, "catalog:get", {});
    const open = catalog.services.filter((s) => s.dailyQuota === null).map((s) => s.id);
    if (open.length === 0) throw new Error("bench needs a service without a daily quota");
    let n = 0;
    const issue = (s: Socket) => async () => {
      await call(s, "ticket:issue", { requestId: rid(), serviceId: open[n++ % open.length]!, priority: null });
    };

    log("hub: one kiosk, sequential issue");
    await sequentialIssue(issue(kiosk), 100);
    const seq = await sequentialIssue(issue(kiosk), N_SEQUENTIAL);

    await memory("after sequential");
    log(`hub: ${N_KIOSKS} kiosks, concurrent issue`);
    const kiosks = await Promise.all(Array.from({ length: N_KIOSKS }, () => connect(`${base}/kiosk`, { token: kioskToken })));
    const conc = await concurrentIssue(kiosks.map(issue), PER_KIOSK);

    await memory("after concurrent");
    log(`hub: call fan-out to ${N_DISPLAYS} displays`);
    const token = await login(base, officer.username, officer.secret);
    const counter = await connect(`${base}/counter`, { token });
    // A counter that serves a service without a quota, with enough tickets waiting for every call.
    let counterId = "";
    let calledService = "";
    for (let i = 1; i <= 30 && !counterId; i++) {
      const snap = await call<{ queues: { serviceId: string }[] }>(counter, "counter:watch", { counterId: `loket-${i}` }).catch(() => null);
      const service = snap?.queues.map((q) => q.serviceId).find((id) => open.includes(id));
      if (service) [counterId, calledService] = [`loket-${i}`, service];
    }
    if (!counterId) throw new Error("no counter serves a service without a quota");
    await call(counter, "counter:open", { requestId: rid(), counterId });
    for (let i = 0; i < N_CALLS + 5; i++) {
      await call(kiosk, "ticket:issue", { requestId: rid(), serviceId: calledService, priority: null });
    }
    const displays = await Promise.all(Array.from({ length: N_DISPLAYS }, () => connect(`${base}/display`, { token: displayToken })));
    const fan: number[] = [];
    for (let i = 0; i < N_CALLS + 5; i++) {
      const wait = waitForAll(displays, "ticket:called", (p) => (p as { counterId: string }).counterId === counterId, 10_000);
      const t0 = nowMs();
      await call(counter, "ticket:call_next", { requestId: rid(), counterId });
      const arrivals = await wait.done;
      if (i >= 5) fan.push(...arrivals.map((t) => t - t0));
      await call(counter, "ticket:complete", { requestId: rid(), counterId, outcome: "selesai" });
    }
    await memory("after fan-out");
    for (const s of [kiosk, counter, ...kiosks, ...displays]) s.disconnect();
    const health = (await (await fetch(`${base}/healthz`)).json()) as { commits: { batches: number; entries: number; largestBatch: number } | null };
    return {
      commits_per_batch_avg: health.commits ? round(health.commits.entries / Math.max(1, health.commits.batches), 2) : "n/a",
      largest_batch: health.commits?.largestBatch ?? "n/a",
      ...issueFigures("", seq, conc, fan),
      hub_peak_rss_mb: round(hub.peakRssMb(), 1),
    };
  } finally {
    await hub?.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  log("baseline: bare socket.io + one durable SQLite insert per command");
  const servers = await buildServers();
  const baseline = await benchBaseline(servers.baseline);
  const hub = await benchHub(servers.hub);
  // Whole paths through the apps (each starts its own hub): kiosk tap -> printer, officer click -> display.
  const only = (name: string) => !args.has("--hub-only") && !args.has(`--skip-${name}`);
  const kiosk = only("kiosk") ? await benchKioskToPrinter() : {};
  const display = only("display") ? await benchCallToDisplay(log) : {};
  // Builds (once, cached) a 1M-ticket simulated store: ~8 minutes the first time.
  const reports = only("reports") ? await benchReports(log) : {};
  const ratio = (a: string, b: string) => round(Number(hub[a]) / Number(baseline[b]), 2);
  const results: Results = {
    ...hub,
    ...baseline,
    ratio_issue_ack_p99: ratio("issue_ack_p99_ms", "baseline_issue_ack_p99_ms"),
    ratio_issue_ack_p99_20_kiosks: ratio("issue_ack_p99_ms_20_kiosks", "baseline_issue_ack_p99_ms_20_kiosks"),
    ratio_throughput: round(Number(hub.durable_commands_per_s) / Number(baseline.baseline_durable_commands_per_s), 2),
    ratio_fanout_p99: ratio("fanout_200_displays_p99_ms", "baseline_fanout_200_displays_p99_ms"),
    ...kiosk,
    ...display,
    ...reports,
    machine: `${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, node ${process.version}`,
    bench_seconds: round((Date.now() - started) / 1000, 1),
  };
  if (asJson) {
    process.stdout.write(`${JSON.stringify(results)}\n`);
  } else {
    const width = Math.max(...Object.keys(results).map((k) => k.length));
    for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
