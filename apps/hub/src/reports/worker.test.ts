import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { checkRollups, openStore } from "@layan/store";
import { afterEach, describe, expect, it } from "vitest";
import { writeReportFixture } from "../../../../packages/store/src/reports/fixture";
import { connect, login, must, rid, startHub, type TestHubHandle } from "../testing/harness";
import type { ReportWorker } from "./service";
import { REPORT_THREAD_NICE } from "./messages";

// The report worker for real: its own thread, its own read-only connection,
// reached over real HTTP. The first report request starts the worker, which
// boots from source through tsx (hundreds of ms): that request is with the
// worker, and unanswered, while it boots, which is how these tests hold one
// "mid-request" without any hook in the code.

interface Body {
  ok: boolean;
  error?: { code: string; message: string; messageEn: string };
}

let h: TestHubHandle | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function hubWithWorker(
  options: { maxInFlight?: number; timeoutMs?: number; idleMs?: number; dbPath?: string } = {},
) {
  let worker: ReportWorker | null = null;
  const { dbPath, ...reports } = options;
  h = await startHub({
    ...(dbPath ? { dbPath } : {}),
    reports: { ...reports, onWorker: (w) => (worker = w) },
  });
  const token = await login(h.url, h.users.manager);
  const get = (path: string) => fetch(`${h!.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!worker) throw new Error("no report worker");
  return { hub: h, worker: worker as ReportWorker, get };
}

/** Until `done` holds, event-loop turn by event-loop turn (no clock). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setImmediate(resolve));
}

/** Until the hub's side holds `n` requests at the worker. */
const inFlight = (worker: ReportWorker, n: number) => until(() => worker.inFlight >= n);

/** SCHED_IDLE in sched(7)'s numbering, as /proc shows a thread's policy. */
const SCHED_IDLE = 5;

/**
 * Threads of this process whose nice value is `nice` (field 19 of
 * /proc/<pid>/task/<tid>/stat) and, when given, whose scheduling policy is
 * `policy` (field 41).
 */
function threadsAt(nice: number, policy?: number): number {
  return readdirSync("/proc/self/task").filter((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    // The thread's name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[16]) === nice && (policy === undefined || Number(fields[38]) === policy);
  }).length;
}

const exited = (thread: Worker) => new Promise<number>((resolve) => thread.once("exit", resolve));

describe("the report worker", () => {
  it("answers a request it held when it died with REPORT_UNAVAILABLE in Indonesian, restarts, and the queue goes on meanwhile", async () => {
    const { hub, worker, get } = await hubWithWorker();
    const pending = get("/api/reports/summary?from=2026-11-01&to=2026-11-27");
    await inFlight(worker, 1);
    const first = worker.thread!;
    const gone = exited(first);
    await first.terminate();
    await gone;

    const res = await pending;
    expect(res.status).toBe(503);
    const body = (await res.json()) as Body;
    expect(body.error).toMatchObject({
      code: "REPORT_UNAVAILABLE",
      message: "Layanan laporan sedang dimulai ulang. Silakan coba lagi sebentar lagi.",
    });

    // The queue never depended on the worker.
    const kiosk = await connect(hub.url, "/kiosk", hub.tokens.kiosk);
    const issued = await must(kiosk, "ticket:issue", { requestId: rid(), serviceId: "ktp-el" });
    kiosk.close();
    expect(issued.ticket.number).toMatch(/^[A-Z]+-\d{3}$/);

    await worker.ready();
    expect(worker.thread).not.toBe(first);
    const again = await get("/api/reports/summary?from=2026-11-01&to=2026-11-27");
    expect(again.status).toBe(200);
    expect(((await again.json()) as Body).ok).toBe(true);
  });

  it("refuses a request beyond its bound with TOO_MANY_REQUESTS instead of queueing without end", async () => {
    const { worker, get } = await hubWithWorker({ maxInFlight: 1 });
    const first = get("/api/reports/meta");
    await inFlight(worker, 1);
    const refused = await get("/api/reports/summary");
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as Body).error).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/^Terlalu banyak permintaan/) as string,
    });
    expect((await first).status).toBe(200);
  });

  it("stops a report past its time limit with REPORT_TIMEOUT and starts a fresh worker", async () => {
    const { worker, get } = await hubWithWorker({ timeoutMs: 1 });
    expect(worker.thread).toBeNull();
    const res = await get("/api/reports/meta");
    expect(res.status).toBe(504);
    expect(((await res.json()) as Body).error).toMatchObject({
      code: "REPORT_TIMEOUT",
      message: expect.stringMatching(/^Laporan terlalu lama disusun/) as string,
    });
    // The stuck one is ended; a fresh one takes the next request.
    await until(() => worker.thread === null);
    await worker.ready();
    expect(worker.thread).not.toBeNull();
  });

  it("refills rollups that differ from the log before it answers, saying so to a request meanwhile", async () => {
    const dir = mkdtempSync(join(tmpdir(), "layan-refill-"));
    try {
      const dbPath = join(dir, "layan.db");
      const before = openStore(dbPath);
      writeReportFixture(before);
      // What `pnpm hub rebuild` leaves: the log refilled without the triggers.
      before.db.exec("DELETE FROM report_service_hours; DELETE FROM report_issued;");
      before.close();
      const { worker, get } = await hubWithWorker({ dbPath });
      const ready = worker.ready();
      await until(() => worker.refillingRollups);
      const meanwhile = await get("/api/reports/summary?from=2026-11-01&to=2026-11-27");
      expect(meanwhile.status).toBe(503);
      expect(((await meanwhile.json()) as Body).error?.code).toBe("REPORT_UNAVAILABLE");
      await ready;
      expect(checkRollups(h!.store.db).mismatches).toEqual([]);
      const after = await get("/api/reports/summary?from=2026-11-01&to=2026-11-27");
      expect(after.status).toBe(200);
      await h!.close();
      h = null;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("starts with the first report request and ends when none came for a while", async () => {
    const { worker, get } = await hubWithWorker({ idleMs: 1 });
    expect(worker.thread).toBeNull();
    const first = await get("/api/reports/meta");
    expect(first.status).toBe(200);
    await until(() => worker.thread === null);
    const again = await get("/api/reports/meta");
    expect(again.status).toBe(200);
  });

  it.runIf(process.platform === "linux" && existsSync("/usr/bin/chrt"))(
    "runs below the hub's thread: SCHED_IDLE at nice 19 (Linux: per thread)",
    async () => {
      const { worker, get } = await hubWithWorker();
      const before = threadsAt(REPORT_THREAD_NICE, SCHED_IDLE);
      expect((await get("/api/reports/meta")).status).toBe(200);
      expect(worker.thread).not.toBeNull();
      // Nice 10 alone still took a share of a core from the hub's thread whenever both cores were busy.
      expect(threadsAt(REPORT_THREAD_NICE, SCHED_IDLE)).toBe(before + 1);
    },
  );

  it("ends with the hub", async () => {
    const { worker } = await hubWithWorker();
    await worker.ready();
    const gone = exited(worker.thread!);
    await h!.close();
    h = null;
    await gone;
    expect(worker.thread).toBeNull();
  });
});
