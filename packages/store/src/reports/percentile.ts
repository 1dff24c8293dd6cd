/**
 * Nearest-rank percentile: the smallest value such that at least p% of the
 * values are less than or equal to it, i.e. the value at 1-based rank
 * ceil(p/100 * n) of the sorted values. Always one of the measured values
 * (no interpolation), so "p90 = 34 min" means a real citizen waited 34 minutes.
 */
export function nearestRank(n: number, p: number): number {
  if (n <= 0) return 0;
  // Integer arithmetic: ceil(n * p / 100) without floating-point surprises (n * 0.9).
  return Math.max(1, Math.floor((n * p + 99) / 100));
}

/** Nearest-rank percentile of values already sorted ascending; null for none. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[nearestRank(sorted.length, p) - 1] ?? null;
}

/** The same rank as SQL (integer division), for queries that pick rows by rank. */
export function nearestRankSql(countExpr: string, p: number): string {
  return `MAX(1, (${countExpr} * ${p} + 99) / 100)`;
}
