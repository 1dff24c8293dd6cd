import { describe, expect, expectTypeOf, it } from "vitest";
import { queryObject, REPORT_ENDPOINTS, type ReportQueryInput, type ReportResponse } from "./endpoints";
import type { ComplianceReport, LabelledTicket, SummaryResponse, TicketPage } from "./results";

const TODAY = "2026-12-01";
const parse = <N extends keyof typeof REPORT_ENDPOINTS>(name: N, search: string) =>
  REPORT_ENDPOINTS[name].query(TODAY).safeParse(queryObject(new URLSearchParams(search)));

/**
 * Compile-fail tests of the report contract: each @ts-expect-error line must
 * fail `pnpm typecheck` (an unused one fails it too). Never run.
 */
function typeChecks(): void {
  expectTypeOf<ReportResponse<"summary">>().toEqualTypeOf<SummaryResponse>();
  expectTypeOf<ReportResponse<"tickets">>().toEqualTypeOf<TicketPage<LabelledTicket>>();
  expectTypeOf<ReportResponse<"compliance">>().toEqualTypeOf<ComplianceReport>();
  const ok: ReportQueryInput<"summary"> = { from: "2026-11-01", by: "counter", service: ["ktp-el"] };
  void ok;
  // @ts-expect-error a summary's "by" is a parameter value, not a number
  const wrong: ReportQueryInput<"summary"> = { by: 3 };
  void wrong;
  // @ts-expect-error there is no "ranking" report
  void REPORT_ENDPOINTS.ranking;
  // @ts-expect-error the compliance report answers a ComplianceReport, not a summary
  const answer: ReportResponse<"compliance"> = {} as SummaryResponse;
  void answer;
}

describe("report query schemas", () => {
  it("are checked by the compiler (see typeChecks)", () => {
    expect(typeChecks).toBeTypeOf("function");
  });

  it("fill this month up to the hub's today, read lists and repeated parameters", () => {
    const r = parse("summary", "service=ktp-el,kia&service=skck&counter=loket-1");
    expect(r.success && r.data).toMatchObject({
      from: "2026-12-01",
      to: "2026-12-01",
      service: ["ktp-el", "kia", "skck"],
      counter: ["loket-1"],
      officer: null,
      by: "service",
      dialect: "default",
    });
  });

  it("refuse bad dates, ranges and ids with Indonesian messages naming the parameter", () => {
    const issues = (search: string) => {
      const r = parse("trend", search);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(issues("from=2026-02-30")).toEqual(["from: tanggal harus berformat YYYY-MM-DD"]);
    expect(issues("from=2026-11-28&to=2026-11-01")).toEqual(["to: tanggal akhir sebelum tanggal awal"]);
    expect(issues("from=2025-01-01&to=2026-11-01")).toEqual(["to: rentang paling lama 366 hari"]);
    expect(issues("service=ktp el")).toEqual(['service: pengenal tidak valid: "ktp el"']);
    // A start after today with no end: the end defaults to today, which is before it.
    expect(issues("from=2026-12-05")).toEqual(["to: tanggal akhir sebelum tanggal awal"]);
  });

  it("parse the ticket log's paging and row filters", () => {
    const r = parse("tickets", "number=a-12&outcome=no_show&missed=wait&limit=20&sort=wait&dir=asc");
    expect(r.success && r.data).toMatchObject({
      number: "A-12",
      outcome: ["no_show"],
      missed: "wait",
      limit: 20,
      sort: "wait",
      dir: "asc",
      cursor: null,
    });
    const bad = parse("tickets", "limit=5000&outcome=lost&number=12");
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join("."))).toEqual(["outcome", "number", "limit"]);
  });

  it("the compliance report defaults to last month, also across a year", () => {
    const r = REPORT_ENDPOINTS.compliance.query("2027-01-01").safeParse({});
    expect(r.success && r.data.month).toBe("2026-12");
    const bad = parse("compliance", "month=2026-13");
    expect(bad.success ? null : bad.error.issues[0]?.message).toBe("bulan harus berformat YYYY-MM");
  });
});
