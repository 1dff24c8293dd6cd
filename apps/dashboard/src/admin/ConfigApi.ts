/**
 * The configuration routes (/api/admin/config/…, docs/api.md "Configuration"),
 * with the session token in the Authorization header like the rest of
 * Administrasi. A refused check or apply keeps its `lines` (file:line
 * messages, or the refusal's reasons): the editor shows them by the lines.
 */
import type {
  AckError,
  ApplyConfigRequest,
  ConfigApplyResult,
  ConfigBackupEntry,
  ConfigCheckResult,
  ConfigEditInput,
  ConfigFileView,
  ConfigOverview,
  ConfigPreview,
} from "@layan/protocol";
import { ApiError } from "../api";

/** A refusal with the lines the hub gave for it. */
export class ConfigRefusal extends ApiError {
  constructor(
    status: number,
    error: AckError,
    readonly lines: string[],
  ) {
    super(status, error);
  }
}

export interface ConfigApi {
  overview(): Promise<ConfigOverview>;
  file(name: string): Promise<ConfigFileView>;
  check(edits: ConfigEditInput[]): Promise<ConfigCheckResult>;
  apply(request: ApplyConfigRequest): Promise<ConfigApplyResult>;
  backups(): Promise<ConfigBackupEntry[]>;
  restore(backup: string): Promise<ConfigApplyResult>;
  preview(edits: ConfigEditInput[]): Promise<ConfigPreview>;
}

export function createConfigApi(baseUrl: string, token: string, onUnauthorized: (error: ApiError) => void): ConfigApi {
  const request = async <T>(path: string, body?: object): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}`, {
        headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
        ...(body ? { method: "POST", body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError(0, { code: "HUB_UNREACHABLE", message: "Server antrean tidak dapat dihubungi. Periksa jaringan, lalu coba lagi.", messageEn: "Cannot reach the queue server." });
    }
    const answer = (await res.json().catch(() => ({}))) as { data?: T; error?: AckError & { lines?: string[] } };
    if (res.ok && answer.data !== undefined) return answer.data;
    const error = answer.error ?? { code: "INTERNAL", message: `Kesalahan server (${res.status}).`, messageEn: `Server error ${res.status}` };
    const refusal = new ConfigRefusal(res.status, error, error.lines ?? []);
    if (res.status === 401) onUnauthorized(refusal);
    throw refusal;
  };
  return {
    overview: () => request<ConfigOverview>("/api/admin/config"),
    file: (name) => request<ConfigFileView>(`/api/admin/config/file?name=${encodeURIComponent(name)}`),
    check: (edits) => request<ConfigCheckResult>("/api/admin/config/check", { edits }),
    apply: (body) => request<ConfigApplyResult>("/api/admin/config/apply", body),
    backups: () => request<ConfigBackupEntry[]>("/api/admin/config/backups"),
    restore: (backup) => request<ConfigApplyResult>("/api/admin/config/restore", { backup }),
    preview: (edits) => request<ConfigPreview>("/api/admin/config/preview", { edits }),
  };
}
