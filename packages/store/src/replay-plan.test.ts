import { describe, expect, it } from "vitest";
import { openStore, REPLAY_LOOKBACK_SQL } from "./store";

// The planner's statistics of the simulated year (tests/bench/report-data.ts:
// 993,687 tickets, 7.3M events), as ANALYZE left them in sqlite_stat1.
const YEAR_STATS: [string, string, string][] = [
  ["tickets", "tickets_open_issued_seq", "0 0"],
  ["tickets", "tickets_day_number", "993687 3882 1"],
  ["tickets", "sqlite_autoindex_tickets_1", "993687 1"],
  ["events", "events_ticket", "6791863 7"],
  ["events", "events_at", "7322387 1"],
];

describe("the start-up replay's look-back", () => {
  it("reads only the events since the start, also with a year's statistics", () => {
    const store = openStore(":memory:");
    try {
      const { db } = store;
      db.exec("ANALYZE");
      db.exec("DELETE FROM sqlite_stat1");
      const put = db.prepare("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)");
      for (const row of YEAR_STATS) put.run(...row);
      // Makes the planner read the statistics again.
      db.exec("ANALYZE sqlite_schema");
      const plan = db
        .prepare<[number], { detail: string }>(`EXPLAIN QUERY PLAN ${REPLAY_LOOKBACK_SQL}`)
        .all(7_300_000)
        .map((r) => r.detail);
      // The events by seq (a day's), and nothing else: never every ticket.
      expect(plan).toHaveLength(1);
      expect(plan[0]).toMatch(/^SEARCH events USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    } finally {
      store.close();
    }
  });
});
