import type { Session } from "@layan/ui";
import { REPORT_ROLES } from "@layan/protocol";

/**
 * The manager's session in localStorage, so a reload keeps them logged in.
 * Only the hub's session token (revocable, 12 hours) is kept, never a password.
 */
const KEY = "layan.dashboard.session.v1";

/** The dashboard admits whoever may read the reports (packages/protocol). */
export const DASHBOARD_ROLES: readonly string[] = REPORT_ROLES;

export function loadSession(storage: Storage = localStorage, now: number = Date.now()): Session | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<Session>;
    if (typeof s.token !== "string" || !s.user || !DASHBOARD_ROLES.includes(s.user.role)) return null;
    if (typeof s.expiresAt === "number" && s.expiresAt <= now) return null;
    return s as Session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}
