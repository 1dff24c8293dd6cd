import { logout, type Session } from "@layan/ui";
import { useCallback, useState } from "react";
import { Dashboard } from "./components/Dashboard";
import { LoginScreen } from "./components/LoginScreen";
import { clearSession, loadSession, saveSession } from "./session-store";

/** "" when served by the hub; `?hub=http://…` points a dev build at another hub. */
export const HUB_URL = new URLSearchParams(location.search).get("hub") ?? "";

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [notice, setNotice] = useState<string | null>(null);

  const loggedOut = useCallback((message: string | null) => {
    clearSession();
    setNotice(message);
    setSession(null);
  }, []);

  if (!session) {
    return (
      <LoginScreen
        hubUrl={HUB_URL}
        notice={notice}
        onLoggedIn={(s) => {
          saveSession(s);
          setNotice(null);
          setSession(s);
        }}
      />
    );
  }
  return (
    <Dashboard
      key={session.token}
      hubUrl={HUB_URL}
      session={session}
      onSignOut={() => {
        void logout(HUB_URL, session.token);
        loggedOut(null);
      }}
      onExpired={(message) => loggedOut(message)}
    />
  );
}
