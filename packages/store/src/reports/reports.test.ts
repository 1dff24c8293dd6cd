import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../store";
import { FIXTURE_OFFICERS, writeReportFixture } from "./fixture";
import { daysInRange, isServiceDay, utcOffsetMinutes } from "@layan/core";
import type { SummaryRow, TicketLogRow } from "@layan/protocol";
import { nearestRank, percentileOfSorted } from "./percentile";
import { createReportQueries, type ReportQueries } from "./queries";
import { rebuildReadModels } from "../rebuild";
import { rebuildRollups, type RollupCheck } from "./rollups";

// Every expected number below is worked out by hand from the timeline at the
// top of fixture.ts. Minutes are written as `m(…)` so the arithmetic stays visible.
const m = (minutes: number) => Math.round(minutes * 60_000);

let store: Store;
let reports: ReportQueries;

beforeAll(() => {
  store = openStore(":memory:");
  writeReportFixture(store);
  reports = createReportQueries(store.db, { utcOffsetMinutes: 420 });
});
afterAll(() => store.close());

const ALL = { from: "2026-11-26", to: "2026-11-28" };
const byKey = (rows: SummaryRow[]) => new Map(rows.map((r) => [r.key, r]));

describe("nearest-rank percentiles", () => {
  it("takes the value at rank ceil(p/100 * n)", () => {
    expect(nearestRank(1, 50)).toBe(1);
    expect(nearestRank(4, 50)).toBe(2);
    expect(nearestRank(5, 50)).toBe(3);
    expect(nearestRank(9, 90)).toBe(9); // ceil(8.1)
    expect(nearestRank(10, 90)).toBe(9);
    expect(nearestRank(11, 90)).toBe(10); // ceil(9.9)
    expect(percentileOfSorted([], 50)).toBeNull();
    expect(percentileOfSorted([7], 90)).toBe(7);
    expect(percentileOfSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });
});

describe("per-service summary", () => {
  it("KTP-el over the three days: counts, wait and service time, % within target", () => {
    const ktp = byKey(reports.summary(ALL, "service")).get("ktp-el")!;
    // Issued for KTP-el: A-001..A-005. B-002 came in by transfer, so 6 segments.
    expect(ktp.issued).toBe(5);
    expect(ktp.segments).toBe(6);
    // Completed, B-002 (selesai) and A-004 (berkas tidak lengkap).
    expect(ktp.served).toBe(4);
    expect(ktp.outcomes).toEqual({
      selesai: 3,
      berkas_tidak_lengkap: 1,
      dirujuk: 0,
      transferred: 0,
      no_show: 1,
      cancelled: 1,
    });
    // Waits of the called segments: 10, 30, 61, 64 (A-001..A-004) and 5 (B-002) -> sorted 5 10 30 61 64.
    // mean 170/5 = 34; p50 = rank ceil(2.5) = 3rd = 30; p90 = rank ceil(4.5) = 5th = 64.
    expect(ktp.wait).toEqual({ n: 5, avgMs: m(34), p50Ms: m(30), p90Ms: m(64) });
    // Within 30 min: 5, 10 and 30 (equal counts as met) -> 3 of 5.
    expect(ktp.waitMet).toEqual({ judged: 5, met: 3, pct: 60 });
    // Service: 23, 30, 9, 25 (B-002) -> sorted 9 23 25 30.
    // mean 87/4 = 21.75; p50 = rank 2 = 23; p90 = rank ceil(3.6) = 4 = 30.
    expect(ktp.service).toEqual({ n: 4, avgMs: m(21.75), p50Ms: m(23), p90Ms: m(30) });
    // Within 25 min: all but A-002's 30 -> 3 of 4.
    expect(ktp.serviceMet).toEqual({ judged: 4, met: 3, pct: 75 });
    expect(ktp.waitTargetMs).toEqual({ min: m(30), max: m(30) });
    expect(ktp.serviceTargetMs).toEqual({ min: m(25), max: m(25) });
  });

  it("Kartu Keluarga and KIA", () => {
    const rows = byKey(reports.summary(ALL, "service"));
    const kk = rows.get("kartu-keluarga")!;
    expect(kk.issued).toBe(2);
    expect(kk.segments).toBe(2);
    expect(kk.served).toBe(1);
    expect(kk.outcomes.transferred).toBe(1);
    // Waits 20, 38: mean 29, p50 = rank 1 = 20, p90 = rank 2 = 38; 38 > 30 misses.
    expect(kk.wait).toEqual({ n: 2, avgMs: m(29), p50Ms: m(20), p90Ms: m(38) });
    expect(kk.waitMet.pct).toBe(50);
    // Service 18 and 5 (B-002 was being served when transferred): sorted 5 18.
    expect(kk.service).toEqual({ n: 2, avgMs: m(11.5), p50Ms: m(5), p90Ms: m(18) });
    expect(kk.serviceMet.pct).toBe(100);

    const kia = rows.get("kia")!;
    // Waits 10 (the 27th) and 5 (the 28th); services 5 (from the call: no start) and 10.
    expect(kia.wait).toEqual({ n: 2, avgMs: m(7.5), p50Ms: m(5), p90Ms: m(10) });
    expect(kia.service).toEqual({ n: 2, avgMs: m(7.5), p50Ms: m(5), p90Ms: m(10) });
    expect(kia.waitMet.pct).toBe(100);
    expect(kia.serviceMet.pct).toBe(100);
  });

  it("the whole office in one row", () => {
    const [all] = reports.summary(ALL, "all");
    expect(all!.issued).toBe(9);
    expect(all!.segments).toBe(10);
    expect(all!.served).toBe(7);
    // Waits sorted: 5 5 10 10 20 30 38 61 64 (sum 243): mean 27, p50 = rank 5 = 20, p90 = rank ceil(8.1) = 9 = 64.
    expect(all!.wait).toEqual({ n: 9, avgMs: m(27), p50Ms: m(20), p90Ms: m(64) });
    expect(all!.waitMet).toEqual({ judged: 9, met: 6, pct: 66.7 });
    // Services sorted: 5 5 9 10 18 23 25 30 (sum 125): mean 15.625, p50 = rank 4 = 10, p90 = rank ceil(7.2) = 8 = 30.
    expect(all!.service).toEqual({ n: 8, avgMs: m(15.625), p50Ms: m(10), p90Ms: m(30) });
    expect(all!.serviceMet).toEqual({ judged: 8, met: 7, pct: 87.5 });
  });

  it("groups by counter, officer and agency", () => {
    const counters = byKey(reports.summary(ALL, "counter"));
    // Loket 1: B-002 (KTP-el), both D-001s, A-001..A-004. A-005 was never called: no counter.
    expect(counters.get("loket-1")!.segments).toBe(7);
    expect(counters.get("loket-2")!.segments).toBe(2);
    expect(counters.get(null)!.segments).toBe(1);
    expect(counters.get("loket-1")!.issued).toBeNull();
    const officers = byKey(reports.summary(ALL, "officer"));
    expect(officers.get(FIXTURE_OFFICERS.rina.id)!.segments).toBe(7);
    expect(officers.get(FIXTURE_OFFICERS.agus.id)!.wait.avgMs).toBe(m(29));
    const agencies = reports.summary(ALL, "agency", {
      agencyOf: new Map([
        ["ktp-el", "disdukcapil"],
        ["kartu-keluarga", "disdukcapil"],
        ["kia", "disdukcapil"],
      ]),
    });
    expect(agencies).toHaveLength(1);
    expect(agencies[0]).toMatchObject({ key: "disdukcapil", issued: 9, segments: 10 });
    expect(agencies[0]!.wait.p50Ms).toBe(m(20));
  });

  it("filters by service, counter and officer", () => {
    const onlyKtp = reports.summary({ ...ALL, serviceIds: ["ktp-el"] }, "all")[0]!;
    expect(onlyKtp).toMatchObject({ issued: 5, segments: 6 });
    const loket2 = reports.summary({ ...ALL, counterIds: ["loket-2"] }, "service");
    expect(loket2.map((r) => [r.key, r.segments])).toEqual([["kartu-keluarga", 2]]);
    const agus = reports.summary({ ...ALL, officerIds: [FIXTURE_OFFICERS.agus.id] }, "all")[0]!;
    expect(agus.segments).toBe(2);
    // A desk filter makes "issued" meaningless: tickets are issued at the kiosk.
    expect(agus.issued).toBeNull();
    expect(reports.summary({ ...ALL, serviceIds: [] }, "all")[0]!.segments).toBe(0);
  });
});

describe("date ranges are office-local (Asia/Jakarta) service days", () => {
  it("a ticket at 06:30 WIB on the 27th (23:30 UTC on the 26th) belongs to the 27th", () => {
    const day27 = byKey(reports.summary({ from: "2026-11-27", to: "2026-11-27" }, "service"));
    expect(day27.get("kia")).toMatchObject({ issued: 1, segments: 1 });
    expect(day27.get("kia")!.wait.avgMs).toBe(m(10));
    const day26 = byKey(reports.summary({ from: "2026-11-26", to: "2026-11-26" }, "service"));
    expect(day26.has("kia")).toBe(false);
  });

  it("a ticket at 00:05 WIB on the 28th (17:05 UTC on the 27th) belongs to the 28th", () => {
    const day28 = reports.summary({ from: "2026-11-28", to: "2026-11-28" }, "service");
    expect(day28.map((r) => r.key)).toEqual(["kia"]);
    // One value: p50 and p90 are that value.
    expect(day28[0]!.wait).toEqual({ n: 1, avgMs: m(5), p50Ms: m(5), p90Ms: m(5) });
  });

  it("the 27th alone: KTP-el's figures without B-002", () => {
    const ktp = byKey(reports.summary({ from: "2026-11-27", to: "2026-11-27" }, "service")).get("ktp-el")!;
    // Waits 10 30 61 64: mean 41.25, p50 = rank 2 = 30, p90 = rank 4 = 64.
    expect(ktp.wait).toEqual({ n: 4, avgMs: m(41.25), p50Ms: m(30), p90Ms: m(64) });
    // Services 23 30 9 -> 9 23 30: mean 62/3, p50 = 23, p90 = rank ceil(2.7) = 3 = 30.
    expect(ktp.service).toEqual({ n: 3, avgMs: m(62 / 3), p50Ms: m(23), p90Ms: m(30) });
    expect(ktp.waitMet.pct).toBe(50);
    expect(ktp.serviceMet.pct).toBe(66.7);
  });

  it("a transferred segment keeps the day of its ticket", () => {
    const day26 = byKey(reports.summary({ from: "2026-11-26", to: "2026-11-26" }, "service"));
    expect(day26.get("ktp-el")).toMatchObject({ issued: 0, segments: 1 });
  });

  it("daily trend", () => {
    const days = reports.summary(ALL, "day");
    expect(days.map((d) => [d.key, d.issued, d.segments])).toEqual([
      ["2026-11-26", 2, 3],
      ["2026-11-27", 6, 6],
      ["2026-11-28", 1, 1],
    ]);
  });

  it("hours and weekdays are WIB, from when the segment joined its queue", () => {
    const cells = reports
      .heatmap(ALL)
      .map((c) => [c.weekday, c.hour, c.segments, c.waitMet.judged, c.waitMet.met]);
    expect(cells).toEqual([
      [3, 9, 3, 3, 2], // Thursday 09:00-10:00: B-001, B-002 and its KTP-el segment (09:45); B-002 waited 38
      [4, 6, 1, 1, 1], // Friday 06:30 (a UTC reading would say Thursday 23:00)
      [4, 8, 5, 4, 2], // Friday 08:00-09:00: A-001..A-005; A-005 never called
      [5, 0, 1, 1, 1], // Saturday 00:05 (a UTC reading would say Friday 17:00)
    ]);
    const hours = reports.summary(ALL, "hour").map((r) => [r.key, r.segments]);
    expect(hours).toEqual([
      ["0", 1],
      ["6", 1],
      ["8", 5],
      ["9", 3],
    ]);
  });

  it("with a counter filter (read from the log, not the hourly rollup) the hours agree", () => {
    // Loket 1: B-002's KTP-el segment (Thu 09:45), D-001 (Fri 06:30), A-001..A-004 (Fri 08:0x), D-001 (Sat 00:05).
    const cells = reports
      .heatmap({ ...ALL, counterIds: ["loket-1"] })
      .map((c) => [c.weekday, c.hour, c.segments]);
    expect(cells).toEqual([
      [3, 9, 1],
      [4, 6, 1],
      [4, 8, 4],
      [5, 0, 1],
    ]);
  });

  it("validates and counts calendar days", () => {
    expect(isServiceDay("2026-11-28")).toBe(true);
    expect(isServiceDay("2026-02-30")).toBe(false);
    expect(isServiceDay("2026-1-5")).toBe(false);
    expect(daysInRange("2026-11-01", "2026-11-30")).toBe(30);
    expect(daysInRange("2026-11-28", "2026-11-28")).toBe(1);
    expect(utcOffsetMinutes("Asia/Jakarta", Date.UTC(2026, 10, 27))).toBe(420);
    expect(utcOffsetMinutes("Asia/Makassar", Date.UTC(2026, 10, 27))).toBe(480);
    expect(utcOffsetMinutes("Asia/Jayapura", Date.UTC(2026, 10, 27))).toBe(540);
  });
});

describe("SOP steps", () => {
  it("average against the step target, and where the time over target went", () => {
    const steps = reports.steps(ALL, { percentiles: true });
    expect(steps.map((s) => [s.serviceId, s.stepId, s.n])).toEqual([
      ["ktp-el", "verifikasi", 2],
      ["ktp-el", "perekaman", 1],
      ["ktp-el", "pencetakan", 1],
      ["ktp-el", "penyerahan", 1],
    ]);
    const [verifikasi, perekaman] = steps;
    // Verifikasi: 4 (A-001, 08:11 -> 08:15) and 8 (A-004, 09:12 -> 09:20) against 5:
    // mean 6, one of two within, over target 8 - 5 = 3.
    expect(verifikasi).toMatchObject({
      avgMs: m(6),
      p50Ms: m(4),
      p90Ms: m(8),
      targetMs: m(5),
      overTargetMs: m(3),
    });
    expect(verifikasi!.met).toEqual({ judged: 2, met: 1, pct: 50 });
    // Perekaman: 12 against 10, over by 2.
    expect(perekaman).toMatchObject({ avgMs: m(12), targetMs: m(10), overTargetMs: m(2) });
    expect(perekaman!.met.pct).toBe(0);
  });

  it("percentiles only when asked for; the same averages from the rollup and through the log", () => {
    const quick = reports.steps(ALL);
    expect(quick[0]).toMatchObject({ stepId: "verifikasi", avgMs: m(6), p50Ms: null, p90Ms: null });
    // A desk filter reads step_log joined to service_log instead of the rollup.
    const viaLog = reports.steps({ ...ALL, officerIds: [FIXTURE_OFFICERS.rina.id] });
    expect(viaLog.map(({ p50Ms: _a, p90Ms: _b, ...rest }) => rest)).toEqual(
      quick.map(({ p50Ms: _a, p90Ms: _b, ...rest }) => rest),
    );
  });

  it("through a counter or officer filter", () => {
    expect(reports.steps({ ...ALL, counterIds: ["loket-2"] })).toEqual([]);
    expect(reports.steps({ ...ALL, officerIds: [FIXTURE_OFFICERS.rina.id] })).toHaveLength(4);
    expect(reports.steps({ from: "2026-11-26", to: "2026-11-26" })).toEqual([]);
  });
});

describe("ticket log", () => {
  const label = (r: TicketLogRow) => `${r.ticketNumber}/${r.serviceId}`;
  const walk = (query: Parameters<ReportQueries["tickets"]>[0]) => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page = reports.tickets({ ...query, cursor });
      pages.push(page.rows.map(label));
      cursor = page.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  };

  it("newest first, page by page", () => {
    expect(walk({ ...ALL, limit: 3 })).toEqual([
      ["D-001/kia", "A-004/ktp-el", "A-003/ktp-el"],
      ["A-002/ktp-el", "A-001/ktp-el", "A-005/ktp-el"],
      ["D-001/kia", "B-002/ktp-el", "B-002/kartu-keluarga"],
      ["B-001/kartu-keluarga"],
    ]);
  });

  it("longest wait first; never-called segments last; ties newest first", () => {
    expect(walk({ ...ALL, sort: "wait", dir: "desc", limit: 4 }).flat()).toEqual([
      "A-004/ktp-el", // 64
      "A-003/ktp-el", // 61
      "B-002/kartu-keluarga", // 38
      "A-002/ktp-el", // 30
      "B-001/kartu-keluarga", // 20
      "A-001/ktp-el", // 10, logged after D-001 on the 27th
      "D-001/kia", // 10
      "D-001/kia", // 5 (the 28th)
      "B-002/ktp-el", // 5
      "A-005/ktp-el", // never called
    ]);
  });

  it("shortest wait first, crossing from the no-value band into the values on a page boundary", () => {
    const pages = walk({ ...ALL, sort: "wait", dir: "asc", limit: 1 });
    expect(pages.flat()).toEqual([
      "A-005/ktp-el",
      "B-002/ktp-el",
      "D-001/kia",
      "D-001/kia",
      "A-001/ktp-el",
      "B-001/kartu-keluarga",
      "A-002/ktp-el",
      "B-002/kartu-keluarga",
      "A-003/ktp-el",
      "A-004/ktp-el",
    ]);
  });

  it("rows carry times, verdicts and ticked steps", () => {
    const [a1] = reports.tickets({ ...ALL, number: "A-001" }).rows;
    expect(a1).toMatchObject({
      ticketNumber: "A-001",
      serviceDay: "2026-11-27",
      counterId: "loket-1",
      officerId: FIXTURE_OFFICERS.rina.id,
      outcome: "selesai",
      waitMs: m(10),
      serviceMs: m(23),
      waitMet: true,
      serviceMet: true,
    });
    expect(a1!.steps.map((s) => [s.stepId, s.ms / 60_000, s.met])).toEqual([
      ["verifikasi", 4, true],
      ["perekaman", 12, false],
      ["pencetakan", 4, true],
      ["penyerahan", 2, true],
    ]);
  });

  it("filters by outcome and by missed target", () => {
    expect(reports.tickets({ ...ALL, outcomes: ["no_show"] }).rows.map(label)).toEqual(["A-003/ktp-el"]);
    expect(reports.tickets({ ...ALL, missed: "wait" }).rows.map(label)).toEqual([
      "A-004/ktp-el",
      "A-003/ktp-el",
      "B-002/kartu-keluarga",
    ]);
    expect(reports.tickets({ ...ALL, missed: "service" }).rows.map(label)).toEqual(["A-002/ktp-el"]);
    expect(reports.tickets({ ...ALL, missed: "any" }).rows).toHaveLength(4);
  });

  it("iterates every row for export, in pages", () => {
    const pages = [...reports.iterateTickets({ ...ALL, sort: "service", dir: "desc" }, 4)];
    expect(pages.map((p) => p.length)).toEqual([4, 4, 2]);
    expect(pages.flat().map((r) => r.serviceMs)).toEqual([
      m(30),
      m(25),
      m(23),
      m(18),
      m(10),
      m(9),
      m(5),
      m(5),
      null,
      null,
    ]);
  });

  it("refuses a forged cursor", () => {
    expect(() => reports.tickets({ ...ALL, cursor: "bm90LWEtY3Vyc29y" })).toThrow(RangeError);
  });
});

describe("rollups", () => {
  const snapshot = () => ({
    summary: reports.summary(ALL, "service"),
    desks: reports.serviceDesks(ALL),
    heat: reports.heatmap(ALL),
    steps: reports.steps(ALL),
  });

  it("the trigger-kept rollups equal a refill from the log", () => {
    const live = snapshot();
    const dump = () =>
      ["report_service_hours", "report_service_desks", "report_steps", "report_issued"].map((t) =>
        store.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all(),
      );
    const before = dump();
    rebuildRollups(store.db);
    expect(dump()).toEqual(before);
    expect(snapshot()).toEqual(live);
  });

  it("a rebuild of the read models leaves them consistent; damage is found and repaired", () => {
    const live = snapshot();
    rebuildReadModels(store);
    expect(reports.verifyRollups()).toMatchObject({ rebuilt: false, mismatches: [] });
    store.db.exec(
      "DELETE FROM report_service_hours WHERE service_id = 'kia'; UPDATE report_steps SET ms_sum = ms_sum + 1",
    );
    expect(reports.verifyRollups()).toMatchObject({
      rebuilt: true,
      mismatches: ["report_service_hours", "report_steps"],
    });
    expect(snapshot()).toEqual(live);
  });

  it("a store migrated with rows already in the log gets its rollups at the first check", () => {
    const other = openStore(":memory:");
    writeReportFixture(other);
    other.db.exec(
      "DELETE FROM report_service_hours; DELETE FROM report_service_desks; DELETE FROM report_steps; DELETE FROM report_issued",
    );
    let check: RollupCheck | null = null;
    const fresh = createReportQueries(other.db, { utcOffsetMinutes: 420, onVerified: (c) => (check = c) });
    expect(check).toMatchObject({ rebuilt: true });
    expect(fresh.summary(ALL, "service")).toEqual(reports.summary(ALL, "service"));
    other.close();
  });
});

describe("metadata", () => {
  it("data range, counters and people", () => {
    expect(reports.dataRange()).toEqual({ from: "2026-11-26", to: "2026-11-28" });
    expect(reports.counterIds()).toEqual(["loket-1", "loket-2"]);
    expect(reports.people().map((p) => p.displayName)).toEqual(["Agus Saputra", "Rina Marlina"]);
  });
});

describe("priority waits", () => {
  it("split the waits of priority tickets from the others, with median, p90 and % within target", () => {
    // Regular waits (minutes): B-001 20, B-002 38 then 5 after its transfer, D-001@27 10,
    // A-001 10, A-002 30, A-003 61 (called, then no-show), D-001@28 5; A-005 was never called.
    // Priority: A-004 (lansia) 64. Every wait target is 30 minutes.
    const rows = reports.priorityWaits(ALL);
    expect(rows).toEqual([
      { priority: null, judged: 8, met: 6, medianMs: m(10), p90Ms: m(61) },
      { priority: "lansia", judged: 1, met: 0, medianMs: m(64), p90Ms: m(64) },
    ]);
    expect(reports.priorityWaits({ ...ALL, serviceIds: ["kia"] })).toEqual([
      { priority: null, judged: 2, met: 2, medianMs: m(5), p90Ms: m(10) },
    ]);
    expect(reports.priorityWaits(ALL, "lane")).toEqual([
      { priority: null, judged: 8, met: 6, medianMs: m(10), p90Ms: m(61) },
      { priority: "prioritas", judged: 1, met: 0, medianMs: m(64), p90Ms: m(64) },
    ]);
    expect(reports.priorityWaits({ ...ALL, serviceIds: [] })).toEqual([]);
  });
});
