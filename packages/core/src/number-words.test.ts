import { describe, expect, it } from "vitest";
import { digitWordList, NUMBER_WORDS, numberToWordList, numberToWords } from "./number-words";

describe("numberToWords", () => {
  it.each([
    [0, "nol"],
    [1, "satu"],
    [7, "tujuh"],
    [9, "sembilan"],
    [10, "sepuluh"],
    [11, "sebelas"],
    [12, "dua belas"],
    [19, "sembilan belas"],
    [20, "dua puluh"],
    [21, "dua puluh satu"],
    [99, "sembilan puluh sembilan"],
    [100, "seratus"],
    [101, "seratus satu"],
    [110, "seratus sepuluh"],
    [111, "seratus sebelas"],
    [115, "seratus lima belas"],
    [200, "dua ratus"],
    [345, "tiga ratus empat puluh lima"],
    [999, "sembilan ratus sembilan puluh sembilan"],
    [1000, "seribu"],
    [1001, "seribu satu"],
    [1100, "seribu seratus"],
    [1111, "seribu seratus sebelas"],
    [2000, "dua ribu"],
    [11_000, "sebelas ribu"],
    [100_000, "seratus ribu"],
    [999_999, "sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan"],
    [1_000_000, "satu juta"],
    [2_500_000, "dua juta lima ratus ribu"],
  ])("%i → %s", (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  it("never says 'satu puluh', 'satu belas', 'satu ratus' or 'satu ribu' from 0 to 999, and uses only known words", () => {
    const known = new Set(NUMBER_WORDS);
    const seen = new Set<string>();
    for (let n = 0; n <= 999; n++) {
      const text = numberToWords(n);
      seen.add(text);
      expect(text).not.toMatch(/satu (puluh|belas|ratus|ribu)/);
      expect(text).not.toMatch(/^nol ./);
      for (const w of numberToWordList(n)) expect(known.has(w), `${n}: ${w}`).toBe(true);
    }
    // 1000 different numbers, 1000 different readings.
    expect(seen.size).toBe(1000);
  });

  it("reads the tens and units of every hundred the same way", () => {
    for (let h = 1; h <= 9; h++) {
      for (let r = 1; r <= 99; r++) {
        const head = h === 1 ? "seratus" : `${numberToWords(h)} ratus`;
        expect(numberToWords(h * 100 + r)).toBe(`${head} ${numberToWords(r)}`);
      }
    }
  });

  it("rejects what it cannot read", () => {
    expect(() => numberToWords(-1)).toThrow(RangeError);
    expect(() => numberToWords(1.5)).toThrow(RangeError);
    expect(() => numberToWords(Number.NaN)).toThrow(RangeError);
    expect(() => numberToWords(1_000_000_000)).toThrow(RangeError);
  });
});

describe("digitWordList", () => {
  it("reads digit by digit and keeps leading zeros", () => {
    expect(digitWordList("012")).toEqual(["nol", "satu", "dua"]);
    expect(digitWordList("100")).toEqual(["satu", "nol", "nol"]);
    expect(digitWordList("7")).toEqual(["tujuh"]);
  });

  it("rejects anything but digits", () => {
    expect(() => digitWordList("")).toThrow(RangeError);
    expect(() => digitWordList("1a")).toThrow(RangeError);
  });
});
