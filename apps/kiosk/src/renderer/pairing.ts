import { useEffect, useState } from "react";
import type { KioskBridge, PairingView } from "../shared/bridge";

export type { PairingView };

/** The browser kiosk pairs like any browser device (@layan/ui usePairing). */
export { usePairing } from "@layan/ui";

/**
 * The Electron kiosk: the main process pairs (main/pairing.ts) and this only
 * shows what it says; on success main stores the token and reloads this page.
 */
export function useBridgePairing(bridge: KioskBridge, refused: boolean): PairingView {
  const [view, setView] = useState<PairingView>({ status: "asking" });
  useEffect(() => {
    let stopped = false;
    const unsubscribe = bridge.onPairing((next) => {
      if (!stopped) setView(next);
    });
    bridge.pairing(refused).then(
      (now) => {
        if (!stopped) setView(now);
      },
      (err: unknown) => {
        if (!stopped) setView({ status: "failed", message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, [bridge, refused]);
  return view;
}
