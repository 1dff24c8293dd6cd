/**
 * The report API from the browser: the session token goes in the
 * Authorization header (never in a URL, where proxies and browser history
 * would keep it), CSV files come down as blobs and are saved under the name
 * the hub gives them.
 */
import type {
  AckError,
  ComplaintList,
  ComplaintStatus,
  CsvReportName,
  ReportName,
  ReportQueryInput,
  ReportResponse,
  StaffComplaint,
} from "@layan/protocol";
import { saveDownload } from "@layan/ui";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: Pick<AckError, "code" | "message" | "messageEn" | "issues">,
  ) {
    super(error.message);
  }
}

const NETWORK: Pick<AckError, "code" | "message" | "messageEn"> = {
  code: "HUB_UNREACHABLE",
  message: "Server antrean tidak dapat dihubungi. Periksa jaringan, lalu coba lagi.",
  messageEn: "Cannot reach the queue server.",
};

/**
 * Typed from REPORT_ENDPOINTS in packages/protocol: a report's name, its query
 * parameters and its answer come from the one contract the hub also follows.
 */
export interface Api {
  get<N extends ReportName>(name: N, params?: ReportQueryInput<N>): Promise<ReportResponse<N>>;
  /** Downloads a report's CSV export and saves it; resolves with the file name. */
  download<N extends CsvReportName>(name: N, params?: ReportQueryInput<N>): Promise<string>;
  /** The complaint desk (GET/POST /api/complaints…, docs/api.md). */
  complaints: ComplaintsApi;
}

export interface Assignee {
  username: string;
  displayName: string;
  role: string;
}

export type ComplaintAction =
  | { kind: "assign"; assignee: string }
  | { kind: "respond"; text: string }
  | { kind: "close"; note: string | null };

export interface ComplaintsApi {
  list(params: { status?: readonly ComplaintStatus[]; cursor?: string | null; limit?: number }): Promise<ComplaintList>;
  get(id: string): Promise<StaffComplaint>;
  assignees(): Promise<Assignee[]>;
  /** `requestId` makes a repeated POST (a retry, a double click that slipped through) one action at the hub. */
  act(id: string, action: ComplaintAction, requestId: string): Promise<StaffComplaint>;
}

type QueryValue = string | number | readonly string[] | null | undefined;

export function query(params: object = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params) as [string, QueryValue][]) {
    if (value === null || value === undefined || value === "") continue;
    if (typeof value === "string") search.set(key, value);
    else if (typeof value === "number") search.set(key, String(value));
    else if (value.length > 0) search.set(key, value.join(","));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function createApi(baseUrl: string, token: string, onUnauthorized: (error: ApiError) => void): Api {
  const request = async (path: string, params?: object, body?: object): Promise<Response> => {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}${query(params)}`, {
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { "content-type": "application/json" } : {}),
        },
        ...(body ? { method: "POST", body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError(0, NETWORK);
    }
    if (res.ok) return res;
    let error: ApiError;
    try {
      const body = (await res.json()) as { error?: AckError };
      error = new ApiError(
        res.status,
        body.error ?? { ...NETWORK, code: "INTERNAL", message: `Kesalahan ${res.status}.` },
      );
    } catch {
      error = new ApiError(res.status, {
        code: "INTERNAL",
        message: `Kesalahan server (${res.status}).`,
        messageEn: `Server error ${res.status}`,
      });
    }
    if (res.status === 401) onUnauthorized(error);
    throw error;
  };
  const data = async <T>(res: Response): Promise<T> => ((await res.json()) as { data: T }).data;
  const complaintPath = (id: string) => `/api/complaints/${encodeURIComponent(id)}`;
  const complaints: ComplaintsApi = {
    list: async ({ status, cursor, limit }) =>
      data<ComplaintList>(await request("/api/complaints", { status, cursor, limit })),
    get: async (id) => data<StaffComplaint>(await request(complaintPath(id))),
    assignees: async () => data<Assignee[]>(await request("/api/complaints/assignees")),
    act: async (id, action, requestId) => {
      const { kind, ...fields } = action;
      return data<StaffComplaint>(await request(`${complaintPath(id)}/${kind}`, undefined, { requestId, ...fields }));
    },
  };
  return {
    complaints,
    async get<N extends ReportName>(name: N, params?: ReportQueryInput<N>): Promise<ReportResponse<N>> {
      const res = await request(`/api/reports/${name}`, params);
      const body = (await res.json()) as { ok: boolean; data: ReportResponse<N> };
      return body.data;
    },
    download: async (report, params) => saveDownload(await request(`/api/reports/${report}.csv`, params), "layan.csv"),
  };
}
