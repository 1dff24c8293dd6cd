import { fail, type Ack } from "@layan/protocol";
import { io, type Socket } from "socket.io-client";

/**
 * Browser side of the hub protocol, shared by the kiosk, counter, display and
 * dashboard apps: connect to a namespace with a token, send commands with a
 * request id and retry them on timeouts with the SAME id (the hub answers a
 * retry with the first answer, so a double tap or a flaky network never acts
 * twice), and resync by sequence number after every (re)connect.
 */

export function newRequestId(): string {
  if (typeof crypto !== "undefined" && "randomUUID" in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export interface HubConnectionOptions {
  /** Hub origin, e.g. "http://10.0.0.2:8080"; "" for the page's own origin. */
  url: string;
  namespace: "/kiosk" | "/counter" | "/display" | "/dashboard";
  token: string;
}

export function connectHub(options: HubConnectionOptions): Socket {
  return io(`${options.url}${options.namespace}`, {
    auth: { token: options.token },
    transports: ["websocket", "polling"],
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    timeout: 5_000,
  });
}

export interface CommandOptions {
  timeoutMs?: number;
  /** Extra attempts after a timeout, with the same request id. */
  retries?: number;
}

/** Sends one command and resolves with its ack; never rejects. */
export async function sendCommand<T>(
  socket: Socket,
  event: string,
  payload: object,
  options: CommandOptions = {},
): Promise<Ack<T>> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const attempts = 1 + (options.retries ?? 2);
  for (let i = 0; i < attempts; i++) {
    try {
      return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as Ack<T>;
    } catch {
      // Timed out (or disconnected): try again with the same request id.
    }
  }
  return fail("HUB_UNREACHABLE");
}

/**
 * Keeps the highest sequence number a screen has applied, so a reconnect asks
 * only for what was missed, and late pushes older than a snapshot are dropped.
 */
export class SeqTracker {
  private seq: number | null = null;

  get last(): number | null {
    return this.seq;
  }

  /** True when a push with this seq is new and should be applied. */
  accept(seq: number): boolean {
    if (this.seq !== null && seq <= this.seq) return false;
    this.seq = seq;
    return true;
  }

  /** After a snapshot: everything up to `seq` is now reflected. */
  reset(seq: number): void {
    this.seq = seq;
  }
}
