import { describe, expect, it } from "vitest";
import {
  ikmOf,
  isSurveyAnswers,
  MUTU_LABEL,
  minimumSample,
  mutuOfIkm,
  mutuOfNrr,
  SURVEY_UNSUR,
  type SurveyAnswers,
  type SurveyScore,
  type UnsurTotal,
  tallySurvey,
} from "./survey";

/** One respondent, scores in SURVEY_UNSUR order. */
function answers(...scores: SurveyScore[]): SurveyAnswers {
  const [persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, sarana, pengaduan] = scores;
  if (pengaduan === undefined || scores.length !== 9) throw new Error("nine scores");
  return {
    persyaratan,
    prosedur,
    waktu,
    biaya,
    produk,
    kompetensi,
    perilaku,
    sarana,
    pengaduan,
  } as SurveyAnswers;
}

/** Every unsur summed to `sum` over `respondents`: IKM = 25 × sum / respondents. */
function uniform(sum: number, respondents: number): UnsurTotal[] {
  return SURVEY_UNSUR.map((unsur) => ({ unsur, sum, respondents }));
}

describe("ikmOf, ten respondents worked by hand", () => {
  //            pers pros wakt biay prod komp peri sara peng
  const ten = [
    answers(4, 4, 3, 4, 4, 4, 4, 3, 3),
    answers(4, 4, 3, 4, 4, 4, 4, 3, 3),
    answers(4, 3, 3, 4, 4, 4, 4, 3, 3),
    answers(4, 3, 3, 4, 3, 4, 4, 3, 3),
    answers(4, 3, 3, 4, 3, 4, 4, 3, 3),
    answers(3, 3, 3, 4, 3, 4, 4, 3, 3),
    answers(3, 3, 3, 4, 3, 3, 4, 3, 2),
    answers(3, 3, 3, 4, 3, 3, 3, 3, 2),
    answers(3, 3, 2, 4, 3, 3, 3, 3, 2),
    answers(3, 3, 2, 4, 3, 3, 3, 3, 2),
  ];
  // Column sums and NRR (sum / 10), NRR × 25 and its grade:
  //   persyaratan 5×4 + 5×3 = 35 -> 3.5 -> 87.5 B
  //   prosedur    2×4 + 8×3 = 32 -> 3.2 -> 80.0 B
  //   waktu       8×3 + 2×2 = 28 -> 2.8 -> 70.0 C
  //   biaya       10×4      = 40 -> 4.0 -> 100  A
  //   produk      3×4 + 7×3 = 33 -> 3.3 -> 82.5 B
  //   kompetensi  6×4 + 4×3 = 36 -> 3.6 -> 90.0 A
  //   perilaku    7×4 + 3×3 = 37 -> 3.7 -> 92.5 A
  //   sarana      10×3      = 30 -> 3.0 -> 75.0 C
  //   pengaduan   6×3 + 4×2 = 26 -> 2.6 -> 65.0 C (exactly on the C floor)
  // Σ NRR = 29.7; IKM = 29.7 × 1/9 × 25 = 82.5 -> B.
  const result = ikmOf(tallySurvey(ten));

  it("sums each unsur over the respondents", () => {
    expect(tallySurvey(ten).map((t) => [t.unsur, t.sum, t.respondents])).toEqual([
      ["persyaratan", 35, 10],
      ["prosedur", 32, 10],
      ["waktu", 28, 10],
      ["biaya", 40, 10],
      ["produk", 33, 10],
      ["kompetensi", 36, 10],
      ["perilaku", 37, 10],
      ["sarana", 30, 10],
      ["pengaduan", 26, 10],
    ]);
  });

  it("gives NRR, weighted NRR and mutu per unsur in SURVEY_UNSUR order", () => {
    expect(result.unsur.map((u) => u.unsur)).toEqual([...SURVEY_UNSUR]);
    expect(result.unsur.map((u) => u.nrr)).toEqual([3.5, 3.2, 2.8, 4, 3.3, 3.6, 3.7, 3, 2.6]);
    expect(result.unsur.map((u) => u.mutu)).toEqual(["B", "B", "C", "A", "B", "A", "A", "C", "C"]);
    expect(result.unsur[0]?.weighted).toBeCloseTo(3.5 / 9, 12);
    expect(result.unsur.every((u) => u.respondents === 10)).toBe(true);
  });

  it("gives IKM 82.5, mutu B, and pengaduan as the unsur to improve", () => {
    expect(result).toMatchObject({ respondents: 10, ikm: 82.5, mutu: "B", lowest: ["pengaduan"] });
    expect(MUTU_LABEL[result.mutu ?? "D"]).toEqual({ id: "Baik", en: "Good" });
  });
});

describe("ikmOf at the grade boundaries", () => {
  // With 2500 respondents on every unsur, sum s gives NRR = s/2500 and
  // IKM = 25 × s/2500 = s/100 exactly: s = 8831 is 88.31, and so on.
  it.each([
    [8831, 88.31, "A"],
    [8830, 88.3, "B"],
    [7661, 76.61, "B"],
    [7660, 76.6, "C"],
    [6500, 65, "C"],
    [6499, 64.99, "D"],
  ] as const)("sum %i of 2500 on every unsur is IKM %d, mutu %s", (sum, ikm, mutu) => {
    const r = ikmOf(uniform(sum, 2500));
    expect(r.ikm).toBe(ikm);
    expect(r.mutu).toBe(mutu);
    expect(r.unsur.every((u) => u.mutu === mutu)).toBe(true);
  });

  it("keeps 88.31 when summing nine float NRR would give 88.30999999999997", () => {
    // 9 × 8831/2500 × 1/9 × 25 = 88.31, but the float sum of nine 3.5324 is a hair low.
    expect(ikmOf(uniform(8831, 2500)).ikm).toBe(88.31);
  });

  it("rounds an exact half up: 88.305 is 88.31, A", () => {
    // 5000 respondents, 17661 on every unsur: NRR 3.5322, IKM 25 × 3.5322 = 88.305
    // exactly (the float sum of nine NRR reads 88.30499999999999; toFixed(2) says 88.30).
    expect(ikmOf(uniform(17661, 5000))).toMatchObject({ ikm: 88.31, mutu: "A" });
  });

  // 5000 respondents; eight unsur share one sum, pengaduan has another. With total T,
  // IKM = 25 × T / (9 × 5000) = T / 1800, and each T below is 1800 × an exact half:
  //   8 × 12500 + 16991 = 116991 = 1800 × 64.995 -> 65.00 C
  //   8 × 16000 +  9889 = 137889 = 1800 × 76.605 -> 76.61 B
  //   8 × 17900 + 15749 = 158949 = 1800 × 88.305 -> 88.31 A
  // Summing the nine float NRR gives 64.99499…, 76.60499…, 88.30499…8 instead, which
  // Math.round(x × 100) takes down to the grade below.
  it.each([
    [12500, 16991, 65, "C"],
    [16000, 9889, 76.61, "B"],
    [17900, 15749, 88.31, "A"],
  ] as const)(
    "eight unsur at %i and pengaduan at %i of 5000 is IKM %d, %s",
    (eight, pengaduan, ikm, mutu) => {
      const totals = uniform(eight, 5000).map((t) =>
        t.unsur === "pengaduan" ? { ...t, sum: pengaduan } : t,
      );
      expect(ikmOf(totals)).toMatchObject({ ikm, mutu });
    },
  );

  it("rounds just below the half down: 88.3044… is 88.30, B", () => {
    // Total 8 × 17661 + 17660 = 158948; IKM = 25 × 158948 / (9 × 5000) = 88.30444…
    const totals = uniform(17661, 5000).map((t) => (t.unsur === "pengaduan" ? { ...t, sum: 17660 } : t));
    expect(ikmOf(totals)).toMatchObject({ ikm: 88.3, mutu: "B" });
  });

  it("weighs each unsur by its own respondents when the counts differ", () => {
    // persyaratan 7/2 = 3.5 over 2 respondents, the other eight 12/3 = 4 over 3:
    // Σ NRR = 3.5 + 32 = 35.5; IKM = 35.5 × 25 / 9 = 98.6111… -> 98.61, A.
    const totals = uniform(12, 3).map((t) =>
      t.unsur === "persyaratan" ? { ...t, sum: 7, respondents: 2 } : t,
    );
    expect(ikmOf(totals)).toMatchObject({ respondents: 3, ikm: 98.61, mutu: "A", lowest: ["persyaratan"] });
  });
});

describe("mutuOfIkm and mutuOfNrr", () => {
  it.each([
    [100, "A"],
    [88.31, "A"],
    [88.305, "A"],
    [88.3049, "B"],
    [88.3, "B"],
    [76.61, "B"],
    [76.605, "B"],
    [76.6, "C"],
    [65, "C"],
    [64.995, "C"],
    [64.99, "D"],
    [25, "D"],
    // The float sums of nine NRR for the exact halves above (see ikmOf's boundary
    // cases): a caller that summed floats still gets the grade of the true value.
    [64.99499999999999, "C"],
    [76.60499999999999, "B"],
    [88.30499999999998, "A"],
  ] as const)("IKM %d is %s", (ikm, mutu) => {
    expect(mutuOfIkm(ikm)).toBe(mutu);
  });

  // The quoted 1–4 limits are the 25–100 ones divided by 25.
  it.each([
    [4, "A"],
    [3.5324, "A"],
    [3.5322, "A"], // × 25 = 88.305 -> 88.31
    [3.532, "B"],
    [3.0644, "B"],
    [3.064, "C"],
    [2.6, "C"],
    [2.5998, "C"], // in the quoted gap 2.5996–2.60: × 25 = 64.995 -> 65.00
    [2.5997, "D"], // × 25 = 64.9925 -> 64.99
    [2.5996, "D"],
    [1, "D"],
  ] as const)("NRR %d is %s", (nrr, mutu) => {
    expect(mutuOfNrr(nrr)).toBe(mutu);
  });

  it("refuses values off the scale", () => {
    expect(() => mutuOfIkm(24.99)).toThrow(RangeError);
    expect(() => mutuOfIkm(100.01)).toThrow(RangeError);
    expect(() => mutuOfIkm(Number.NaN)).toThrow(RangeError);
    expect(() => mutuOfNrr(0.99)).toThrow(RangeError);
    expect(() => mutuOfNrr(4.01)).toThrow(RangeError);
  });

  it("labels every mutu in Bahasa Indonesia and English", () => {
    expect(MUTU_LABEL).toEqual({
      A: { id: "Sangat Baik", en: "Very good" },
      B: { id: "Baik", en: "Good" },
      C: { id: "Kurang Baik", en: "Poor" },
      D: { id: "Tidak Baik", en: "Very poor" },
    });
  });
});

describe("ikmOf edge cases", () => {
  it("names every tied lowest unsur, comparing fractions exactly", () => {
    // waktu 7/3 and pengaduan 14/6 are both 2.333…; the rest 4.
    const totals = uniform(24, 6).map((t) =>
      t.unsur === "waktu"
        ? { ...t, sum: 7, respondents: 3 }
        : t.unsur === "pengaduan"
          ? { ...t, sum: 14 }
          : t,
    );
    expect(ikmOf(totals).lowest).toEqual(["waktu", "pengaduan"]);
    expect(ikmOf(uniform(30, 10)).lowest).toEqual([...SURVEY_UNSUR]);
  });

  it("gives nulls and no lowest unsur when nobody answered", () => {
    for (const totals of [[], uniform(0, 0)]) {
      const r = ikmOf(totals);
      expect(r).toMatchObject({ respondents: 0, ikm: null, mutu: null, lowest: [] });
      expect(r.unsur).toHaveLength(9);
      expect(r.unsur.every((u) => u.nrr === null && u.weighted === null && u.mutu === null)).toBe(true);
    }
  });

  it("publishes no IKM while an unsur has no respondent, but grades the others", () => {
    const r = ikmOf(uniform(30, 10).filter((t) => t.unsur !== "biaya"));
    expect(r).toMatchObject({ respondents: 10, ikm: null, mutu: null });
    expect(r.unsur.find((u) => u.unsur === "biaya")).toEqual({
      unsur: "biaya",
      respondents: 0,
      nrr: null,
      weighted: null,
      mutu: null,
    });
    expect(r.unsur.find((u) => u.unsur === "sarana")).toMatchObject({ nrr: 3, mutu: "C" });
  });

  it("adds rows of the same unsur, so several services' totals combine", () => {
    const both = [...uniform(30, 10), ...uniform(40, 10)];
    expect(ikmOf(both)).toMatchObject({ respondents: 20, ikm: 87.5, mutu: "B" });
  });

  it("refuses totals no set of answers can make", () => {
    expect(() => ikmOf([{ unsur: "waktu", sum: 41, respondents: 10 }])).toThrow(RangeError);
    expect(() => ikmOf([{ unsur: "waktu", sum: 9, respondents: 10 }])).toThrow(RangeError);
    expect(() => ikmOf([{ unsur: "waktu", sum: 3.5, respondents: 1 }])).toThrow(RangeError);
    expect(() => ikmOf([{ unsur: "antrean", sum: 3, respondents: 1 } as unknown as UnsurTotal])).toThrow(
      RangeError,
    );
  });
});

describe("minimumSample (Krejcie–Morgan)", () => {
  it.each([
    [0, 0],
    [1, 1],
    [10, 10],
    [50, 44],
    [100, 80],
    [200, 132],
    [500, 217],
    [1000, 278],
    [2000, 322],
    [5000, 357],
    [10_000, 370],
    [1_000_000, 384],
  ])("population %i needs %i respondents", (population, sample) => {
    expect(minimumSample(population)).toBe(sample);
  });

  it("never asks for more respondents than the population", () => {
    for (let n = 0; n <= 200; n++) expect(minimumSample(n)).toBeLessThanOrEqual(n);
  });

  it("refuses a population that is not a whole number", () => {
    expect(() => minimumSample(-1)).toThrow(RangeError);
    expect(() => minimumSample(2.5)).toThrow(RangeError);
  });
});

describe("isSurveyAnswers", () => {
  const good = answers(4, 3, 2, 1, 4, 3, 2, 1, 4);

  it("accepts the nine unsur, each scored 1 to 4", () => {
    expect(isSurveyAnswers(good)).toBe(true);
    expect(isSurveyAnswers(JSON.parse(JSON.stringify(good)))).toBe(true);
  });

  it.each([
    [
      "a missing key",
      (() => {
        const { pengaduan: _, ...rest } = good;
        return rest;
      })(),
    ],
    ["an extra key", { ...good, antrean: 4 }],
    ["a 0", { ...good, waktu: 0 }],
    ["a 5", { ...good, waktu: 5 }],
    ["a 2.5", { ...good, waktu: 2.5 }],
    ['a "3"', { ...good, waktu: "3" }],
    ["null", null],
    ["an array", [4, 3, 2, 1, 4, 3, 2, 1, 4]],
    ["a string", "4,3,2,1,4,3,2,1,4"],
  ])("refuses %s", (_, value) => {
    expect(isSurveyAnswers(value)).toBe(false);
  });
});
