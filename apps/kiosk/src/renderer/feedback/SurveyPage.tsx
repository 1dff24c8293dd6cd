import {
  ERROR_MESSAGES,
  type Localized,
  RESPONDENT_PROFILE,
  SURVEY_QUESTIONS,
  type ProfileField,
  type RespondentProfile,
  type SurveyOffer,
  type SurveyUnsurKey,
} from "@layan/protocol";
import { newRequestId } from "@layan/ui";
import { ChevronLeft, CircleCheck } from "lucide-react";
import { useRef, useState } from "react";
import { FieldKeyboard, KeyboardText, upTo } from "../components/Keyboard";
import { FinishAction } from "./FinishAction";
import { PageHead } from "../components/PageHead";
import { hubErrorText, type Lang, type Strings } from "../i18n";
import { useCountdown } from "../inactivity";
import type { KioskHub } from "../kiosk-hub";
import { localized } from "./InfoPages";
import type { FeedbackStrings } from "./strings";
import "../styles/survey.css";

const MAX_NUMBER = 8;
const MAX_SUGGESTION = 500;
/** The thanks stays this long, then the next citizen gets the first screen. */
const THANKS_SECONDS = 15;
const PROFILE_FIELDS = Object.keys(RESPONDENT_PROFILE) as ProfileField[];

type Score = 1 | 2 | 3 | 4;
type Step =
  | { name: "number" }
  | { name: "refused"; message: string }
  | { name: "question"; index: number }
  | { name: "profile" }
  | { name: "suggestion" }
  | { name: "thanks" };

/**
 * Survei Kepuasan Masyarakat at the kiosk, for a citizen without a phone: the
 * number printed on the ticket stands in for its QR code. One question per
 * screen, each tap an answer and a touch (so the inactivity reset never
 * catches someone answering), then the optional profile and suggestion.
 */
export function SurveyPage({
  hub,
  privacy,
  t,
  f,
  lang,
  onDone,
}: {
  hub: Pick<KioskHub, "findSurvey" | "submitSurvey">;
  /** The catalog's notice for the optional profile (UU 27/2022), in both languages. */
  privacy: Localized;
  t: Strings;
  f: FeedbackStrings;
  lang: Lang;
  onDone: () => void;
}) {
  const [step, setStep] = useState<Step>({ name: "number" });
  const [number, setNumber] = useState("");
  const [offer, setOffer] = useState<SurveyOffer | null>(null);
  const [answers, setAnswers] = useState<Partial<Record<SurveyUnsurKey, Score>>>({});
  const [profile, setProfile] = useState<RespondentProfile>({});
  const [suggestion, setSuggestion] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A ref, not state: a double tap lands twice before React re-renders.
  const busyRef = useRef(false);
  // One id per survey: a retry or a second tap is the same answer at the hub too.
  const requestId = useRef(newRequestId());
  const thanksLeft = useCountdown(step.name === "thanks", THANKS_SECONDS, onDone);

  const once = async (work: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      await work();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const find = () =>
    once(async () => {
      const answer = await hub.findSurvey(number);
      if (!answer.ok) {
        setError("unreachable" in answer ? t.hubOfflineHint : hubErrorText(answer.error, lang));
        return;
      }
      if (!answer.data.open && answer.data.reason) {
        const message = ERROR_MESSAGES[answer.data.reason];
        setStep({ name: "refused", message: lang === "en" ? message.en : message.id });
        return;
      }
      setOffer(answer.data);
      setAnswers({});
      setStep({ name: "question", index: 0 });
    });

  const submit = () =>
    once(async () => {
      if (!offer) return;
      const scores = completeAnswers(answers);
      if (!scores) return setStep({ name: "question", index: 0 });
      const answer = await hub.submitSurvey({
        requestId: requestId.current,
        number: offer.number,
        answers: scores,
        suggestion: suggestion.trim() || null,
        profile,
      });
      if (answer.ok) setStep({ name: "thanks" });
      else setError("unreachable" in answer ? t.hubOfflineHint : hubErrorText(answer.error, lang));
    });

  const back = (to: Step) => (
    <button
      type="button"
      className="btn-ghost survey-back"
      onClick={() => setStep(to)}
      data-testid="survey-back"
    >
      <ChevronLeft size={32} aria-hidden="true" />
      <span>{t.back}</span>
    </button>
  );
  const errorLine = error ? (
    <p className="survey-error" role="alert" data-testid="survey-error">
      {error}
    </p>
  ) : null;

  switch (step.name) {
    case "number":
      return (
        <main className="page feedback-page survey-page" data-testid="survey-page" data-step="number">
          <PageHead title={f.survey} hint={f.surveyHint} />
          <div className="reach-zone">
            <label className="feedback-sub" htmlFor="survey-number">
              {f.numberTitle}
            </label>
            {/* Why the number was not found takes the hint's place: one more line would push the last keys out of the band. */}
            {errorLine ?? <p className="feedback-note">{f.numberHint}</p>}
            <div className="survey-number-row">
              <input
                id="survey-number"
                className="survey-number"
                value={number}
                inputMode="none"
                autoComplete="off"
                placeholder="A-012"
                onChange={(e) => setNumber(e.target.value.toUpperCase().slice(0, MAX_NUMBER))}
                data-testid="survey-number"
              />
              <button
                type="button"
                className="btn-primary"
                disabled={busy || number.trim() === ""}
                onClick={() => void find()}
                data-testid="survey-find"
              >
                {f.find}
              </button>
            </div>
            <FieldKeyboard
              t={t}
              extra="-"
              set={setNumber}
              next={(v, k) => (k === " " ? v : upTo(MAX_NUMBER)(v, k.toUpperCase()))}
            />
          </div>
        </main>
      );
    case "refused":
      return (
        <main className="page feedback-page survey-page" data-testid="survey-refused">
          <PageHead title={f.refusedTitle} hint={number} />
          <div className="reach-zone">
            <p className="survey-refusal" role="alert" data-testid="survey-refusal">
              {step.message}
            </p>
            <div className="feedback-actions">
              <button type="button" className="btn-ghost" onClick={onDone} data-testid="survey-finish">
                {f.done}
              </button>
              <button
                type="button"
                className="btn-primary"
                onClick={() => {
                  setNumber("");
                  setStep({ name: "number" });
                }}
                data-testid="survey-again"
              >
                {f.tryAnother}
              </button>
            </div>
          </div>
        </main>
      );
    case "question": {
      const q = SURVEY_QUESTIONS[step.index];
      if (!q) return null;
      const chosen = answers[q.unsur];
      return (
        <main className="page feedback-page survey-page" data-testid="survey-question" data-unsur={q.unsur}>
          <p className="survey-unsur">{localized(q.label, lang)}</p>
          <h1 className="survey-question">{localized(q.question, lang)}</h1>
          <div className="reach-zone">
            <div className="survey-top">
              {back(step.index === 0 ? { name: "number" } : { name: "question", index: step.index - 1 })}
              <span className="survey-progress" data-testid="survey-progress">
                {f.question(step.index + 1, SURVEY_QUESTIONS.length)}
              </span>
              <span className="survey-ticket">
                {offer?.number} · {offer?.serviceName}
              </span>
            </div>
            <div className="survey-answers" role="group" aria-label={localized(q.label, lang)}>
              {q.answers.map((a, i) => {
                const value = (i + 1) as Score;
                return (
                  <button
                    key={a.id}
                    type="button"
                    className="survey-answer"
                    aria-pressed={chosen === value}
                    data-score={value}
                    onClick={() => {
                      setAnswers((prev) => ({ ...prev, [q.unsur]: value }));
                      setStep(
                        step.index + 1 < SURVEY_QUESTIONS.length
                          ? { name: "question", index: step.index + 1 }
                          : { name: "profile" },
                      );
                    }}
                  >
                    {localized(a, lang)}
                  </button>
                );
              })}
            </div>
          </div>
        </main>
      );
    }
    case "profile":
      return (
        <main className="page feedback-page survey-page" data-testid="survey-profile">
          <h1 className="feedback-sub">{f.profileTitle}</h1>
          <p className="feedback-note" data-testid="survey-privacy">
            {localized(privacy, lang)}
          </p>
          <div className="reach-zone">
            <div className="survey-top">{back({ name: "question", index: SURVEY_QUESTIONS.length - 1 })}</div>
            <div className="feedback-scroll">
              {PROFILE_FIELDS.map((field) => (
                <section key={field} className="survey-profile-field" data-field={field}>
                  <h2 className="feedback-sub">{f[field]}</h2>
                  <div className="survey-options">
                    {RESPONDENT_PROFILE[field].map((option) => (
                      <button
                        key={option.value}
                        type="button"
                        className="choice"
                        aria-pressed={profile[field] === option.value}
                        data-value={option.value}
                        onClick={() =>
                          // A second tap takes the answer back: every field may stay empty.
                          setProfile((p) => ({
                            ...p,
                            [field]: p[field] === option.value ? undefined : option.value,
                          }))
                        }
                      >
                        {lang === "en" ? option.en : option.id}
                      </button>
                    ))}
                  </div>
                </section>
              ))}
            </div>
            <div className="feedback-actions">
              <button
                type="button"
                className="btn-primary"
                onClick={() => setStep({ name: "suggestion" })}
                data-testid="survey-profile-next"
              >
                {Object.values(profile).some((v) => v !== undefined) ? f.profileNext : f.skip}
              </button>
            </div>
          </div>
        </main>
      );
    case "suggestion":
      return (
        <main className="page feedback-page survey-page" data-testid="survey-suggestion">
          <label className="feedback-sub" htmlFor="survey-suggestion">
            {f.suggestion}
          </label>
          <p className="feedback-note">{f.suggestionHint}</p>
          <div className="reach-zone">
            <div className="survey-top">{back({ name: "profile" })}</div>
            <KeyboardText
              id="survey-suggestion"
              value={suggestion}
              set={setSuggestion}
              max={MAX_SUGGESTION}
              testId="survey-suggestion-text"
            />
            {errorLine}
            <div className="feedback-actions">
              <button
                type="button"
                className="btn-primary"
                disabled={busy}
                onClick={() => void submit()}
                data-testid="survey-submit"
              >
                {busy ? f.sending : f.submitSurvey}
              </button>
            </div>
            <FieldKeyboard t={t} extra=".,?" set={setSuggestion} next={upTo(MAX_SUGGESTION)} />
          </div>
        </main>
      );
    case "thanks":
      return (
        <main className="page feedback-page survey-page" data-testid="survey-thanks">
          <CircleCheck className="survey-thanks-icon" size={160} aria-hidden="true" />
          <PageHead title={f.thanks} hint={f.thanksHint} />
          <p className="feedback-note survey-countdown">{f.thanksBack(thanksLeft)}</p>
          <div className="reach-zone">
            <FinishAction label={f.done} onDone={onDone} testId="survey-finish" />
          </div>
        </main>
      );
  }
}

/** All nine scores, or null while one is missing (the hub refuses a partial form anyway). */
function completeAnswers(
  answers: Partial<Record<SurveyUnsurKey, Score>>,
): Record<SurveyUnsurKey, Score> | null {
  const out: Partial<Record<SurveyUnsurKey, Score>> = {};
  for (const q of SURVEY_QUESTIONS) {
    const score = answers[q.unsur];
    if (score === undefined) return null;
    out[q.unsur] = score;
  }
  return out as Record<SurveyUnsurKey, Score>;
}
