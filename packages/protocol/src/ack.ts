import { ERROR_MESSAGES, type ErrorCode } from "./errors";

export interface AckError {
  code: ErrorCode;
  /** Bahasa Indonesia, shown to users as is. */
  message: string;
  /** English, for the language toggle and logs. */
  messageEn: string;
  /** For INVALID_PAYLOAD: which fields were wrong. */
  issues?: { path: string; message: string }[];
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type AckFn<T> = (answer: Ack<T>) => void;

export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, issues?: AckError["issues"]): { ok: false; error: AckError } {
  const m = ERROR_MESSAGES[code];
  return { ok: false, error: { code, message: m.id, messageEn: m.en, ...(issues ? { issues } : {}) } };
}
