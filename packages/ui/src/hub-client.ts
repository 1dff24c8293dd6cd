import {
  fail,
  NAMESPACES,
  type Ack,
  type ClientToServer,
  type CommandAnswer,
  type CommandName,
  type CommandPayload,
  type NamespaceName,
  type ServerToClient,
} from "@layan/protocol";
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

/** A client socket typed by its namespace's event maps in packages/protocol. */
export type HubClientSocket<N extends NamespaceName> = Socket<ServerToClient<N>, ClientToServer<N>>;

export interface HubConnectionOptions<N extends NamespaceName> {
  /** Hub origin, e.g. "http://10.0.0.2:8080"; "" for the page's own origin. */
  url: string;
  namespace: N;
  token: string;
}

export function connectHub<N extends NamespaceName>(options: HubConnectionOptions<N>): HubClientSocket<N> {
  return io(`${options.url}${NAMESPACES[options.namespace]}`, {
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

/**
 * Sends one command and resolves with its ack; never rejects. The event name,
 * the payload and the answer's type all come from the socket's event map, so
 * a command the namespace lacks or a wrong field fails the typecheck.
 */
export async function sendCommand<M extends object, E extends CommandName<M>>(
  socket: Socket<object, M>,
  event: E,
  payload: CommandPayload<M, E>,
  options: CommandOptions = {},
): Promise<Ack<CommandAnswer<M, E>>> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const attempts = 1 + (options.retries ?? 2);
  // socket.io's typed emitWithAck cannot follow a generic event name; the
  // signature above carries the types.
  const untyped = socket as unknown as Socket;
  for (let i = 0; i < attempts; i++) {
    try {
      return (await untyped.timeout(timeoutMs).emitWithAck(event, payload)) as Ack<CommandAnswer<M, E>>;
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
