/**
 * How the simulated office behaves: demand over the week and the day, and the
 * small delays at the desk. Figures chosen so the reports look like a real
 * dinas's, not measured anywhere.
 */
import type { Weekday } from "@layan/core";

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * 60 * MINUTE;

/** Relative demand per service in the sample office; other services get DEFAULT_WEIGHT. */
export const DEFAULT_SERVICE_WEIGHTS: Readonly<Record<string, number>> = {
  "ktp-el": 18,
  "kartu-keluarga": 12,
  "akta-kelahiran": 8,
  kia: 6,
  "pindah-datang": 5,
  "nib-oss": 6,
  pbg: 2,
  "stnk-tahunan": 17,
  "bpjs-perubahan-data": 8,
  "bpjs-pendaftaran": 5,
  sppl: 2,
  "ukl-upl": 1,
  skck: 10,
};
export const DEFAULT_WEIGHT = 3;

/** Arrivals per office-local hour (relative): queues form before 8 and peak mid-morning. */
export const HOURLY_ARRIVALS: Readonly<Record<number, number>> = {
  7: 0.4,
  8: 2.0,
  9: 2.1,
  10: 1.6,
  11: 1.1,
  12: 0.6,
  13: 0.9,
  14: 0.55,
  15: 0.2,
  16: 0.1,
};

/** Demand per weekday relative to the average open day. */
export const WEEKDAY_DEMAND: Readonly<Record<Weekday, number>> = {
  mon: 1.2,
  tue: 1.05,
  wed: 1.0,
  thu: 0.95,
  fri: 0.8,
  sat: 0.6,
  sun: 0.5,
};

/** Seconds between pressing "call" and the citizen reaching the desk, and similar small delays. */
export const WALK_SECONDS: [number, number] = [15, 90];
export const RECALL_GAP_SECONDS: [number, number] = [45, 90];
export const BETWEEN_TICKETS_SECONDS: [number, number] = [8, 40];
export const OVERTIME_MS = 45 * MINUTE;

/**
 * How well the office performs, so a regency of simulated offices differs
 * the way real OPDs do: slower desks (untrained staff, an old KTP-el
 * printer) and officers more often away. Neither draws random numbers of
 * its own, so a seed gives the same arrivals whatever the performance.
 */
export interface OfficePerformance {
  /** Multiplies every SOP step's time at the desk (1 = the sample office; 1.5 = half again as slow). */
  serviceTimeFactor?: number;
  /** Chance a desk's officer is away on a given day (a relief officer may take over, or nobody). */
  absence?: number;
}

export const DEFAULT_PERFORMANCE: Required<OfficePerformance> = { serviceTimeFactor: 1, absence: 0.06 };
