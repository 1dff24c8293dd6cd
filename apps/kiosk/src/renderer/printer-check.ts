import { useEffect, useState } from "react";
import type { PrinterCheck } from "../shared/bridge";
import { askPrinter } from "./take-ticket";
import type { KioskHub } from "./kiosk-hub";
import type { Runtime } from "./runtime";

/** The Electron kiosk asks its printer this often while a service page is open. */
const PRINTER_POLL_MS = 10_000;

/**
 * The printer's DLE EOT status, asked on entering a service page and every few
 * seconds there: Electron asks its own printer, a browser kiosk asks the hub
 * about the network printer the hub prints to for it.
 */
export function usePrinterCheck(runtime: Runtime, hub: KioskHub, active: boolean): PrinterCheck | null {
  const [check, setCheck] = useState<PrinterCheck | null>(null);
  useEffect(() => {
    if (!active) return;
    let live = true;
    const ask = () =>
      void (runtime.mode === "electron" ? askPrinter(runtime.bridge) : hub.printerStatus()).then(
        (c) => live && setCheck(c),
      );
    ask();
    const timer = setInterval(ask, PRINTER_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [active, runtime, hub]);
  return active ? check : null;
}
