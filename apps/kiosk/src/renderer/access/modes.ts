import type { KioskScreenInfo } from "@layan/protocol";
import { useCallback, useEffect, useState } from "react";
import { DEFAULT_SCREEN, reachBandPx, reachModeOn } from "./reach";

/** The citizen's reading aids: one tap each, kept across screens until the kiosk resets. */
export interface AccessModes {
  largeText: boolean;
  highContrast: boolean;
}

export const DEFAULT_MODES: AccessModes = { largeText: false, highContrast: false };

export function useAccessModes(): {
  modes: AccessModes;
  toggle: (mode: keyof AccessModes) => void;
  reset: () => void;
} {
  const [modes, setModes] = useState<AccessModes>(DEFAULT_MODES);
  const toggle = useCallback((mode: keyof AccessModes) => setModes((m) => ({ ...m, [mode]: !m[mode] })), []);
  const reset = useCallback(() => setModes(DEFAULT_MODES), []);
  // On the root element: the type scale is in rem, so large text is one font-size away.
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.text = modes.largeText ? "large" : "normal";
    root.dataset.contrast = modes.highContrast ? "high" : "normal";
  }, [modes]);
  return { modes, toggle, reset };
}

/** The band a wheelchair user reaches, in pixels from the bottom, or null when the reach layout is off. */
export function useReachBand(screen: KioskScreenInfo | undefined): number | null {
  const geometry = screen ?? DEFAULT_SCREEN;
  const measure = useCallback(() => {
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    return reachModeOn(geometry, viewport) ? reachBandPx(geometry, viewport.height) : null;
  }, [geometry]);
  const [band, setBand] = useState(measure);
  useEffect(() => {
    const onResize = () => setBand(measure());
    onResize();
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, [measure]);
  return band;
}
