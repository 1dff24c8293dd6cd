/**
 * The periods a regent's staff asks about ("bulan ini", "bulan lalu", "3 bulan
 * terakhir", "tahun ini") as inclusive service-day ranges, and the hash route
 * that keeps the chosen view and period in the URL (bookmarkable, shareable,
 * the same after a reload). Pure, tested in Node.
 */
import { addDays, monthRange, previousMonth } from "@layan/core";
import { REGENCY_MAX_RANGE_DAYS } from "@layan/protocol";

export type Preset = "bulan-ini" | "bulan-lalu" | "3-bulan" | "tahun-ini";

/** Their ids are the URL's (`periode=`), Indonesian in either language so a shared link works for both; their names are in strings.ts. */
export const PRESETS: readonly { id: Preset }[] = [{ id: "bulan-ini" }, { id: "bulan-lalu" }, { id: "3-bulan" }, { id: "tahun-ini" }];

export interface Range {
  from: string;
  to: string;
}

/** The preset's days as of `today` (office-local "YYYY-MM-DD"); ranges end today at the latest, never in the future. */
export function presetRange(preset: Preset, today: string): Range {
  const month = today.slice(0, 7);
  switch (preset) {
    case "bulan-ini":
      return { from: `${month}-01`, to: today };
    case "bulan-lalu": {
      const { from, to } = monthRange(previousMonth(today));
      return { from, to };
    }
    case "3-bulan": {
      // This month and the two before it: a quarter a staffer can compare with last quarter's figures.
      const { from } = monthRange(previousMonth(`${previousMonth(today)}-01`));
      return { from, to: today };
    }
    case "tahun-ini":
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

/** Today in the browser's timezone, which is the regency's (the offices' days are counted in theirs). */
export function localToday(now: number = Date.now()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The range the URL asks for: explicit `from`/`to` when both are days in order
 * and at most a year and a day apart (what the API accepts), else the preset,
 * else this month.
 */
export function rangeOf(params: URLSearchParams, today: string): Range & { preset: Preset | null } {
  const from = params.get("from");
  const to = params.get("to");
  if (from && to && DAY.test(from) && DAY.test(to) && from <= to && addDays(from, REGENCY_MAX_RANGE_DAYS - 1) >= to) {
    const preset = PRESETS.find((p) => {
      const r = presetRange(p.id, today);
      return r.from === from && r.to === to;
    });
    return { from, to, preset: preset?.id ?? null };
  }
  const asked = params.get("periode");
  const preset = PRESETS.some((p) => p.id === asked) ? (asked as Preset) : "bulan-ini";
  return { ...presetRange(preset, today), preset };
}

export type View = "peringkat" | "kantor" | "standar" | "cetak";
export const VIEWS: readonly View[] = ["peringkat", "kantor", "standar", "cetak"];

export interface Route {
  view: View;
  /** For "kantor": the office id. */
  id: string | null;
  params: URLSearchParams;
}

/** "#/kantor/dpmptsp?from=…&to=…" → { view: "kantor", id: "dpmptsp", params }. */
export function parseHash(hash: string): Route {
  const [path = "", search = ""] = hash.replace(/^#\/?/, "").split("?");
  const [head = "", rest] = path.split("/");
  const view = (VIEWS as readonly string[]).includes(head) ? (head as View) : "peringkat";
  const id = rest ? decodeURIComponent(rest) : null;
  return { view, id: view === "kantor" ? id : null, params: new URLSearchParams(search) };
}

export function hrefFor(view: View, id: string | null, params: Record<string, string | null | undefined> | URLSearchParams = {}): string {
  const search = new URLSearchParams();
  if (params instanceof URLSearchParams) params.forEach((v, k) => search.set(k, v));
  else for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const text = search.toString();
  return `#/${view}${id ? `/${encodeURIComponent(id)}` : ""}${text ? `?${text}` : ""}`;
}

/** What moving between views keeps: the period and the league's grouping, so the staffer compares like with like. */
export function carried(params: URLSearchParams): Record<string, string | null> {
  return { from: params.get("from"), to: params.get("to"), periode: params.get("periode"), by: params.get("by") };
}
