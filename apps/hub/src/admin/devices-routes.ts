/**
 * Pairing and device administration over HTTP (docs/api.md "Devices").
 *
 * Without a token (a device that has none yet), rate-limited per address:
 *   POST /api/pairing           {kind}   -> a code to show, a secret to keep
 *   POST /api/pairing/collect   {secret} -> pending, or the token once
 * Admin only, a session token in the Authorization header (as routes.ts):
 *   GET  /api/admin/devices
 *   GET  /api/admin/pairings/<code>
 *   POST /api/admin/pairings/<code>/approve   {id, name, group?}
 *   POST /api/admin/devices/<id>/rename       {name}
 *   POST /api/admin/devices/<id>/group        {group}
 *   POST /api/admin/devices/<id>/revoke       {}
 */
import type { ServerResponse } from "node:http";
import {
  ApprovePairingSchema,
  EmptyAdminSchema,
  MoveDisplaySchema,
  PairingCollectSchema,
  PairingStartSchema,
  RenameDeviceSchema,
  mayManageDevices,
  normalizePairingCode,
  type ErrorCode,
  type PairingCollected,
  type PairingStarted,
} from "@layan/protocol";
import type { Store } from "@layan/store";
import type { HubContext } from "../context";
import { bodyReader, refuser, staffCaller } from "./route-kit";
import { PublicWriteLimit } from "../feedback/public-limit";
import { decodePathPart, sendJson, type Route } from "../http";
import { endInvalidSockets } from "../revocation";
import { approvePairing, DevicePresence, listDevices, moveDisplay, renameDevice, revokeEnrolledDevice, type DeviceOffice } from "./devices";
import { PAIRING_POLL_MS, PAIRING_STARTS_PER_WINDOW, PAIRING_TTL_MS, PairingBook } from "./pairing";
import type { Outcome } from "./users";

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_PAYLOAD: 400,
  UNAUTHORIZED: 401,
  ADMIN_FORBIDDEN: 403,
  DEVICE_PAIRING_UNKNOWN: 404,
  DEVICE_NOT_FOUND: 404,
  DEVICE_PAIRING_USED: 409,
  DEVICE_ID_TAKEN: 409,
  DEVICE_KIND_MISMATCH: 409,
  DEVICE_NOT_IN_CONFIG: 409,
  CONFIG_INVALID: 422,
  CONFIG_REFUSED: 409,
  DEVICE_PAIRING_EXPIRED: 410,
  TOO_MANY_REQUESTS: 429,
  DEVICE_PAIRING_FULL: 503,
};

const refused = refuser(STATUS);

const PAIRING_PATH = /^\/api\/admin\/pairings\/([^/]+)(\/approve)?$/;
const DEVICE_PATH = /^\/api\/admin\/devices\/([^/]+)\/(rename|group|revoke)$/;

/** Mounted from main.ts next to adminRoutes. */
export function deviceRoutes(store: Store): (ctx: HubContext) => Route {
  return (ctx) => {
    const office: DeviceOffice = { ctx, store, presence: new DevicePresence(ctx), files: null };
    const book = new PairingBook(() => ctx.engine.now());
    const starts = new PublicWriteLimit(() => ctx.engine.now(), PAIRING_STARTS_PER_WINDOW, PAIRING_TTL_MS);
    const log = ctx.logger.child({ part: "devices" });

    const body = bodyReader(ctx, refused);

    /** An admin's audit actor, or undefined once the request was answered 401/403. */
    const admin = staffCaller(ctx, store, refused, mayManageDevices);

    const answer = <T>(res: ServerResponse, outcome: Outcome<T>): true => {
      if (!outcome.ok) return refused(res, outcome.code);
      sendJson(res, 200, { ok: true, data: outcome.data });
      return true;
    };

    const publicPairing: Route = async (req, res, url) => {
      if (req.method !== "POST") return false;
      if (url.pathname === "/api/pairing") {
        const address = ctx.clientAddress(req);
        if (!starts.take(address)) {
          log.warn({ address }, "pairing refused: too many codes asked from one address");
          return refused(res, "TOO_MANY_REQUESTS");
        }
        const input = await body(req, res, PairingStartSchema);
        if (!input) return true;
        const started = book.start(input.kind, address, req.headers["user-agent"] ?? null);
        if (!started.ok) return refused(res, started.code);
        const data: PairingStarted = { code: started.code, secret: started.secret, expiresAt: started.expiresAt, pollMs: PAIRING_POLL_MS };
        log.info({ kind: input.kind, address, code: started.code }, "device asks to pair");
        sendJson(res, 200, { ok: true, data });
        return true;
      }
      if (url.pathname === "/api/pairing/collect") {
        const input = await body(req, res, PairingCollectSchema);
        if (!input) return true;
        const collected = book.collect(input.secret);
        if (!collected.ok) return refused(res, collected.code);
        const data: PairingCollected =
          collected.status === "pending"
            ? { status: "pending", expiresAt: collected.expiresAt }
            : { status: "approved", token: collected.token, deviceId: collected.deviceId, kind: collected.kind, name: collected.name };
        if (data.status === "approved") log.info({ device: data.deviceId }, "paired device collected its token");
        sendJson(res, 200, { ok: true, data });
        return true;
      }
      return false;
    };

    return async (req, res, url) => {
      const path = url.pathname;
      if (path.startsWith("/api/pairing")) return publicPairing(req, res, url);

      if (path === "/api/admin/devices" && req.method === "GET") {
        if (!admin(req, res)) return true;
        sendJson(res, 200, { ok: true, data: listDevices(office) });
        return true;
      }

      const pairing = PAIRING_PATH.exec(path);
      if (pairing) {
        const approve = pairing[2] !== undefined;
        if (req.method !== (approve ? "POST" : "GET")) return false;
        const actor = admin(req, res);
        if (!actor) return true;
        const code = normalizePairingCode(decodePathPart(pairing[1] ?? ""));
        if (!code) return refused(res, "DEVICE_PAIRING_UNKNOWN");
        if (!approve) {
          const found = book.lookup(code);
          return found.ok ? answer(res, { ok: true, data: found.entry }) : refused(res, found.code);
        }
        const input = await body(req, res, ApprovePairingSchema);
        if (!input) return true;
        // Looked up after the body: the code may have been approved or run out meanwhile.
        const found = book.lookup(code);
        if (!found.ok) return refused(res, found.code);
        const outcome = approvePairing(office, actor, { code, kind: found.entry.kind, address: found.entry.address }, input);
        if (!outcome.ok) return refused(res, outcome.code);
        book.approve(code, { token: outcome.data.token, deviceId: input.id, name: input.name });
        log.info({ by: actor.name, device: input.id, kind: found.entry.kind, code }, "device paired");
        sendJson(res, 200, { ok: true, data: outcome.data.device });
        return true;
      }

      const device = DEVICE_PATH.exec(path);
      if (device && req.method === "POST") {
        const actor = admin(req, res);
        if (!actor) return true;
        const id = decodePathPart(device[1] ?? "");
        if (device[2] === "rename") {
          const input = await body(req, res, RenameDeviceSchema);
          return input ? answer(res, renameDevice(office, actor, id, input.name)) : true;
        }
        if (device[2] === "group") {
          const input = await body(req, res, MoveDisplaySchema);
          return input ? answer(res, moveDisplay(office, actor, id, input.group)) : true;
        }
        if (!(await body(req, res, EmptyAdminSchema))) return true;
        const outcome = revokeEnrolledDevice(office, actor, id);
        // The revocation sweep (revocation.ts) now rather than within SESSION_CHECK_MS: the device drops at once.
        if (outcome.ok) endInvalidSockets(ctx.io, ctx.auth, log);
        log.info({ by: actor.name, device: id, ok: outcome.ok }, "device revoked from the browser");
        return answer(res, outcome);
      }
      return false;
    };
  };
}
