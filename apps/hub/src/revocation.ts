import { fail, NAMESPACES, type NamespaceName } from "@layan/protocol";
import type { Logger } from "pino";
import type { Server, Socket } from "socket.io";
import type { Authenticator } from "./auth";

/**
 * A token stops working the moment it is revoked (`pnpm hub device revoke`,
 * run in another process against the same database), logged out or
 * expired, including on the sockets that are already connected:
 *
 * - every command re-checks its socket's token before it runs, so a revoked
 *   kiosk cannot issue another ticket however soon after the revocation it
 *   tries (the check is a cached answer behind `PRAGMA data_version`, which
 *   moves with every commit of another process: see Authenticator.identify);
 * - every SESSION_CHECK_MS the hub re-checks every connected socket and
 *   disconnects the ones whose token no longer holds, so an idle display
 *   stops showing calls too, within that bound.
 *
 * Why poll the table rather than have the CLI tell the hub: the CLI and the
 * hub share only the SQLite file, and ~200 lookups every two seconds cost
 * nothing next to a command.
 */
export const SESSION_CHECK_MS = 2_000;

const tokenOf = (socket: Socket): unknown => {
  const raw: unknown = socket.handshake.auth;
  return raw && typeof raw === "object" && "token" in raw ? raw.token : undefined;
};

/** Refuses a connected socket's commands once its token no longer identifies anyone. */
export function guardCommands(socket: Socket, auth: Authenticator, logger: Logger): void {
  socket.use((packet, next) => {
    if (auth.identify(tokenOf(socket))) {
      next();
      return;
    }
    const ack: unknown = packet[packet.length - 1];
    if (typeof ack === "function") (ack as (answer: unknown) => void)(fail("UNAUTHORIZED"));
    logger.warn({ ns: socket.nsp.name, event: packet[0], identity: (socket.data as { identity?: unknown }).identity }, "command of a revoked or expired token refused");
    socket.disconnect(true);
  });
}

/** Disconnects every socket whose token was revoked, logged out or expired; returns how many. */
export function endInvalidSockets(io: Server, auth: Authenticator, logger: Logger): number {
  let ended = 0;
  for (const name of Object.keys(NAMESPACES) as NamespaceName[]) {
    for (const socket of io.of(NAMESPACES[name]).sockets.values()) {
      if (auth.identify(tokenOf(socket))) continue;
      logger.info({ ns: name, identity: (socket.data as { identity?: unknown }).identity }, "socket ended: token revoked, logged out or expired");
      socket.disconnect(true);
      ended += 1;
    }
  }
  return ended;
}
