/** The league table's sorting and its flag for the offices that need attention (pure; tested in Node). */
import { complianceStatusOf, type RegencyLeagueRow } from "@layan/protocol";
import { STRINGS, type Lang } from "./strings";

export type SortKey = "rank" | "name" | "issued" | "served" | "waitP50" | "waitPct" | "servicePct" | "ikm" | "complaints";
export type Direction = "asc" | "desc";

/** Complaints answered by their due time, as a share of those filed; null without complaints. */
export const complaintsOnTimePct = (r: RegencyLeagueRow): number | null =>
  r.complaints && r.complaints.filed > 0 ? Math.round((r.complaints.answeredByDue / r.complaints.filed) * 1000) / 10 : null;

const VALUE: Record<SortKey, (r: RegencyLeagueRow) => number | string | null> = {
  rank: (r) => r.rank,
  name: (r) => r.name,
  issued: (r) => r.issued,
  served: (r) => r.served,
  waitP50: (r) => r.wait.p50Ms,
  waitPct: (r) => r.waitMet.pct,
  servicePct: (r) => r.serviceMet.pct,
  ikm: (r) => r.ikm?.ikm ?? null,
  complaints: complaintsOnTimePct,
};

/** Sorted by a column; rows without a value last in either direction, ties by rank. */
export function sortRows(rows: readonly RegencyLeagueRow[], key: SortKey, dir: Direction): RegencyLeagueRow[] {
  const v = VALUE[key];
  return [...rows].sort((a, b) => {
    const x = v(a);
    const y = v(b);
    if (x === null || y === null) return x === y ? a.rank - b.rank : x === null ? 1 : -1;
    const c = typeof x === "string" || typeof y === "string" ? String(x).localeCompare(String(y), "id") : x - y;
    return (dir === "asc" ? c : -c) || a.rank - b.rank;
  });
}

/**
 * Why a row is flagged, in words; null when it is not. The last-ranked row
 * with judged waits is flagged even when it is "perlu perhatian": the regent
 * asks first who is last.
 */
export function flagOf(row: RegencyLeagueRow, rows: readonly RegencyLeagueRow[], lang: Lang = "id"): string | null {
  const words = STRINGS[lang].flags;
  const reasons: string[] = [];
  const judged = rows.filter((r) => r.waitMet.pct !== null);
  const last = judged.length > 1 && judged.reduce((a, b) => (b.rank > a.rank ? b : a)).key === row.key;
  if (last) reasons.push(words.last);
  if (complianceStatusOf(row.waitMet.pct) === "tidak_memenuhi") reasons.push(words.wait);
  if (complianceStatusOf(row.serviceMet.pct) === "tidak_memenuhi") reasons.push(words.service);
  return reasons.length ? reasons.join("; ") : null;
}
