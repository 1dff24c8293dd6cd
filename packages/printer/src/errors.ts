/** What can stop a ticket from printing; the kiosk maps each to what it tells the citizen. */
export type PrinterErrorCode =
  "PRINTER_OFFLINE" | "PRINTER_TIMEOUT" | "PAPER_END" | "COVER_OPEN" | "PRINTER_ERROR";

/** Said to the citizen or the officer, in Bahasa Indonesia. */
export const PRINTER_ERROR_REASON: Record<PrinterErrorCode, string> = {
  PRINTER_OFFLINE: "Printer tidak merespons",
  PRINTER_TIMEOUT: "Printer tidak merespons",
  PAPER_END: "Kertas habis",
  COVER_OPEN: "Penutup printer terbuka",
  PRINTER_ERROR: "Printer mengalami gangguan",
};

export class PrinterError extends Error {
  override readonly name = "PrinterError";

  constructor(
    readonly code: PrinterErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The Indonesian sentence for this error, for screens. */
  get reason(): string {
    return PRINTER_ERROR_REASON[this.code];
  }
}

export function isPrinterError(error: unknown, code?: PrinterErrorCode): error is PrinterError {
  return error instanceof PrinterError && (code === undefined || error.code === code);
}
