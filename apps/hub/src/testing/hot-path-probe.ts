/**
 * Per-command cost against queue length, on the built hub in its own process
 * (as the bench runs it): ticket:issue and ticket:call_next (+ complete)
 * latencies with an empty queue, 10,000 and 50,000 tickets waiting in one
 * service, then a 20-kiosk closed loop. Not a test and not the bench (the
 * bench's figures live in tests/bench): a probe for profiling the hot path.
 *
 *   node apps/hub/build.mjs
 *   node --import tsx apps/hub/src/testing/hot-path-probe.ts [--cpu-prof DIR] [--sizes 0,10000,50000] [--samples 300]
 *
 * Bounded: every phase by count, every ack by a timeout.
 */
import { randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { Socket } from "socket.io-client";
import { connect } from "../../../../tests/bench/clients";

const ROOT = join(import.meta.dirname, "../../../../");
const { values } = parseArgs({
  options: {
    "cpu-prof": { type: "string" },
    sizes: { type: "string", default: "0,10000,50000" },
    samples: { type: "string", default: "300" },
    kiosks: { type: "string", default: "20" },
    "per-kiosk": { type: "string", default: "1000" },
    /** Where the hub's data folder goes (a tmpfs such as /dev/shm takes fsync out of the picture). */
    "data-root": { type: "string", default: tmpdir() },
    /** The bundled hub to run, relative to the repository root (another build, to compare before and after). */
    entry: { type: "string", default: "apps/hub/dist/main.js" },
  },
});
const SIZES = values.sizes.split(",").map(Number);
const SAMPLES = Number(values.samples);
const SERVICE = "kartu-keluarga";
const COUNTER = "loket-3";

async function call(socket: Socket, event: string, payload: Record<string, unknown>): Promise<unknown> {
  const answer = (await socket.timeout(30_000).emitWithAck(event, payload)) as { ok: boolean; data?: unknown; error?: { code: string } };
  if (!answer.ok) throw new Error(`${event} failed: ${answer.error?.code ?? "?"}`);
  return answer.data;
}

/** The hub's CPU time so far (user + system), in ms: less moved by other work on the machine than latencies are. */
function cpuMs(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * The hub's write and read system calls and bytes so far (`/proc/<pid>/io`):
 * counts of work done, which the machine's load cannot move, so a change is
 * visible even when the CPU and latency figures drown in other engineers' runs.
 */
function ioCounts(pid: number | undefined, thread = false): { syscw: number; syscr: number; wchar: number } {
  // `thread`: the hub's event-loop thread alone (its task id is the process id), without the
  // checkpoint and report threads, whose reads and writes the process's figures include.
  const fields = new Map(
    readFileSync(thread ? `/proc/${pid}/task/${pid}/io` : `/proc/${pid}/io`, "utf8")
      .trim()
      .split("\n")
      .map((line) => {
        const [name, value] = line.split(": ");
        return [name, Number(value)] as const;
      }),
  );
  return { syscw: fields.get("syscw") ?? 0, syscr: fields.get("syscr") ?? 0, wchar: fields.get("wchar") ?? 0 };
}

function pct(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.ceil((p * sorted.length) / 100) - 1)] ?? 0) * 100) / 100;
}

async function main(): Promise<void> {
  const data = mkdtempSync(join(values["data-root"], "layan-hot-"));
  const prof = values["cpu-prof"];
  const child = spawn(
    process.execPath,
    [...(prof ? ["--cpu-prof", `--cpu-prof-dir=${prof}`] : []), values.entry, "--port", "0", "--host", "127.0.0.1", "--data", data, "--demo", "--always-open", "--log-level", "warn"],
    { cwd: ROOT, env: { ...process.env, LAYAN_LOG_LISTENING: "1" }, stdio: ["ignore", "pipe", "inherit"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("hub did not start in 60 s")), 60_000);
    createInterface({ input: child.stdout }).on("line", (line) => {
      try {
        const msg = JSON.parse(line) as { msg?: string; port?: number };
        if (msg.msg === "listening" && typeof msg.port === "number") {
          clearTimeout(timer);
          resolve(msg.port);
        }
      } catch {
        // not a log line
      }
    });
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const creds = JSON.parse(readFileSync(join(data, "demo-credentials.json"), "utf8")) as {
      kiosks: { token: string }[];
      users: { username: string; secret: string; role: string }[];
    };
    const kioskToken = creds.kiosks[0]!.token;
    const officer = creds.users.find((u) => u.role === "officer")!;
    const res = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: officer.username, secret: officer.secret }),
    });
    const token = ((await res.json()) as { data: { token: string } }).data.token;
    const kiosk = await connect(`${base}/kiosk`, { token: kioskToken });
    const counter = await connect(`${base}/counter`, { token });
    await call(counter, "counter:open", { requestId: randomUUID(), counterId: COUNTER });
    const kiosks = await Promise.all(Array.from({ length: 20 }, () => connect(`${base}/kiosk`, { token: kioskToken })));
    const issue = (s: Socket) => call(s, "ticket:issue", { requestId: randomUUID(), serviceId: SERVICE, priority: null });

    let waiting = 0;
    const results: Record<string, number> = {};
    for (const size of SIZES) {
      // Fill in parallel: 20 kiosks, each its share.
      const need = size - waiting;
      if (need > 0) {
        await Promise.all(kiosks.map(async (s, k) => {
          for (let i = k; i < need; i += kiosks.length) await issue(s);
        }));
        waiting = size;
      }
      const issueMs: number[] = [];
      const callMs: number[] = [];
      const cpu0 = cpuMs(child.pid);
      const threadIo0 = ioCounts(child.pid, true);
      for (let i = 0; i < SAMPLES + 20; i++) {
        let t0 = performance.now();
        await issue(kiosk);
        const a = performance.now() - t0;
        t0 = performance.now();
        await call(counter, "ticket:call_next", { requestId: randomUUID(), counterId: COUNTER });
        const b = performance.now() - t0;
        await call(counter, "ticket:complete", { requestId: randomUUID(), counterId: COUNTER, outcome: "selesai" });
        if (i >= 20) {
          issueMs.push(a);
          callMs.push(b);
        }
      }
      results[`hub_cpu_us_per_cycle_${size}`] = Math.round(((cpuMs(child.pid) - cpu0) * 1000) / (SAMPLES + 20));
      const threadIo = ioCounts(child.pid, true);
      // Per issue + call + complete: a WAL checkpoint on the hub's thread reads frames back and writes pages.
      results[`hub_thread_read_calls_per_cycle_${size}`] = Math.round(((threadIo.syscr - threadIo0.syscr) / (SAMPLES + 20)) * 100) / 100;
      results[`hub_thread_bytes_written_per_cycle_${size}`] = Math.round((threadIo.wchar - threadIo0.wchar) / (SAMPLES + 20));
      for (const [name, s] of [["issue", issueMs], ["call_next", callMs]] as const) {
        results[`${name}_p50_ms_${size}`] = pct(s, 50);
        results[`${name}_p99_ms_${size}`] = pct(s, 99);
      }
      process.stderr.write(`${size} waiting: ${JSON.stringify(Object.fromEntries(Object.entries(results).filter(([k]) => k.endsWith(`_${size}`))))}\n`);
    }
    const perKiosk = Number(values["per-kiosk"]);
    const loop = kiosks.slice(0, Number(values.kiosks));
    const lat: number[] = [];
    const loopCpu0 = cpuMs(child.pid);
    const loopIo0 = ioCounts(child.pid);
    const loopThreadIo0 = ioCounts(child.pid, true);
    const t0 = performance.now();
    await Promise.all(loop.map(async (s) => {
      for (let i = 0; i < perKiosk; i++) {
        const t = performance.now();
        await issue(s);
        lat.push(performance.now() - t);
      }
    }));
    results.kiosks_issues_per_s = Math.round(lat.length / ((performance.now() - t0) / 1000));
    results.kiosks_hub_cpu_us_per_issue = Math.round(((cpuMs(child.pid) - loopCpu0) * 1000) / lat.length);
    const loopIo = ioCounts(child.pid);
    // Writes are socket writes and WAL frames; reads are socket reads and pages read back from the files.
    results.kiosks_hub_write_calls_per_issue = Math.round(((loopIo.syscw - loopIo0.syscw) / lat.length) * 100) / 100;
    results.kiosks_hub_read_calls_per_issue = Math.round(((loopIo.syscr - loopIo0.syscr) / lat.length) * 100) / 100;
    results.kiosks_hub_bytes_written_per_issue = Math.round((loopIo.wchar - loopIo0.wchar) / lat.length);
    const loopThreadIo = ioCounts(child.pid, true);
    results.kiosks_hub_thread_read_calls_per_issue = Math.round(((loopThreadIo.syscr - loopThreadIo0.syscr) / lat.length) * 100) / 100;
    results.kiosks_hub_thread_bytes_written_per_issue = Math.round((loopThreadIo.wchar - loopThreadIo0.wchar) / lat.length);
    results.kiosks_issue_p99_ms = pct(lat, 99);
    const health = (await (await fetch(`${base}/healthz`)).json()) as { commits: { batches: number; entries: number } | null };
    if (health.commits) results.commits_per_batch = Math.round((health.commits.entries / health.commits.batches) * 100) / 100;
    process.stdout.write(`${JSON.stringify(results)}\n`);
    for (const s of [kiosk, counter, ...kiosks]) s.disconnect();
  } finally {
    await new Promise<void>((done) => {
      child.once("exit", () => done());
      child.kill("SIGTERM");
    });
    rmSync(data, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`probe failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
