export { layoutTicket, MAX_REQUIREMENTS, type LayoutOptions } from "./layout";
export { PRIORITY_LABEL, type PriorityCategory, type TicketPrint } from "./ticket";
export { formatIssuedAt, formatWaitEstimate, type WaitEstimate } from "./format";
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
  parseStatus,
  printerReady,
  READY_STATUS,
  statusAnswer,
  statusProblems,
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
