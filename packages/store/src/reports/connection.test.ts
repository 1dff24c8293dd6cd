import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../store";
import { openReportConnection } from "./connection";
import { writeReportFixture } from "./fixture";

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe("the report worker's connection", () => {
  it("reads what the hub committed, while the hub's connection is open, and cannot write", () => {
    dir = mkdtempSync(join(tmpdir(), "layan-report-conn-"));
    const file = join(dir, "layan.db");
    const store = openStore(file);
    writeReportFixture(store);
    const reader = openReportConnection(file);
    try {
      const count = () => reader.prepare<[], { n: number }>("SELECT count(*) AS n FROM service_log").get()!.n;
      expect(count()).toBeGreaterThan(0);
      expect(() => reader.prepare("DELETE FROM service_log").run()).toThrow(/readonly/i);
      expect(() => reader.exec("CREATE TABLE t (x)")).toThrow(/readonly/i);
      expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      reader.close();
      store.close();
    }
  });

  it("refuses a file that does not exist instead of creating an empty database", () => {
    dir = mkdtempSync(join(tmpdir(), "layan-report-conn-"));
    expect(() => openReportConnection(join(dir!, "elsewhere.db"))).toThrow();
  });
});
