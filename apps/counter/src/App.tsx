import { logout, type Session } from "@layan/ui";
import { useEffect, useState, useSyncExternalStore } from "react";
import { CounterClient } from "./counter-client";
import { CounterPicker } from "./components/CounterPicker";
import { LoginScreen } from "./components/LoginScreen";
import { Workspace } from "./components/Workspace";
import { clearSession, loadSession, saveSession, type StoredSession } from "./session-store";

/** "" when served by the hub; `?hub=http://…` points a dev build at another hub. */
const params = new URLSearchParams(location.search);
const HUB_URL = params.get("hub") ?? "";
/** A counter PC can be bookmarked to its own loket: /counter/?loket=loket-3 */
const BOOKMARKED_COUNTER = params.get("loket");

export function App() {
  const [stored, setStored] = useState<StoredSession | null>(() => loadSession());
  const [notice, setNotice] = useState<string | null>(null);

  if (!stored) {
    return (
      <LoginScreen
        hubUrl={HUB_URL}
        notice={notice}
        onLoggedIn={(session) => {
          const next = { session, counterId: BOOKMARKED_COUNTER };
          saveSession(next);
          setNotice(null);
          setStored(next);
        }}
      />
    );
  }
  return (
    <CounterScreen
      key={stored.session.token}
      stored={stored}
      onLoggedOut={(message) => {
        clearSession();
        setNotice(message);
        setStored(null);
      }}
    />
  );
}

function CounterScreen({
  stored,
  onLoggedOut,
}: {
  stored: StoredSession;
  onLoggedOut: (message: string | null) => void;
}) {
  const [client] = useState(() => new CounterClient(HUB_URL, stored.session, stored.counterId));
  const state = useSyncExternalStore(client.subscribe, client.getState);

  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);

  useEffect(() => {
    if (state.loggedOut) onLoggedOut(state.loggedOut);
  }, [state.loggedOut, onLoggedOut]);

  const signOut = (session: Session) => {
    void logout(HUB_URL, session.token);
    onLoggedOut(null);
  };

  if (!state.counterId)
    return <CounterPicker client={client} state={state} onSignOut={() => signOut(stored.session)} />;
  return <Workspace client={client} state={state} onSignOut={() => signOut(stored.session)} />;
}
