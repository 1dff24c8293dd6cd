import { Delete, X } from "lucide-react";
import type { Strings } from "../i18n";

/** QWERTY like a phone: the layout most citizens have typed on. */
const ROWS = ["QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"] as const;
const DIGITS = "1234567890";

/**
 * The kiosk's own keyboard (a touch kiosk has no other). `digits` adds the
 * number row for ticket numbers, phone numbers and free text.
 */
export function Keyboard({
  t,
  onKey,
  onClear,
  onBackspace,
  digits = false,
  letters = true,
  extra = "",
  rows: only,
  space = true,
}: {
  t: Strings;
  onKey: (text: string) => void;
  onClear: () => void;
  onBackspace: () => void;
  digits?: boolean;
  /** False for a phone number: digits alone leave the field, its button and the keys room inside the reach band. */
  letters?: boolean;
  /** Punctuation a text needs (".,?-@"), on the bottom row. */
  extra?: string;
  /** These rows instead of digits and letters: a booking code's keys are its alphabet's only. */
  rows?: readonly string[];
  /** No space key where a space means nothing (a code). */
  space?: boolean;
}) {
  const rows = only ?? [...(digits ? [DIGITS] : []), ...(letters ? ROWS : [])];
  return (
    <div className="keyboard" role="group" aria-label={t.keyboard}>
      {rows.map((row) => (
        <div className="keyboard-row" key={row}>
          {[...row].map((key) => (
            <button key={key} type="button" className="key" onClick={() => onKey(key.toLowerCase())}>
              {key}
            </button>
          ))}
        </div>
      ))}
      <div className="keyboard-row">
        <button type="button" className="key key-wide" onClick={onClear} aria-label={t.searchClear}>
          <X size={32} aria-hidden="true" />
          <span>{t.searchClear}</span>
        </button>
        {[...extra].map((key) => (
          <button key={key} type="button" className="key" onClick={() => onKey(key)}>
            {key}
          </button>
        ))}
        {space ? (
          <button type="button" className="key key-space" onClick={() => onKey(" ")} aria-label={t.space}>
            {t.space}
          </button>
        ) : null}
        <button type="button" className="key key-wide" onClick={onBackspace} aria-label={t.backspace}>
          <Delete size={32} aria-hidden="true" />
          <span>{t.backspace}</span>
        </button>
      </div>
    </div>
  );
}

/**
 * The keyboard of one text field (a complaint, a phone number, a ticket
 * number, a suggestion): `next` says what a key makes of the text, so each
 * field keeps its own limit or filter; clear and backspace are the same for all.
 */
export function FieldKeyboard({
  t,
  set,
  next,
  extra,
  letters = true,
}: {
  t: Strings;
  set: (update: (text: string) => string) => void;
  next: (text: string, key: string) => string;
  extra: string;
  letters?: boolean;
}) {
  return (
    <Keyboard
      t={t}
      digits
      letters={letters}
      extra={extra}
      onKey={(k) => set((v) => next(v, k))}
      onClear={() => set(() => "")}
      onBackspace={() => set((v) => v.slice(0, -1))}
    />
  );
}

/** Appends the key, up to `max` characters. */
export const upTo =
  (max: number) =>
  (text: string, key: string): string =>
    (text + key).slice(0, max);

/** The text box an on-screen keyboard types into: no phone keyboard pops up (inputMode none), never over `max`. */
export function KeyboardText({
  id,
  value,
  set,
  max,
  testId,
}: {
  id: string;
  value: string;
  set: (text: string) => void;
  max: number;
  testId: string;
}) {
  return (
    <textarea
      id={id}
      className="feedback-text"
      value={value}
      inputMode="none"
      maxLength={max}
      onChange={(e) => set(e.target.value.slice(0, max))}
      data-testid={testId}
    />
  );
}
