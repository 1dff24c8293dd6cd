import type { CounterId, ServiceId } from "./office";
import type { BookingId } from "./booking-types";
import type { CancelReason, CompletionOutcome, OfficerId, PriorityReason, TicketId } from "./ticket";

/**
 * What a kiosk, officer or the hub asks for. Ids and time are supplied by the
 * caller (the hub): the core never invents them.
 */
export type QueueCommand =
  | {
      type: "issueTicket";
      /** Fresh, unguessable id from the hub; also the ticket's public status-page key. */
      ticketId: TicketId;
      serviceId: ServiceId;
      priority: PriorityReason | null;
      kioskId: string | null;
    }
  | { type: "callNext"; counterId: CounterId; officerId: OfficerId | null }
  | { type: "callTicket"; counterId: CounterId; officerId: OfficerId | null; ticketId: TicketId }
  | { type: "recall"; counterId: CounterId }
  | { type: "startService"; counterId: CounterId }
  | { type: "tickStep"; counterId: CounterId; stepId: string }
  | { type: "untickStep"; counterId: CounterId; stepId: string }
  | { type: "complete"; counterId: CounterId; outcome: CompletionOutcome }
  | { type: "markNoShow"; counterId: CounterId }
  | { type: "reinstate"; ticketId: TicketId }
  | { type: "transfer"; counterId: CounterId; toServiceId: ServiceId }
  /** The officer's "Batalkan" on a transfer just made: the citizen is back in hand, as before. */
  | { type: "undoTransfer"; counterId: CounterId; ticketId: TicketId }
  | { type: "cancel"; ticketId: TicketId; reason: CancelReason }
  | { type: "openCounter"; counterId: CounterId; officerId: OfficerId | null }
  | { type: "pauseCounter"; counterId: CounterId }
  | { type: "closeCounter"; counterId: CounterId }
  /** Today's operations (today.ts), from a supervisor or admin: they hold until the service day ends. */
  | { type: "suspendService"; serviceId: ServiceId; reason: string }
  | { type: "resumeService"; serviceId: ServiceId }
  /** null: no quota for the rest of the day. */
  | { type: "setQuota"; serviceId: ServiceId; quota: number | null }
  | { type: "suspendCounter"; counterId: CounterId; reason: string }
  | { type: "resumeCounter"; counterId: CounterId }
  | { type: "setNotice"; kind: "runningText" | "announcement"; text: string }
  /** Sent by the hub after local midnight: cancels what is left of earlier days. */
  | { type: "closeServiceDay" }
  | BookingCommand;

/**
 * Booked visits (booking.ts, docs/booking.md). The hub supplies the random,
 * unguessable booking id and the short code; on BOOKING_CODE_TAKEN it draws
 * another code and asks again.
 */
export type BookingCommand =
  | { type: "holdBooking"; bookingId: BookingId; code: string; serviceId: ServiceId; slotStart: number }
  | { type: "confirmBooking"; bookingId: BookingId }
  | { type: "releaseBooking"; bookingId: BookingId; reason: "citizen_cancelled" | "staff_cancelled" }
  /** The kiosk's or counter's check-in: the hub resolved the code to the booking and drew the ticket id. */
  | { type: "checkInBooking"; bookingId: BookingId; ticketId: TicketId; kioskId: string | null }
  /** The hub's timer: lapsed holds are released, confirmed bookings past their check-in window expire. */
  | { type: "sweepBookings" };

export type QueueCommandType = QueueCommand["type"];
