import { BOOKING_STATUSES, type AdminBookingRow, type BookingReleaseReason, type BookingStatus } from "@layan/protocol";

/** The statuses as staff say them (Administrasi → Reservasi). */
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  held: "Ditahan",
  confirmed: "Terkonfirmasi",
  checked_in: "Sudah check-in",
  expired: "Tidak datang",
  released: "Dibatalkan",
};

export const RELEASE_REASON_LABELS: Record<BookingReleaseReason, string> = {
  hold_lapsed: "tidak dikonfirmasi",
  citizen_cancelled: "dibatalkan pemohon",
  staff_cancelled: "dibatalkan petugas",
  service_closed: "layanan ditutup",
};

export const BOOKING_STATUS_CHOICES = BOOKING_STATUSES.map((s) => ({ id: s, label: BOOKING_STATUS_LABELS[s] }));

/** Only an open booking can be cancelled: a checked-in one is a ticket (cancel that at the counter). */
export const cancellable = (row: Pick<AdminBookingRow, "status">) => row.status === "held" || row.status === "confirmed";

/** "09.30–10.00": the slot in office time, the way the kiosk and the receipt write it. */
export function slotRange(start: number, end: number, timeZone: string): string {
  const f = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const t = (at: number) => f.format(at).replace(":", ".");
  return `${t(start)}–${t(end)}`;
}

/** "Budi Santoso · HP …1234": what the staff may see of the citizen, while the booking is open. */
export function contactText(row: Pick<AdminBookingRow, "name" | "phoneLast4">): string {
  const parts = [row.name, row.phoneLast4 ? `HP …${row.phoneLast4}` : null].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(" · ") : "–";
}

/** A staff reason is asked for and kept in the audit trail: 3 to 200 characters, as the hub checks. */
export function reasonProblem(reason: string): string | null {
  const n = reason.trim().length;
  if (n < 3) return "Tulis alasan pembatalan (minimal 3 huruf).";
  if (n > 200) return "Alasan paling banyak 200 huruf.";
  return null;
}
