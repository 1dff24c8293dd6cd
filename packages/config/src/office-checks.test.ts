import { describe, expect, it } from "vitest";
import { formatIssue } from "./issues";
import { inspectConfig, loadConfigWithWarnings } from "./load";
import { officeDate } from "./office-checks";
import { type ConfigCopy, freshCopyEachTest, SAMPLE_DIR } from "./test-support";

let copy: ConfigCopy;
freshCopyEachTest((c) => (copy = c));

/** An instant given as office-local (WIB) wall time. */
const wib = (local: string): number => Date.parse(`${local}+07:00`);

function warningsAt(now: number): string[] {
  const { issues, warnings } = inspectConfig(copy.dir, { now });
  expect(issues.map(formatIssue)).toEqual([]);
  return warnings.map(formatIssue);
}

/** The office's closedDates replaced by these dates. */
function closedDates(...dates: string[]): void {
  const office = copy.read("office.yaml");
  const start = office.indexOf("closedDates:\n");
  const end = office.indexOf("\nrunningText:");
  const list =
    dates.length === 0 ? "closedDates: []\n" : `closedDates:\n${dates.map((d) => `  - "${d}"\n`).join("")}`;
  copy.write("office.yaml", office.slice(0, start) + list + office.slice(end));
}

const ADVICE = (year: number) =>
  `add the ${year} national holidays and cuti bersama (SKB 3 Menteri) so working days and complaint deadlines are right`;

describe("the closedDates warning", () => {
  it("holds off while the last holiday is at least 60 days ahead (1 Nov + 60 days = 31 Dec)", () => {
    closedDates("2026-08-17", "2026-12-31");
    expect(warningsAt(wib("2026-11-01T00:00:00"))).toEqual([]);
    expect(warningsAt(wib("2026-11-01T23:59:59"))).toEqual([]);
  });

  it("warns from the office's next day on, pointing at closedDates", () => {
    closedDates("2026-08-17", "2026-12-31");
    const expected = [
      `kiosk-config/office.yaml:${copy.lineOf("office.yaml", "closedDates:")} closedDates: no holiday listed after 2026-12-31; ${ADVICE(2027)}`,
    ];
    expect(warningsAt(wib("2026-11-02T00:00:00"))).toEqual(expected);
    expect(warningsAt(wib("2026-12-20T10:00:00"))).toEqual(expected);
  });

  it("reads the office's day, not UTC's: 00:30 WIB on 2 Nov is still 1 Nov in UTC", () => {
    closedDates("2026-12-31");
    expect(officeDate(wib("2026-11-02T00:30:00"), "Asia/Jakarta")).toBe("2026-11-02");
    expect(warningsAt(wib("2026-11-02T00:30:00"))).toHaveLength(1);
    expect(warningsAt(Date.parse("2026-11-01T23:59:59Z"))).toHaveLength(1);
    expect(warningsAt(Date.parse("2026-11-01T16:59:59Z"))).toEqual([]);
  });

  it("takes the latest date however the list is ordered", () => {
    closedDates("2027-01-01", "2026-12-25");
    expect(warningsAt(wib("2026-11-02T09:00:00"))).toEqual([]);
    expect(warningsAt(wib("2026-11-03T09:00:00"))[0]).toContain(`after 2027-01-01; ${ADVICE(2027)}`);
  });

  it("names the year after a list that ends in December, even when 60 days on is still December", () => {
    closedDates("2026-01-01", "2026-12-25");
    expect(warningsAt(wib("2026-10-26T09:00:00"))).toEqual([]);
    expect(warningsAt(wib("2026-10-27T09:00:00"))[0]).toContain(`after 2026-12-25; ${ADVICE(2027)}`);
  });

  it("names the year 60 days on for a list that stops mid-year", () => {
    closedDates("2026-01-01", "2026-06-01");
    expect(warningsAt(wib("2026-05-01T09:00:00"))[0]).toContain(`after 2026-06-01; ${ADVICE(2026)}`);
  });

  it("warns on an empty list", () => {
    closedDates();
    expect(warningsAt(wib("2026-11-28T14:00:00"))).toEqual([
      `kiosk-config/office.yaml:${copy.lineOf("office.yaml", "closedDates:")} closedDates: no holiday listed; ${ADVICE(2027)}`,
    ]);
  });

  it("is not checked without a time to check it against, so loading never depends on the day", () => {
    closedDates();
    expect(inspectConfig(copy.dir).warnings).toEqual([]);
  });

  it("does not fire for the shipped config, which lists 2027", () => {
    expect(loadConfigWithWarnings(SAMPLE_DIR, { now: wib("2026-11-28T14:00:00") }).warnings).toEqual([]);
    expect(loadConfigWithWarnings(SAMPLE_DIR, { now: wib("2027-10-26T14:00:00") }).warnings).toEqual([]);
  });

  it("is a warning: the config still loads", () => {
    closedDates("2026-12-31");
    const { config, warnings } = loadConfigWithWarnings(copy.dir, { now: wib("2026-12-01T08:00:00") });
    expect(config.office.closedDates).toEqual([{ date: "2026-12-31" }]);
    expect(warnings).toHaveLength(1);
  });
});
