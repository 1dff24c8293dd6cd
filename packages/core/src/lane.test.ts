import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Lane } from "./lane";

type Op =
  | { kind: "push" | "unshift"; id: number; at: number }
  | { kind: "remove"; id: number };

/** The lane as the plain array it replaces: the order of calls, the oldest by walking. */
class NaiveLane {
  items: { id: string; at: number }[] = [];
  oldest(): { ticketId: string; enqueuedAt: number } | undefined {
    let best: { ticketId: string; enqueuedAt: number } | undefined;
    for (const x of this.items) if (!best || x.at < best.enqueuedAt) best = { ticketId: x.id, enqueuedAt: x.at };
    return best;
  }
}

const ops = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constantFrom("push" as const, "unshift" as const), id: fc.integer({ min: 0, max: 40 }), at: fc.integer({ min: 0, max: 20 }) }),
    fc.record({ kind: fc.constant("remove" as const), id: fc.integer({ min: 0, max: 40 }) }),
  ),
  { maxLength: 400 },
);

function run(list: Op[], check: (lane: Lane, naive: NaiveLane) => void): void {
  const lane = new Lane();
  const naive = new NaiveLane();
  for (const op of list) {
    const id = `t${op.id}`;
    const present = naive.items.some((x) => x.id === id);
    if (op.kind === "remove") {
      expect(lane.remove(id)).toBe(present);
      naive.items = naive.items.filter((x) => x.id !== id);
    } else if (!present) {
      if (op.kind === "push") {
        lane.push(id, op.at);
        naive.items.push({ id, at: op.at });
      } else {
        lane.unshift(id, op.at);
        naive.items.unshift({ id, at: op.at });
      }
    } else {
      expect(() => lane.push(id, op.at)).toThrow(/already in this lane/);
    }
    check(lane, naive);
  }
}

describe("Lane", () => {
  it("keeps call order, length, first, take and position equal to a plain array", () => {
    fc.assert(
      fc.property(ops, (list) =>
        run(list, (lane, naive) => {
          const ids = naive.items.map((x) => x.id);
          expect([...lane]).toEqual(ids);
          expect(lane.length).toBe(ids.length);
          expect(lane.first()).toBe(ids[0]);
          expect(lane.firstEnqueuedAt()).toBe(naive.items[0]?.at);
          expect(lane.take(5)).toEqual(ids.slice(0, 5));
          for (let i = 0; i <= 40; i++) expect(lane.position(`t${i}`)).toBe(ids.indexOf(`t${i}`));
        }),
      ),
      { numRuns: 300 },
    );
  });

  it("finds the oldest ticket (first in call order among equal times) as walking the lane does", () => {
    fc.assert(
      fc.property(ops, (list) => run(list, (lane, naive) => expect(lane.oldest()).toEqual(naive.oldest()))),
      { numRuns: 300 },
    );
  });

  it("a clone answers alike and changes apart", () => {
    fc.assert(
      fc.property(ops, (list) => {
        const lane = new Lane();
        for (const op of list) {
          const id = `t${op.id}`;
          if (op.kind === "remove") lane.remove(id);
          else if (!lane.has(id)) lane[op.kind](id, op.at);
        }
        const copy = lane.clone();
        expect([...copy]).toEqual([...lane]);
        expect(copy.oldest()).toEqual(lane.oldest());
        for (const id of [...lane]) expect(copy.position(id)).toBe(lane.position(id));
        copy.push("fresh", 0);
        expect(lane.has("fresh")).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("grows its slot counts past their first size and keeps positions right", () => {
    const lane = new Lane();
    for (let i = 0; i < 50_000; i++) lane.push(`r${i}`, i);
    for (let i = 0; i < 300; i++) lane.unshift(`f${i}`, 100_000 + i);
    for (let i = 0; i < 50_000; i += 7) lane.remove(`r${i}`);
    expect(lane.position("f299")).toBe(0);
    expect(lane.position("f0")).toBe(299);
    // r1 is the first regular left after the 300 front tickets; r6 has r1..r5 ahead of it.
    expect(lane.position("r1")).toBe(300);
    expect(lane.position("r6")).toBe(305);
    expect(lane.oldest()).toEqual({ ticketId: "r1", enqueuedAt: 1 });
    expect(lane.length).toBe(300 + 50_000 - Math.ceil(50_000 / 7));
  });
});
