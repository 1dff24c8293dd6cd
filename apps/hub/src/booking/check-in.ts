import { bookingByCode, checkInWindow, estimateForTicket, estimateWait, serviceDayOf } from "@layan/core";
import { bookingCodeFromScan, fail, type Ack, type IssuedTicket } from "@layan/protocol";
import type { HubContext } from "../context";
import { printableTicket } from "../printing";
import { clockTime } from "./time";
import { ticketOfIssued } from "../issued-ticket";

/** Who checks a booking in: a kiosk (its id goes on the ticket) or a counter's officer. */
export interface CheckInSource {
  /** The request ledger's namespace: `kiosk:<id>` or `counter:<officer>`. */
  namespace: string;
  kioskId: string | null;
  /** The Host the device reached the hub at and whether over TLS: the ticket page's address. */
  host: string | undefined;
  secure: boolean;
  printedByHub: boolean;
}

/** "Reservasi 09.30": what the printed ticket and the kiosk's screen say of a booked visit. */
export function reservationLine(slotStart: number, timeZone: string): string {
  return `Reservasi ${clockTime(slotStart, timeZone)}`;
}

/**
 * A booking code turned into a ticket (docs/booking.md decision 8): the
 * code as typed or scanned is read forgivingly, the core decides the check-in
 * window and the quota in the same decision that issues the ticket, and the
 * answer is the ticket as `ticket:issue` gives it, with its reservation line.
 * A check-in refused as too early says when to come back.
 */
export async function checkInBooking(
  ctx: HubContext,
  input: { requestId: string; code: string },
  source: CheckInSource,
): Promise<Ack<IssuedTicket>> {
  const code = bookingCodeFromScan(input.code);
  if (code === null) return fail("BOOKING_UNKNOWN");
  const booking = bookingByCode(ctx.engine.state.bookings, code);
  if (!booking) return fail("BOOKING_UNKNOWN");
  const { timezone } = ctx.engine.state.rules;
  const ticketId = ctx.newTicketId();
  const answer = await ctx.engine.execute(
    { type: "checkInBooking", bookingId: booking.id, ticketId, kioskId: source.kioskId },
    // The code as read, not as typed: "7kq m4p" and "7KQ-M4P" are one request.
    { requestId: input.requestId, namespace: source.namespace, payload: { code } },
    (state, events): IssuedTicket => {
      const issued = events.find((e) => e.type === "ticket.issued");
      if (issued?.type !== "ticket.issued") throw new Error("checkInBooking produced no ticket.issued");
      // The ticket page's own estimate (decision 9): in its booked lane behind
      // earlier slots only, and never sooner than its slot, so the slip, the
      // kiosk and the phone promise the same wait. A ticket just issued is
      // waiting; the fallback is only there to keep the type honest.
      const estimate = estimateForTicket(state, issued.ticketId, issued.at) ?? estimateWait(state, issued.serviceId, null, issued.at, 0);
      const base = {
        ticket: ticketOfIssued(issued),
        peopleAhead: estimate.peopleAhead,
        estimate,
        statusUrl: ctx.statusUrl(issued.ticketId, source.host, source.secure),
      };
      const print = printableTicket(ctx.setup, base, reservationLine(booking.slotStart, timezone));
      return { ...base, printed: source.printedByHub, print };
    },
  );
  if (!answer.ok && answer.error.code === "BOOKING_TOO_EARLY") {
    // A copy: the engine keeps the refusal for the request id's retries.
    const { from } = checkInWindow(ctx.engine.state, booking);
    const come = comeBackWords(from, ctx.engine.now(), timezone);
    return { ok: false, error: { ...answer.error, message: `${TOO_EARLY.id} Silakan kembali ${come.id}.`, messageEn: `${TOO_EARLY.en}; come back ${come.en}.` } };
  }
  return answer;
}

/**
 * BOOKING_TOO_EARLY's first sentence (ERROR_MESSAGES has the whole refusal,
 * "… come back closer to your booked time"): the hub says when instead, in
 * one sentence, not the vague one and then the time.
 */
const TOO_EARLY = {
  id: "Belum waktunya lapor kedatangan untuk reservasi ini.",
  en: "Too early to check in for this booking",
};

/**
 * "mulai pukul 09.30" when the window opens later today (office time), but
 * "pada Kamis, 19 November 2026, mulai pukul 09.00" when it opens on another
 * day: a bare time read the day before means today.
 */
export function comeBackWords(from: number, now: number, timeZone: string): { id: string; en: string } {
  const time = clockTime(from, timeZone);
  if (serviceDayOf(from, timeZone) === serviceDayOf(now, timeZone)) return { id: `mulai pukul ${time}`, en: `from ${time}` };
  const date = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(from);
  return { id: `pada ${date("id-ID")}, mulai pukul ${time}`, en: `on ${date("en-GB")}, from ${time}` };
}
