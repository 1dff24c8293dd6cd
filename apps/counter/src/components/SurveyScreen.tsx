import {
  RESPONDENT_PROFILE,
  SURVEY_QUESTIONS,
  type ProfileField,
  type RespondentProfile,
  type SurveyAnswersInput,
  type SurveyUnsurKey,
} from "@layan/protocol";
import { useRef, useState } from "react";
import type { CounterClient } from "../counter-client";

const PROFILE_LABELS: Record<ProfileField, { id: string; en: string }> = {
  sex: { id: "Jenis kelamin", en: "Sex" },
  ageBand: { id: "Usia", en: "Age" },
  education: { id: "Pendidikan", en: "Education" },
  occupation: { id: "Pekerjaan", en: "Occupation" },
};

/**
 * The counter's screen turned to the citizen: the nine SKM questions with four
 * big answers each, the optional profile beside its notice, a suggestion. It
 * covers the whole screen so the citizen sees nothing of the officer's work,
 * and the officer's keyboard shortcuts stay off while it is open (Workspace).
 */
export function SurveyScreen({
  client,
  number,
  privacyNotice,
}: {
  client: CounterClient;
  number: string;
  privacyNotice: string;
}) {
  const [answers, setAnswers] = useState<Partial<Record<SurveyUnsurKey, 1 | 2 | 3 | 4>>>({});
  const [profile, setProfile] = useState<Partial<Record<ProfileField, string>>>({});
  const [suggestion, setSuggestion] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const missing = SURVEY_QUESTIONS.filter((q) => answers[q.unsur] === undefined).length;

  const submit = () => {
    if (sending.current || missing > 0) return;
    sending.current = true;
    setBusy(true);
    setError(null);
    const kept = Object.fromEntries(Object.entries(profile).filter(([, v]) => v)) as RespondentProfile;
    void client
      .submitSurvey({
        answers: answers as SurveyAnswersInput,
        suggestion: suggestion.trim() || null,
        profile: Object.keys(kept).length > 0 ? kept : null,
      })
      .then((refused) => {
        if (refused) setError(refused.message);
      })
      .finally(() => {
        sending.current = false;
        setBusy(false);
      });
  };

  return (
    <div className="survey" role="dialog" aria-modal="true" aria-labelledby="survey-title" data-testid="counter-survey">
      <header className="survey__head">
        <h2 id="survey-title">
          Survei Kepuasan Masyarakat <span className="survey__en">Satisfaction survey</span>
        </h2>
        <p>
          Nomor antrean {number}. Jawaban Anda tidak mencatat nama Anda.{" "}
          <span className="survey__en">Your answers do not record your name.</span>
        </p>
      </header>
      <ol className="survey__questions">
        {SURVEY_QUESTIONS.map((q) => (
          <li key={q.unsur} className="survey__question" data-testid={`survey-q-${q.unsur}`}>
            <fieldset>
              <legend>
                {q.question.id} <span className="survey__en">{q.question.en}</span>
              </legend>
              <div className="survey__answers">
                {q.answers.map((a, i) => {
                  const value = (i + 1) as 1 | 2 | 3 | 4;
                  return (
                    <button
                      key={a.id}
                      type="button"
                      className={`survey__answer${answers[q.unsur] === value ? " survey__answer--on" : ""}`}
                      aria-pressed={answers[q.unsur] === value}
                      onClick={() => setAnswers((x) => ({ ...x, [q.unsur]: value }))}
                    >
                      {a.id}
                      <span className="survey__en">{a.en}</span>
                    </button>
                  );
                })}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <section className="survey__profile">
        <h3>
          Profil responden (boleh dikosongkan) <span className="survey__en">Optional profile</span>
        </h3>
        <p className="survey__notice" data-testid="survey-notice">
          {privacyNotice}
        </p>
        <div className="survey__profile-fields">
          {(Object.keys(RESPONDENT_PROFILE) as ProfileField[]).map((field) => (
            <label key={field}>
              {PROFILE_LABELS[field].id}
              <select
                name={`profile-${field}`}
                value={profile[field] ?? ""}
                onChange={(e) => setProfile((p) => ({ ...p, [field]: e.target.value }))}
              >
                <option value="">Tidak diisi</option>
                {RESPONDENT_PROFILE[field].map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.id}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </section>
      <label className="survey__suggestion">
        Saran untuk kantor ini (boleh dikosongkan) <span className="survey__en">Suggestions</span>
        <textarea name="suggestion" rows={3} maxLength={1000} value={suggestion} onChange={(e) => setSuggestion(e.target.value)} />
      </label>
      {error && (
        <p className="survey__error" role="alert">
          {error}
        </p>
      )}
      <footer className="survey__foot">
        <button type="button" className="btn btn--ghost" onClick={() => client.skipSurvey()}>
          Lewati
        </button>
        <button type="button" className="btn btn--primary" disabled={busy || missing > 0} onClick={submit}>
          {missing > 0 ? `Kirim (${missing} pertanyaan belum dijawab)` : busy ? "Mengirim…" : "Kirim jawaban"}
        </button>
      </footer>
    </div>
  );
}
