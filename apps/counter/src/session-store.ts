import type { Session } from "@layan/ui";

/**
 * The officer's session and chosen counter, kept in localStorage so a page
 * reload (or a browser crash) goes straight back to work. The token is a
 * session token the hub can revoke; the PIN is never stored.
 */
const KEY = "layan.counter.session.v1";

export interface StoredSession {
  session: Session;
  counterId: string | null;
}

export function loadSession(storage: Storage = localStorage): StoredSession | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    if (!parsed.session || typeof parsed.session.token !== "string") return null;
    return {
      session: parsed.session,
      counterId: typeof parsed.counterId === "string" ? parsed.counterId : null,
    };
  } catch {
    return null;
  }
}

export function saveSession(value: StoredSession, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(value));
}

export function clearSession(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}
