import { useCallback, useEffect, useMemo, useState } from "react";
import { createApi, session, type ApiError, type RegencyUser } from "./api";
import { LoginScreen, type Notice } from "./components/LoginScreen";
import { Shell } from "./components/Shell";
import { useLang } from "./lang";

type State = { kind: "checking" } | { kind: "out"; notice: Notice | null } | { kind: "in"; user: RegencyUser };

/**
 * Masuk until the central server says who is signed in (its HttpOnly cookie
 * survives a reload, so a reload keeps the session); back to Masuk when a
 * report answers 401 (the session expired or was ended elsewhere).
 */
export function App() {
  const [state, setState] = useState<State>({ kind: "checking" });
  const { t } = useLang();

  useEffect(() => {
    session.current().then(
      (user) => setState(user ? { kind: "in", user } : { kind: "out", notice: null }),
      (err: ApiError) => setState({ kind: "out", notice: err.error }),
    );
  }, []);

  const expired = useCallback(() => setState({ kind: "out", notice: "expired" }), []);
  const api = useMemo(() => createApi(expired), [expired]);

  if (state.kind === "checking") {
    return (
      <main className="login" aria-busy="true">
        <p className="login__checking">{t.checkingSession}</p>
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
