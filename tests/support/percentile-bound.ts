/**
 * The stated error bound of the regency's medians and p90 (docs/regency.md
 * "How the figures are made"): they come from merged log-spaced histograms
 * (migration 0005), so each is within 1 % of the exact nearest-rank value,
 * plus half a millisecond of rounding to whole ms. Everything else in a
 * report is compared exactly.
 */
import { expect } from "vitest";

export const RELATIVE_ERROR = 0.01;
export const ROUNDING_MS = 0.5;

export function withinBound(actual: number | null, exact: number | null, slackMs = 0): boolean {
  if (exact === null || actual === null) return actual === exact;
  return Math.abs(actual - exact) <= RELATIVE_ERROR * Math.abs(exact) + ROUNDING_MS + slackMs;
}

const PERCENTILE_KEYS = new Set(["p50Ms", "p90Ms"]);

/** The value with every p50Ms/p90Ms taken out, and those taken out by path. */
function split(value: unknown, path: string, out: Map<string, number | null>): unknown {
  if (Array.isArray(value)) return value.map((v, i) => split(v, `${path}[${i}]`, out));
  if (typeof value !== "object" || value === null) return value;
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (PERCENTILE_KEYS.has(k) && (typeof v === "number" || v === null)) out.set(`${path}.${k}`, v);
    else rest[k] = split(v, `${path}.${k}`, out);
  }
  return rest;
}

/**
 * `actual` equals `exact` in every field, except that each p50Ms and p90Ms
 * is within the histograms' bound of the exact one (null where it is null).
 */
export function expectWithinPercentileBound(actual: unknown, exact: unknown): void {
  const a = new Map<string, number | null>();
  const e = new Map<string, number | null>();
  expect(split(actual, "", a)).toEqual(split(exact, "", e));
  expect([...a.keys()]).toEqual([...e.keys()]);
  const off = [...e].filter(([path, x]) => !withinBound(a.get(path) ?? null, x)).map(([path, x]) => `${path}: ${a.get(path)} against exact ${x}`);
  expect(off).toEqual([]);
}
