/**
 * What the hub's thread and the report worker (worker.ts) say to each other.
 * Queries cross already parsed by the protocol's schemas (on the hub's
 * thread); answers cross already serialized, so the hub's thread only copies
 * bytes to the socket.
 */
import type { ReportName } from "@layan/protocol";
import type { HubSetup } from "../setup";

/** Every report but `live`, which reads the engine's live queue and so stays on the hub's thread. */
export type WorkerReportName = Exclude<ReportName, "live">;

export interface ReportWorkerData {
  dbFile: string;
  setup: HubSetup;
  utcOffsetMinutes: number;
  /** An earlier worker of this hub already checked the rollups (only triggers write them since). */
  rollupsChecked: boolean;
}

export interface ReportRequest {
  type: "report";
  id: number;
  name: WorkerReportName;
  /** The parsed query (REPORT_ENDPOINTS[name].query). */
  query: unknown;
  csv: boolean;
  dialect: "id" | "default";
  /** The hub's clock when the request arrived. */
  now: number;
}

export type ToWorker =
  | ReportRequest
  /** The hub passed the last chunk on to the socket: the worker may read the next page. */
  | { type: "credit"; id: number }
  /** The client went away: stop streaming. */
  | { type: "cancel"; id: number }
  /** Live configuration applied a new config (live-config/): reports from the next request on name and filter by it. */
  | { type: "setup"; setup: HubSetup };

export type WorkerErrorCode = "INVALID_PAYLOAD" | "INTERNAL";

export type FromWorker =
  /** The rollups differ from the log: the worker refills them (minutes over a year) and answers nothing meanwhile. */
  | { type: "refilling"; mismatches: string[] }
  | { type: "ready"; mismatches: string[]; rebuilt: boolean; ms: number; scheduling: ReportThreadScheduling; days?: number }
  | { type: "json"; id: number; body: string }
  | { type: "head"; id: number; status: number; headers: Record<string, string | number> }
  | { type: "chunk"; id: number; data: string }
  | { type: "end"; id: number; data?: string }
  | {
      type: "error";
      id: number;
      code: WorkerErrorCode;
      issues?: { path: string; message: string }[];
      detail?: string;
    };

/** The report thread's nice value (worker.ts): below the hub's thread, which serves the queue; the floor without SCHED_IDLE. */
export const REPORT_THREAD_NICE = 19;

/** What the report thread got (worker.ts): SCHED_IDLE, only nice 19, or the hub's own priority. */
export type ReportThreadScheduling = "idle" | "nice" | "normal";
