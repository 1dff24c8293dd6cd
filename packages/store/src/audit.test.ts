import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditActor, NewAuditEntry } from "./audit";
import { openStore, type Store } from "./store";

let store: Store;
beforeEach(() => {
  store = openStore(":memory:");
});
afterEach(() => store.close());

const MIN = 60_000;
const admin: AuditActor = { kind: "user", id: "u-admin", name: "admin", address: "10.0.0.5", userAgent: "Chromium" };
const stranger = (name: string, address = "10.0.0.9"): AuditActor => ({ kind: "anonymous", id: null, name, address, userAgent: null });
const failed = (at: number, name: string, address?: string): NewAuditEntry => ({
  at,
  actor: stranger(name, address),
  action: "login.failed",
  target: name,
});

describe("audit trail", () => {
  it("keeps who, when, from where, what and the change, newest first", () => {
    store.recordAudit({ at: 1_000, actor: admin, action: "user.add", target: "budi", after: { role: "officer", displayName: "Budi" } });
    store.recordAudit({ at: 2_000, actor: { kind: "cli", id: null, name: "cli", address: "cli", userAgent: null }, action: "user.role", target: "budi", before: { role: "officer" }, after: { role: "supervisor" } });
    const [second, first] = store.listAudit({ limit: 10 });
    expect(second).toMatchObject({ at: 2_000, actor: { kind: "cli", name: "cli" }, address: "cli", action: "user.role", before: { role: "officer" }, after: { role: "supervisor" }, count: 1 });
    expect(first).toMatchObject({ at: 1_000, actor: { kind: "user", id: "u-admin", name: "admin" }, address: "10.0.0.5", userAgent: "Chromium", target: "budi", before: null });
  });

  it("folds repeated failures of one name from one address within the window into one row", () => {
    for (let i = 0; i < 50; i += 1) store.recordRepeatedAudit(failed(10 * MIN + i * 1_000, "siti"), MIN);
    store.recordRepeatedAudit(failed(10 * MIN + 5_000, "siti", "10.0.0.10"), MIN);
    store.recordRepeatedAudit(failed(10 * MIN + 6_000, "budi"), MIN);
    const rows = store.listAudit({ limit: 100 });
    expect(rows).toHaveLength(3);
    const siti = rows.filter((r) => r.target === "siti" && r.address === "10.0.0.9");
    // 50 guesses in 49 s: the first row takes those within a minute of the latest row's start.
    expect(siti.reduce((n, r) => n + r.count, 0)).toBe(50);
    expect(siti).toHaveLength(1);
    expect(siti[0]!.lastAt).toBe(10 * MIN + 49_000);
  });

  it("starts a new row once the window has passed", () => {
    store.recordRepeatedAudit(failed(0, "siti"), MIN);
    store.recordRepeatedAudit(failed(MIN + 1, "siti"), MIN);
    expect(store.listAudit({ limit: 10 }).map((r) => r.count)).toEqual([1, 1]);
  });

  it("filters by time range, actor (case-insensitive) and action, and pages by id", () => {
    for (let i = 1; i <= 5; i += 1) store.recordAudit({ at: i * 1_000, actor: admin, action: i % 2 ? "user.add" : "user.unlock", target: `u${i}` });
    store.recordAudit({ at: 6_000, actor: stranger("x"), action: "login.ok", target: "x" });
    expect(store.listAudit({ limit: 10, fromAt: 2_000, toAt: 4_000 }).map((r) => r.target)).toEqual(["u3", "u2"]);
    expect(store.listAudit({ limit: 10, actorName: "ADMIN", action: "user.add" }).map((r) => r.target)).toEqual(["u5", "u3", "u1"]);
    const page1 = store.listAudit({ limit: 2 });
    const page2 = store.listAudit({ limit: 2, beforeId: page1[1]!.id });
    expect([...page1, ...page2].map((r) => r.target)).toEqual(["x", "u5", "u4", "u3"]);
  });

  it("is append-only: a row cannot be rewritten or deleted", () => {
    store.recordAudit({ at: 1, actor: admin, action: "user.disable", target: "budi" });
    expect(() => store.db.prepare("UPDATE audit_log SET actor_name = 'someone else'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    expect(store.listAudit({ limit: 10 })[0]!.actor.name).toBe("admin");
  });

  it("writes nothing when the change it goes with fails", () => {
    expect(() =>
      store.audited(() => {
        store.recordAudit({ at: 1, actor: admin, action: "user.add", target: "budi" });
        throw new Error("the change failed");
      }),
    ).toThrow("the change failed");
    expect(store.listAudit({ limit: 10 })).toEqual([]);
  });
});
