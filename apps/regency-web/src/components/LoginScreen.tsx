import { Landmark, LogIn } from "lucide-react";
import { useState, type FormEvent } from "react";
import { ApiError, session, type ApiErrorBody, type RegencyUser } from "../api";
import { waitWords } from "../format";
import { LangSwitch, useLang } from "../lang";
import { errorText } from "../strings";

/** Why the sign-in form is back: the session ran out, or the server's refusal of the session check. */
export type Notice = "expired" | ApiErrorBody;

/**
 * Masuk for the regency's staff and the offices' managers. The server's
 * refusal by its code, in the chosen language: the same one for a wrong name
 * and a wrong password (LOGIN_FAILED), and the wait after too many tries
 * (LOGIN_LOCKED). The refusal is kept, not its text, so switching language
 * says it again in the other.
 */
export function LoginScreen({ notice, onLoggedIn }: { notice: Notice | null; onLoggedIn: (user: RegencyUser) => void }) {
  const { lang, t } = useLang();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const user = await session.login(username, password);
      onLoggedIn(user);
    } catch (err) {
      setError(err instanceof ApiError ? err.error : { code: "INTERNAL", message: t.errors.INTERNAL });
      setBusy(false);
      // Typed again after a refusal.
      setPassword("");
    }
  };

  const message = error ? errorText(error, lang) : null;
  const wait = error?.retryAfterS ? t.tryAgainIn(waitWords(error.retryAfterS, lang)) : null;
  return (
    <main className="login">
      <form className="login__card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <div className="login__top">
          <div className="brand brand--dark">
            <span className="brand__mark" aria-hidden="true">
              L
            </span>
            <span>
              <strong>Layan</strong> · {t.appName}
            </span>
          </div>
          <LangSwitch />
        </div>
        <h1 id="login-title">
          <Landmark aria-hidden="true" /> {t.signIn}
        </h1>
        <p className="login__lead">{t.signInLead}</p>
        {notice && (
          <p className="login__notice" role="status">
            {notice === "expired" ? t.sessionExpired : errorText(notice, lang)}
          </p>
        )}
        <label>
          {t.username}
          <input name="username" autoComplete="username" autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          {t.password}
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && message && (
          <p className="login__error" role="alert" data-code={error.code}>
            {message}
            {wait && !message.includes(wait) && <> {wait}</>}
          </p>
        )}
        <button type="submit" className="btn btn--primary btn--wide" disabled={busy}>
          <LogIn aria-hidden="true" /> {busy ? t.checking : t.signIn}
        </button>
      </form>
    </main>
  );
}
