/**
 * One value kept in the browser's storage under a versioned key, read back
 * only when it still has the shape the app expects (an older app version, a
 * hand-edited entry or a full disk never crash a login screen).
 */
export interface StoredValue<T> {
  load(storage?: Storage): T | null;
  save(value: T, storage?: Storage): void;
  clear(storage?: Storage): void;
}

export function storedValue<T>(key: string, accept: (raw: unknown) => T | null): StoredValue<T> {
  return {
    load(storage = localStorage) {
      try {
        const raw = storage.getItem(key);
        return raw ? accept(JSON.parse(raw)) : null;
      } catch {
        return null;
      }
    },
    save(value, storage = localStorage) {
      storage.setItem(key, JSON.stringify(value));
    },
    clear(storage = localStorage) {
      storage.removeItem(key);
    },
  };
}
