import { describe, expect, it } from "vitest";
import { countTicketReads, queueWithNoShow } from "../../../packages/core/src/testing/counting";
import { MINUTE } from "../../../packages/core/src/testing/fixtures";
import { Views } from "./views";

/**
 * What the screens' views cost in tickets touched, with a short queue and a
 * long one: the same. A counter's snapshot goes out after every command that
 * changes its queues; with 50,000 waiting it must not read 50,000 tickets (issue 13).
 */
function costs(waiting: number): { reads: Record<string, number>; snapshot: unknown } {
  const { q, t0 } = queueWithNoShow(waiting);
  q.callNext("loket-3", t0 + waiting + 4);

  const views = new Views(() => "Siti");
  const tickets = countTicketReads(q.state);
  const now = t0 + waiting + 5 * MINUTE;
  let snapshot: unknown;
  const reads = {
    counterSnapshot: tickets.during(() => {
      snapshot = views.counterSnapshot(q.state, "loket-3", 1, now);
    }),
    waiting: tickets.during(() => views.waiting(q.state, now)),
    statuses: tickets.during(() => views.statuses(q.state, now)),
  };
  return { reads, snapshot };
}

describe("Views against queue length", () => {
  it("read as many tickets with 5,000 waiting as with 50", () => {
    expect(costs(5_000).reads).toEqual(costs(50).reads);
  });

  it("a counter's snapshot still lists the next five and the no-show to reinstate", () => {
    const { snapshot } = costs(50);
    const s = snapshot as {
      queues: { serviceId: string; waiting: number; next: { number: string; priority: string | null }[] }[];
      reinstatable: { number: string }[];
    };
    // The priority lane first: C-011, C-021, ... then the regular lane.
    expect(s.queues).toEqual([expect.objectContaining({ serviceId: "info", waiting: 48 })]);
    expect(s.queues[0]?.next.map((t) => t.number)).toEqual(["C-021", "C-031", "C-041", "C-002", "C-003"]);
    expect(s.reinstatable.map((t) => t.number)).toEqual(["C-001"]);
  });
});
