import { z } from "zod";
import type { KioskReachConfig, KioskScreenConfig } from "./types";

/*
 * Where a kiosk's touchscreen sits on its stand, and how high a citizen in a
 * wheelchair can reach. The kiosk turns both into a band of pixels from the
 * bottom of the screen and keeps every control a citizen needs inside it.
 */

/** A common 43-inch stand: portrait 950 mm of picture, landscape 535 mm (the 16:9 panel turned). */
export const VISIBLE_HEIGHT_DEFAULT_MM = { portrait: 950, landscape: 535 } as const;
export const BOTTOM_EDGE_DEFAULT_MM = 800;
/**
 * ISO 21542:2021 puts the highest control a wheelchair user reaches forward
 * to at 1,200 mm; ADA 2010 §308.2.1 says 48 in (1,220 mm). The lower, stricter
 * figure serves both.
 */
export const REACH_LIMIT_DEFAULT_MM = 1200;

const mm = (min: number, max: number) => z.int().min(min).max(max);

export const kioskScreenSchema: z.ZodType<KioskScreenConfig, unknown> = z
  .strictObject({
    orientation: z.enum(["portrait", "landscape"]).default("portrait"),
    bottomEdgeMm: mm(0, 2000).default(BOTTOM_EDGE_DEFAULT_MM),
    visibleHeightMm: mm(100, 2500).optional(),
  })
  .prefault({})
  .transform((s) => ({
    orientation: s.orientation,
    bottomEdgeMm: s.bottomEdgeMm,
    visibleHeightMm: s.visibleHeightMm ?? VISIBLE_HEIGHT_DEFAULT_MM[s.orientation],
  }));

export const kioskReachSchema: z.ZodType<KioskReachConfig, unknown> = z
  .strictObject({
    limitMm: mm(300, 2500).default(REACH_LIMIT_DEFAULT_MM),
    mode: z.enum(["auto", "on", "off"]).default("auto"),
  })
  .prefault({});

/** A reach limit at or below the screen's bottom edge leaves no pixel a wheelchair user could touch. */
export function checkReach(
  kiosk: { screen: KioskScreenConfig; reach: KioskReachConfig },
  ctx: z.RefinementCtx,
): void {
  const { screen, reach } = kiosk;
  if (reach.limitMm <= screen.bottomEdgeMm) {
    ctx.addIssue({
      code: "custom",
      path: ["reach", "limitMm"],
      message: `reach limit ${reach.limitMm} mm is at or below the screen's bottom edge (screen.bottomEdgeMm ${screen.bottomEdgeMm} mm): no control could be reached from a wheelchair`,
    });
  }
}
