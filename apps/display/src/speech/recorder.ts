import type { Announcement } from "./announcement";
import type { DropReason } from "./queue";

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
  /** How long it waited for its turn after the call reached the screen. */
  waitedMs: number;
  /** Null while playing; false when the audio failed (blocked, no device). */
  ok: boolean | null;
}

/** An announcement never spoken: superseded at its counter, or too late to be useful. */
export interface SkippedEntry {
  text: string;
  recall: boolean;
  reason: DropReason;
  at: number;
}

export interface SpeechLog {
  spoken: SpokenEntry[];
  skipped: SkippedEntry[];
  /** "clips" / "webspeech" / "off": how the next announcement would be played. */
  mode: string;
  soundAllowed: boolean;
  /** URLs of the clips scheduled, in playing order (the chime included). */
  clips: string[];
}

const KEEP = 200;

declare global {
  interface Window {
    __layanSpeech?: SpeechLog;
  }
}

export function speechLog(): SpeechLog {
  window.__layanSpeech ??= { spoken: [], skipped: [], mode: "clips", soundAllowed: false, clips: [] };
  return window.__layanSpeech;
}

function keepLast<T>(list: T[]): void {
  if (list.length > KEEP) list.splice(0, list.length - KEEP);
}

export function recordStart(a: Announcement, via: SpokenEntry["via"], waitedMs: number): SpokenEntry {
  const log = speechLog();
  const entry: SpokenEntry = { text: a.text, recall: a.recall, via, at: Date.now(), waitedMs, ok: null };
  log.spoken.push(entry);
  keepLast(log.spoken);
  return entry;
}

export function recordSkip(a: Announcement, reason: DropReason): void {
  const log = speechLog();
  log.skipped.push({ text: a.text, recall: a.recall, reason, at: Date.now() });
  keepLast(log.skipped);
}

export function recordClips(urls: readonly string[]): void {
  const log = speechLog();
  log.clips.push(...urls);
  keepLast(log.clips);
}
