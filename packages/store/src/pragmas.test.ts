import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, PAGE_CACHE_KIB } from "./store";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "layan-pragmas-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("openStore page cache", () => {
  it("bounds the connection's page cache to SQLite's 2 MB, not better-sqlite3's 16 MB", () => {
    // What the build gives a bare connection: the figure the hub must not inherit.
    const bare = new Database(":memory:");
    const built = bare.pragma("cache_size", { simple: true });
    bare.close();
    expect(built).toBe(-16_000);

    const store = openStore(join(dir, "layan.db"));
    expect(store.db.pragma("cache_size", { simple: true })).toBe(-PAGE_CACHE_KIB);
    expect(PAGE_CACHE_KIB).toBeLessThanOrEqual(2_048);
    store.close();
  });
});
