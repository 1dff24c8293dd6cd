import { appendFile } from "node:fs/promises";
import { PrinterError } from "./errors";
import { assertPrinterReady, READY_STATUS, type PrinterStatus } from "./status";
import type { PrinterTransport } from "./transport";

export interface FileTransport extends PrinterTransport {
  /** Scripts what the "printer" reports, e.g. { paperEnd: true }. */
  setStatus(status: Partial<PrinterStatus>): void;
}

/**
 * For tests and demos without a printer: appends each job's bytes to a file and
 * reports a status that the test sets, so refusal paths can be exercised too.
 */
export function createFileTransport(options: {
  path: string;
  status?: Partial<PrinterStatus>;
}): FileTransport {
  let current: PrinterStatus = { ...READY_STATUS, ...options.status };
  let closed = false;
  const ensureOpen = (): Promise<void> =>
    closed ? Promise.reject(new PrinterError("PRINTER_OFFLINE", "transport closed")) : Promise.resolve();
  return {
    status: async () => {
      await ensureOpen();
      return { ...current };
    },
    print: async (bytes) => {
      await ensureOpen();
      assertPrinterReady(current);
      await appendFile(options.path, bytes);
    },
    setStatus: (status) => {
      current = { ...current, ...status };
    },
    close: () => {
      closed = true;
      return Promise.resolve();
    },
  };
}
