/**
 * The one object the Electron preload puts on `window.layanKiosk`. Types only:
 * shared by main (Node), preload (sandboxed) and renderer (DOM), so it must
 * import neither `electron` nor Node nor DOM types (the protocol's views are plain data).
 */
import type { PrintableComplaint, PrintableTicket } from "@layan/protocol";

export type PaperWidth = "58mm" | "80mm";

/** What the renderer may know of the settings file (never the admin PIN hash). */
export interface KioskRuntimeSettings {
  /** Hub origin, e.g. "http://10.0.0.2:8080". */
  hubUrl: string;
  /** Device token of kind "kiosk" (`pnpm hub device add --kind kiosk`). */
  deviceToken: string;
  paper: PaperWidth;
  /** Overrides the hub's inactivity reset; null to follow the hub. */
  inactivityResetSeconds: number | null;
}

/** Why the printer cannot print now; codes as in @layan/printer's PrinterErrorCode. */
export type PrinterProblemCode =
  "PRINTER_OFFLINE" | "PRINTER_TIMEOUT" | "PAPER_END" | "COVER_OPEN" | "PRINTER_ERROR";

export interface PrinterCheck {
  ready: boolean;
  /** Set when not ready. */
  problem: PrinterProblemCode | null;
  /** Paper near end: still prints, an officer should refill soon. */
  paperNearEnd: boolean;
}

/**
 * Everything printed on a ticket: the hub builds it (IssuedTicket.print) so
 * Electron kiosks, hub printing and previews print the same thing, and main
 * hands it to @layan/printer's layoutTicket as is.
 */
export type TicketToPrint = PrintableTicket;

/** The complaint receipt (bukti pengaduan), built by the hub (KioskComplaintReceipt.print) like a ticket. */
export type ComplaintToPrint = PrintableComplaint;

export type PrintOutcome = { ok: true } | { ok: false; problem: PrinterProblemCode };

export interface KioskBridge {
  readonly kind: "electron";
  settings(): Promise<KioskRuntimeSettings>;
  /** DLE EOT status of the kiosk's own printer. */
  printerStatus(): Promise<PrinterCheck>;
  /** Lays the ticket out (the shared layoutTicket) and prints it; never rejects. */
  printTicket(ticket: TicketToPrint): Promise<PrintOutcome>;
  /** Lays the complaint receipt out (the shared layoutComplaint) and prints it; never rejects. */
  printComplaint(receipt: ComplaintToPrint): Promise<PrintOutcome>;
  /** Quits the kiosk when the PIN matches the settings file's hash; false otherwise. */
  adminExit(pin: string): Promise<boolean>;
}

/** IPC channel names: one per bridge method, nothing else is handled. */
export const IPC = {
  settings: "layan-kiosk:settings",
  printerStatus: "layan-kiosk:printer-status",
  printTicket: "layan-kiosk:print-ticket",
  adminExit: "layan-kiosk:admin-exit",
  printComplaint: "layan-kiosk:print-complaint",
} as const;
