import fc from "fast-check";
import { COUNTER_ACTIONS, type CounterAction, type Intent } from "./office";

const n = fc.nat({ max: 1_000 });

/** Officers mostly call, serve and finish; they open, pause and close now and then. */
const COUNTER_ACTION_WEIGHTS: Record<CounterAction, number> = {
  callNext: 6,
  recall: 3,
  startService: 4,
  tickStep: 4,
  untickStep: 1,
  complete: 5,
  markNoShow: 3,
  transfer: 2,
  undoTransfer: 3,
  open: 3,
  pause: 1,
  close: 1,
};

const counterActionArb: fc.Arbitrary<CounterAction> = fc.oneof(
  ...COUNTER_ACTIONS.map((action) => ({
    weight: COUNTER_ACTION_WEIGHTS[action],
    arbitrary: fc.constant(action),
  })),
);

/**
 * One step of a random office session. Weighted towards what a real day is
 * made of (tickets and counter work), with occasional long gaps that cross
 * closing time, midnight and weekends, and day closes.
 */
export const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("issue" as const), service: n, priority: n }) },
  {
    weight: 24,
    arbitrary: fc.record({
      kind: fc.constant("counter" as const),
      counter: n,
      action: counterActionArb,
      arg: n,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("ticket" as const),
      action: fc.constantFrom("callTicket" as const, "reinstate" as const, "cancel" as const),
      counter: n,
      pick: n,
      arg: n,
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant("wait" as const), minutes: fc.integer({ min: 0, max: 15 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("wait" as const),
      minutes: fc.integer({ min: 60, max: 20 * 60 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "closeDay" as const }) },
);

/** A session long enough to reach transfers, no-shows and reinstatements. */
export const sessionArb = fc.array(intentArb, { minLength: 1, maxLength: 400, size: "max" });

/** How the session's entries are cut into append calls (1 = one entry per append). */
export const batchSizesArb = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 20 });
