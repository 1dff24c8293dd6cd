import { PRINTER_ERROR_REASON, PrinterError, type PrinterErrorCode } from "./errors";

// DLE EOT n real-time status (Epson ESC/POS). Every answer byte has bit 1 and
// bit 4 set and bits 0 and 7 clear; anything else is not a status byte.

export type StatusQuery = 1 | 2 | 3 | 4;

/** DLE EOT 1: printer status. */
export interface PrinterStatusReport {
  kind: "printer";
  valid: boolean;
  online: boolean;
  /** Drawer kick-out connector pin 3; what HIGH means depends on the drawer. */
  drawerPin3High: boolean;
  waitingForOnlineRecovery: boolean;
  feedButtonPressed: boolean;
}

/** DLE EOT 2: why the printer is offline. */
export interface OfflineCauseReport {
  kind: "offlineCause";
  valid: boolean;
  coverOpen: boolean;
  feedingByFeedButton: boolean;
  stoppedByPaperEnd: boolean;
  errorOccurred: boolean;
}

/** DLE EOT 3: which error. */
export interface ErrorCauseReport {
  kind: "errorCause";
  valid: boolean;
  recoverable: boolean;
  cutter: boolean;
  unrecoverable: boolean;
  autoRecoverable: boolean;
}

/** DLE EOT 4: roll paper sensors. */
export interface PaperSensorReport {
  kind: "paperSensor";
  valid: boolean;
  nearEnd: boolean;
  end: boolean;
}

export interface StatusReportByQuery {
  1: PrinterStatusReport;
  2: OfflineCauseReport;
  3: ErrorCauseReport;
  4: PaperSensorReport;
}

const FIXED_MASK = 0b1001_0011;
const FIXED_VALUE = 0b0001_0010;

export function isStatusByte(byte: number): boolean {
  return (byte & FIXED_MASK) === FIXED_VALUE;
}

const bit = (byte: number, n: number): boolean => ((byte >> n) & 1) === 1;

export function parseStatus<N extends StatusQuery>(n: N, byte: number): StatusReportByQuery[N];
export function parseStatus(n: StatusQuery, byte: number): StatusReportByQuery[StatusQuery] {
  const valid = isStatusByte(byte);
  switch (n) {
    case 1:
      return {
        kind: "printer",
        valid,
        drawerPin3High: bit(byte, 2),
        online: !bit(byte, 3),
        waitingForOnlineRecovery: bit(byte, 5),
        feedButtonPressed: bit(byte, 6),
      };
    case 2:
      return {
        kind: "offlineCause",
        valid,
        coverOpen: bit(byte, 2),
        feedingByFeedButton: bit(byte, 3),
        stoppedByPaperEnd: bit(byte, 5),
        errorOccurred: bit(byte, 6),
      };
    case 3:
      return {
        kind: "errorCause",
        valid,
        recoverable: bit(byte, 2),
        cutter: bit(byte, 3),
        unrecoverable: bit(byte, 5),
        autoRecoverable: bit(byte, 6),
      };
    case 4:
      // Both bits of each pair are set together; either one is taken as the sensor firing.
      return {
        kind: "paperSensor",
        valid,
        nearEnd: bit(byte, 2) || bit(byte, 3),
        end: bit(byte, 5) || bit(byte, 6),
      };
  }
}

/** What the kiosk needs to know before it prints. */
export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperEnd: boolean;
  paperNearEnd: boolean;
  error: boolean;
  /**
   * True when the transport could not ask the printer (a USB printer class
   * device that does not answer) and reports it online on trust.
   */
  assumed?: boolean;
}

export const READY_STATUS: PrinterStatus = Object.freeze({
  online: true,
  coverOpen: false,
  paperEnd: false,
  paperNearEnd: false,
  error: false,
});

/** Combines the answers to DLE EOT 1, 2, 3 and 4, in that order. */
export function combineStatus(answers: readonly [number, number, number, number]): PrinterStatus {
  const printer = parseStatus(1, answers[0]);
  const offline = parseStatus(2, answers[1]);
  const error = parseStatus(3, answers[2]);
  const paper = parseStatus(4, answers[3]);
  return {
    online: printer.online,
    coverOpen: offline.coverOpen,
    paperEnd: offline.stoppedByPaperEnd || paper.end,
    paperNearEnd: paper.nearEnd,
    error:
      offline.errorOccurred ||
      error.recoverable ||
      error.cutter ||
      error.unrecoverable ||
      error.autoRecoverable,
  };
}

/** The bytes a printer in this condition answers to DLE EOT 1..4 (used by the emulator and tests). */
export function statusAnswer(n: StatusQuery, status: PrinterStatus): number {
  const offline = !status.online || status.coverOpen || status.paperEnd || status.error;
  switch (n) {
    case 1:
      return FIXED_VALUE | (offline ? 0x08 : 0);
    case 2:
      return (
        FIXED_VALUE | (status.coverOpen ? 0x04 : 0) | (status.paperEnd ? 0x20 : 0) | (status.error ? 0x40 : 0)
      );
    case 3:
      return FIXED_VALUE | (status.error ? 0x20 : 0);
    case 4:
      return FIXED_VALUE | (status.paperNearEnd ? 0x0c : 0) | (status.paperEnd ? 0x60 : 0);
  }
}

/** The conditions a status can show; a timeout is the transport's finding, not the printer's. */
export type BlockingProblemCode = Exclude<PrinterErrorCode, "PRINTER_TIMEOUT">;

/** "error" stops printing; "warning" still prints. Messages are in Bahasa Indonesia. */
export type StatusProblem =
  | { code: BlockingProblemCode; severity: "error"; message: string }
  | { code: "PAPER_NEAR_END"; severity: "warning"; message: string };

/** Every problem in a status, the most specific cause first. */
export function statusProblems(status: PrinterStatus): StatusProblem[] {
  const problems: StatusProblem[] = [];
  const error = (code: BlockingProblemCode) =>
    problems.push({ code, severity: "error", message: PRINTER_ERROR_REASON[code] });
  if (status.paperEnd) error("PAPER_END");
  if (status.coverOpen) error("COVER_OPEN");
  if (status.error) error("PRINTER_ERROR");
  // Paper end and an open cover take the printer offline; say the cause, not the symptom.
  if (!status.online && problems.length === 0) error("PRINTER_OFFLINE");
  if (status.paperNearEnd && !status.paperEnd) {
    problems.push({ code: "PAPER_NEAR_END", severity: "warning", message: "Kertas hampir habis" });
  }
  return problems;
}

/** Ready to print a ticket: warnings such as paper near end do not stop it. */
export function printerReady(status: PrinterStatus): boolean {
  return statusProblems(status).every((problem) => problem.severity === "warning");
}

/** Throws the error for the first blocking problem, if any. */
export function assertPrinterReady(status: PrinterStatus): void {
  const blocking = firstBlockingProblem(status);
  if (blocking) {
    throw new PrinterError(blocking, `printer not ready: ${blocking}`);
  }
}

export function firstBlockingProblem(status: PrinterStatus): BlockingProblemCode | undefined {
  for (const problem of statusProblems(status)) if (problem.severity === "error") return problem.code;
  return undefined;
}
