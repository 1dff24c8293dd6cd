import { useCallback, useEffect, useMemo, useState } from "react";
import { createApi, session, type ApiError, type RegencyUser } from "./api";
import { LoginScreen } from "./components/LoginScreen";
import { Shell } from "./components/Shell";

const EXPIRED = "Sesi Anda telah berakhir. Silakan masuk kembali.";

type State = { kind: "checking" } | { kind: "out"; notice: string | null } | { kind: "in"; user: RegencyUser };

/**
 * Masuk until the central server says who is signed in (its HttpOnly cookie
 * survives a reload, so a reload keeps the session); back to Masuk when a
 * report answers 401 (the session expired or was ended elsewhere).
 */
export function App() {
  const [state, setState] = useState<State>({ kind: "checking" });

  useEffect(() => {
    session.current().then(
      (user) => setState(user ? { kind: "in", user } : { kind: "out", notice: null }),
      (err: ApiError) => setState({ kind: "out", notice: err.message }),
    );
  }, []);

  const expired = useCallback(() => setState({ kind: "out", notice: EXPIRED }), []);
  const api = useMemo(() => createApi(expired), [expired]);

  if (state.kind === "checking") {
    return (
      <main className="login" aria-busy="true">
        <p className="login__checking">Memeriksa sesi…</p>
      </main>
    );
  }
  if (state.kind === "out") return <LoginScreen notice={state.notice} onLoggedIn={(user) => setState({ kind: "in", user })} />;
  return (
    <Shell
      key={state.user.username}
      api={api}
      user={state.user}
      onSignOut={() => {
        void session.logout().then(() => setState({ kind: "out", notice: null }));
      }}
    />
  );
}
