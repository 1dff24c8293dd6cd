import { describe, expect, it } from "vitest";
import { idleSecondsLeft } from "./inactivity";

describe("idleSecondsLeft", () => {
  it("counts down from the last touch", () => {
    expect(idleSecondsLeft(60, 1_000, 1_000, false)).toBe(60);
    expect(idleSecondsLeft(60, 1_000, 31_000, false)).toBe(30);
    expect(idleSecondsLeft(60, 1_000, 61_000, false)).toBe(0);
  });

  it("waits while the kiosk reads aloud, however long since the last touch", () => {
    expect(idleSecondsLeft(60, 1_000, 1_000 + 5 * 60_000, true)).toBe(60);
  });
});
