import { storedValue, type Session } from "@layan/ui";

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

const stored = storedValue<StoredSession>(KEY, (raw) => {
  const parsed = raw as Partial<StoredSession> | null;
  if (!parsed?.session || typeof parsed.session.token !== "string") return null;
  return { session: parsed.session, counterId: typeof parsed.counterId === "string" ? parsed.counterId : null };
});

export const loadSession = (storage: Storage = localStorage): StoredSession | null => stored.load(storage);
export const saveSession = (value: StoredSession, storage: Storage = localStorage): void => stored.save(value, storage);
export const clearSession = (storage: Storage = localStorage): void => stored.clear(storage);
