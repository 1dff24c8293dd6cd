/**
 * Office-local hours and weekdays as SQL, from epoch-ms columns (the log) or
 * from epoch-hour columns (the hourly rollup), for a fixed UTC offset.
 * Integer arithmetic only: 1970-01-01 was a Thursday (3 with Monday = 0).
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface LocalTimeSql {
  /** The offset in whole hours, or null for zones off the hour (the hourly rollup cannot serve them). */
  offHours: number | null;
  hourOf(column: string): string;
  weekdayOf(column: string): string;
  hourOfEpochHour(column: string): string;
  weekdayOfEpochHour(column: string): string;
}

export function localTimeSql(utcOffsetMinutes: number): LocalTimeSql {
  const offsetMinutes = Math.trunc(utcOffsetMinutes);
  const off = offsetMinutes * 60_000;
  // Whole-hour offsets (all of Indonesia) can use the hourly rollup; others read the log.
  const offHours = offsetMinutes % 60 === 0 ? offsetMinutes / 60 : null;
  return {
    offHours,
    hourOf: (col) => `((${col} + ${off}) / ${HOUR_MS}) % 24`,
    weekdayOf: (col) => `((${col} + ${off}) / ${DAY_MS} + 3) % 7`,
    hourOfEpochHour: (col) => `((${col} + ${offHours ?? 0}) % 24)`,
    weekdayOfEpochHour: (col) => `(((${col} + ${offHours ?? 0}) / 24 + 3) % 7)`,
  };
}
