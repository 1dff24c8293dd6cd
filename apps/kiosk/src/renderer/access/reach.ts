import type { KioskScreenInfo } from "@layan/protocol";

/** A hub that sends no geometry: the common 43-inch portrait stand and the ISO 21542 limit (devices.yaml defaults). */
export const DEFAULT_SCREEN: KioskScreenInfo = {
  orientation: "portrait",
  bottomEdgeMm: 800,
  visibleHeightMm: 950,
  reachLimitMm: 1200,
  reachMode: "auto",
};

/**
 * Pixels, from the bottom of the viewport, that lie below the reach limit:
 * (limit - bottom edge) / visible height of the viewport's height, never more
 * than the whole screen, never less than nothing.
 */
export function reachBandPx(screen: KioskScreenInfo, viewportHeight: number): number {
  const share = (screen.reachLimitMm - screen.bottomEdgeMm) / screen.visibleHeightMm;
  return Math.round(Math.max(0, Math.min(1, share)) * viewportHeight);
}

/** "auto" follows the screen as it stands: a portrait screen reaches highest, so it needs the band. */
export function reachModeOn(screen: KioskScreenInfo, viewport: { width: number; height: number }): boolean {
  if (screen.reachMode !== "auto") return screen.reachMode === "on";
  return viewport.height > viewport.width;
}
