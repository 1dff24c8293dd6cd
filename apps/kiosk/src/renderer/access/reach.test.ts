import { describe, expect, it } from "vitest";
import { DEFAULT_SCREEN, reachBandPx, reachModeOn } from "./reach";

describe("the reach band", () => {
  it("is 400 of 950 mm on the default portrait stand: 808 of 1,920 px", () => {
    expect(reachBandPx(DEFAULT_SCREEN, 1920)).toBe(808);
  });

  it("covers most of a landscape screen on a low stand", () => {
    const landscape = {
      ...DEFAULT_SCREEN,
      orientation: "landscape" as const,
      bottomEdgeMm: 850,
      visibleHeightMm: 535,
    };
    expect(reachBandPx(landscape, 1080)).toBe(707);
  });

  it("is the whole screen when the screen sits below the limit, nothing when above it", () => {
    expect(reachBandPx({ ...DEFAULT_SCREEN, bottomEdgeMm: 200 }, 1920)).toBe(1920);
    expect(reachBandPx({ ...DEFAULT_SCREEN, bottomEdgeMm: 1300 }, 1920)).toBe(0);
  });

  it("is on by default on a portrait screen only, unless the office says always or never", () => {
    expect(reachModeOn(DEFAULT_SCREEN, { width: 1080, height: 1920 })).toBe(true);
    expect(reachModeOn(DEFAULT_SCREEN, { width: 1920, height: 1080 })).toBe(false);
    expect(reachModeOn({ ...DEFAULT_SCREEN, reachMode: "on" }, { width: 1920, height: 1080 })).toBe(true);
    expect(reachModeOn({ ...DEFAULT_SCREEN, reachMode: "off" }, { width: 1080, height: 1920 })).toBe(false);
  });
});
