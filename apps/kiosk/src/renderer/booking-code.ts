import { BOOKING_CODE_ALPHABET, bookingCodeFromScan } from "@layan/protocol";

/**
 * Typing a booking code at the kiosk (docs/booking.md): six characters of
 * the code's alphabet, the dash put in by the kiosk, and a USB QR scanner's
 * keystrokes read as the receipt's link. Pure, so every rule is tested here.
 */

export const CODE_LENGTH = 6;

/**
 * The code keyboard's rows: digits, then QWERTY without the letters a code
 * never has (I, L, O, U). A key that cannot be part of a code is not offered,
 * so a citizen cannot type a code that was never issued.
 */
export const CODE_KEY_ROWS: readonly string[] = ["1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"].map((row) =>
  [...row].filter((k) => BOOKING_CODE_ALPHABET.includes(k)).join(""),
);

/** One key on the code: read forgivingly (o→0, i/l→1), anything else ignored, never more than six. */
export function typeCodeKey(entry: string, key: string): string {
  const k = key.toUpperCase().replace("O", "0").replace(/[IL]/, "1");
  if (k.length !== 1 || !BOOKING_CODE_ALPHABET.includes(k)) return entry;
  return (entry + k).slice(0, CODE_LENGTH);
}

/** "7KQ-M4" while typing: the dash appears once the first three are in, as on the receipt. */
export function codeShown(entry: string): string {
  return entry.length < 3 ? entry : `${entry.slice(0, 3)}-${entry.slice(3)}`;
}

/** The code to send, or null until all six are typed. */
export function codeOf(entry: string): string | null {
  return entry.length === CODE_LENGTH ? codeShown(entry) : null;
}

/** Longer than any receipt link: a stuck key cannot grow the buffer without end. */
const SCAN_MAX = 300;

/**
 * A scanner types the QR's text and presses Enter. Keystrokes gather here;
 * Enter reads them as a receipt link or a typed code (`bookingCodeFromScan`)
 * and starts over either way.
 */
export function scanKey(buffer: string, key: string): { buffer: string; code: string | null } {
  if (key === "Enter") return { buffer: "", code: buffer ? bookingCodeFromScan(buffer) : null };
  if (key.length !== 1) return { buffer, code: null };
  return { buffer: (buffer + key).slice(-SCAN_MAX), code: null };
}
