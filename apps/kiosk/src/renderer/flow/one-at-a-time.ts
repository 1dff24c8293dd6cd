import { useCallback, useRef, useState } from "react";

/**
 * One print at a time on this kiosk, whichever flow asks: the first tap wins
 * and a second tap (a double tap, or a check-in tapped while a number prints)
 * finds the kiosk busy. The ref answers at once; the state greys the buttons.
 */
export function useOneAtATime(): { busy: boolean; run: (work: () => Promise<void>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const run = useCallback(async (work: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await work();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
