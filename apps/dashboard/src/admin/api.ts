/**
 * The administration API (/api/admin/…, docs/api.md "Administration"): the
 * session token in the Authorization header, as for the reports, and the
 * request and answer types from packages/protocol/src/admin.ts.
 */
import type {
  AckError,
  AddUserRequest,
  AdminBookingsPage,
  AdminUser,
  AuditPage,
  AuditQueryInput,
  NotifyDeadLetterPage,
  OperationsToday,
  UserRoleName,
  UserWithSecret,
} from "@layan/protocol";
import { saveDownload } from "@layan/ui";
import { ApiError, query } from "../api";

export interface AdminApi {
  users(): Promise<AdminUser[]>;
  addUser(input: AddUserRequest): Promise<UserWithSecret>;
  setDisabled(id: string, disabled: boolean): Promise<AdminUser>;
  changeRole(id: string, role: UserRoleName): Promise<AdminUser>;
  resetPin(id: string): Promise<UserWithSecret>;
  unlock(id: string): Promise<AdminUser>;
  notifyDeadLetters(): Promise<NotifyDeadLetterPage>;
  audit(q: AuditQueryInput): Promise<AuditPage>;
  /** Saves the filtered trail as CSV; resolves with the file name. */
  downloadAudit(q: AuditQueryInput): Promise<string>;
  /** Today's operations (OperationsTab): GET with no body, POST with one; answers the day as it stands. */
  operations(path?: string, body?: object): Promise<OperationsToday>;
  /** Administrasi → Reservasi: one service day's bookings, filtered (docs/api.md "Reservasi"). */
  bookings(q: { day: string; service?: string | undefined; status?: string | undefined }): Promise<AdminBookingsPage>;
  cancelBooking(bookingId: string, reason: string): Promise<unknown>;
  /** The public list of bookable services: the tab's service filter and names. */
}

const NETWORK = {
  code: "HUB_UNREACHABLE",
  message: "Server antrean tidak dapat dihubungi. Periksa jaringan, lalu coba lagi.",
  messageEn: "Cannot reach the queue server.",
} as const;

export function createAdminApi(baseUrl: string, token: string, onUnauthorized: (error: ApiError) => void): AdminApi {
  const request = async (path: string, params?: object, body?: object): Promise<Response> => {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}${query(params)}`, {
        headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
        ...(body ? { method: "POST", body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError(0, NETWORK);
    }
    if (res.ok) return res;
    let error: ApiError;
    try {
      const answer = (await res.json()) as { error?: AckError };
      error = new ApiError(res.status, answer.error ?? { code: "INTERNAL", message: `Kesalahan ${res.status}.`, messageEn: `Error ${res.status}` });
    } catch {
      error = new ApiError(res.status, { code: "INTERNAL", message: `Kesalahan server (${res.status}).`, messageEn: `Server error ${res.status}` });
    }
    if (res.status === 401) onUnauthorized(error);
    throw error;
  };
  const data = async <T>(res: Response): Promise<T> => ((await res.json()) as { data: T }).data;
  const user = (id: string, action: string) => `/api/admin/users/${encodeURIComponent(id)}/${action}`;
  return {
    users: async () => data<AdminUser[]>(await request("/api/admin/users")),
    addUser: async (input) => data<UserWithSecret>(await request("/api/admin/users", undefined, input)),
    setDisabled: async (id, disabled) => data<AdminUser>(await request(user(id, disabled ? "disable" : "enable"), undefined, {})),
    changeRole: async (id, role) => data<AdminUser>(await request(user(id, "role"), undefined, { role })),
    resetPin: async (id) => data<UserWithSecret>(await request(user(id, "pin"), undefined, {})),
    unlock: async (id) => data<AdminUser>(await request(user(id, "unlock"), undefined, {})),
    notifyDeadLetters: async () => data<NotifyDeadLetterPage>(await request("/api/admin/notify/dead-letters")),
    audit: async (q) => data<AuditPage>(await request("/api/admin/audit", q)),
    downloadAudit: async (q) => saveDownload(await request("/api/admin/audit.csv", { ...q, limit: undefined, before: undefined }), "jejak-audit.csv"),
    bookings: async (q) => data<AdminBookingsPage>(await request("/api/admin/bookings", q)),
    cancelBooking: async (id, reason) => data<unknown>(await request(`/api/admin/bookings/${encodeURIComponent(id)}/cancel`, undefined, { reason })),
    operations: async (path = "", body) => data<OperationsToday>(await request(`/api/admin/operations${path}`, undefined, body)),
  };
}
