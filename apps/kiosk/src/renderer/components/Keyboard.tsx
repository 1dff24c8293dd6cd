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
  extra = "",
}: {
  t: Strings;
  onKey: (text: string) => void;
  onClear: () => void;
  onBackspace: () => void;
  digits?: boolean;
  /** Punctuation a text needs (".,?-@"), on the bottom row. */
  extra?: string;
}) {
  const rows = digits ? [DIGITS, ...ROWS] : ROWS;
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
        <button type="button" className="key key-space" onClick={() => onKey(" ")} aria-label={t.space}>
          {t.space}
        </button>
        <button type="button" className="key key-wide" onClick={onBackspace} aria-label={t.backspace}>
          <Delete size={32} aria-hidden="true" />
          <span>{t.backspace}</span>
        </button>
      </div>
    </div>
  );
}
