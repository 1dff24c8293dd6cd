import type { RegencyLeagueRow } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import { complaintsOnTimePct, flagOf, sortRows } from "./league";

function row(key: string, rank: number, waitPct: number | null, servicePct: number | null, p50: number | null, filed = 0, byDue = 0): RegencyLeagueRow {
  const t = { n: 0, avgMs: null, p50Ms: null, p90Ms: null };
  return {
    key, rank, name: `Kantor ${key}`, agency: `OPD ${key}`, offices: 1, issued: rank * 10, segments: 0, served: 0,
    outcomes: { selesai: 0, berkas_tidak_lengkap: 0, dirujuk: 0, transferred: 0, no_show: 0, cancelled: 0 },
    wait: { ...t, p50Ms: p50 }, service: t,
    waitMet: { judged: waitPct === null ? 0 : 10, met: 0, pct: waitPct }, serviceMet: { judged: 0, met: 0, pct: servicePct },
    waitTargetMs: null, serviceTargetMs: null, ikm: null, complaints: filed ? { filed, answered: byDue, answeredByDue: byDue, medianResponseMs: null } : null,
  };
}

const rows = [row("a", 1, 96, 91, 60_000, 4, 3), row("b", 2, 80, 95, 120_000), row("c", 3, 50, 70, 600_000, 2, 0), row("d", 4, null, null, null)];

describe("the league table", () => {
  it("sorts by a column either way, rows without a value last", () => {
    expect(sortRows(rows, "waitP50", "desc").map((r) => r.key)).toEqual(["c", "b", "a", "d"]);
    expect(sortRows(rows, "waitP50", "asc").map((r) => r.key)).toEqual(["a", "b", "c", "d"]);
    expect(sortRows(rows, "servicePct", "desc").map((r) => r.key)).toEqual(["b", "a", "c", "d"]);
    expect(sortRows(rows, "complaints", "desc").map((r) => r.key)).toEqual(["a", "c", "b", "d"]);
  });

  it("flags the last judged office and any that fails its SOP, in words", () => {
    expect(rows.map((r) => flagOf(r, rows))).toEqual([
      null,
      null,
      "peringkat terbawah; waktu tunggu tidak memenuhi SOP; waktu layanan tidak memenuhi SOP",
      null,
    ]);
    expect(flagOf(rows[2]!, rows, "en")).toBe("ranked last; waiting time does not meet the SOP; service time does not meet the SOP");
    expect(complaintsOnTimePct(rows[0]!)).toBe(75);
    expect(complaintsOnTimePct(rows[1]!)).toBeNull();
  });
});
