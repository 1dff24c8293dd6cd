import type { TicketBooking } from "./booking-types";
import type { CounterId, ServiceId } from "./office";

export type TicketId = string;
export type OfficerId = string;

/** Vulnerable citizens served through the priority lane (UU 25/2009 art. 29, PermenPANRB 15/2014). */
export const PRIORITY_REASONS = ["lansia", "disabilitas", "ibu_hamil_menyusui"] as const;
export type PriorityReason = (typeof PRIORITY_REASONS)[number];

export const TICKET_STATUSES = ["waiting", "called", "serving", "done", "no_show", "cancelled"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** How a service segment ended. "transferred" opens a new segment in another service. */
export const COMPLETION_OUTCOMES = ["selesai", "berkas_tidak_lengkap", "dirujuk"] as const;
export type CompletionOutcome = (typeof COMPLETION_OUTCOMES)[number];
export type SegmentOutcome = CompletionOutcome | "transferred" | "no_show" | "cancelled";
/** How a queue segment can end: served (the completion outcomes), moved on, absent or cancelled. */
export const SEGMENT_OUTCOMES: readonly SegmentOutcome[] = [...COMPLETION_OUTCOMES, "transferred", "no_show", "cancelled"];

export const CANCEL_REASONS = ["citizen_left", "print_failed", "day_ended", "officer"] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export interface StepTick {
  stepId: string;
  at: number;
}

/** One pass of a ticket through one service: from entering its lane to leaving it. */
export interface ServiceSegment {
  index: number;
  serviceId: ServiceId;
  /** When the ticket joined this service's lane (issue, transfer or reinstatement). */
  enqueuedAt: number;
  firstCalledAt: number | null;
  lastCalledAt: number | null;
  startedAt: number | null;
  endedAt: number | null;
  counterId: CounterId | null;
  officerId: OfficerId | null;
  recalls: number;
  /**
   * Readonly so that the compiler finds every writer: most segments never get
   * a tick and share `NO_STEPS`, which a push would corrupt for all of them.
   * Writers replace the array.
   */
  steps: readonly StepTick[];
  outcome: SegmentOutcome | null;
}

/*
 * One frozen empty array for every ticket that has none of its own: with tens
 * of thousands waiting, two empty arrays each were a measurable share of the
 * heap (docs/benchmarks.md, "Slimmer waiting tickets").
 */
export const NO_STEPS: readonly StepTick[] = Object.freeze([]);
export const NO_SEGMENTS: readonly ServiceSegment[] = Object.freeze([]);

export interface Ticket {
  id: TicketId;
  /** "A-001": prefix, dash, three digits; unique per service day. */
  number: string;
  serviceDay: string;
  /** The service it was issued for; `segment.serviceId` is where it is now. */
  issuedServiceId: ServiceId;
  priority: PriorityReason | null;
  status: TicketStatus;
  issuedAt: number;
  kioskId: string | null;
  segment: ServiceSegment;
  /** Earlier, finished segments (transfers, reinstatements); shares `NO_SEGMENTS` until the first, like `steps`. */
  previousSegments: readonly ServiceSegment[];
  /** Set while status is no_show: when it was marked, the start of the reinstatement window. */
  noShowAt: number | null;
  /**
   * Set by a transfer made at a counter, until the ticket is called again (or
   * cancelled): what an undo puts back. `sampleMs` is the service time the
   * transfer added to the estimate samples (null when it added none).
   */
  transferredFrom: TransferMark | null;
  /** A booked visit's ticket (checked in with a booking code); null for a walk-in. */
  booking: TicketBooking | null;
}

/**
 * Whether a ticket's current segment is its booked visit: in the booked lane
 * while waiting, measured from its slot. Only in the service it was booked
 * for: transferred elsewhere, it queues as a walk-in there.
 */
export function isBookedSegment(ticket: Pick<Ticket, "booking" | "issuedServiceId">, serviceId: ServiceId): boolean {
  return ticket.booking !== null && serviceId === ticket.issuedServiceId;
}

export interface TransferMark {
  at: number;
  counterId: CounterId;
  status: "called" | "serving";
  sampleMs: number | null;
}

/**
 * How long after a transfer its counter may still take it back. The counter
 * app offers "Batalkan" for 10 s; the rule allows 5 s more so that a press at
 * the last moment still lands through a slow network and sendCommand's retries.
 */
export const TRANSFER_UNDO_WINDOW_MS = 15_000;

export function formatTicketNumber(prefix: string, sequence: number): string {
  return `${prefix}-${String(sequence).padStart(3, "0")}`;
}
