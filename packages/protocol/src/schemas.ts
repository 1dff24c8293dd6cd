import "./zod-setup";
import { CANCEL_REASONS, COMPLETION_OUTCOMES, PRIORITY_REASONS } from "@layan/core";
import { z } from "zod";

/**
 * A zod schema for every payload a client sends. The hub parses with these
 * before anything else; clients import them to validate before sending.
 */

/** Client-chosen id of one command; a retry with the same id returns the first answer. */
export const requestId = z
  .string()
  .min(8, "requestId: at least 8 characters")
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "requestId: letters, digits, - and _ only");

const id = z.string().min(1).max(64);
const priority = z.enum(PRIORITY_REASONS).nullable();

export const IssueTicketPayload = z.strictObject({
  requestId,
  serviceId: id,
  priority: priority.default(null),
  /**
   * Who prints: "kiosk" (the Electron kiosk prints itself and cancels with
   * reason print_failed if it cannot) or "hub" (browser kiosks: the hub checks
   * the kiosk's network printer, prints, and cancels on failure before it answers).
   */
  printVia: z.enum(["kiosk", "hub"]).default("kiosk"),
});

export const KioskCancelPayload = z.strictObject({
  requestId,
  ticketId: id,
  reason: z.enum(["print_failed", "citizen_left"]),
});

export const ServiceStatusPayload = z.strictObject({ serviceId: id });
export const EmptyPayload = z.strictObject({});

export const SyncRequestPayload = z.strictObject({
  /** Last sequence number the client saw; null for a fresh snapshot. */
  sinceSeq: z.number().int().nonnegative().nullable(),
});

/** A display's sound health, sent when it changes and as a heartbeat (display:sound). */
export const DisplaySoundPayload = z.strictObject({
  /** "locked": the browser blocks audio until a tap; "off": a screen started with ?sound=off. */
  audio: z.enum(["unlocked", "locked", "off"]),
  /** How long ago the last announcement ended (an age, not a time: a TV stick's clock may be wrong); null: none yet. */
  lastAnnouncementAgoMs: z.number().int().nonnegative().max(366 * 24 * 3_600_000).nullable(),
  /** Whether that announcement played; null: none yet. */
  lastAnnouncementOk: z.boolean().nullable(),
});

export const CounterPayload = z.strictObject({ requestId, counterId: id });
export const CallTicketPayload = z.strictObject({ requestId, counterId: id, ticketId: id });
export const TickStepPayload = z.strictObject({ requestId, counterId: id, stepId: id });
export const CompletePayload = z.strictObject({
  requestId,
  counterId: id,
  outcome: z.enum(COMPLETION_OUTCOMES).default("selesai"),
});
export const TransferPayload = z.strictObject({ requestId, counterId: id, toServiceId: id });
/** The officer's "Batalkan" on the transfer just made at this counter. */
export const TransferUndoPayload = z.strictObject({ requestId, counterId: id, ticketId: id });
export const TicketPayload = z.strictObject({ requestId, ticketId: id });
export const OfficerCancelPayload = z.strictObject({
  requestId,
  ticketId: id,
  reason: z.enum(CANCEL_REASONS).default("officer"),
});

/** /counter: look at a counter without acting on it (the counter picker). */
export const WatchPayload = z.strictObject({ counterId: id });
/** /counter resyncs one counter's screen. */
export const CounterSyncPayload = SyncRequestPayload.extend({ counterId: id });

export const LoginPayload = z.strictObject({
  username: z.string().min(1).max(64),
  secret: z.string().min(4).max(128),
});

export type IssueTicketInput = z.input<typeof IssueTicketPayload>;
export type IssueTicketRequest = z.output<typeof IssueTicketPayload>;
export type KioskCancelRequest = z.output<typeof KioskCancelPayload>;
export type ServiceStatusRequest = z.output<typeof ServiceStatusPayload>;
export type SyncRequest = z.output<typeof SyncRequestPayload>;
export type CounterRequest = z.output<typeof CounterPayload>;
export type CallTicketRequest = z.output<typeof CallTicketPayload>;
export type TickStepRequest = z.output<typeof TickStepPayload>;
export type CompleteInput = z.input<typeof CompletePayload>;
export type TransferRequest = z.output<typeof TransferPayload>;
export type TransferUndoRequest = z.output<typeof TransferUndoPayload>;
export type TicketRequest = z.output<typeof TicketPayload>;
export type OfficerCancelInput = z.input<typeof OfficerCancelPayload>;
export type WatchRequest = z.output<typeof WatchPayload>;
export type CounterSyncRequest = z.output<typeof CounterSyncPayload>;
export type LoginRequest = z.output<typeof LoginPayload>;
export type DisplaySoundReport = z.output<typeof DisplaySoundPayload>;
