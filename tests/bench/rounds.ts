/**
 * Rounds: the limit server and the hub run alternately, so a burst of other
 * work on the shared machine lands on both sides of a ratio instead of on one.
 * Each figure is reported as the median over the rounds with its min and max;
 * a ratio is computed inside each round first, then its median taken, never
 * as a median over a median.
 */
export type Results = Record<string, number | string>;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * One key per figure (the median, so the old keys keep their meaning), plus
 * `<key>_min` and `<key>_max` when there was more than one round. Keys that
 * hold text keep the first round's value.
 */
export function summarizeRounds(rounds: readonly Results[], digits = 2): Results {
  const out: Results = {};
  const keys = [...new Set(rounds.flatMap((r) => Object.keys(r)))];
  const f = 10 ** digits;
  const r = (n: number) => Math.round(n * f) / f;
  for (const key of keys) {
    const values = rounds.map((round) => round[key]).filter((v) => v !== undefined);
    const numbers = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
    if (numbers.length === 0) {
      if (values[0] !== undefined) out[key] = values[0];
      continue;
    }
    out[key] = r(median(numbers));
    if (rounds.length > 1) {
      out[`${key}_min`] = r(Math.min(...numbers));
      out[`${key}_max`] = r(Math.max(...numbers));
    }
  }
  return out;
}

/** `a / b` rounded, or NaN when either is missing. */
export function ratio(a: number | string | undefined, b: number | string | undefined): number {
  const x = Number(a);
  const y = Number(b);
  if (!Number.isFinite(x) || !Number.isFinite(y) || y === 0) return Number.NaN;
  return Math.round((x / y) * 100) / 100;
}
