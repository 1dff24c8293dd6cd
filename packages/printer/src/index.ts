export { layoutTicket, MAX_REQUIREMENTS, type LayoutOptions } from "./layout";
export { PRIORITY_LABEL, type PriorityCategory, type TicketPrint, type TicketRequirement } from "./ticket";
export { formatIssuedAt, type WaitEstimate } from "./format";
export { formatDuration, formatPeopleAhead, formatWaitRange, NO_COUNTER_OPEN, zoneAbbreviation, type WordingLang } from "./wording";
export { PAPER, type PaperGeometry, type PaperWidth } from "./paper";
export {
  decodeEscPos,
  type Alignment,
  type DecodedCut,
  type DecodedLine,
  type DecodedQrLine,
  type DecodedReceipt,
  type DecodedTextLine,
  type DecodeOptions,
  type TextRun,
} from "./decoder";
export {
  assertPrinterReady,
  combineStatus,
  firstBlockingProblem,
  parseStatus,
  printerReady,
  READY_STATUS,
  statusAnswer,
  statusProblems,
  type BlockingProblemCode,
  type ErrorCauseReport,
  type OfflineCauseReport,
  type PaperSensorReport,
  type PrinterStatus,
  type PrinterStatusReport,
  type StatusProblem,
  type StatusQuery,
  type StatusReportByQuery,
} from "./status";
export { isPrinterError, PRINTER_ERROR_REASON, PrinterError, type PrinterErrorCode } from "./errors";
export type { PrinterTransport } from "./transport";
export { createTcpTransport, type TcpTransportOptions } from "./tcp-transport";
export { createDeviceTransport, type DeviceTransportOptions } from "./device-transport";
export { createFileTransport, type FileTransport } from "./file-transport";
export {
  HEALTHY_PRINTER,
  startPrinterEmulator,
  type EmulatorJob,
  type EmulatorState,
  type PrinterEmulator,
  type PrinterEmulatorOptions,
} from "./emulator";
export { qrCodeModel2, type QrErrorCorrection } from "./commands";
export { transliterate, type CodePage } from "./codepage";
export { layoutComplaint, type ComplaintPrint } from "./complaint";
