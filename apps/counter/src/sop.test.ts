import { describe, expect, it } from "vitest";
import { AMBER_AT, sopProgress, sopTimerColour, stepResults } from "./sop";

const MIN = 60_000;

describe("sopTimerColour", () => {
  const target = 25 * MIN;

  it("is green well inside the target", () => {
    expect(sopTimerColour(0, target)).toBe("green");
    expect(sopTimerColour(10 * MIN, target)).toBe("green");
    expect(sopTimerColour(target * AMBER_AT - 1, target)).toBe("green");
  });

  it("turns amber at 80 % and stays amber up to the target itself", () => {
    expect(AMBER_AT).toBe(0.8);
    expect(sopTimerColour(20 * MIN, target)).toBe("amber");
    expect(sopTimerColour(24 * MIN, target)).toBe("amber");
    expect(sopTimerColour(target, target)).toBe("amber");
  });

  it("turns red past the target", () => {
    expect(sopTimerColour(target + 1, target)).toBe("red");
    expect(sopTimerColour(3 * target, target)).toBe("red");
  });

  it("is never red without a target", () => {
    expect(sopTimerColour(99 * MIN, null)).toBe("green");
    expect(sopTimerColour(99 * MIN, 0)).toBe("green");
  });

  it("goes green → amber → red exactly once as time passes", () => {
    const seen: string[] = [];
    for (let t = 0; t <= 2 * target; t += 1000) {
      const c = sopTimerColour(t, target);
      if (seen.at(-1) !== c) seen.push(c);
    }
    expect(seen).toEqual(["green", "amber", "red"]);
  });
});

describe("sopProgress", () => {
  it("clamps to 0..1", () => {
    expect(sopProgress(-5, 100)).toBe(0);
    expect(sopProgress(50, 100)).toBe(0.5);
    expect(sopProgress(500, 100)).toBe(1);
    expect(sopProgress(500, null)).toBe(0);
  });
});

describe("stepResults", () => {
  it("measures each step from the previous tick, or from the start of service", () => {
    const start = 1_000_000;
    const results = stepResults(
      start,
      [
        { stepId: "perekaman", at: start + 14 * MIN },
        { stepId: "verifikasi", at: start + 4 * MIN },
      ],
      [
        { id: "verifikasi", minutes: 5 },
        { id: "perekaman", minutes: 10 },
      ],
    );
    expect(results).toEqual([
      { stepId: "verifikasi", at: start + 4 * MIN, ms: 4 * MIN, targetMs: 5 * MIN, met: true },
      { stepId: "perekaman", at: start + 14 * MIN, ms: 10 * MIN, targetMs: 10 * MIN, met: true },
    ]);
  });

  it("flags a step over its target and one without a target", () => {
    const results = stepResults(
      0,
      [
        { stepId: "a", at: 6 * MIN },
        { stepId: "x", at: 7 * MIN },
      ],
      [{ id: "a", minutes: 5 }],
    );
    expect(results.map((r) => r.met)).toEqual([false, null]);
  });
});
