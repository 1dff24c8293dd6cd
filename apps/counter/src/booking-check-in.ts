import { normalizeBookingCode, type Ack, type IssuedTicket } from "@layan/protocol";

/**
 * The counter's "Check-in reservasi" in words: what the officer typed (read
 * forgivingly, as the kiosk does), and the hub's answer as one sentence to
 * tell the citizen. Pure, so the wording is tested.
 */

export const CODE_HINT = "Kode reservasi: 6 huruf/angka, misalnya 7KQ-M4P.";

/** The code to send, or why not: nothing is sent for what cannot be a code. */
export function codeToSend(typed: string): { code: string } | { problem: string } {
  const code = normalizeBookingCode(typed);
  return code ? { code } : { problem: CODE_HINT };
}

export type CheckInAnswer = { ok: true; text: string; number: string } | { ok: false; text: string };

/** `null`: no answer came (the hub is away); the officer may try again, the hub counts one check-in. */
export function checkInAnswerText(code: string, answer: Ack<IssuedTicket> | null): CheckInAnswer {
  if (answer === null) return { ok: false, text: "Server antrean tidak terhubung. Coba lagi setelah tersambung." };
  if (!answer.ok) return { ok: false, text: `${code}: ${answer.error.message}` };
  const { number } = answer.data.ticket;
  const slot = answer.data.print.reservation;
  return { ok: true, number, text: `${code}: nomor antrean ${number} terbit${slot ? ` (${slot})` : ""}. Minta warga menunggu panggilan.` };
}
