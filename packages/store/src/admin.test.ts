import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "./store";

let store: Store;
beforeEach(() => {
  store = openStore(":memory:");
});
afterEach(() => store.close());

const MIN = 60_000;

const siti = {
  id: "u1",
  username: "Siti",
  displayName: "Siti Rahma",
  role: "officer",
  secretHash: "scrypt$...",
  createdAt: 1,
} as const;

describe("devices", () => {
  it("adds, finds by token hash, revokes once, lists", () => {
    store.addDevice({ id: "kiosk-1", kind: "kiosk", name: "Kiosk Lobi", tokenHash: "h1", createdAt: 10 });
    store.addDevice({
      id: "display-1",
      kind: "display",
      name: "Layar Ruang Tunggu",
      tokenHash: "h2",
      createdAt: 11,
    });
    expect(store.findDeviceByTokenHash("h1")).toEqual({
      id: "kiosk-1",
      kind: "kiosk",
      name: "Kiosk Lobi",
      tokenHash: "h1",
      createdAt: 10,
      revokedAt: null,
    });
    expect(store.findDeviceByTokenHash("nope")).toBeUndefined();

    expect(store.revokeDevice("kiosk-1", 20)).toBe(true);
    expect(store.revokeDevice("kiosk-1", 30)).toBe(false); // the first revocation time stays
    expect(store.revokeDevice("ghost", 30)).toBe(false);
    expect(store.findDeviceByTokenHash("h1")?.revokedAt).toBe(20);
    expect(store.listDevices().map((d) => [d.id, d.revokedAt])).toEqual([
      ["display-1", null],
      ["kiosk-1", 20],
    ]);
  });

  it("enrols a revoked device's id again (a replacement kiosk keeps its devices.yaml entry), one active token per id", () => {
    store.addDevice({ id: "kiosk-1", kind: "kiosk", name: "Kiosk Lobi", tokenHash: "h1", createdAt: 10 });
    expect(() => store.addDevice({ id: "kiosk-1", kind: "kiosk", name: "Kedua", tokenHash: "h2", createdAt: 11 })).toThrow(/UNIQUE/);
    expect(store.revokeDevice("kiosk-1", 20)).toBe(true);
    store.addDevice({ id: "kiosk-1", kind: "kiosk", name: "Kiosk Lobi", tokenHash: "h3", createdAt: 30 });
    expect(store.findDeviceByTokenHash("h1")?.revokedAt).toBe(20);
    expect(store.findDeviceByTokenHash("h3")?.revokedAt).toBeNull();
    expect(store.renameDevice("kiosk-1", "Kiosk Pintu Masuk")).toBe(true);
    expect(store.renameDevice("ghost", "x")).toBe(false);
    expect(store.listDevices().map((d) => [d.id, d.name, d.revokedAt])).toEqual([
      ["kiosk-1", "Kiosk Pintu Masuk", null],
      ["kiosk-1", "Kiosk Pintu Masuk", 20],
    ]);
  });

  it("refuses a token hash twice and an unknown kind", () => {
    store.addDevice({ id: "kiosk-1", kind: "kiosk", name: "A", tokenHash: "h1", createdAt: 10 });
    expect(() =>
      store.addDevice({ id: "kiosk-2", kind: "kiosk", name: "B", tokenHash: "h1", createdAt: 10 }),
    ).toThrow(/UNIQUE/);
    expect(() =>
      store.db.prepare("INSERT INTO devices VALUES ('x', 'printer', 'x', 'h9', 1, NULL)").run(),
    ).toThrow(/CHECK/);
  });
});

describe("users and login failures", () => {
  it("adds and finds users, usernames case-insensitively", () => {
    store.addUser(siti);
    store.addUser({
      id: "u2",
      username: "admin",
      displayName: "Admin",
      role: "admin",
      secretHash: "x",
      createdAt: 2,
    });
    expect(store.findUserByUsername("siti")).toEqual({
      ...siti,
      failedLogins: 0,
      lockedUntil: null,
      disabledAt: null,
    });
    expect(store.findUserById("u2")?.username).toBe("admin");
    expect(store.findUserByUsername("budi")).toBeUndefined();
    expect(() => store.addUser({ ...siti, id: "u3", username: "SITI" })).toThrow(/UNIQUE/);
    expect(store.listUsers().map((u) => u.username)).toEqual(["admin", "Siti"]);
  });

  it("countLoginFailure counts atomically, locks at the limit, and starts over after the lock ran out", () => {
    store.addUser(siti);
    const fail = (at: number) => store.countLoginFailure("u1", at, 3, 5 * MIN);
    expect(fail(100)).toEqual({ failedLogins: 1, lockedUntil: null });
    expect(fail(200)).toEqual({ failedLogins: 2, lockedUntil: null });
    expect(fail(300)).toEqual({ failedLogins: 0, lockedUntil: 300 + 5 * MIN });
    // A guess that raced past the lock check still counts, and does not move the lock.
    expect(fail(400)).toEqual({ failedLogins: 1, lockedUntil: 300 + 5 * MIN });
    // After the lock: a fresh count.
    expect(fail(300 + 5 * MIN + 1)).toEqual({ failedLogins: 1, lockedUntil: null });
    expect(store.countLoginFailure("ghost", 1, 3, MIN)).toBeUndefined();

    store.clearLoginFailures("u1");
    expect(store.findUserById("u1")).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it("a new secret lifts a lock-out; disabling keeps the user", () => {
    store.addUser(siti);
    store.countLoginFailure("u1", 0, 1, 5 * MIN);
    expect(store.findUserById("u1")?.lockedUntil).toBe(5 * MIN);
    expect(store.setUserSecret("u1", "scrypt$new")).toBe(true);
    expect(store.findUserById("u1")).toMatchObject({ secretHash: "scrypt$new", failedLogins: 0, lockedUntil: null });
    expect(store.setUserDisabled("u1", 7)).toBe(true);
    expect(store.findUserById("u1")?.disabledAt).toBe(7);
    expect(store.setUserDisabled("u1", null)).toBe(true);
    expect(store.findUserById("u1")?.disabledAt).toBeNull();
    expect(store.setUserSecret("nobody", "x")).toBe(false);
  });

  it("recordLoginFailure stores what the caller computed", () => {
    store.addUser(siti);
    store.recordLoginFailure("u1", 4, 999);
    expect(store.findUserById("u1")).toMatchObject({ failedLogins: 4, lockedUntil: 999 });
  });
});

describe("sessions", () => {
  it("creates, finds (expired ones too, the caller checks), deletes, prunes", () => {
    store.addUser(siti);
    store.createSession("s1", "u1", 100, 200);
    store.createSession("s2", "u1", 100, 900);
    expect(store.findSession("s1")).toEqual({
      tokenHash: "s1",
      userId: "u1",
      createdAt: 100,
      expiresAt: 200,
    });
    expect(store.deleteExpiredSessions(500)).toBe(1);
    expect(store.findSession("s1")).toBeUndefined();
    store.deleteSession("s2");
    expect(store.findSession("s2")).toBeUndefined();
  });

  it("belongs to an existing user", () => {
    expect(() => store.createSession("s1", "ghost", 1, 2)).toThrow(/FOREIGN KEY/);
  });
});
