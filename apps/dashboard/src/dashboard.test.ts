import type { CounterView, DashboardSnapshot, LogEntry } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import { filtersFrom, withFilters } from "./filters";
import { clockDuration, minutes, monthEnd, pct, presetRange, previousMonth, tone } from "./format";
import { applyPush, EMPTY_BOARD, fromSnapshot } from "./live-board";
import type { LiveView, ReportMeta, SummaryResponse } from "@layan/protocol";
import { query, type Api } from "./api";
import { loadSession, saveSession } from "./session-store";
import { parseHash, tabHref } from "./route";

describe("Indonesian formatting", () => {
  it("durations, shares and tones", () => {
    expect(minutes(null)).toBe("–");
    expect(minutes(12.5 * 60_000)).toBe("12,5 mnt");
    expect(minutes(65 * 60_000)).toBe("1 j 05 mnt");
    expect(pct(66.7)).toBe("66,7%");
    expect(pct(null)).toBe("–");
    expect(clockDuration(3_725_000)).toBe("1:02:05");
    expect(tone(90)).toBe("good");
    expect(tone(89.9)).toBe("warn");
    expect(tone(74.9)).toBe("bad");
  });

  it("date presets are office-local days around the hub's today", () => {
    expect(presetRange("today", "2026-11-28")).toEqual({ from: "2026-11-28", to: "2026-11-28" });
    expect(presetRange("7d", "2026-11-28")).toEqual({ from: "2026-11-22", to: "2026-11-28" });
    expect(presetRange("month", "2026-11-28")).toEqual({ from: "2026-11-01", to: "2026-11-28" });
    expect(presetRange("lastMonth", "2026-03-05")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetRange("lastMonth", "2026-01-10")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(previousMonth("2026-01-31")).toBe("2025-12");
    expect(monthEnd("2028-02")).toBe("2028-02-29");
  });
});

describe("filters in the URL", () => {
  const meta = { today: "2026-11-28" } as ReportMeta;
  it("defaults to this month, keeps other parameters, drops the page cursor", () => {
    const f = filtersFrom(new URLSearchParams("service=ktp-el&by=counter"), meta);
    expect(f).toEqual({
      from: "2026-11-01",
      to: "2026-11-28",
      agency: null,
      service: "ktp-el",
      counter: null,
      officer: null,
    });
    const next = withFilters(new URLSearchParams("by=counter&cursor=abc&service=ktp-el"), {
      ...f,
      service: null,
      counter: "loket-3",
    });
    expect(next.toString()).toBe("by=counter&from=2026-11-01&to=2026-11-28&counter=loket-3");
    expect(filtersFrom(new URLSearchParams("from=garbage"), meta).from).toBe("2026-11-01");
  });

  it("tab links keep the chosen range and filters, not the view's own sort or page", () => {
    // A range in last month, opened from this month's Laporan: the log must show those days.
    const here = parseHash("#/laporan?from=2026-11-26&to=2026-11-28&service=ktp-el&by=counter&cursor=x");
    const href = tabHref("log", here.params);
    expect(href).toBe("#/log?from=2026-11-26&to=2026-11-28&service=ktp-el");
    const there = parseHash(href);
    expect(filtersFrom(there.params, { today: "2026-12-01" } as ReportMeta)).toMatchObject({
      from: "2026-11-26",
      to: "2026-11-28",
      service: "ktp-el",
    });
    expect(tabHref("kepatuhan", parseHash("#/kepatuhan?month=2026-10&agency=disdukcapil").params)).toBe(
      "#/kepatuhan?agency=disdukcapil&month=2026-10",
    );
    expect(tabHref("langsung", new URLSearchParams())).toBe("#/langsung");
  });

  it("API query strings leave out empty values", () => {
    expect(query({ from: "2026-11-01", agency: null, service: "", officer: ["a", "b"] })).toBe(
      "?from=2026-11-01&officer=a%2Cb",
    );
    expect(query({})).toBe("");
  });
});

describe("live board", () => {
  const counter = (id: string, current: string | null): CounterView => ({
    id,
    name: id,
    number: 1,
    status: "open",
    officerName: "Rina",
    current: current ? { number: current, serviceId: "ktp-el", status: "called" } : null,
  });
  const log = (seq: number, type: LogEntry["type"]): LogEntry => ({
    seq,
    at: seq,
    type,
    number: "A-001",
    serviceId: "ktp-el",
    counterId: "loket-1",
    detail: {},
  });
  const snapshot: DashboardSnapshot = {
    seq: 10,
    serverTime: 0,
    counters: [counter("loket-1", null)],
    waiting: [{ serviceId: "ktp-el", waiting: 3, longestWaitMs: 60_000 }],
    statuses: [],
    servedToday: 5,
    recent: [log(10, "ticket.called")],
  };

  it("applies pushes on top of a snapshot; a completion counts as served; a repeated entry is ignored", () => {
    let s = fromSnapshot(snapshot);
    s = applyPush(s, { name: "counter:updated", payload: { ...counter("loket-1", "A-002"), seq: 11 } });
    s = applyPush(s, {
      name: "queue:changed",
      payload: { seq: 11, waiting: [{ serviceId: "ktp-el", waiting: 2, longestWaitMs: 70_000 }] },
    });
    s = applyPush(s, { name: "log:appended", payload: log(12, "ticket.completed") });
    s = applyPush(s, { name: "log:appended", payload: log(12, "ticket.completed") });
    expect(s.counters[0]!.current?.number).toBe("A-002");
    expect(s.waiting[0]!.waiting).toBe(2);
    expect(s.servedToday).toBe(6);
    expect(s.recent.map((e) => e.seq)).toEqual([12, 10]);
    expect(s.seq).toBe(12);
    expect(
      applyPush(EMPTY_BOARD, { name: "counter:updated", payload: { ...counter("loket-9", null), seq: 1 } })
        .counters,
    ).toHaveLength(1);
  });
});

describe("session store", () => {
  const memory = (): Storage => {
    const m = new Map<string, string>();
    return {
      getItem: (k) => m.get(k) ?? null,
      setItem: (k, v) => void m.set(k, v),
      removeItem: (k) => void m.delete(k),
      clear: () => m.clear(),
      key: () => null,
      get length() {
        return m.size;
      },
    };
  };
  it("keeps a manager's session, never an officer's or an expired one", () => {
    const storage = memory();
    const user = { id: "u", username: "siti", displayName: "Siti", role: "manager" as const };
    saveSession({ token: "ses_x", expiresAt: 2_000, user }, storage);
    expect(loadSession(storage, 1_000)?.token).toBe("ses_x");
    expect(loadSession(storage, 2_000)).toBeNull();
    saveSession({ token: "ses_y", expiresAt: 2_000, user: { ...user, role: "officer" } }, storage);
    expect(loadSession(storage, 1_000)).toBeNull();
  });
});

/**
 * Compile-fail tests of the dashboard's report client: names, parameters and
 * answers come from REPORT_ENDPOINTS; each @ts-expect-error must fail the
 * typecheck. Never run.
 */
function reportClientTypeChecks(api: Api): void {
  const summary: Promise<SummaryResponse> = api.get("summary", { by: "counter", from: "2026-11-01" });
  void summary;
  // @ts-expect-error there is no "ranking" report
  void api.get("ranking");
  // @ts-expect-error "by" takes a grouping's name
  void api.get("summary", { by: 3 });
  // @ts-expect-error the live view is not a summary
  const live: Promise<SummaryResponse> = api.get("live");
  void live;
  const ok: Promise<LiveView> = api.get("live");
  void ok;
  // @ts-expect-error the live view has no CSV export
  void api.download("live");
}

describe("the report client", () => {
  it("is checked by the compiler (see reportClientTypeChecks)", () => {
    expect(reportClientTypeChecks).toBeTypeOf("function");
  });
});
