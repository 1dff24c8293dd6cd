/**
 * Do reports stall the queue? The built hub on a copy of the year-long report
 * store (report-data.ts; ~1M tickets), 200 displays and one officer. Call →
 * every display is timed while the hub is otherwise idle, and while a loop
 * asks for the year's summary report (`GET /api/reports/summary`, a manager's
 * session) back to back, over HTTP like the dashboard. It only speaks HTTP and
 * socket.io, so it measures the same whether reports run on the hub's thread
 * or elsewhere.
 *
 * Idle and report windows alternate (idle, during, idle, during, ...) and
 * each side's samples are pooled: on a machine shared with other work, one
 * idle window then one report window compared two different minutes of the
 * machine as much as the report (ratios from 0.4 to 3.7 in a row).
 *
 * `report_stall_call_p99_ratio` = call → display p99 during ÷ idle.
 *
 * `pnpm exec tsx tests/bench/report-stall.ts [--store FILE] [--quick]` runs it
 * alone (builds the hub first) and prints JSON.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Socket } from "socket.io-client";
import { call, connect, login, rid, waitForAll } from "./clients";
import { counterServing, role, servicesWithoutQuota, startDemoHub } from "./hub-process";
import { ensureReportStore, MILLION } from "./report-data";
import type { Results } from "./rounds";
import { nowMs, percentile, round } from "./stats";

export interface StallOptions {
  quick?: boolean;
  /** A store file other than the cached year store (e.g. a smaller one while developing). */
  store?: string;
}

/** The report store's whole range: its first day and the 364 after it. */
function yearRange(): { from: string; to: string } {
  const start = new Date(`${MILLION.startDay}T00:00:00Z`);
  const end = new Date(start.getTime() + (MILLION.days - 1) * 86_400_000);
  return { from: MILLION.startDay, to: end.toISOString().slice(0, 10) };
}

/** The store is only read here; the hub migrates and writes its copy (demo accounts, today's tickets). */
function copyStore(source: string, dir: string): string {
  const target = join(dir, "layan.db");
  copyFileSync(source, target);
  if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${target}-wal`);
  return target;
}

/**
 * Time the hub's main thread spent runnable but waiting for a CPU, in ms
 * (field 2 of /proc/<pid>/task/<tid>/schedstat, ns): what a report thread
 * takes from the queue's thread, apart from the client side. NaN off Linux.
 */
function runQueueWaitMs(pid: number | undefined): number {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ")[1]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

async function timedCalls(counter: Socket, counterId: string, displays: Socket[], n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const wait = waitForAll(displays, "ticket:called", (p) => (p as { counterId: string }).counterId === counterId, 30_000);
    const t0 = nowMs();
    await call(counter, "ticket:call_next", { requestId: rid(), counterId });
    samples.push(...(await wait.done).map((t) => t - t0));
    await call(counter, "ticket:complete", { requestId: rid(), counterId, outcome: "selesai" });
  }
  return samples;
}

export async function benchReportStall(hubEntry: string, options: StallOptions, log: (msg: string) => void): Promise<Results> {
  const source = options.store ?? ensureReportStore(log);
  const nDisplays = 200;
  const windows = options.quick ? 2 : 4;
  const callsPerWindow = options.quick ? 10 : 40;
  const nCalls = windows * callsPerWindow;
  const dir = mkdtempSync(join(tmpdir(), "layan-stall-"));
  try {
    const t0 = nowMs();
    const db = copyStore(source, dir);
    log(`report stall: copied the ${Math.round(statSync(db).size / 2 ** 20)} MB store in ${round((nowMs() - t0) / 1000, 1)} s`);
    const hub = await startDemoHub(hubEntry, ["--db", db]);
    const { base, creds } = hub;
    try {
      const kiosk = await connect(`${base}/kiosk`, { token: creds.kiosks[0]!.token });
      const officer = role(creds, "officer");
      const counter = await connect(`${base}/counter`, { token: await login(base, officer.username, officer.secret) });
      const { counterId, serviceId } = await counterServing(counter, await servicesWithoutQuota(kiosk));
      await call(counter, "counter:open", { requestId: rid(), counterId });
      for (let i = 0; i < 2 * nCalls + 15; i++) await call(kiosk, "ticket:issue", { requestId: rid(), serviceId, priority: null });
      const displays = await Promise.all(Array.from({ length: nDisplays }, () => connect(`${base}/display`, { token: creds.displays[0]!.token })));

      const manager = role(creds, "manager");
      const token = await login(base, manager.username, manager.secret);
      const { from, to } = yearRange();
      const url = `${base}/api/reports/summary?from=${from}&to=${to}`;
      const report = async () => {
        const s = nowMs();
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        const body = (await res.json()) as { ok: boolean; data?: { rows: { segments: number }[] } };
        if (!res.ok || !body.ok) throw new Error(`summary report answered ${res.status}`);
        return { ms: nowMs() - s, segments: (body.data?.rows ?? []).reduce((sum, r) => sum + r.segments, 0) };
      };
      // Warm: the first read of a year pulls the store's pages into the cache.
      const first = await report();
      log(`report stall: year summary ${round(first.ms)} ms over ${first.segments.toLocaleString("en")} segments`);
      // The warm report leaves garbage behind: let its collection land in the warm-up, not in "idle".
      await timedCalls(counter, counterId, displays, 10);
      const idle: number[] = [];
      const during: number[] = [];
      const reportMs: number[] = [];
      const pid = hub.process.child.pid;
      const waited = { idle: 0, during: 0 };
      for (let w = 0; w < windows; w++) {
        const w0 = runQueueWaitMs(pid);
        idle.push(...(await timedCalls(counter, counterId, displays, callsPerWindow)));
        const w1 = runQueueWaitMs(pid);
        waited.idle += w1 - w0;
        let running = true;
        const loop = (async () => {
          // Bounded: stops with the window's calls, or after 1,000 reports at most.
          while (running && reportMs.length < 1_000) reportMs.push((await report()).ms);
        })();
        during.push(...(await timedCalls(counter, counterId, displays, callsPerWindow)));
        waited.during += runQueueWaitMs(pid) - w1;
        running = false;
        // The report in flight ends before the next idle window starts.
        await loop;
      }
      for (const s of [kiosk, counter, ...displays]) s.disconnect();
      const p99Idle = percentile(idle, 99);
      const p99During = percentile(during, 99);
      return {
        report_stall_displays: nDisplays,
        report_stall_windows: windows,
        report_stall_call_p50_ms_idle: round(percentile(idle, 50)),
        report_stall_call_p99_ms_idle: round(p99Idle),
        report_stall_call_p50_ms_during: round(percentile(during, 50)),
        report_stall_call_p99_ms_during: round(p99During),
        report_stall_call_p99_ratio: round(p99During / p99Idle),
        report_stall_reports_during: reportMs.length,
        report_stall_hub_runqueue_wait_ms_per_call_idle: round(waited.idle / nCalls, 3),
        report_stall_hub_runqueue_wait_ms_per_call_during: round(waited.during / nCalls, 3),
        report_stall_summary_year_p50_ms: round(percentile(reportMs, 50)),
      };
    } finally {
      await hub.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The whole file name: any script whose name merely ended in "stall.ts" used to run this one too.
if (process.argv[1]?.endsWith("/report-stall.ts") || process.argv[1] === "report-stall.ts") {
  const argv = process.argv.slice(2);
  const at = argv.indexOf("--store");
  const { buildServers } = await import("./build");
  const { hub } = await buildServers();
  const result = await benchReportStall(hub, { quick: argv.includes("--quick"), ...(at >= 0 && argv[at + 1] ? { store: argv[at + 1] } : {}) }, (m) => console.error(m));
  console.log(JSON.stringify(result));
}
