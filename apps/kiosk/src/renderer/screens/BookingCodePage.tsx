import { QrCode as QrIcon, TicketCheck } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { CODE_KEY_ROWS, codeOf, codeShown, scanKey, typeCodeKey } from "../booking-code";
import { Keyboard } from "../components/Keyboard";
import { PageHead } from "../components/PageHead";
import type { Strings } from "../i18n";
import "../styles/booking.css";

/**
 * "Check-in Reservasi": the booking code typed on the kiosk's own keyboard
 * (the code's alphabet only, the dash put in by itself), or the receipt's QR
 * held to the kiosk's USB scanner, which types the link and Enter. The
 * field, the button and every key sit in the reach band.
 */
export function BookingCodePage({ t, busy, onCheckIn }: { t: Strings; busy: boolean; onCheckIn: (code: string) => void }) {
  const [entry, setEntry] = useState("");
  const scan = useRef("");
  const code = codeOf(entry);
  const submit = useRef(onCheckIn);
  submit.current = onCheckIn;

  // The scanner is a keyboard: its keystrokes arrive wherever the focus is, so they are read here.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const next = scanKey(scan.current, e.key);
      scan.current = next.buffer;
      if (e.key === "Enter" && next.code) {
        e.preventDefault();
        setEntry(next.code.replace("-", ""));
        submit.current(next.code);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <main className="page feedback-page booking-page" data-testid="booking-page">
      <PageHead title={t.bookingTitle} hint={t.bookingHint} />
      <div className="reach-zone">
        <p className="booking-scan">
          <QrIcon size={32} aria-hidden="true" />
          <span>{t.bookingCodeLabel}</span>
        </p>
        <div className="booking-code-row">
          <output className="booking-code" aria-label={t.bookingCodeLabel} aria-live="polite" data-testid="booking-code">
            {codeShown(entry) || "___-___"}
          </output>
          <button
            type="button"
            className="btn-primary"
            disabled={busy || code === null}
            onClick={() => code && onCheckIn(code)}
            data-testid="booking-check-in"
          >
            <TicketCheck size={36} aria-hidden="true" />
            <span>{t.bookingCheckIn}</span>
          </button>
        </div>
        <Keyboard
          t={t}
          rows={CODE_KEY_ROWS}
          space={false}
          onKey={(k) => setEntry((v) => typeCodeKey(v, k))}
          onClear={() => setEntry("")}
          onBackspace={() => setEntry((v) => v.slice(0, -1))}
        />
      </div>
    </main>
  );
}
