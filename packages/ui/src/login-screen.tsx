import { LogIn } from "lucide-react";
import { useState, type FormEvent, type ReactNode } from "react";
import { login, logout, type Session } from "./auth";

// The label is what browser tests and screen readers find the field by; the name is what password managers key on.
const SECRET_FIELDS = {
  pin: { label: "PIN", name: "pin", inputMode: "numeric" },
  password: { label: "Kata sandi", name: "secret", inputMode: undefined },
} as const;

export interface LoginScreenProps {
  hubUrl: string;
  /** Why the user is here again (session ended, revoked), shown above the form. */
  notice: string | null;
  onLoggedIn: (session: Session) => void;
  /** The app's name beside the logo: "Aplikasi Loket". */
  product: string;
  /** Adds `brand--dark`: for an app whose `.brand` is styled for its dark top bar, not a white card. */
  darkBrand?: boolean;
  /** The form's heading, an icon allowed. */
  title: ReactNode;
  /** A sentence under the heading on what the app is for. */
  lead?: string;
  /** Officers type a numeric PIN at the counter; managers a password. */
  secret: "pin" | "password";
  /**
   * Roles that may use the app. Any other role is logged out again at once
   * (the hub would refuse its requests anyway) and told `refusal`. Every
   * role when omitted.
   */
  roles?: { accepted: readonly string[]; refusal: string };
}

/**
 * The sign-in form of the counter and the dashboard. Class names only: each
 * app's stylesheet styles `.login`, `.login__card`, `.brand` and the rest its way.
 */
export function LoginScreen({
  hubUrl,
  notice,
  onLoggedIn,
  product,
  darkBrand = false,
  title,
  lead,
  secret: secretKind,
  roles,
}: LoginScreenProps) {
  const [username, setUsername] = useState("");
  const [secret, setSecret] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = SECRET_FIELDS[secretKind];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const answer = await login(hubUrl, username, secret);
    setBusy(false);
    // Typed again after a refusal; never left in the page after a success.
    setSecret("");
    if (!answer.ok) {
      setError(answer.error.message);
      return;
    }
    if (roles && !roles.accepted.includes(answer.data.user.role)) {
      void logout(hubUrl, answer.data.token);
      setError(roles.refusal);
      return;
    }
    onLoggedIn(answer.data);
  };

  return (
    <main className="login">
      <form className="login__card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <div className={darkBrand ? "brand brand--dark" : "brand"}>
          <span className="brand__mark" aria-hidden="true">
            L
          </span>
          <span>
            <strong>Layan</strong> · {product}
          </span>
        </div>
        <h1 id="login-title">{title}</h1>
        {lead && <p className="login__lead">{lead}</p>}
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
          {field.label}
          <input
            name={field.name}
            type="password"
            inputMode={field.inputMode}
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
