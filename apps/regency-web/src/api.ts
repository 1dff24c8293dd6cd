/**
 * The central server's API from the browser. The session is the HttpOnly
 * cookie the server sets at login (`layan_regency_session`, SameSite=Strict):
 * the page never holds a token, so a script that got into it could not carry
 * one away. Every failure becomes an ApiError with the server's code and
 * messages (the screen says it in the chosen language: strings.ts
 * errorText); a 401 on a report means the session ended, and the app goes
 * back to Masuk.
 */
import type {
  RegencySession,
  RegencySessionUser,
  RegencyLeague,
  RegencyOfficeServices,
  RegencyOfficeSteps,
  RegencyOfficeTrend,
  RegencyServiceCatalog,
  RegencyStandardGaps,
} from "@layan/protocol";
import { REGENCY_SESSION_PATH } from "@layan/protocol";
import { saveDownload } from "@layan/ui";
import { STRINGS } from "./strings";

export interface ApiErrorBody {
  code: string;
  message: string;
  messageEn?: string;
  /** LOGIN_LOCKED: seconds until the next attempt is taken. */
  retryAfterS?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiErrorBody,
  ) {
    super(error.message);
  }
}

/** The signed-in user as the server answers it (packages/protocol regency-auth.ts): an `office` user has `officeId`, that office only. */
export type RegencyUser = RegencySessionUser;

const NETWORK: ApiErrorBody = {
  code: "CENTRAL_UNREACHABLE",
  message: STRINGS.id.errors.CENTRAL_UNREACHABLE,
  messageEn: STRINGS.en.errors.CENTRAL_UNREACHABLE,
};

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: ApiErrorBody; retryAfterS?: number };
    if (body.error?.message) {
      const retry = body.error.retryAfterS ?? body.retryAfterS ?? (Number(res.headers.get("retry-after")) || undefined);
      return new ApiError(res.status, { ...body.error, ...(retry ? { retryAfterS: retry } : {}) });
    }
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  // A code of the browser's own, unmapped in strings.ts: the status in the message is what tells a proxy's 502 from a 504.
  return new ApiError(res.status, { code: "HTTP_STATUS", message: `Kesalahan server (${res.status}). Coba lagi sebentar lagi.`, messageEn: `Server error (${res.status}). Try again shortly.` });
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: "same-origin", ...init, headers: { accept: "application/json", ...(init.headers ?? {}) } });
  } catch {
    throw new ApiError(0, NETWORK);
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

const dataOf = async <T>(res: Response): Promise<T> => ((await res.json()) as { data: T }).data;

const SESSION = REGENCY_SESSION_PATH;

export const session = {
  /** The signed-in user, or null when there is no (or no longer a) session. */
  async current(): Promise<RegencyUser | null> {
    try {
      return (await dataOf<RegencySession>(await call(SESSION))).user;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  async login(username: string, password: string): Promise<RegencyUser> {
    const res = await call(SESSION, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
    return (await dataOf<RegencySession>(res)).user;
  },
  async logout(): Promise<void> {
    // JSON like every state-changing request: a cross-site form cannot send that type.
    await call(SESSION, { method: "DELETE", headers: { "content-type": "application/json" } }).catch(() => undefined);
  },
};

type Params = Record<string, string | null | undefined>;

export function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const text = search.toString();
  return text ? `?${text}` : "";
}

export interface Api {
  league(params: { from: string; to: string; by: "office" | "agency"; service?: string | null }): Promise<RegencyLeague>;
  services(office: string, params: { from: string; to: string }): Promise<RegencyOfficeServices>;
  steps(office: string, params: { from: string; to: string; service?: string | null }): Promise<RegencyOfficeSteps>;
  trend(office: string, params: { from: string; to: string; service?: string | null }): Promise<RegencyOfficeTrend>;
  gaps(): Promise<RegencyStandardGaps>;
  /** The services across the offices, the league's filter. */
  serviceCatalog(): Promise<RegencyServiceCatalog>;
  /** Saves the league table's CSV under the server's file name; resolves with it. */
  downloadLeague(params: { from: string; to: string; by: "office" | "agency"; service?: string | null }): Promise<string>;
}

/** The report API; `onExpired` hears a 401 (the session ended or was revoked) before the caller does. */
export function createApi(onExpired: (error: ApiError) => void): Api {
  const get = async (path: string, params: Params = {}): Promise<Response> => {
    try {
      return await call(`/api/v1/regency/${path}${query(params)}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) onExpired(err);
      throw err;
    }
  };
  const office = (id: string, what: string) => `offices/${encodeURIComponent(id)}/${what}`;
  return {
    league: async (p) => dataOf(await get("league", p)),
    services: async (id, p) => dataOf(await get(office(id, "services"), p)),
    steps: async (id, p) => dataOf(await get(office(id, "steps"), p)),
    trend: async (id, p) => dataOf(await get(office(id, "trend"), p)),
    gaps: async () => dataOf(await get("standards/gaps")),
    serviceCatalog: async () => dataOf(await get("services")),
    downloadLeague: async (p) => saveDownload(await get("league.csv", p), "layan-peringkat.csv"),
  };
}
