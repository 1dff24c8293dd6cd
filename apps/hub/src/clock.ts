/**
 * The hub's clock. Production reads the machine's time; tests that start the
 * hub as a process pin where its time starts with `LAYAN_TEST_NOW` (an ISO
 * 8601 instant, e.g. `2026-11-28T10:00:00+07:00`), so a test written in
 * November still passes in December, and the awkward days (the first of a
 * month, 1 January, just after midnight WIB) can be tried on purpose.
 *
 * The pinned clock still runs: timers, day roll-over and waiting times behave
 * as they do for real, only shifted. It is for tests only; the hub logs a
 * warning when it is set.
 */
export const TEST_NOW_ENV = "LAYAN_TEST_NOW";

export type Clock = () => number;

/** A clock reading `startAt` now and moving on with `real` (injectable for tests of this file). */
export function shiftedClock(startAt: number, real: Clock = Date.now): Clock {
  const offset = startAt - real();
  return () => real() + offset;
}

/** Parses `LAYAN_TEST_NOW`; null when unset; throws on a value that is not an instant with its offset. */
export function testNowFrom(env: NodeJS.ProcessEnv): number | null {
  const raw = env[TEST_NOW_ENV];
  if (raw === undefined || raw === "") return null;
  // An offset (or Z) is required: "2026-12-01T00:10" alone would be read in the machine's zone.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)) {
    throw new Error(`${TEST_NOW_ENV} must be an ISO 8601 instant with its offset, e.g. 2026-11-28T10:00:00+07:00; got "${raw}"`);
  }
  const at = Date.parse(raw);
  if (!Number.isFinite(at)) throw new Error(`${TEST_NOW_ENV} is not a valid date: "${raw}"`);
  return at;
}

/** The clock main.ts hands to createHub. */
export function hubClock(env: NodeJS.ProcessEnv): { clock: Clock; pinnedAt: number | null } {
  const pinnedAt = testNowFrom(env);
  return pinnedAt === null ? { clock: Date.now, pinnedAt } : { clock: shiftedClock(pinnedAt), pinnedAt };
}
