import { describe, expect, it } from "vitest";
import { estimateForTicket, estimateWait } from "./estimate";
import { pruneSettled } from "./state";
import { countTicketReads, queueWithNoShow } from "./testing/counting";
import { MINUTE } from "./testing/fixtures";

/**
 * What one command costs in tickets touched, with a short queue and a long
 * one: the same. A hub with 50,000 waiting must answer a call as fast as with
 * five (issue 13).
 */
function costs(waiting: number): Record<string, number> {
  const { q, t0, noShowId } = queueWithNoShow(waiting);
  // Reinstated: the lane's head then has a fresh enqueue time.
  q.run({ type: "reinstate", ticketId: noShowId }, t0 + waiting + 4);

  const tickets = countTicketReads(q.state);
  const at = t0 + waiting + 10 * MINUTE;
  let last = "";
  return {
    issue: tickets.during(() => {
      last = q.issue("info", at).id;
    }),
    callNext: tickets.during(() => q.callNext("loket-3", at + 1)),
    complete: tickets.during(() =>
      q.run({ type: "complete", counterId: "loket-3", outcome: "selesai" }, at + 2),
    ),
    // The aged rule looks for the longest-waiting regular ticket at every call.
    agedCall: tickets.during(() => q.callNext("loket-3", at + 60 * MINUTE)),
    estimateNew: tickets.during(() => estimateWait(q.state, "info", null, at + 3)),
    estimateTicket: tickets.during(() => estimateForTicket(q.state, last, at + 3)),
    // The hub prunes settled tickets every 30 s: a walk over 50,000 waiting ones would stall every call meanwhile.
    prune: tickets.during(() => pruneSettled(q.state, at + 2 * 60 * MINUTE, at + 2 * 60 * MINUTE)),
  };
}

describe("cost per command against queue length", () => {
  it("touches as many tickets with 5,000 waiting as with 50", () => {
    expect(costs(5_000)).toEqual(costs(50));
  });
});
