import type { Logger } from "pino";
import type { Namespace, Server, Socket } from "socket.io";
import type { z } from "zod";
import {
  COMMAND_SCHEMAS,
  fail,
  NAMESPACE_ROLES,
  NAMESPACES,
  type Ack,
  type ClientToServer,
  type CommandAnswer,
  type CommandName,
  type NamespaceName,
  type ParsedCommand,
  type ServerToClient,
  type SocketIdentity,
} from "@layan/protocol";
import type { Authenticator } from "../auth";
import { guardCommands } from "../revocation";

/** What the hub keeps on a socket once its handshake passed. */
export interface HubSocketData {
  identity?: SocketIdentity;
}

/** A namespace typed by its event maps: every emit and handler is checked against packages/protocol. */
export type HubNamespace<N extends NamespaceName> = Namespace<
  ClientToServer<N>,
  ServerToClient<N>,
  Record<string, never>,
  HubSocketData
>;
export type HubSocket<N extends NamespaceName> = Socket<
  ClientToServer<N>,
  ServerToClient<N>,
  Record<string, never>,
  HubSocketData
>;

/** The one place a namespace gets its types: socket.io's `of()` cannot know them. */
export function namespaceOf<N extends NamespaceName>(io: Server, name: N): HubNamespace<N> {
  return io.of(NAMESPACES[name]) as unknown as HubNamespace<N>;
}

/**
 * One auth middleware per namespace: the token in the handshake must belong to
 * a role this namespace admits. The error's `data` carries the ack-style code
 * and Indonesian message so clients can show it.
 */
export function requireRole<N extends NamespaceName>(
  nsp: HubNamespace<N>,
  name: N,
  auth: Authenticator,
  logger: Logger,
): void {
  const allowed = NAMESPACE_ROLES[name];
  nsp.use((socket, next) => {
    const raw: unknown = socket.handshake.auth;
    const token = raw && typeof raw === "object" && "token" in raw ? raw.token : undefined;
    const identity = auth.identify(token);
    if (!identity || !allowed.includes(identity.role)) {
      const answer = fail(identity ? "FORBIDDEN" : "UNAUTHORIZED");
      logger.warn({ ns: name, role: identity?.role, address: socket.handshake.address }, "socket refused");
      const err = new Error(answer.error.code) as Error & { data: unknown };
      err.data = answer.error;
      next(err);
      return;
    }
    socket.data.identity = identity;
    next();
  });
  // The handshake is checked once; revocation, logout and expiry must also reach live sockets.
  nsp.on("connection", (socket) => guardCommands(socket as unknown as Socket, auth, logger));
}

export function identityOf<N extends NamespaceName>(socket: HubSocket<N>): SocketIdentity {
  const identity = socket.data.identity;
  if (!identity) throw new Error("socket without identity passed the auth middleware");
  return identity;
}

type Answer<N extends NamespaceName, E extends CommandName<ClientToServer<N>>> = Ack<
  CommandAnswer<ClientToServer<N>, E>
>;
type Handled<N extends NamespaceName> = CommandName<ClientToServer<N>> & keyof (typeof COMMAND_SCHEMAS)[N];

/**
 * The command handlers of one socket. `handle(event, run)` parses the payload
 * with the event's schema from COMMAND_SCHEMAS (clients import the same one),
 * then runs; the payload and the answer's type come from the namespace's event
 * map, so a wrong event name, payload field or answer fails the typecheck.
 * Malformed payloads get INVALID_PAYLOAD with the fields at fault; an
 * exception becomes INTERNAL and is logged; the server stays up.
 */
export function commandHandler<N extends NamespaceName>(socket: HubSocket<NoInfer<N>>, namespace: N, logger: Logger) {
  const schemas = COMMAND_SCHEMAS[namespace] as Record<string, z.ZodType>;
  // socket.io's typed `on` cannot follow a generic event name; the listener's
  // types are enforced by handle()'s signature instead.
  const untyped = socket as unknown as Socket;
  // Without an answer a client can only time out and retry a command that will
  // never exist here (a display sending ticket:call_next); say so at once.
  const handled = new Set<string>();
  untyped.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === "string" && handled.has(event)) return;
    const ack = args.at(-1);
    if (typeof ack !== "function") return;
    logger.info({ event: typeof event === "string" ? event.slice(0, 64) : typeof event }, "unknown event refused");
    (ack as (answer: Ack<unknown>) => void)(fail("UNKNOWN_EVENT"));
  });
  return function handle<E extends Handled<N>>(
    event: E,
    run: (payload: ParsedCommand<N, E>) => Promise<Answer<N, E>> | Answer<N, E>,
  ): void {
    const schema = schemas[event];
    if (!schema) throw new Error(`no schema for ${namespace} ${event} in COMMAND_SCHEMAS`);
    const name: string = event;
    handled.add(name);
    untyped.on(name, async (raw: unknown, ack: unknown) => {
      if (typeof ack !== "function") {
        logger.warn({ event }, "command without ack callback ignored");
        return;
      }
      const reply = ack as (answer: Ack<unknown>) => void;
      const parsed = schema.safeParse(raw ?? {});
      if (!parsed.success) {
        reply(
          fail(
            "INVALID_PAYLOAD",
            parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
          ),
        );
        return;
      }
      try {
        const started = performance.now();
        const answer = await run(parsed.data as ParsedCommand<N, E>);
        reply(answer);
        // One line per command at debug level; refusals at info so an office can see what officers hit.
        const ms = Math.round((performance.now() - started) * 100) / 100;
        if (answer.ok) logger.debug({ event, ms }, "command");
        else logger.info({ event, ms, code: answer.error.code }, "command refused");
      } catch (err) {
        logger.error({ err, event }, "handler failed");
        reply(fail("INTERNAL"));
      }
    });
  };
}

export type CommandRegistrar<N extends NamespaceName> = ReturnType<typeof commandHandler<N>>;

/**
 * The wiring every namespace needs, once: its typed namespace, a logger
 * named after it, the role check on the handshake, and for each connection
 * the command registrar. `connected` registers the namespace's own handlers.
 */
export function onConnection<N extends NamespaceName>(
  ctx: { io: Server; logger: Logger; auth: Authenticator },
  name: N,
  connected: (socket: HubSocket<N>, handle: CommandRegistrar<N>, log: Logger) => void,
): void {
  const nsp = namespaceOf(ctx.io, name);
  const log = ctx.logger.child({ ns: name });
  requireRole(nsp, name, ctx.auth, log);
  nsp.on("connection", (socket) => connected(socket, commandHandler(socket, name, log), log));
}
