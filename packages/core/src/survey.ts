/**
 * Survei Kepuasan Masyarakat (PermenPANRB 14/2017): the nine unsur, the Nilai
 * Rata-Rata (NRR) per unsur, the Indeks Kepuasan Masyarakat (IKM) and its mutu,
 * and the Krejcie–Morgan minimum sample. Pure arithmetic: the store sums the
 * answers, this turns the sums into what the office publishes.
 */

/** The unsur keys are the identity: offices number sarana and pengaduan differently. */
export const SURVEY_UNSUR = [
  "persyaratan",
  "prosedur",
  "waktu",
  "biaya",
  "produk",
  "kompetensi",
  "perilaku",
  "sarana",
  "pengaduan",
] as const;
export type SurveyUnsur = (typeof SURVEY_UNSUR)[number];
export type SurveyScore = 1 | 2 | 3 | 4;
export type SurveyAnswers = Record<SurveyUnsur, SurveyScore>;
export type Mutu = "A" | "B" | "C" | "D";

/** Sum of the scores given to one unsur and how many respondents answered it. */
export interface UnsurTotal {
  unsur: SurveyUnsur;
  sum: number;
  respondents: number;
}

export interface UnsurResult {
  unsur: SurveyUnsur;
  respondents: number;
  nrr: number | null;
  /** nrr × 1/9 */
  weighted: number | null;
  mutu: Mutu | null;
}

export interface IkmResult {
  /** Respondents of the period (max over unsur). */
  respondents: number;
  /** In SURVEY_UNSUR order. */
  unsur: UnsurResult[];
  /** Σ NRR × 1/9 × 25, rounded half up to 2 decimals; null when no respondent or an unsur has none. */
  ikm: number | null;
  mutu: Mutu | null;
  /** The lowest-scoring unsur (all of them when tied), what the office should improve first. */
  lowest: SurveyUnsur[];
}

export const MUTU_LABEL: Record<Mutu, { id: string; en: string }> = {
  A: { id: "Sangat Baik", en: "Very good" },
  B: { id: "Baik", en: "Good" },
  C: { id: "Kurang Baik", en: "Poor" },
  D: { id: "Tidak Baik", en: "Very poor" },
};

const UNSUR_COUNT = BigInt(SURVEY_UNSUR.length);

/**
 * The published intervals (A 88.31–100, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99)
 * are written in hundredths, so a value is graded by its rounded hundredths, as an
 * integer: no float comparison can put 88.31 on the wrong side.
 */
function mutuOfHundredths(hundredths: number): Mutu {
  if (hundredths >= 8831) return "A";
  if (hundredths >= 7661) return "B";
  if (hundredths >= 6500) return "C";
  return "D";
}

/** round(num/den × 100) half up, exactly, for num/den >= 0. */
function hundredthsOfRatio(num: bigint, den: bigint): number {
  return Number((200n * num + den) / (2n * den));
}

/**
 * Half up to hundredths for a float that stands for an exact value. The guard
 * (1e-9 of a hundredth) lifts a true x.xx5 that floating point stored as
 * x.xx4999… back over the half; a value that is really below the half by less
 * than that would need a denominator above 10^8 respondents, which no office has.
 */
function hundredthsOf(x: number): number {
  return Math.round(x * 100 + 1e-9);
}

/** The mutu of an IKM on 25–100, after rounding it half up to 2 decimals. */
export function mutuOfIkm(ikm: number): Mutu {
  if (!Number.isFinite(ikm) || ikm < 25 || ikm > 100) throw new RangeError(`IKM ${ikm} is outside 25–100`);
  return mutuOfHundredths(hundredthsOf(ikm));
}

/**
 * The mutu of an NRR on 1–4. The quoted 1–4 intervals (D ≤ 2.5996, C 2.60–3.064,
 * B 3.0644–3.532, A ≥ 3.5324) are the 25–100 ones divided by 25, and leave gaps
 * (2.5996 < x < 2.60 has no grade). Grading NRR × 25 exactly like an IKM closes the
 * gaps at the same rounding rule, and keeps one promise: nine unsur with the same
 * NRR give an IKM of NRR × 25 with the same mutu as each unsur.
 */
export function mutuOfNrr(nrr: number): Mutu {
  if (!Number.isFinite(nrr) || nrr < 1 || nrr > 4) throw new RangeError(`NRR ${nrr} is outside 1–4`);
  return mutuOfHundredths(hundredthsOf(nrr * 25));
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function checkTotal(t: UnsurTotal): void {
  const ok =
    Number.isSafeInteger(t.sum) &&
    Number.isSafeInteger(t.respondents) &&
    t.respondents >= 0 &&
    t.sum >= t.respondents &&
    t.sum <= 4 * t.respondents;
  if (!ok) throw new RangeError(`impossible survey total for ${t.unsur}: sum ${t.sum} of ${t.respondents}`);
}

/**
 * The IKM of a period from the per-unsur sums. Rows for the same unsur add up, so
 * totals of several services or days can be passed together.
 *
 * The IKM is computed as an exact fraction, 25/9 × Σ(sum_i / n_i), then rounded
 * half up: the grade boundaries (88.31, 76.61, 65.00) are reachable by real sums,
 * and a float sum of nine NRR can land a hair below them.
 *
 * The regulation's formula weighs each of the nine unsur by 1/9; when some unsur
 * has no respondent at all there is no IKM to publish (ikm and mutu are null),
 * though the unsur that were answered still get their NRR.
 */
export function ikmOf(totals: readonly UnsurTotal[]): IkmResult {
  const acc: UnsurTotal[] = SURVEY_UNSUR.map((unsur) => ({ unsur, sum: 0, respondents: 0 }));
  for (const t of totals) {
    const row = acc.find((a) => a.unsur === t.unsur);
    if (!row) throw new RangeError(`unknown survey unsur "${String(t.unsur)}"`);
    checkTotal(t);
    row.sum += t.sum;
    row.respondents += t.respondents;
  }

  const unsur: UnsurResult[] = acc.map(({ unsur: u, sum, respondents }) => {
    if (respondents === 0) return { unsur: u, respondents, nrr: null, weighted: null, mutu: null };
    const nrr = sum / respondents;
    return {
      unsur: u,
      respondents,
      nrr,
      weighted: nrr / 9,
      mutu: mutuOfHundredths(hundredthsOfRatio(25n * BigInt(sum), BigInt(respondents))),
    };
  });

  const answered = acc.filter((a) => a.respondents > 0);
  const respondents = Math.max(0, ...acc.map((a) => a.respondents));

  let ikm: number | null = null;
  let mutu: Mutu | null = null;
  if (answered.length === SURVEY_UNSUR.length) {
    // Σ sum_i/n_i as one fraction num/den, reduced as it grows.
    let num = 0n;
    let den = 1n;
    for (const a of answered) {
      const d = BigInt(a.respondents);
      num = num * d + BigInt(a.sum) * den;
      den *= d;
      const g = gcd(num, den);
      num /= g;
      den /= g;
    }
    const hundredths = hundredthsOfRatio(25n * num, UNSUR_COUNT * den);
    ikm = hundredths / 100;
    mutu = mutuOfHundredths(hundredths);
  }

  return { respondents, unsur, ikm, mutu, lowest: lowestOf(answered) };
}

/** Ties compared by cross-multiplying the integer sums, so 2/3 and 4/6 tie exactly. */
function lowestOf(answered: readonly UnsurTotal[]): SurveyUnsur[] {
  let lowest: SurveyUnsur[] = [];
  let best: UnsurTotal | undefined;
  for (const cur of answered) {
    const cmp = best === undefined ? -1 : cur.sum * best.respondents - best.sum * cur.respondents;
    if (cmp < 0) {
      best = cur;
      lowest = [cur.unsur];
    } else if (cmp === 0) {
      lowest.push(cur.unsur);
    }
  }
  return lowest;
}

/** Adds up the answers of respondents into the per-unsur totals ikmOf reads. */
export function tallySurvey(answers: readonly SurveyAnswers[]): UnsurTotal[] {
  return SURVEY_UNSUR.map((unsur) => ({
    unsur,
    sum: answers.reduce((acc, a) => acc + a[unsur], 0),
    respondents: answers.length,
  }));
}

/**
 * Krejcie–Morgan: S = X²·N·P(1−P) / (d²·(N−1) + X²·P(1−P)) with X² = 3.841, P = 0.5,
 * d = 0.05, rounded to the nearest whole number as the published table is. Scaled
 * to integers (S = 3841·N / (10·(N−1) + 3841)) so the rounding is exact.
 */
export function minimumSample(population: number): number {
  if (!Number.isSafeInteger(population) || population < 0) {
    throw new RangeError(`population ${population} is not a whole number >= 0`);
  }
  if (population === 0) return 0;
  const n = BigInt(population);
  const num = 3841n * n;
  const den = 10n * (n - 1n) + 3841n;
  const rounded = Number((2n * num + den) / (2n * den));
  return Math.min(rounded, population);
}

const UNSUR_SET: ReadonlySet<string> = new Set(SURVEY_UNSUR);

/** Exactly the nine unsur keys, each an integer score 1..4: what a respondent submits. */
export function isSurveyAnswers(value: unknown): value is SurveyAnswers {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== SURVEY_UNSUR.length || !keys.every((k) => UNSUR_SET.has(k))) return false;
  const record = value as Record<string, unknown>;
  return SURVEY_UNSUR.every((u) => {
    const score = record[u];
    return typeof score === "number" && Number.isInteger(score) && score >= 1 && score <= 4;
  });
}
