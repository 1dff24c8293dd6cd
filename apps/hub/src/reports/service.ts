/**
 * The hub's side of the report worker (worker.ts): starts it, hands it parsed
 * requests, copies its answers to the HTTP responses, and starts a new one
 * when it stops. The queue never waits for a report: nothing here blocks, and
 * the worker has its own thread and its own read-only database connection.
 *
 * - The worker starts with the first report request and ends after `idleMs`
 *   without one: a thread with its own V8 heap and SQLite cache holds ~20 MB,
 *   which a hub that nobody asks for reports (most of the day) should not
 *   carry. The first worker of the hub's life checks the rollups first (half
 *   a second over a million tickets); later ones skip it, since only the
 *   triggers write the rollups while the hub runs.
 * - At most `maxInFlight` requests are with the worker (it answers them one
 *   after another, streams interleaved page by page); beyond that a request
 *   is refused at once with TOO_MANY_REQUESTS (429) rather than queued
 *   without bound.
 * - A request still unanswered after `timeoutMs` gets REPORT_TIMEOUT (504)
 *   and the worker is ended and restarted: a synchronous SQLite query cannot
 *   be interrupted from outside, and a stuck worker would hold up every
 *   later report.
 * - When the worker stops (a crash, out of memory, the timeout above), every
 *   request it held gets REPORT_UNAVAILABLE (503; a CSV already streaming is
 *   cut off, so the file is visibly incomplete); the next request starts a
 *   new worker.
 * - close() (the hub's SIGTERM) ends the worker.
 */
import { existsSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { fail, type ErrorCode } from "@layan/protocol";
import type { Logger } from "pino";
import { sendJson } from "../http";
import type { HubSetup } from "../setup";
import type { FromWorker, ReportWorkerData, ToWorker, WorkerReportName } from "./messages";

export interface ReportWorkerOptions {
  dbFile: string;
  setup: HubSetup;
  utcOffsetMinutes: number;
  logger: Logger;
  /** Requests with the worker at once (default 8: a dashboard tab asks for a few together). */
  maxInFlight?: number;
  /** Per request, from dispatch (default 60 s: a year-long summary takes about one). */
  timeoutMs?: number;
  /** The worker ends after this long without a report request (default 5 minutes). */
  idleMs?: number;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_PAYLOAD: 400,
  TOO_MANY_REQUESTS: 429,
  REPORT_UNAVAILABLE: 503,
  REPORT_TIMEOUT: 504,
};

export function sendReportError(res: ServerResponse, code: ErrorCode, issues?: { path: string; message: string }[]): void {
  if (res.headersSent) {
    // Mid-stream: only cutting the connection tells the client the file is incomplete.
    res.destroy();
    return;
  }
  sendJson(res, STATUS[code] ?? 500, fail(code, issues));
}

interface Pending {
  res: ServerResponse;
  timer: NodeJS.Timeout;
  done: () => void;
}

/**
 * The bundled hub (dist/main.js) has the worker beside it as report-worker.js;
 * from source (pnpm start, tests) a small bootstrap registers tsx in the
 * worker's thread first.
 */
function workerEntry(): URL {
  const bundled = new URL("./report-worker.js", import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL("./worker-from-source.mjs", import.meta.url);
}

export class ReportWorker {
  private worker: Worker | null = null;
  /** The catalog the worker was given last: a different object means live configuration applied a new config. */
  private sentCatalog: unknown = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closing = false;
  private readied = false;
  /** Set once a worker found the rollups true (or refilled them): later workers skip the check. */
  private rollupsChecked = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly maxInFlight: number;
  private readonly timeoutMs: number;
  private readonly idleMs: number;
  private readonly log: Logger;
  private readyWaiters: (() => void)[] = [];
  private refilling = false;

  constructor(private readonly options: ReportWorkerOptions) {
    this.maxInFlight = options.maxInFlight ?? 8;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.idleMs = options.idleMs ?? 5 * 60_000;
    this.log = options.logger;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  /** True while the worker refills the rollups (requests are refused with REPORT_UNAVAILABLE meanwhile). */
  get refillingRollups(): boolean {
    return this.refilling;
  }

  /** The running worker thread (tests end it to see a crash handled). */
  get thread(): Worker | null {
    return this.worker;
  }

  /** Starts the worker if none runs; resolves once it has checked the rollups and takes requests. */
  ready(): Promise<void> {
    if (this.closing) return Promise.resolve();
    if (!this.worker) this.start();
    if (this.readied) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Answers `res` from the worker; resolves when the answer is complete, or failed. */
  answer(res: ServerResponse, request: { name: WorkerReportName; query: unknown; csv: boolean; dialect: "id" | "default"; now: number }): Promise<void> {
    if (this.closing) {
      sendReportError(res, "REPORT_UNAVAILABLE");
      return Promise.resolve();
    }
    if (!this.worker) this.start();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    // Refilling the rollups takes minutes over a year: say so at once rather than hold the request.
    if (this.refilling) {
      sendReportError(res, "REPORT_UNAVAILABLE");
      return Promise.resolve();
    }
    if (this.pending.size >= this.maxInFlight) {
      sendReportError(res, "TOO_MANY_REQUESTS");
      return Promise.resolve();
    }
    const id = this.nextId++;
    return new Promise<void>((done) => {
      const timer = setTimeout(() => {
        this.log.error({ report: request.name, timeoutMs: this.timeoutMs }, "report timed out; restarting the report worker");
        this.finish(id, "REPORT_TIMEOUT");
        this.restart();
      }, this.timeoutMs);
      timer.unref();
      this.pending.set(id, { res, timer, done });
      res.once("close", () => {
        // The client went away: the worker stops reading pages; nothing is left to answer.
        if (this.pending.has(id) && !res.writableFinished) {
          this.send({ type: "cancel", id });
          this.finish(id, null);
        }
      });
      // live-config replaces the setup's catalog (and rules) in place when a config is applied; the worker holds a copy.
      if (this.options.setup.catalog !== this.sentCatalog) {
        this.sentCatalog = this.options.setup.catalog;
        this.send({ type: "setup", setup: this.options.setup });
      }
      this.send({ type: "report", id, ...request });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const id of [...this.pending.keys()]) this.finish(id, "REPORT_UNAVAILABLE");
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private send(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private start(): void {
    const url = workerEntry();
    this.sentCatalog = this.options.setup.catalog;
    const data: ReportWorkerData = {
      dbFile: this.options.dbFile,
      setup: this.options.setup,
      utcOffsetMinutes: this.options.utcOffsetMinutes,
      rollupsChecked: this.rollupsChecked,
    };
    const worker = new Worker(url, { workerData: data });
    // The HTTP server keeps the hub alive; the worker must never be what keeps a closed hub's process up.
    worker.unref();
    this.worker = worker;
    this.readied = false;
    worker.on("message", (msg: FromWorker) => this.onMessage(msg));
    worker.on("error", (err) => this.log.error({ err }, "report worker failed"));
    worker.on("exit", (code) => this.onExit(worker, code));
  }

  private restart(): void {
    const worker = this.worker;
    // onExit fails what it held; the next request starts a new one.
    if (worker) void worker.terminate();
  }

  /** Ends the worker once nothing is asked of it for idleMs. */
  private idleLater(): void {
    if (this.pending.size > 0 || this.closing || !this.worker) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      const worker = this.worker;
      if (!worker || this.pending.size > 0 || this.refilling) return;
      // Detached first: onExit sees a worker that is no longer the current one and stays quiet.
      this.worker = null;
      this.readied = false;
      void worker.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private onExit(worker: Worker, code: number): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.refilling = false;
    this.readied = false;
    for (const id of [...this.pending.keys()]) this.finish(id, "REPORT_UNAVAILABLE");
    if (this.closing) return;
    this.log.error({ code }, "report worker stopped; the next report request starts a new one");
  }

  private onMessage(msg: FromWorker): void {
    if (msg.type === "refilling") {
      this.refilling = true;
      this.log.warn({ mismatches: msg.mismatches }, "report rollups differ from the service log: refilling them day by day; reports answer again when done");
      for (const id of [...this.pending.keys()]) this.finish(id, "REPORT_UNAVAILABLE");
      return;
    }
    if (msg.type === "ready") {
      this.readied = true;
      this.refilling = false;
      this.rollupsChecked = true;
      const check = {
        ms: Math.round(msg.ms),
        mismatches: msg.mismatches,
        scheduling: msg.scheduling,
        ...(msg.days === undefined ? {} : { days: msg.days }),
      };
      if (msg.rebuilt) this.log.warn(check, "report rollups differed from the service log: refilled them from the log");
      else this.log.info(check, "report rollups checked");
      for (const resolve of this.readyWaiters.splice(0)) resolve();
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    const { res } = p;
    switch (msg.type) {
      case "json": {
        res.writeHead(200, {
          "content-type": "application/json; charset=utf-8",
          "content-length": Buffer.byteLength(msg.body),
          "cache-control": "no-store",
        });
        res.end(msg.body);
        this.finish(msg.id, null);
        return;
      }
      case "head":
        res.writeHead(msg.status, msg.headers);
        return;
      case "chunk": {
        if (res.destroyed) {
          this.send({ type: "cancel", id: msg.id });
          this.finish(msg.id, null);
          return;
        }
        if (res.write(msg.data)) this.send({ type: "credit", id: msg.id });
        else res.once("drain", () => this.send({ type: "credit", id: msg.id }));
        return;
      }
      case "end":
        if (msg.data === undefined) res.end();
        else res.end(msg.data);
        this.finish(msg.id, null);
        return;
      case "error":
        if (msg.code === "INTERNAL") this.log.error({ detail: msg.detail }, "report failed");
        this.finish(msg.id, msg.code, msg.issues);
        return;
    }
  }

  /** Ends one request: answered already (code null), or with that error. */
  private finish(id: number, code: ErrorCode | null, issues?: { path: string; message: string }[]): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    if (code) sendReportError(p.res, code, issues);
    p.done();
    this.idleLater();
  }
}
