import { digitWordList, numberToWordList, NUMBER_WORDS } from "./number-words";

/**
 * What a display says for a call: one sentence (for the Web Speech API and for
 * the test hook) and the same words as a list of recorded clips (for offline
 * playback). Both come from the same word list, so they never disagree.
 */

export type AnnouncementStyle = "digits" | "number";

export interface CallToAnnounce {
  number: string;
  counterName: string;
  counterNumber: number;
  counterId: string;
  recalls: number;
}

export interface Announcement {
  /** Same ticket at the same counter. */
  key: string;
  /** One announcement per counter may wait: a newer one replaces it. */
  counterId: string;
  text: string;
  /** Clip ids, in order, without the chime. */
  clips: string[];
  recall: boolean;
}

/** Indonesian names of the letters, as the clip generator should pronounce them. */
export const LETTER_NAMES: Readonly<Record<string, string>> = {
  A: "a",
  B: "be",
  C: "ce",
  D: "de",
  E: "e",
  F: "ef",
  G: "ge",
  H: "ha",
  I: "i",
  J: "je",
  K: "ka",
  L: "el",
  M: "em",
  N: "en",
  O: "o",
  P: "pe",
  Q: "ki",
  R: "er",
  S: "es",
  T: "te",
  U: "u",
  V: "ve",
  W: "we",
  X: "eks",
  Y: "ye",
  Z: "zet",
};

/** Fixed phrases, each one clip. */
export const PHRASES = {
  "nomor-antrean": "Nomor antrean",
  "silakan-menuju": "silakan menuju",
  loket: "loket",
} as const;

export const CHIME_CLIP = "chime";

/** Every clip the offline player may be asked for (file `audio/<id>.mp3`). */
export const CLIP_IDS: readonly string[] = [
  CHIME_CLIP,
  ...Object.keys(PHRASES),
  ...Object.keys(LETTER_NAMES).map((l) => l.toLowerCase()),
  ...NUMBER_WORDS,
];

interface Word {
  text: string;
  clip: string;
}

const words = (list: string[]): Word[] => list.map((w) => ({ text: w, clip: w }));

/** "A-012" → A, then 012 as digits ("nol satu dua") or as a number ("dua belas"). */
function ticketWords(number: string, style: AnnouncementStyle): Word[] {
  const match = /^([A-Za-z]*)[-\s]?(\d+)$/.exec(number.trim());
  if (!match) {
    // Not a shape we know: spell what can be spelled, so the citizen still hears it.
    return [...number.toUpperCase()].flatMap((ch): Word[] => {
      if (LETTER_NAMES[ch]) return [{ text: ch, clip: ch.toLowerCase() }];
      if (/\d/.test(ch)) return words(digitWordList(ch));
      return [];
    });
  }
  const letters = [...(match[1] ?? "").toUpperCase()].map((ch) => ({ text: ch, clip: ch.toLowerCase() }));
  const digits = match[2] ?? "0";
  const spoken = style === "digits" ? digitWordList(digits) : numberToWordList(Number(digits));
  return [...letters, ...words(spoken)];
}

/**
 * "Loket 3" → "loket tiga". A counter named otherwise keeps its name in speech
 * ("Meja 2" → "meja dua", "Informasi" → "informasi"); the clip set only knows
 * "loket", so offline it is read as "loket" with the counter's number.
 */
function counterWords(name: string, number: number): { spoken: string[]; clips: string[] } {
  const match = /^(.*?)\s*(\d+)$/.exec(name.trim());
  const numberClips = numberToWordList(match ? Number(match[2]) : number);
  if (!match) return { spoken: [name.trim().toLowerCase() || "loket"], clips: ["loket", ...numberClips] };
  const label = (match[1] ?? "").trim().toLowerCase() || "loket";
  return { spoken: [label, ...numberClips], clips: ["loket", ...numberClips] };
}

export function buildAnnouncement(call: CallToAnnounce, style: AnnouncementStyle): Announcement {
  const ticket = ticketWords(call.number, style);
  const counter = counterWords(call.counterName, call.counterNumber);
  const text = `${PHRASES["nomor-antrean"]} ${ticket.map((w) => w.text).join(" ")}, ${PHRASES["silakan-menuju"]} ${counter.spoken.join(" ")}`;
  return {
    key: `${call.number}@${call.counterId}`,
    counterId: call.counterId,
    text,
    clips: ["nomor-antrean", ...ticket.map((w) => w.clip), "silakan-menuju", ...counter.clips],
    recall: call.recalls > 0,
  };
}
