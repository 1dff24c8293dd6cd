import type { PrinterStatus } from "./status";

/**
 * How the kiosk (or the hub) reaches a printer. Failures reject with a
 * PrinterError carrying a code, never with a bare socket or fs error.
 */
export interface PrinterTransport {
  /** Asks the printer (DLE EOT 1-4) where the link allows it. */
  status(): Promise<PrinterStatus>;
  /** Sends one job; refuses with PAPER_END / COVER_OPEN / ... when the printer says it cannot print. */
  print(bytes: Uint8Array): Promise<void>;
  /** Drops any connection in flight; later calls fail with PRINTER_OFFLINE. */
  close(): Promise<void>;
}
