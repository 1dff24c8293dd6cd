// The read models: tables derived from the event log, one file per table
// (row type, row builders, statements) and the writer that applies events to them.
export { createReadModelWriter, READ_MODEL_TABLES, type ReadModelWriter } from "./writer";
export { ticketFromRow, type TicketRow, type TicketRecord } from "./tickets";
export { counterFromRow, type CounterRow, type CounterRecord } from "./counters";
export type { ServiceLogRow } from "./service-log";
export type { StepLogRow } from "./step-log";
export { compareIds, dayNumber, dayOf, dayText, readWords, wordOf, type Words } from "./words";
