/**
 * Indonesian numbers in words ("terbilang"), for spoken calls. Pure: no DOM,
 * so it runs in Node tests and builds the clip list the offline player needs.
 *
 * The special words are the ones people notice when a machine gets them
 * wrong: 10 "sepuluh", 11 "sebelas", 100 "seratus", 1000 "seribu" (never
 * "satu puluh", "satu belas", "satu ratus", "satu ribu").
 */

const UNITS = [
  "nol",
  "satu",
  "dua",
  "tiga",
  "empat",
  "lima",
  "enam",
  "tujuh",
  "delapan",
  "sembilan",
] as const;

/** Largest number read out; ticket numbers stay far below this. */
export const MAX_SPOKEN_NUMBER = 999_999_999;

function unit(d: number): string {
  const word = UNITS[d];
  if (word === undefined) throw new RangeError(`not a digit: ${d}`);
  return word;
}

/** 1..999 as a list of words; the caller handles 0. */
function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push("seratus");
  else if (hundreds > 1) words.push(unit(hundreds), "ratus");
  if (rest === 0) return words;
  if (rest < 10) words.push(unit(rest));
  else if (rest === 10) words.push("sepuluh");
  else if (rest === 11) words.push("sebelas");
  else if (rest < 20) words.push(unit(rest - 10), "belas");
  else {
    words.push(unit(Math.floor(rest / 10)), "puluh");
    if (rest % 10 !== 0) words.push(unit(rest % 10));
  }
  return words;
}

/** `1012` → `["seribu", "dua", "belas"]`: the words, one clip each. */
export function numberToWordList(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPOKEN_NUMBER) {
    throw new RangeError(`cannot read ${n} in words (0-${MAX_SPOKEN_NUMBER})`);
  }
  if (n === 0) return ["nol"];
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor((n % 1_000_000) / 1000);
  const rest = n % 1000;
  const words: string[] = [];
  // "satu juta" is the usual reading; "sejuta" is colloquial.
  if (millions > 0) words.push(...belowThousand(millions), "juta");
  if (thousands === 1) words.push("seribu");
  else if (thousands > 1) words.push(...belowThousand(thousands), "ribu");
  if (rest > 0) words.push(...belowThousand(rest));
  return words;
}

/** `12` → `"dua belas"`, `111` → `"seratus sebelas"`. */
export function numberToWords(n: number): string {
  return numberToWordList(n).join(" ");
}

/** `"012"` → `["nol", "satu", "dua"]`: digit by digit, leading zeros kept. */
export function digitWordList(digits: string): string[] {
  if (!/^\d+$/.test(digits)) throw new RangeError(`not a string of digits: "${digits}"`);
  return [...digits].map((d) => unit(Number(d)));
}

/** Every word the two functions above can produce: the offline clip set must hold each one. */
export const NUMBER_WORDS: readonly string[] = [
  ...UNITS,
  "sepuluh",
  "sebelas",
  "belas",
  "puluh",
  "seratus",
  "ratus",
  "seribu",
  "ribu",
  "juta",
];
