import { ERROR_CODES, ERROR_MESSAGES, type ErrorCode } from "@layan/protocol";
import type { Socket } from "socket.io-client";

/**
 * What a screen tells its user about the link to the hub. socket.io retries
 * by itself after network errors and hub restarts; it does NOT retry when the
 * hub's auth middleware refused the token, so that case is "refused" and the
 * app must ask for a new login or device token.
 */
export type ConnectionState =
  | { status: "connecting" }
  | { status: "online" }
  | { status: "reconnecting"; since: number }
  | { status: "refused"; code: ErrorCode; message: string };

/** The ack-style code the hub put in a refused handshake, or null for network errors. */
export function connectErrorCode(err: unknown): ErrorCode | null {
  const data: unknown = err && typeof err === "object" && "data" in err ? err.data : null;
  const fromData = data && typeof data === "object" && "code" in data ? data.code : null;
  const fromMessage = err instanceof Error ? err.message : null;
  for (const candidate of [fromData, fromMessage]) {
    if (typeof candidate === "string" && (ERROR_CODES as readonly string[]).includes(candidate))
      return candidate as ErrorCode;
  }
  return null;
}

/** Calls `onChange` with every state change; returns the unsubscribe function. */
export function watchConnection(
  socket: Socket,
  onChange: (state: ConnectionState) => void,
  now: () => number = Date.now,
): () => void {
  let everConnected = socket.connected;
  let state: ConnectionState = socket.connected ? { status: "online" } : { status: "connecting" };
  const set = (next: ConnectionState) => {
    state = next;
    onChange(state);
  };
  const onConnect = () => {
    everConnected = true;
    set({ status: "online" });
  };
  const onDisconnect = (reason?: string) => {
    if (state.status !== "refused") set({ status: "reconnecting", since: now() });
    // The hub ends a socket whose token was revoked, logged out or expired,
    // and socket.io never retries after that: connect once more so the
    // handshake's refusal (UNAUTHORIZED) says why, instead of "reconnecting" forever.
    if (reason === "io server disconnect") socket.connect();
  };
  const onConnectError = (err: Error) => {
    const code = connectErrorCode(err);
    if (code && !socket.active) {
      set({ status: "refused", code, message: ERROR_MESSAGES[code].id });
      return;
    }
    if (state.status === "reconnecting") return;
    set(everConnected ? { status: "reconnecting", since: now() } : { status: "connecting" });
  };
  socket.on("connect", onConnect);
  socket.on("disconnect", onDisconnect);
  socket.on("connect_error", onConnectError);
  onChange(state);
  return () => {
    socket.off("connect", onConnect);
    socket.off("disconnect", onDisconnect);
    socket.off("connect_error", onConnectError);
  };
}
