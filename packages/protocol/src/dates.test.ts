import { describe, expect, it } from "vitest";
import { dateInWords } from "./dates";

describe("dateInWords", () => {
  it("writes a calendar date as a document is dated, in Indonesian or English", () => {
    expect(dateInWords("2026-01-05")).toBe("5 Januari 2026");
    expect(dateInWords("2026-12-01")).toBe("1 Desember 2026");
    expect(dateInWords("2027-08-17", "en")).toBe("17 August 2027");
  });

  it("leaves what is not a date as it was", () => {
    for (const bad of ["", "2026-13-01", "5 Januari 2026", "2026-1-5"]) expect(dateInWords(bad)).toBe(bad);
  });
});
