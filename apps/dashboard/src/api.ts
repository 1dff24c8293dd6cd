/**
 * The report API from the browser: the session token goes in the
 * Authorization header (never in a URL, where proxies and browser history
 * would keep it), CSV files come down as blobs and are saved under the name
 * the hub gives them.
 */
import type { AckError, CsvReportName, ReportName, ReportQueryInput, ReportResponse } from "@layan/protocol";

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
  const request = async (path: string, params?: object): Promise<Response> => {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}${query(params)}`, {
        headers: { authorization: `Bearer ${token}` },
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
  return {
    async get<N extends ReportName>(name: N, params?: ReportQueryInput<N>): Promise<ReportResponse<N>> {
      const res = await request(`/api/reports/${name}`, params);
      const body = (await res.json()) as { ok: boolean; data: ReportResponse<N> };
      return body.data;
    },
    async download(report, params) {
      const res = await request(`/api/reports/${report}.csv`, params);
      const disposition = res.headers.get("content-disposition") ?? "";
      const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "layan.csv";
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return name;
    },
  };
}
