// The booking report's reads seek by their day index, never scan a table nor
// sort in a temporary b-tree: the report runs on a hub that keeps years of
// bookings, tickets and segments (packages/store/src/reports/bookings.ts).
import type Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openStore } from "../store";
import { createBookingReportQueries } from "./bookings";

/** Every statement the report prepares, in order, and what SQLite plans for each. */
function plansOfTheReport(db: Database.Database): { sql: string; plan: string[] }[] {
  const prepared: string[] = [];
  const prepare = db.prepare.bind(db);
  const spy = ((sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  db.prepare = spy;
  try {
    createBookingReportQueries(db).bookingReport({ from: "2026-11-01", to: "2026-11-30", serviceIds: ["ktp-el"] }, "service");
  } finally {
    db.prepare = prepare;
  }
  return prepared.map((sql) => ({
    sql,
    plan: db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => "2026-11-18"))
      .map((r) => r.detail),
  }));
}

describe("the booking report's reads", () => {
  it("seek the bookings, tickets, segments and rollups by index, with no sort of their own", () => {
    const store = openStore(":memory:");
    try {
      const reads = plansOfTheReport(store.db).filter((r) => !/FROM event_words/.test(r.sql));
      expect(reads.length).toBeGreaterThanOrEqual(5);
      for (const { sql, plan } of reads) {
        const where = `${sql.replace(/\s+/g, " ").slice(0, 90)}…: ${plan.join("; ")}`;
        expect(plan.every((step) => step.startsWith("SEARCH ")), where).toBe(true);
        expect(plan.some((step) => /TEMP B-TREE/.test(step)), where).toBe(false);
      }
      const detail = reads.flatMap((r) => r.plan).join("\n");
      expect(detail).toMatch(/SEARCH b USING INDEX bookings_day_service/);
      expect(detail).toMatch(/SEARCH s USING INDEX sqlite_autoindex_service_log_1 \(ticket_seq=\?\)/);
      expect(detail).toMatch(/SEARCH service_log USING COVERING INDEX service_log_times/);
    } finally {
      store.close();
    }
  });
});
