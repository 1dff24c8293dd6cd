import type { Logger } from "pino";
import type { Namespace, Socket } from "socket.io";
import type { z } from "zod";
import { fail, NAMESPACE_ROLES, type Ack, type NamespaceName, type SocketIdentity } from "@layan/protocol";
import type { Authenticator } from "../auth";

/**
 * One auth middleware per namespace: the token in the handshake must belong to
 * a role this namespace admits. The error's `data` carries the ack-style code
 * and Indonesian message so clients can show it.
 */
export function requireRole(nsp: Namespace, name: NamespaceName, auth: Authenticator, logger: Logger): void {
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
    (socket.data as { identity?: SocketIdentity }).identity = identity;
    next();
  });
}

export function identityOf(socket: Socket): SocketIdentity {
  const identity = (socket.data as { identity?: SocketIdentity }).identity;
  if (!identity) throw new Error("socket without identity passed the auth middleware");
  return identity;
}

/**
 * Registers one command handler: parse with the zod schema (clients import the
 * same one), then run. Malformed payloads get INVALID_PAYLOAD with the fields
 * at fault; an exception becomes INTERNAL and is logged; the server stays up.
 */
export function handle<S extends z.ZodType>(
  socket: Socket,
  event: string,
  schema: S,
  logger: Logger,
  run: (payload: z.output<S>) => Promise<Ack<unknown>> | Ack<unknown>,
): void {
  socket.on(event, async (raw: unknown, ack: unknown) => {
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
      const answer = await run(parsed.data);
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
}
