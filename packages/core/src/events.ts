import type { BookingId, BookingReleaseReason, TicketBooking } from "./booking-types";
import type { CounterId, ServiceId } from "./office";
import type { CancelReason, CompletionOutcome, OfficerId, PriorityReason, TicketId } from "./ticket";
import type { SegmentMeasurement } from "./measure";
import type { SurveyAnswers } from "./survey";

/**
 * What happened, as stored in the append-only log. Types read `entity.verb`.
 * Every event carries the hub's time `at`; the store adds the global sequence.
 * Events hold every fact needed to rebuild state without the config that was in
 * force when they happened (the SOP target used for a measurement is copied in).
 */
export type QueueEvent =
  | {
      type: "ticket.issued";
      at: number;
      ticketId: TicketId;
      serviceId: ServiceId;
      number: string;
      sequence: number;
      serviceDay: string;
      priority: PriorityReason | null;
      kioskId: string | null;
      /**
       * Set only on a booked visit's check-in, absent for walk-ins (so the
       * log's compact form and every older event stay as they were).
       */
      booking?: TicketBooking | null;
    }
  | {
      type: "ticket.called";
      at: number;
      ticketId: TicketId;
      counterId: CounterId;
      officerId: OfficerId | null;
      /** Which rule picked it: shown in the audit log and the dashboard. */
      reason: CallReason;
    }
  | { type: "ticket.recalled"; at: number; ticketId: TicketId; counterId: CounterId; recalls: number }
  | { type: "ticket.serving"; at: number; ticketId: TicketId; counterId: CounterId }
  | { type: "ticket.step_done"; at: number; ticketId: TicketId; stepId: string }
  /** A tick taken back (a slip of the finger): the step counts as not done. */
  | { type: "ticket.step_undone"; at: number; ticketId: TicketId; stepId: string }
  | {
      type: "ticket.completed";
      at: number;
      ticketId: TicketId;
      counterId: CounterId;
      outcome: CompletionOutcome;
      measurement: SegmentMeasurement;
    }
  | {
      type: "ticket.no_show";
      at: number;
      ticketId: TicketId;
      counterId: CounterId;
      measurement: SegmentMeasurement;
    }
  | { type: "ticket.reinstated"; at: number; ticketId: TicketId }
  | {
      type: "ticket.transferred";
      at: number;
      ticketId: TicketId;
      counterId: CounterId;
      fromServiceId: ServiceId;
      toServiceId: ServiceId;
      measurement: SegmentMeasurement;
    }
  | {
      /**
       * The transfer just made is taken back: the transferred segment goes on
       * at the same counter as if it had never ended. Names mirror the
       * ticket.transferred it undoes: back in `fromServiceId`, out of `toServiceId`.
       */
      type: "ticket.transfer_undone";
      at: number;
      ticketId: TicketId;
      counterId: CounterId;
      fromServiceId: ServiceId;
      toServiceId: ServiceId;
      /** The segment that goes on, and what its logged row does not hold (read models need it). */
      segmentIndex: number;
      status: "called" | "serving";
      lastCalledAt: number | null;
    }
  | { type: "ticket.cancelled"; at: number; ticketId: TicketId; reason: CancelReason }
  | { type: "counter.opened"; at: number; counterId: CounterId; officerId: OfficerId | null }
  | { type: "counter.paused"; at: number; counterId: CounterId }
  | { type: "counter.closed"; at: number; counterId: CounterId }
  | TodayOperationEvent
  | BookingEvent
  | FeedbackEvent;

/**
 * Which rule picked a called ticket (policy.ts). "booked": a checked-in
 * booking whose slot has started; "booked_early": one whose slot has not, called
 * because no walk-in waited. Readers of old logs must tolerate reasons added later.
 */
export type CallReason = "priority_turn" | "regular_turn" | "only_lane" | "aged" | "manual" | "booked" | "booked_early";

export type { TicketBooking } from "./booking-types";

/**
 * Booked visits (docs/booking.md decision 1). No personal data: the name and
 * phone the office asks for live in the hub's personal-data table, not here.
 * Applying one twice (the read model loaded at start overlaps today's log) changes nothing.
 */
export type BookingEvent =
  | {
      type: "booking.held";
      at: number;
      bookingId: BookingId;
      code: string;
      serviceId: ServiceId;
      /** The slot's service day, "YYYY-MM-DD" in the office's zone. */
      serviceDay: string;
      slotStart: number;
      slotEnd: number;
      holdExpiresAt: number;
    }
  | { type: "booking.confirmed"; at: number; bookingId: BookingId }
  | { type: "booking.released"; at: number; bookingId: BookingId; reason: BookingReleaseReason }
  /** Not checked in by the end of its check-in window: a no-show; its place goes back at once. */
  | { type: "booking.expired"; at: number; bookingId: BookingId }
  /** Always right after the ticket.issued (with `booking`) it turned into, in the same decision. */
  | { type: "booking.checked_in"; at: number; bookingId: BookingId; ticketId: TicketId };

export const BOOKING_EVENT_TYPES = [
  "booking.held",
  "booking.confirmed",
  "booking.released",
  "booking.expired",
  "booking.checked_in",
] as const satisfies readonly BookingEvent["type"][];

export function isBookingEvent(event: QueueEvent): event is BookingEvent {
  return (BOOKING_EVENT_TYPES as readonly string[]).includes(event.type);
}

/**
 * A supervisor's operations for one service day (today.ts): each names the
 * day it holds for, so a replay on a later day ignores it and the config
 * rules again. A counter closed for the day is a counter.closed followed by
 * counter.suspended.
 */
export type TodayOperationEvent =
  | { type: "service.suspended"; at: number; serviceId: ServiceId; serviceDay: string; reason: string }
  | { type: "service.resumed"; at: number; serviceId: ServiceId; serviceDay: string }
  /** `quota` null: no quota for the rest of the day. */
  | { type: "quota.set"; at: number; serviceId: ServiceId; serviceDay: string; quota: number | null }
  | { type: "counter.suspended"; at: number; counterId: CounterId; serviceDay: string; reason: string }
  | { type: "counter.resumed"; at: number; counterId: CounterId; serviceDay: string }
  /** An empty text takes the notice down. */
  | { type: "notice.set"; at: number; kind: "runningText" | "announcement"; serviceDay: string; text: string };

/**
 * What citizens say about the service: the SKM survey and complaints. They
 * share the log (one sequence, one durability, shipped with the rest) but not
 * the queue: the queue state ignores them. None carries who the citizen is;
 * the optional profile and contact are kept apart, for a limited time.
 */
export type FeedbackEvent =
  | {
      type: "survey.submitted";
      at: number;
      responseId: string;
      /** The served ticket it answers for; the log's ticket column stays empty (see event-log.ts). */
      ticketId: TicketId;
      /** Bound to the service, counter and day of the ticket's last served segment. */
      serviceId: ServiceId;
      counterId: CounterId | null;
      serviceDay: string;
      channel: "ticket_page" | "kiosk" | "counter";
      answers: SurveyAnswers;
      suggestion: string | null;
    }
  | {
      type: "complaint.filed";
      at: number;
      complaintId: string;
      code: string;
      /** Office-local day of filing, what reports select on. */
      filedDay: string;
      channel: "kiosk" | "ticket_page" | "staff";
      category: string;
      serviceId: ServiceId | null;
      text: string;
      /** Copied in, like SOP targets: a later config change does not move an old deadline. */
      targetWorkingDays: number;
      dueAt: number;
    }
  | { type: "complaint.assigned"; at: number; complaintId: string; assignee: string; by: string }
  | { type: "complaint.responded"; at: number; complaintId: string; text: string; by: string }
  | { type: "complaint.closed"; at: number; complaintId: string; note: string | null; by: string };

export const FEEDBACK_EVENT_TYPES = [
  "survey.submitted",
  "complaint.filed",
  "complaint.assigned",
  "complaint.responded",
  "complaint.closed",
] as const satisfies readonly FeedbackEvent["type"][];

export function isFeedbackEvent(event: QueueEvent): event is FeedbackEvent {
  return (FEEDBACK_EVENT_TYPES as readonly string[]).includes(event.type);
}

export type QueueEventType = QueueEvent["type"];
export type EventOf<T extends QueueEventType> = Extract<QueueEvent, { type: T }>;

export const QUEUE_EVENT_TYPES: readonly QueueEventType[] = [
  "ticket.issued",
  "ticket.called",
  "ticket.recalled",
  "ticket.serving",
  "ticket.step_done",
  "ticket.step_undone",
  "ticket.completed",
  "ticket.no_show",
  "ticket.reinstated",
  "ticket.transferred",
  "ticket.transfer_undone",
  "ticket.cancelled",
  "counter.opened",
  "counter.paused",
  "counter.closed",
  "service.suspended",
  "service.resumed",
  "quota.set",
  "counter.suspended",
  "counter.resumed",
  "notice.set",
  ...BOOKING_EVENT_TYPES,
  ...FEEDBACK_EVENT_TYPES,
];
