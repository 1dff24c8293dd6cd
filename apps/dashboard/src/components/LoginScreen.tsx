import { login, logout, type Session } from "@layan/ui";
import { BarChart3, LogIn } from "lucide-react";
import { useState, type FormEvent } from "react";
import { DASHBOARD_ROLES } from "../session-store";

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
  const [secret, setSecret] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const answer = await login(hubUrl, username, secret);
    setBusy(false);
    setSecret("");
    if (!answer.ok) {
      setError(answer.error.message);
      return;
    }
    if (!DASHBOARD_ROLES.includes(answer.data.user.role)) {
      // The hub would refuse every report anyway (403); end the session at once.
      void logout(hubUrl, answer.data.token);
      setError(
        "Akun petugas loket tidak dapat membuka dasbor manajer. Gunakan akun manajer atau supervisor.",
      );
      return;
    }
    onLoggedIn(answer.data);
  };

  return (
    <main className="login">
      <form className="login__card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <div className="brand brand--dark">
          <span className="brand__mark" aria-hidden="true">
            L
          </span>
          <span>
            <strong>Layan</strong> · Dasbor Pelayanan
          </span>
        </div>
        <h1 id="login-title">
          <BarChart3 aria-hidden="true" /> Masuk manajer
        </h1>
        <p className="login__lead">
          Waktu tunggu dan waktu layanan setiap layanan dibandingkan dengan Standar Pelayanan (SOP).
        </p>
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
          Kata sandi
          <input
            name="secret"
            type="password"
            autoComplete="current-password"
            required
            minLength={4}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
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
