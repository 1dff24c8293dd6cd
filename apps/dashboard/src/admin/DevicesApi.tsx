/**
 * The device endpoints (/api/admin/devices, /api/admin/pairings; docs/api.md
 * "Devices"), beside api.ts rather than in it: the same bearer token and
 * error shape, the types from packages/protocol/src/admin-devices.ts.
 */
import type { AckError, AdminDevice, ApprovePairingRequest, DeviceList, DisplayGroupValue, PendingPairing } from "@layan/protocol";
import { ApiError } from "../api";

export interface DevicesApi {
  list(): Promise<DeviceList>;
  pairing(code: string): Promise<PendingPairing>;
  approve(code: string, input: ApprovePairingRequest): Promise<AdminDevice>;
  rename(id: string, name: string): Promise<AdminDevice>;
  move(id: string, group: DisplayGroupValue): Promise<AdminDevice>;
  revoke(id: string): Promise<AdminDevice>;
}

export function createDevicesApi(baseUrl: string, token: string, onUnauthorized: (error: ApiError) => void): DevicesApi {
  const request = async <T,>(path: string, body?: object): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}`, {
        headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
        ...(body ? { method: "POST", body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError(0, { code: "HUB_UNREACHABLE", message: "Server antrean tidak dapat dihubungi. Periksa jaringan, lalu coba lagi.", messageEn: "Cannot reach the queue server." });
    }
    const answer = (await res.json().catch(() => null)) as { data?: T; error?: AckError } | null;
    if (res.ok && answer) return answer.data as T;
    const error = new ApiError(res.status, answer?.error ?? { code: "INTERNAL", message: `Kesalahan server (${res.status}).`, messageEn: `Server error ${res.status}` });
    if (res.status === 401) onUnauthorized(error);
    throw error;
  };
  const device = (id: string, action: string) => `/api/admin/devices/${encodeURIComponent(id)}/${action}`;
  const pairing = (code: string) => `/api/admin/pairings/${encodeURIComponent(code)}`;
  return {
    list: () => request<DeviceList>("/api/admin/devices"),
    pairing: (code) => request<PendingPairing>(pairing(code)),
    approve: (code, input) => request<AdminDevice>(`${pairing(code)}/approve`, input),
    rename: (id, name) => request<AdminDevice>(device(id, "rename"), { name }),
    move: (id, group) => request<AdminDevice>(device(id, "group"), { group }),
    revoke: (id) => request<AdminDevice>(device(id, "revoke"), {}),
  };
}
