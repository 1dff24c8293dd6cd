/**
 * The built hub's memory, measured as it ships: `node apps/hub/dist/main.js`
 * with HUB_NODE_FLAGS and HUB_PROCESS_ENV (src/options.ts; `--bare` without
 * them, for a before/after) in its own process, read from /proc (VmRSS, VmHWM, anonymous vs file-backed)
 * and from /healthz (V8 heap). Two phases, each on a fresh data folder:
 *
 *   idle  the sample office, no --demo, no client, once it has settled;
 *   load  --demo --always-open, 20,000+ tickets issued by 20 kiosk sockets and
 *         left waiting, 200 display sockets, an officer calling 50 of them.
 *
 *   pnpm exec tsx apps/hub/src/testing/memory.ts [--runs 3] [--waiting 20000]
 *     [--no-build] [--idle-only] [--bare] [--node-arg=--max-semi-space-size=1] [--env MALLOC_ARENA_MAX=2]
 *     [--snapshot /tmp/dir]   (a V8 heap snapshot of each phase once it has settled)
 *
 * Prints one JSON line per run and the medians. Loopback only, bounded counts.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { Socket } from "socket.io-client";
import { connect } from "../../../../tests/bench/clients";
import { HUB_NODE_FLAGS, HUB_PROCESS_ENV } from "../options";

const ROOT = resolve(import.meta.dirname, "../../../..");
const ENTRY = join(ROOT, "apps/hub/dist/main.js");

interface ProcMemory {
  rssMb: number;
  hwmMb: number;
  anonMb: number;
  fileMb: number;
  /**
   * The main thread's malloc arena (the `[heap]` mapping): SQLite's page cache
   * and statements, better-sqlite3, libuv. V8's heap is in its own mappings.
   */
  mallocMb: number;
}

function mallocKb(pid: number): number {
  let inHeap = false;
  let kb = 0;
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) inHeap = line.endsWith("[heap]");
    else if (inHeap && line.startsWith("Anonymous:")) kb += Number(line.split(/\s+/)[1]);
  }
  return kb;
}

function procMemory(pid: number): ProcMemory {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rssMb: round(kb("VmRSS")), hwmMb: round(kb("VmHWM")), anonMb: round(kb("RssAnon")), fileMb: round(kb("RssFile")), mallocMb: round(mallocKb(pid) / 1024) };
}

const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Started {
  child: ChildProcess;
  pid: number;
  base: string;
  stop(): Promise<void>;
}

function startHub(args: string[], nodeArgs: string[], env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [...nodeArgs, ENTRY, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
    });
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`the hub did not start in 60 s:\n${stderr}`));
    }, 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`the hub exited with ${code}:\n${stderr}`));
    });
    createInterface({ input: child.stdout }).on("line", (line) => {
      let msg: { msg?: string; port?: number };
      try {
        msg = JSON.parse(line) as typeof msg;
      } catch {
        return;
      }
      if (msg.msg === "listening" && typeof msg.port === "number") {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        done({ child, pid: child.pid!, base: `http://127.0.0.1:${msg.port}`, stop });
      }
    });
  });
}

/** Asks the hub (started with --heapsnapshot-signal) for a heap snapshot and waits until it is written. */
async function snapshot(pid: number, dir: string | null): Promise<void> {
  if (!dir) return;
  const before = new Set(readdirSync(dir));
  process.kill(pid, "SIGUSR2");
  for (let i = 0; i < 120; i++) {
    await sleep(500);
    const file = readdirSync(dir).find((f) => !before.has(f));
    if (!file) continue;
    const size = statSync(join(dir, file)).size;
    await sleep(1_000);
    if (size > 0 && statSync(join(dir, file)).size === size) return;
  }
}

async function heap(base: string): Promise<{ heapUsedMb: number; externalMb: number }> {
  const body = (await (await fetch(`${base}/healthz`)).json()) as { memoryMb: { heapUsed: number; external: number } };
  return { heapUsedMb: body.memoryMb.heapUsed, externalMb: body.memoryMb.external };
}

/** Waits until RSS moves less than 0.5 MB over a second (bounded: 15 s). */
async function settle(pid: number): Promise<void> {
  let last = procMemory(pid).rssMb;
  for (let i = 0; i < 15; i++) {
    await sleep(1_000);
    const now = procMemory(pid).rssMb;
    if (Math.abs(now - last) < 0.5) return;
    last = now;
  }
}

async function command<T>(socket: Socket, event: string, payload: Record<string, unknown>): Promise<T> {
  const answer = (await socket.timeout(15_000).emitWithAck(event, payload)) as { ok: boolean; data?: T; error?: { code: string } };
  if (!answer.ok) throw new Error(`${event} failed: ${answer.error?.code ?? "?"}`);
  return answer.data as T;
}

interface Credentials {
  users: { role: string; username: string; secret: string }[];
  kiosks: { token: string }[];
  displays: { token: string }[];
}

async function idlePhase(nodeArgs: string[], env: Record<string, string>, snapshotDir: string | null) {
  const data = mkdtempSync(join(tmpdir(), "layan-memory-"));
  const hub = await startHub(["--port", "0", "--host", "127.0.0.1", "--data", data, "--config", join(ROOT, "kiosk-config"), "--log-level", "warn"], nodeArgs, env);
  try {
    await settle(hub.pid);
    const figures = { ...procMemory(hub.pid), ...(await heap(hub.base)) };
    await snapshot(hub.pid, snapshotDir);
    return figures;
  } finally {
    await hub.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

async function loadPhase(waiting: number, nodeArgs: string[], env: Record<string, string>, snapshotDir: string | null) {
  const data = mkdtempSync(join(tmpdir(), "layan-memory-"));
  const hub = await startHub(
    ["--port", "0", "--host", "127.0.0.1", "--data", data, "--config", join(ROOT, "kiosk-config"), "--demo", "--always-open", "--log-level", "warn"],
    nodeArgs,
    env,
  );
  const sockets: Socket[] = [];
  try {
    const { base } = hub;
    const started = procMemory(hub.pid);
    const creds = JSON.parse(readFileSync(join(data, "demo-credentials.json"), "utf8")) as Credentials;
    const kioskToken = creds.kiosks[0]!.token;
    const kiosks = await Promise.all(Array.from({ length: 20 }, () => connect(`${base}/kiosk`, { token: kioskToken })));
    sockets.push(...kiosks);
    const catalog = await command<{ services: { id: string; dailyQuota: number | null }[] }>(kiosks[0]!, "catalog:get", {});
    const open = catalog.services.filter((s) => s.dailyQuota === null).map((s) => s.id);
    let issued = 0;
    const t0 = performance.now();
    await Promise.all(
      kiosks.map(async (kiosk) => {
        while (issued < waiting) {
          const serviceId = open[issued++ % open.length]!;
          await command(kiosk, "ticket:issue", { requestId: crypto.randomUUID(), serviceId, priority: null });
        }
      }),
    );
    // Not a benchmark (tests/bench is): only to see that a memory setting does not cost throughput.
    const issuesPerS = Math.round(issued / ((performance.now() - t0) / 1000));
    const afterIssue = procMemory(hub.pid);
    const displays = await Promise.all(Array.from({ length: 200 }, () => connect(`${base}/display`, { token: creds.displays[0]!.token })));
    sockets.push(...displays);
    await settle(hub.pid);
    const afterDisplays = procMemory(hub.pid);
    const officer = creds.users.find((u) => u.role === "officer")!;
    const login = (await (
      await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: officer.username, secret: officer.secret }),
      })
    ).json()) as { data: { token: string } };
    const counter = await connect(`${base}/counter`, { token: login.data.token });
    sockets.push(counter);
    let counterId = "";
    for (let i = 1; i <= 30 && !counterId; i++) {
      const snap = await command<{ queues: { serviceId: string }[] }>(counter, "counter:watch", { counterId: `loket-${i}` }).catch(() => null);
      if (snap?.queues.some((q) => open.includes(q.serviceId))) counterId = `loket-${i}`;
    }
    await command(counter, "counter:open", { requestId: crypto.randomUUID(), counterId });
    for (let i = 0; i < 50; i++) {
      const delivered = Promise.all(displays.map((d) => new Promise((done) => d.once("ticket:called", done))));
      await command(counter, "ticket:call_next", { requestId: crypto.randomUUID(), counterId });
      await delivered;
      await command(counter, "ticket:complete", { requestId: crypto.randomUUID(), counterId, outcome: "selesai" });
    }
    await settle(hub.pid);
    const figures = {
      waiting: issued - 50,
      issuesPerS,
      startedRssMb: started.rssMb,
      afterIssueRssMb: afterIssue.rssMb,
      afterDisplaysRssMb: afterDisplays.rssMb,
      ...procMemory(hub.pid),
      ...(await heap(base)),
    };
    await snapshot(hub.pid, snapshotDir);
    return figures;
  } finally {
    for (const s of sockets) s.disconnect();
    await hub.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      waiting: { type: "string", default: "20000" },
      "no-build": { type: "boolean", default: false },
      "idle-only": { type: "boolean", default: false },
      bare: { type: "boolean", default: false },
      "node-arg": { type: "string", multiple: true, default: [] },
      env: { type: "string", multiple: true, default: [] },
      snapshot: { type: "string" },
    },
  });
  if (!values["no-build"]) execFileSync(process.execPath, [join(ROOT, "apps/hub/build.mjs")], { cwd: ROOT, stdio: "inherit" });
  const env = {
    ...(values.bare ? {} : HUB_PROCESS_ENV),
    ...Object.fromEntries(values.env.map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)])),
  };
  const runs = Math.min(9, Math.max(1, Number(values.runs)));
  const snapshotDir = values.snapshot ? resolve(values.snapshot) : null;
  const nodeArgs = [...(values.bare ? [] : HUB_NODE_FLAGS), ...values["node-arg"], ...(snapshotDir ? ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${snapshotDir}`] : [])];
  const idle: Awaited<ReturnType<typeof idlePhase>>[] = [];
  const load: Awaited<ReturnType<typeof loadPhase>>[] = [];
  for (let i = 0; i < runs; i++) {
    idle.push(await idlePhase(nodeArgs, env, snapshotDir));
    console.log(JSON.stringify({ phase: "idle", run: i + 1, ...idle.at(-1) }));
    if (values["idle-only"]) continue;
    load.push(await loadPhase(Math.min(60_000, Number(values.waiting)), nodeArgs, env, snapshotDir));
    console.log(JSON.stringify({ phase: "load", run: i + 1, ...load.at(-1) }));
  }
  const med = <T extends object>(rows: T[]) =>
    Object.fromEntries(Object.keys(rows[0] ?? {}).map((k) => [k, median(rows.map((r) => (r as Record<string, number>)[k]!))]));
  console.log(JSON.stringify({ median: { idle: med(idle), load: med(load) }, nodeArgs, env }));
}

void main();
