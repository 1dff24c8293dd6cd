import { Landmark, LogIn } from "lucide-react";
import { useState, type FormEvent } from "react";
import { ApiError, session, type RegencyUser } from "../api";
import { waitWords } from "../format";

/**
 * Masuk for the regency's staff and the offices' managers. The server's own
 * Indonesian message is shown: the same one for a wrong name and a wrong
 * password (LOGIN_FAILED), and the wait after too many tries (LOGIN_LOCKED).
 */
export function LoginScreen({ notice, onLoggedIn }: { notice: string | null; onLoggedIn: (user: RegencyUser) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<{ message: string; code: string; wait: string | null } | null>(null);
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
      const api = err instanceof ApiError ? err : new ApiError(0, { code: "INTERNAL", message: "Terjadi kesalahan. Coba lagi." });
      const retry = api.error.retryAfterS;
      setError({ message: api.error.message, code: api.error.code, wait: retry ? `Coba lagi dalam ${waitWords(retry)}.` : null });
      setBusy(false);
      // Typed again after a refusal.
      setPassword("");
    }
  };

  return (
    <main className="login">
      <form className="login__card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <div className="brand brand--dark">
          <span className="brand__mark" aria-hidden="true">
            L
          </span>
          <span>
            <strong>Layan</strong> · Dasbor Kabupaten
          </span>
        </div>
        <h1 id="login-title">
          <Landmark aria-hidden="true" /> Masuk
        </h1>
        <p className="login__lead">Kinerja pelayanan setiap perangkat daerah, berdampingan: waktu tunggu dan layanan menurut SOP, IKM, dan pengaduan.</p>
        {notice && (
          <p className="login__notice" role="status">
            {notice}
          </p>
        )}
        <label>
          Nama pengguna
          <input name="username" autoComplete="username" autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          Kata sandi
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <p className="login__error" role="alert" data-code={error.code}>
            {error.message}
            {error.wait && !error.message.includes(error.wait) && <> {error.wait}</>}
          </p>
        )}
        <button type="submit" className="btn btn--primary btn--wide" disabled={busy}>
          <LogIn aria-hidden="true" /> {busy ? "Memeriksa…" : "Masuk"}
        </button>
      </form>
    </main>
  );
}
