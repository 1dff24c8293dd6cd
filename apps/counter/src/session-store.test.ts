import { describe, expect, it } from "vitest";
import { clearSession, loadSession, saveSession } from "./session-store";

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const session = {
  token: "ses_abc",
  expiresAt: 2_000_000_000_000,
  user: { id: "u1", username: "petugas1", displayName: "Rina Marlina", role: "officer" as const },
};

describe("session store", () => {
  it("keeps the session and the chosen counter across a reload", () => {
    const storage = new MemoryStorage();
    expect(loadSession(storage)).toBeNull();
    saveSession({ session, counterId: "loket-3" }, storage);
    expect(loadSession(storage)).toEqual({ session, counterId: "loket-3" });
    clearSession(storage);
    expect(loadSession(storage)).toBeNull();
  });

  it("never stores the PIN, and ignores what it cannot read", () => {
    const storage = new MemoryStorage();
    saveSession({ session, counterId: null }, storage);
    expect(
      JSON.stringify([...Array(storage.length).keys()].map((i) => storage.getItem(storage.key(i) ?? ""))),
    ).not.toMatch(/secret|pin/i);
    storage.setItem("layan.counter.session.v1", "{not json");
    expect(loadSession(storage)).toBeNull();
    storage.setItem("layan.counter.session.v1", JSON.stringify({ session: { token: 42 } }));
    expect(loadSession(storage)).toBeNull();
  });
});
