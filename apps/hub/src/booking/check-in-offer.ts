import type { QueueState } from "@layan/core";
import type { OfficeInfo } from "@layan/protocol";

/**
 * The office as a kiosk or counter app is told it, with `bookingCheckIn`:
 * check-in is offered while booking is on, and also after an office turned
 * booking off (or made its services unbookable) while bookings made before
 * were still open: those are honoured until they end, and their citizens
 * need the kiosk's code screen and the counter's check-in to be there.
 * Read when a device asks for its catalog (at connect and on config:changed).
 */
export function officeForDevices(office: OfficeInfo, state: QueueState): OfficeInfo {
  return { ...office, bookingCheckIn: (office.bookingEnabled ?? false) || state.bookings.open.size > 0 };
}
