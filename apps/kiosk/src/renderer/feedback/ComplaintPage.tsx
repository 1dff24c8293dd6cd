import type { KioskComplaintReceipt, OfficeInfo, ServiceInfo } from "@layan/protocol";
import { newRequestId } from "@layan/ui";
import { useRef, useState } from "react";
import { FieldKeyboard, KeyboardText, upTo } from "../components/Keyboard";
import { PageHead } from "../components/PageHead";
import { FinishAction } from "./FinishAction";
import { hubErrorText, type Lang, type Strings } from "../i18n";
import { fileComplaintAt, type ComplaintHub, type ComplaintPrintPath } from "./file-complaint";
import { localized } from "./InfoPages";
import type { FeedbackStrings } from "./strings";

const MAX_TEXT = 500;
const MIN_TEXT = 10;

type Step = "category" | "service" | "text" | "contact" | "done";

/**
 * Pengaduan & Saran: category, service (optional), the text on the kiosk's
 * keyboard, an optional phone number with the notice and consent, then the
 * tracking code, large, and on paper when the kiosk prints.
 */
export function ComplaintPage({
  hub,
  office,
  services,
  printPath,
  t,
  f,
  lang,
  onDone,
}: {
  hub: ComplaintHub;
  office: OfficeInfo;
  services: ServiceInfo[];
  /** Who prints the receipt: the kiosk's own printer, the hub, or nobody (an information kiosk). */
  printPath: ComplaintPrintPath;
  t: Strings;
  f: FeedbackStrings;
  lang: Lang;
  onDone: () => void;
}) {
  const [step, setStep] = useState<Step>("category");
  const [category, setCategory] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [phone, setPhone] = useState("");
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<KioskComplaintReceipt | null>(null);
  const [sending, setSending] = useState(false);
  // One id per complaint: a double tap or a retry files it once.
  const requestId = useRef(newRequestId());

  const send = async () => {
    if (sending || category === null) return;
    setSending(true);
    setError(null);
    try {
      const contact = phone.trim() ? { phone: phone.trim() } : null;
      const answer = await fileComplaintAt(hub, printPath, {
        requestId: requestId.current,
        category,
        serviceId,
        text,
        contact,
        consent: contact !== null && consent,
      });
      if (answer.ok) {
        setReceipt(answer.data);
        setStep("done");
      } else setError("unreachable" in answer ? t.hubOfflineHint : hubErrorText(answer.error, lang));
    } finally {
      setSending(false);
    }
  };

  if (step === "done" && receipt) {
    const due = new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
      timeZone: office.timezone,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
    }).format(receipt.dueAt);
    return (
      <main className="page feedback-page" data-testid="complaint-done">
        <PageHead title={f.received} hint={receipt.printed ? f.printedHint : f.notPrintedHint} />
        <div className="reach-zone">
          <div className="feedback-scroll">
            <p className="feedback-sub">{f.codeLabel}</p>
            <p className="complaint-code" data-testid="complaint-code">
              {receipt.code}
            </p>
            <p className="feedback-sub">{f.dueBy(due, receipt.targetWorkingDays)}</p>
            {receipt.elsewhere.length > 0 ? (
              <section className="info-card">
                <h2>{f.elsewhere}</h2>
                <ul>
                  {receipt.elsewhere.map((e) => (
                    <li key={e.name}>
                      <strong>{e.name}</strong>: {e.contact}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <FinishAction label={f.done} onDone={onDone} testId="complaint-finish" />
          </div>
        </div>
      </main>
    );
  }

  return (
    <main className="page feedback-page" data-testid="complaint-page" data-step={step}>
      <PageHead title={f.complaint} hint={f.complaintHint} />
      <div className="reach-zone">
        {step === "category" ? (
          <div className="feedback-scroll">
            <h2 className="feedback-sub">{f.category}</h2>
            <div className="choice-grid">
              {office.complaints.categories.map((c) => (
                <button
                  key={c.id}
                  type="button"
                  className="choice"
                  aria-pressed={category === c.id}
                  data-testid={`category-${c.id}`}
                  onClick={() => {
                    setCategory(c.id);
                    setStep("service");
                  }}
                >
                  {localized(c.label, lang)}
                </button>
              ))}
            </div>
          </div>
        ) : step === "service" ? (
          <div className="feedback-scroll">
            <h2 className="feedback-sub">{f.service}</h2>
            <div className="choice-grid">
              {[{ id: null, name: f.noService }, ...services.map((s) => ({ id: s.id, name: s.name }))].map(
                (s) => (
                  <button
                    key={s.id ?? "none"}
                    type="button"
                    className="choice"
                    aria-pressed={serviceId === s.id}
                    data-testid={`complaint-service-${s.id ?? "none"}`}
                    onClick={() => {
                      setServiceId(s.id);
                      setStep("text");
                    }}
                  >
                    {s.name}
                  </button>
                ),
              )}
            </div>
          </div>
        ) : step === "text" ? (
          <>
            <label className="feedback-sub" htmlFor="complaint-text">
              {f.text}
            </label>
            <KeyboardText
              id="complaint-text"
              value={text}
              set={setText}
              max={MAX_TEXT}
              testId="complaint-text"
            />
            <div className="feedback-actions">
              {text.trim().length < MIN_TEXT ? (
                <span className="feedback-note">{f.textTooShort(text.trim().length)}</span>
              ) : null}
              <button
                type="button"
                className="btn-primary"
                disabled={text.trim().length < MIN_TEXT}
                onClick={() => setStep("contact")}
                data-testid="complaint-next"
              >
                {f.next}
              </button>
            </div>
            <FieldKeyboard t={t} extra=".,?" set={setText} next={upTo(MAX_TEXT)} />
          </>
        ) : (
          <>
            <h2 className="feedback-sub">{f.contactTitle}</h2>
            <p className="feedback-note">{f.contactHint}</p>
            <p className="feedback-note" data-testid="complaint-privacy">
              {localized(office.privacy.complaintContact, lang)}
            </p>
            <input
              className="feedback-text"
              style={{ minHeight: "auto" }}
              aria-label={f.phone}
              placeholder={f.phone}
              value={phone}
              inputMode="none"
              onChange={(e) => setPhone(e.target.value.slice(0, 20))}
              data-testid="complaint-phone"
            />
            {phone.trim() ? (
              <label className="choice" data-testid="complaint-consent">
                <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />{" "}
                {f.consent}
              </label>
            ) : null}
            {error ? (
              <p className="feedback-note" role="alert" data-testid="complaint-error">
                {error}
              </p>
            ) : null}
            <div className="feedback-actions">
              <button
                type="button"
                className="btn-primary"
                disabled={sending || (phone.trim() !== "" && !consent)}
                onClick={() => void send()}
                data-testid="complaint-send"
              >
                {sending ? f.sending : f.send}
              </button>
            </div>
            <FieldKeyboard
              t={t}
              extra="+-"
              letters={false}
              set={setPhone}
              next={(v, k) => (/[0-9+\- ]/.test(k) ? upTo(20)(v, k) : v)}
            />
          </>
        )}
      </div>
    </main>
  );
}
