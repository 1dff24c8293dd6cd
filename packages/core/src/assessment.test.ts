import { describe, expect, it } from "vitest";
import { assessmentScore, zoneOf, type AssessmentStatus } from "./assessment";

const line = (status: AssessmentStatus, weight: number) => ({ status, weight });

describe("the zone estimate", () => {
  it("follows the Ombudsman's bands at their edges", () => {
    expect(zoneOf(0)).toBe("merah");
    expect(zoneOf(50.99)).toBe("merah");
    expect(zoneOf(51)).toBe("kuning");
    expect(zoneOf(80.99)).toBe("kuning");
    expect(zoneOf(81)).toBe("hijau");
    expect(zoneOf(100)).toBe("hijau");
  });

  it("is the weighted share of the lines met, leaving out what Layan cannot see", () => {
    // Met 3 + 2 of counted 3 + 2 + 2 + 1 = 5 / 8 = 62.5; the two outside lines change nothing.
    const r = assessmentScore([
      line("terpenuhi", 3),
      line("terpenuhi", 2),
      line("belum", 2),
      line("belum", 1),
      line("di_luar_layan", 1),
      line("di_luar_layan", 1),
    ]);
    expect(r).toEqual({ score: 62.5, zone: "kuning", metWeight: 5, countedWeight: 8, outsideLines: 2 });
  });

  it("rounds to two decimals before it bands", () => {
    // 51 / 100 exactly: yellow; 50.99 / 100: red.
    expect(assessmentScore([line("terpenuhi", 51), line("belum", 49)])).toMatchObject({ score: 51, zone: "kuning" });
    expect(assessmentScore([line("terpenuhi", 5099), line("belum", 4901)])).toMatchObject({ score: 50.99, zone: "merah" });
    // 81 / 100: green; 80.99: yellow.
    expect(assessmentScore([line("terpenuhi", 81), line("belum", 19)])).toMatchObject({ score: 81, zone: "hijau" });
    expect(assessmentScore([line("terpenuhi", 8099), line("belum", 1901)])).toMatchObject({ score: 80.99, zone: "kuning" });
    // 2 / 3 = 66.666… -> 66.67; 1 / 3 -> 33.33.
    expect(assessmentScore([line("terpenuhi", 2), line("belum", 1)]).score).toBe(66.67);
    expect(assessmentScore([line("terpenuhi", 1), line("belum", 2)]).score).toBe(33.33);
    // 50.995 / 100 rounds up to 51 and is yellow, as printed.
    expect(assessmentScore([line("terpenuhi", 50995), line("belum", 49005)])).toMatchObject({ score: 51, zone: "kuning" });
  });

  it("scores nothing met, and nothing countable, as zero", () => {
    expect(assessmentScore([line("belum", 2)])).toMatchObject({ score: 0, zone: "merah" });
    expect(assessmentScore([line("di_luar_layan", 1)])).toMatchObject({ score: 0, zone: "merah", countedWeight: 0 });
  });
});
