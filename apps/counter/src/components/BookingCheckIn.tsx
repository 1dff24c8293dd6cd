import { TicketCheck } from "lucide-react";
import { useRef, useState, type FormEvent } from "react";
import { checkInAnswerText, codeToSend, type CheckInAnswer } from "../booking-check-in";
import type { CounterClient } from "../counter-client";

/**
 * "Check-in reservasi": a citizen without the kiosk (or whose phone the
 * kiosk's scanner cannot read) shows the code to the officer, who types it
 * here. The ticket joins the booked lane like one checked in at the kiosk.
 */
export function BookingCheckIn({ client, online }: { client: CounterClient; online: boolean }) {
  const [typed, setTyped] = useState("");
  const [answer, setAnswer] = useState<CheckInAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  // A ref, not state: a double press lands twice before React re-renders.
  const inFlight = useRef(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const read = codeToSend(typed);
    if ("problem" in read) return setAnswer({ ok: false, text: read.problem });
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      const result = checkInAnswerText(read.code, await client.checkInBooking(read.code));
      setAnswer(result);
      if (result.ok) setTyped("");
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <section className="panel booking-check-in" aria-labelledby="booking-check-in-title" data-testid="booking-check-in">
      <h2 id="booking-check-in-title">Check-in reservasi</h2>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="booking-code">Kode reservasi dari warga</label>
        <div className="booking-check-in__row">
          <input
            id="booking-code"
            name="code"
            value={typed}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={9}
            placeholder="7KQ-M4P"
            onChange={(e) => setTyped(e.target.value)}
          />
          <button type="submit" className="btn btn--primary" disabled={busy || !online || typed.trim() === ""}>
            <TicketCheck aria-hidden="true" /> Check-in
          </button>
        </div>
      </form>
      {answer && (
        <p className={`booking-check-in__answer${answer.ok ? "" : " booking-check-in__answer--refused"}`} role={answer.ok ? "status" : "alert"} data-testid="booking-check-in-answer">
          {answer.text}
        </p>
      )}
    </section>
  );
}
