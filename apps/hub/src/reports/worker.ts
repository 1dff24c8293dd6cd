/**
 * The report worker: a thread of its own (node:worker_threads) with its own
 * READ-ONLY connection to the hub's database file, so a year-long report
 * (about a second of SQLite over a million tickets) never holds up a call, a
 * display or a commit on the hub's thread. The hub's thread authenticates,
 * parses the query and passes bytes back to the socket (service.ts).
 *
 * The first worker of a hub's life checks the report rollups against the log
 * (half a second over a million tickets, formerly on the hub's start-up path)
 * before it reads any message: reports answer from rollups only once they are
 * known to be true.
 *
 * Bundled as dist/report-worker.js (apps/hub/build.mjs); from source it runs
 * through tsx (service.ts passes the loader on).
 */
import { execFileSync } from "node:child_process";
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { ok, type ReportQuery } from "@layan/protocol";
import { checkRollups, createReportQueries, openReportConnection, refillRollups } from "@layan/store";
import { ReportParamError, type ReportContext } from "./context";
import type { CsvSink } from "./csv";
import { runReport } from "./handlers";
import {
  REPORT_THREAD_NICE,
  type FromWorker,
  type ReportRequest,
  type ReportThreadScheduling,
  type ReportWorkerData,
  type ToWorker,
  type WorkerReportName,
} from "./messages";
import { reportNames } from "./names";
import { localClock } from "./time";

if (!parentPort)
  throw new Error("worker.ts is the report worker's entry: start it with new Worker(), not directly");
const port = parentPort;

/**
 * On Linux a thread's scheduling is its own (setpriority(2), BUGS; sched(7)):
 * this lowers the report thread only. First nice 19, then SCHED_IDLE, the
 * class the kernel runs only when no ordinary thread wants the CPU and which
 * a woken ordinary thread preempts at once. On a two-core office PC the hub's
 * thread and the displays' packets then never wait behind a year-long report;
 * at nice 10 the report still took its share of a core whenever both were
 * busy. Node has no sched_setattr(2): util-linux's chrt (Debian's essential
 * set) sets it for this thread's id. Elsewhere, or without chrt, the thread
 * keeps what it got; reports must run either way.
 */
function lowerThisThread(): ReportThreadScheduling {
  if (process.platform !== "linux") return "normal";
  let got: ReportThreadScheduling = "normal";
  try {
    setPriority(REPORT_THREAD_NICE);
    got = "nice";
  } catch {
    // A container without CAP_SYS_NICE still allows lowering; if even that is refused, run at the hub's priority.
  }
  try {
    // "<pid>/task/<tid>": read on this thread, so it names this thread.
    const tid = readlinkSync("/proc/thread-self").split("/").pop() ?? "";
    execFileSync("chrt", ["--idle", "--pid", "0", tid], { stdio: "ignore", timeout: 5_000 });
    got = "idle";
  } catch {
    // No chrt, or not allowed: nice 19 alone.
  }
  return got;
}
const scheduling = lowerThisThread();
const post = (message: FromWorker) => port.postMessage(message);

const { dbFile, utcOffsetMinutes, rollupsChecked } = workerData as ReportWorkerData;
let { setup } = workerData as ReportWorkerData;
const db = openReportConnection(dbFile);
const reports = createReportQueries(db, { utcOffsetMinutes, verify: false });

const t0 = performance.now();
const { mismatches } = rollupsChecked ? { mismatches: [] } : checkRollups(db);
let days: number | undefined;
if (mismatches.length > 0) {
  post({ type: "refilling", mismatches });
  // The read-only connection cannot refill them; a short-lived writable one does, day by day.
  days = refillRollups(dbFile);
}
post({
  type: "ready",
  mismatches,
  rebuilt: mismatches.length > 0,
  ms: performance.now() - t0,
  scheduling,
  ...(days === undefined ? {} : { days }),
});

let names = reportNames(setup, reports);
const clock = (at: number | null) => localClock(at, utcOffsetMinutes);
/** Streams waiting for the hub to take their last chunk. */
const credits = new Map<number, () => void>();
const cancelled = new Set<number>();

function sink(id: number): CsvSink {
  return {
    writeHead: (status, headers) => post({ type: "head", id, status, headers }),
    write: (data) =>
      new Promise<void>((resolve) => {
        credits.set(id, resolve);
        post({ type: "chunk", id, data });
      }),
    end: (data) => post(data === undefined ? { type: "end", id } : { type: "end", id, data }),
    get closed() {
      return cancelled.has(id);
    },
  };
}

async function handle(msg: ReportRequest): Promise<void> {
  const rc: ReportContext = { setup, now: () => msg.now, reports, names, clock };
  try {
    const answer = await runReport(
      rc,
      msg.name,
      msg.query as ReportQuery<WorkerReportName>,
      msg.csv ? { dialect: msg.dialect, sink: sink(msg.id) } : null,
    );
    if (answer !== null) post({ type: "json", id: msg.id, body: JSON.stringify(ok(answer)) });
  } catch (err) {
    if (err instanceof ReportParamError)
      post({ type: "error", id: msg.id, code: "INVALID_PAYLOAD", issues: err.issues });
    else
      post({
        type: "error",
        id: msg.id,
        code: "INTERNAL",
        detail: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
  } finally {
    credits.delete(msg.id);
    cancelled.delete(msg.id);
  }
}

port.on("message", (msg: ToWorker) => {
  if (msg.type === "report") void handle(msg);
  else if (msg.type === "setup") {
    // Messages arrive in order: every request sent after this one reads the new config.
    setup = msg.setup;
    names = reportNames(setup, reports);
  } else {
    if (msg.type === "cancel") cancelled.add(msg.id);
    const resume = credits.get(msg.id);
    credits.delete(msg.id);
    resume?.();
  }
});
