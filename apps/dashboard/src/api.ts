/**
 * The report API from the browser: the session token goes in the
 * Authorization header (never in a URL, where proxies and browser history
 * would keep it), CSV files come down as blobs and are saved under the name
 * the hub gives them.
 */
import type { AckError } from "@layan/protocol";

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

export interface Api {
  get<T>(path: string, params?: Record<string, string | readonly string[] | null | undefined>): Promise<T>;
  /** Downloads a CSV export and saves it; resolves with the file name. */
  download(
    path: string,
    params?: Record<string, string | readonly string[] | null | undefined>,
  ): Promise<string>;
}

export function query(params: Record<string, string | readonly string[] | null | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    if (typeof value === "string") search.set(key, value);
    else if (value.length > 0) search.set(key, value.join(","));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function createApi(baseUrl: string, token: string, onUnauthorized: (error: ApiError) => void): Api {
  const request = async (
    path: string,
    params?: Record<string, string | readonly string[] | null | undefined>,
  ): Promise<Response> => {
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
    async get<T>(
      path: string,
      params?: Record<string, string | readonly string[] | null | undefined>,
    ): Promise<T> {
      const res = await request(path, params);
      const body = (await res.json()) as { ok: boolean; data: T };
      return body.data;
    },
    async download(path, params) {
      const res = await request(path, params);
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
