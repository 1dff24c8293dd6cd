/**
 * The regency's report routes over 30 offices x a year (regency-seed.ts),
 * through the central server (`pnpm regency serve`, its own process) over
 * HTTP as the dashboard asks them, each the p50 of RUNS timed requests after
 * WARMUP untimed ones (one timed request when the warm-up took over SLOW_MS,
 * which bounds the phase while the targets are far off).
 *
 * - regency_league_table_ms: GET /api/v1/regency/league, every office, the whole year.
 * - regency_league_by_agency_ms: the same by agency (OPD).
 * - regency_drilldown_ms: GET /offices/:id/services, one office's year by service (office -> service).
 * - regency_drilldown_steps_ms: GET /offices/:id/steps, that office's SOP steps (service -> step).
 * - regency_trend_ms: GET /offices/:id/trend, its months.
 */
import { startRegencyProcess } from "../support/regency-server";
import { REGENCY_YEAR, type RegencyYear } from "./regency-seed";

const WARMUP = 1;
const RUNS = 5;
const SLOW_MS = 5_000;

function p50(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1] ?? Number.NaN;
}

export async function benchRegencyLeague(year: RegencyYear, log: (msg: string) => void, options: { quick?: boolean } = {}): Promise<Record<string, number>> {
  const server = await startRegencyProcess(year.url);
  const range = `from=${REGENCY_YEAR.from}&to=${REGENCY_YEAR.to}`;
  const get = async (path: string): Promise<unknown> => {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${year.token}` } });
    const body = (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string } };
    if (!body.ok) throw new Error(`${path}: ${body.error?.code ?? res.status}`);
    return body.data;
  };
  const timed = async (path: string): Promise<number> => {
    let slow = false;
    for (let i = 0; i < WARMUP; i++) {
      const t0 = performance.now();
      await get(path);
      slow ||= performance.now() - t0 > SLOW_MS;
    }
    // A request far over its target is timed once: five minute-long samples say no more than one.
    const runs = options.quick || slow ? 1 : RUNS;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await get(path);
      samples.push(performance.now() - t0);
    }
    return Math.round(p50(samples) * 10) / 10;
  };
  try {
    const league = (await get(`/api/v1/regency/league?${range}`)) as { rows: { key: string; issued: number }[] };
    const tickets = league.rows.reduce((n, r) => n + r.issued, 0);
    log(`  regency year: ${league.rows.length} offices, ${tickets.toLocaleString("en")} tickets`);
    const office = league.rows[Math.floor(league.rows.length / 2)]!.key;
    const results = {
      regency_year_tickets: tickets,
      regency_league_table_ms: await timed(`/api/v1/regency/league?${range}`),
      regency_league_by_agency_ms: await timed(`/api/v1/regency/league?${range}&by=agency`),
      regency_drilldown_ms: await timed(`/api/v1/regency/offices/${office}/services?${range}`),
      regency_drilldown_steps_ms: await timed(`/api/v1/regency/offices/${office}/steps?${range}`),
      regency_trend_ms: await timed(`/api/v1/regency/offices/${office}/trend?${range}`),
    };
    log(`  regency league ${results.regency_league_table_ms} ms, drill-down ${results.regency_drilldown_ms} ms (steps ${results.regency_drilldown_steps_ms} ms)`);
    return results;
  } finally {
    await server.stop();
  }
}
