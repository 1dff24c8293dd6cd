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
  /** Device token of kind "kiosk"; null until the kiosk is paired (the main process pairs it by code). */
  deviceToken: string | null;
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

/**
 * What the pairing screen shows. The browser kiosk builds it from its own
 * fetches (renderer/pairing.ts); the Electron kiosk's main process pairs and
 * pushes it over the bridge (main/pairing.ts).
 */
export type PairingView =
  | { status: "asking" }
  | {
      status: "showing";
      code: string;
      expiresAt: number;
      pageUrl: string;
      /** The last poll did not reach the hub: the code stays on screen, it is still valid there. */
      hubUnreachable?: boolean;
    }
  /** No code now: the hub is away or refused; `message` is Indonesian, `retryInSeconds` when known. */
  | { status: "waiting"; message: string; retryInSeconds?: number }
  /** Nothing more will happen until a technician acts (the token cannot be stored). */
  | { status: "failed"; message: string };

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
  /**
   * The renderer has no token, or the hub refused it (`refused`): the main
   * process pairs by code (if it is not already) and answers what to show now.
   * On success it stores the token and reloads the renderer.
   */
  pairing(refused: boolean): Promise<PairingView>;
  /** Every later change of the pairing screen; returns the unsubscribe. */
  onPairing(listener: (view: PairingView) => void): () => void;
}

/** IPC channel names: one per bridge method, nothing else is handled. */
export const IPC = {
  settings: "layan-kiosk:settings",
  printerStatus: "layan-kiosk:printer-status",
  printTicket: "layan-kiosk:print-ticket",
  adminExit: "layan-kiosk:admin-exit",
  printComplaint: "layan-kiosk:print-complaint",
  pairing: "layan-kiosk:pairing",
} as const;

/** Main-to-renderer messages (webContents.send); the renderer never sends on these. */
export const IPC_PUSH = {
  pairingView: "layan-kiosk:pairing-view",
} as const;
