import type { Announcement } from "./announcement";

/**
 * `window.__layanSpeech`: what this display said, for end-to-end tests and
 * for a technician checking a silent screen from the devtools console. Kept
 * short so a screen running for weeks does not grow.
 */
export interface SpokenEntry {
  text: string;
  recall: boolean;
  via: "webspeech" | "clips" | "off";
  /** Device time when it started. */
  at: number;
  /** Null while playing; false when the audio failed (blocked, no device). */
  ok: boolean | null;
}

export interface SpeechLog {
  spoken: SpokenEntry[];
  /** "clips" / "webspeech" / "off": how the next announcement would be played. */
  mode: string;
  soundAllowed: boolean;
}

const KEEP = 200;

declare global {
  interface Window {
    __layanSpeech?: SpeechLog;
  }
}

export function speechLog(): SpeechLog {
  window.__layanSpeech ??= { spoken: [], mode: "clips", soundAllowed: false };
  return window.__layanSpeech;
}

export function recordStart(a: Announcement, via: SpokenEntry["via"]): SpokenEntry {
  const log = speechLog();
  const entry: SpokenEntry = { text: a.text, recall: a.recall, via, at: Date.now(), ok: null };
  log.spoken.push(entry);
  if (log.spoken.length > KEEP) log.spoken.splice(0, log.spoken.length - KEEP);
  return entry;
}
