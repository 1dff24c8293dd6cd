import { useEffect, useState } from "react";
import type { Socket } from "socket.io-client";
import { watchConnection, type ConnectionState } from "./connection";
import { connectionText } from "./i18n";

/** The current time, re-rendered every `intervalMs`; `offsetMs` turns the device clock into the hub's. */
export function useNow(intervalMs = 1000, offsetMs = 0): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    setNow(Date.now() + offsetMs);
    const timer = setInterval(() => setNow(Date.now() + offsetMs), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, offsetMs]);
  return now;
}

export function useConnection(socket: Socket | null): ConnectionState {
  const [state, setState] = useState<ConnectionState>({ status: "connecting" });
  useEffect(() => (socket ? watchConnection(socket, setState) : undefined), [socket]);
  return state;
}

/** A small pill: hidden while online unless `showOnline`; red and pulsing while reconnecting. */
export function ConnectionBadge({
  state,
  showOnline = false,
}: {
  state: ConnectionState;
  showOnline?: boolean;
}) {
  if (state.status === "online" && !showOnline) return null;
  return (
    <div
      className={`layan-conn layan-conn--${state.status}`}
      role="status"
      aria-live="polite"
      data-testid="connection-badge"
      data-status={state.status}
    >
      <span className="layan-conn__dot" aria-hidden="true" />
      {connectionText(state)}
    </div>
  );
}

/** A key shown on a button ("P", "F2"): officers learn the keyboard from the screen. */
export function KeyCap({ children }: { children: string }) {
  return (
    <kbd className="layan-key" aria-hidden="true">
      {children}
    </kbd>
  );
}
