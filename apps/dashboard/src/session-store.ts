import { storedValue, type Session } from "@layan/ui";
import { REPORT_ROLES } from "@layan/protocol";

/**
 * The manager's session in localStorage, so a reload keeps them logged in.
 * Only the hub's session token (revocable, 12 hours) is kept, never a password.
 */
const KEY = "layan.dashboard.session.v1";

/** The dashboard admits whoever may read the reports (packages/protocol). */
export const DASHBOARD_ROLES: readonly string[] = REPORT_ROLES;

function accept(now: number) {
  return (raw: unknown): Session | null => {
    const s = raw as Partial<Session> | null;
    if (!s || typeof s.token !== "string" || !s.user || !DASHBOARD_ROLES.includes(s.user.role)) return null;
    if (typeof s.expiresAt === "number" && s.expiresAt <= now) return null;
    return s as Session;
  };
}

/** An expired session is not offered back (the hub would refuse it anyway). */
export const loadSession = (storage: Storage = localStorage, now: number = Date.now()): Session | null =>
  storedValue(KEY, accept(now)).load(storage);
export const saveSession = (session: Session, storage: Storage = localStorage): void =>
  storedValue(KEY, accept(0)).save(session, storage);
export const clearSession = (storage: Storage = localStorage): void => storedValue(KEY, accept(0)).clear(storage);
