import { login, type Session } from "@layan/ui";
import { LogIn } from "lucide-react";
import { useState, type FormEvent } from "react";

export function LoginScreen({
  hubUrl,
  notice,
  onLoggedIn,
}: {
  hubUrl: string;
  notice: string | null;
  onLoggedIn: (s: Session) => void;
}) {
  const [username, setUsername] = useState("");
  const [pin, setPin] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const answer = await login(hubUrl, username, pin);
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error.message);
      setPin("");
      return;
    }
    onLoggedIn(answer.data);
  };

  return (
    <main className="login">
      <form className="login__card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            L
          </span>
          <span>
            <strong>Layan</strong> · Aplikasi Loket
          </span>
        </div>
        <h1 id="login-title">Masuk petugas</h1>
        {notice && (
          <p className="login__notice" role="status">
            {notice}
          </p>
        )}
        <label>
          Nama pengguna
          <input
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          PIN
          <input
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            required
            minLength={4}
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </label>
        {error && (
          <p className="login__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--primary btn--wide" disabled={busy}>
          <LogIn aria-hidden="true" /> {busy ? "Memeriksa…" : "Masuk"}
        </button>
      </form>
    </main>
  );
}
