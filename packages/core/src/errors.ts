/**
 * Why the core refused a command. Codes are stable: clients branch on them and
 * the protocol package maps each to an Indonesian message.
 */
export const QUEUE_ERROR_CODES = [
  "SERVICE_UNKNOWN",
  "SERVICE_CLOSED",
  "QUOTA_REACHED",
  "COUNTER_UNKNOWN",
  "COUNTER_NOT_OPEN",
  "COUNTER_BUSY",
  "COUNTER_TAKEN",
  "COUNTER_IDLE",
  "COUNTER_DOES_NOT_SERVE",
  "QUEUE_EMPTY",
  "TICKET_UNKNOWN",
  "TICKET_NOT_WAITING",
  "TICKET_NOT_NO_SHOW",
  "TICKET_NOT_CALLED",
  "TICKET_NOT_SERVING",
  "TICKET_FINISHED",
  "NO_SHOW_TOO_EARLY",
  "REINSTATE_WINDOW_PASSED",
  "TRANSFER_SAME_SERVICE",
  "TRANSFER_UNDO_WINDOW_PASSED",
  "TRANSFER_ALREADY_CALLED",
  "NOTHING_TO_UNDO",
  "STEP_UNKNOWN",
  "STEP_ALREADY_DONE",
  "STEP_NOT_DONE",
  "NOTHING_TO_CLOSE",
  "QUOTA_BELOW_ISSUED",
  "COUNTER_SUSPENDED",
  // Booked visits (booking.ts).
  "BOOKING_DISABLED",
  "BOOKING_NOT_BOOKABLE",
  "BOOKING_SLOT_INVALID",
  "BOOKING_SLOT_FULL",
  "BOOKING_QUOTA_SHARE_FULL",
  "BOOKING_CODE_TAKEN",
  "BOOKING_UNKNOWN",
  "BOOKING_HOLD_LAPSED",
  "BOOKING_NOT_CONFIRMED",
  "BOOKING_TOO_EARLY",
  "BOOKING_EXPIRED",
  "BOOKING_ALREADY_CHECKED_IN",
  "BOOKING_RELEASED",
  "BOOKING_DAY_CLOSED",
] as const;

export type QueueErrorCode = (typeof QUEUE_ERROR_CODES)[number];

export interface QueueError {
  code: QueueErrorCode;
  /** Developer-facing detail, English; users see the protocol's Indonesian message. */
  detail: string;
}

export function queueError(code: QueueErrorCode, detail: string): QueueError {
  return { code, detail };
}
