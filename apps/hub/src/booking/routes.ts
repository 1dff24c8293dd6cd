/**
 * Booked visits over HTTP (docs/api.md "Reservasi"). Public (no login; the
 * booking page on a citizen's phone):
 *   GET  /api/bookings/services              what can be booked, what the office asks for
 *   GET  /api/bookings/slots?service=&day=   a day's slots with their free places
 *   POST /api/bookings/hold                  "Pilih jam ini": a place held for a few minutes
 *   POST /api/bookings/<id>/confirm          the details asked for: the booking and its code
 *   GET  /api/bookings/<id>                  the receipt
 *   POST /api/bookings/<id>/cancel           "Batalkan reservasi"
 * Staff (session token):
 *   GET  /api/admin/bookings?day=&service=&status=   supervisor, admin, manager
 *   POST /api/admin/bookings/<id>/cancel             supervisor, admin (audited)
 * The booking id is the citizen's key to their booking, like a ticket id.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  AdminBookingCancelSchema,
  AdminBookingsQuerySchema,
  BOOKING_ID,
  BookingConfirmSchema,
  BookingHoldSchema,
  SlotsQuerySchema,
  type Ack,
  type ErrorCode,
} from "@layan/protocol";
import { z } from "zod";
import type { HubContext } from "../context";
import { limitKey } from "../client-address";
import { bodyReader, issuesOf, refuser, staffCaller } from "../admin/route-kit";
import { PublicWriteLimit } from "../feedback/public-limit";
import { decodePathPart, sendJson, type Route } from "../http";
import type { Store } from "@layan/store";
import { cameSecure, deviceOf, keyedHash } from "./identity";
import type { BookingDesk } from "./service";
import { bookingSlots } from "./slots";

export const BOOKING_STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_PAYLOAD: 400,
  UNAUTHORIZED: 401,
  ADMIN_FORBIDDEN: 403,
  NOT_FOUND: 404,
  BOOKING_UNKNOWN: 404,
  SERVICE_UNKNOWN: 404,
  BOOKING_DISABLED: 409,
  BOOKING_NOT_BOOKABLE: 409,
  BOOKING_SLOT_INVALID: 409,
  BOOKING_SLOT_FULL: 409,
  BOOKING_QUOTA_SHARE_FULL: 409,
  BOOKING_HOLD_LAPSED: 409,
  BOOKING_NOT_CONFIRMED: 409,
  BOOKING_EXPIRED: 409,
  BOOKING_ALREADY_CHECKED_IN: 409,
  BOOKING_RELEASED: 409,
  BOOKING_DETAILS_REQUIRED: 400,
  BOOKING_LIMIT_CONTACT: 429,
  BOOKING_LIMIT_DEVICE: 429,
  BOOKING_LIMIT_ADDRESS: 429,
  TOO_MANY_REQUESTS: 429,
  STORE_UNAVAILABLE: 503,
};

const refused = refuser(BOOKING_STATUS);
const EmptyBody = z.strictObject({});
const BOOKING_PATH = /^\/api\/bookings\/([^/]+)(?:\/(confirm|cancel))?$/;
const ADMIN_CANCEL_PATH = /^\/api\/admin\/bookings\/([^/]+)\/cancel$/;
const STAFF_READ: readonly string[] = ["supervisor", "admin", "manager"];
const STAFF_CANCEL: readonly string[] = ["supervisor", "admin"];

function answer<T>(res: ServerResponse, ack: Ack<T>): true {
  sendJson(res, ack.ok ? 200 : (BOOKING_STATUS[ack.error.code] ?? 500), ack);
  return true;
}

/** Where the citizen reached the hub: the base of the receipt's links when the office has no public address. */
export function requestBase(req: IncomingMessage): string | null {
  const host = req.headers.host;
  return host ? `${cameSecure(req) ? "https" : "http"}://${host}` : null;
}

function query(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

/** The per-address limits count ctx.clientAddress: with `--trust-proxy`, the citizen a local proxy names (client-address.ts). */
export function bookingHttp(ctx: HubContext, store: Store, desk: BookingDesk, key: Buffer): Route {
  const log = ctx.logger.child({ part: "booking" });
  // Every public write, as for surveys and complaints: a script is stopped, an office's shared Wi-Fi is not.
  const writes = new PublicWriteLimit(() => ctx.engine.now());
  const body = bodyReader(ctx, refused);
  const reader = staffCaller(ctx, store, refused, (role) => STAFF_READ.includes(role));
  const canceller = staffCaller(ctx, store, refused, (role) => STAFF_CANCEL.includes(role));
  const deviceHash = (req: IncomingMessage, res: ServerResponse) => keyedHash(key, "device", deviceOf(req, res, cameSecure(req)));

  const overLimit = (req: IncomingMessage, res: ServerResponse): boolean => {
    const source = limitKey(ctx.clientAddress(req));
    if (writes.take(source)) return false;
    log.warn({ source, path: req.url }, "public booking write refused: too many from one address");
    refused(res, "TOO_MANY_REQUESTS");
    return true;
  };

  const publicRoute: Route = async (req, res, url) => {
    const path = url.pathname;
    if (path === "/api/bookings/services" && req.method === "GET") {
      sendJson(res, 200, { ok: true, data: desk.services() });
      return true;
    }
    if (path === "/api/bookings/slots" && req.method === "GET") {
      const q = SlotsQuerySchema.safeParse(query(url));
      if (!q.success) return refused(res, "INVALID_PAYLOAD", issuesOf(q.error));
      return answer(res, bookingSlots(ctx.engine.state, q.data.service, q.data.day, ctx.engine.now()));
    }
    if (path === "/api/bookings/hold" && req.method === "POST") {
      if (overLimit(req, res)) return true;
      const input = await body(req, res, BookingHoldSchema);
      if (!input) return true;
      const source = limitKey(ctx.clientAddress(req));
      const held = await desk.hold(input, deviceHash(req, res), source);
      if (!held.ok && held.error.code === "BOOKING_LIMIT_ADDRESS") log.warn({ source, path }, "booking holds refused: too many from one address this hour");
      return answer(res, held);
    }
    const match = BOOKING_PATH.exec(path);
    if (!match || path === "/api/bookings/hold") return false;
    const bookingId = decodePathPart(match[1] ?? "");
    if (!BOOKING_ID.test(bookingId)) return refused(res, "BOOKING_UNKNOWN");
    const action = match[2];
    if (action === undefined) {
      if (req.method !== "GET") return false;
      const receipt = desk.receipt(bookingId, requestBase(req));
      return receipt ? answer(res, { ok: true, data: receipt }) : refused(res, "BOOKING_UNKNOWN");
    }
    if (req.method !== "POST") return false;
    if (overLimit(req, res)) return true;
    if (action === "confirm") {
      const input = await body(req, res, BookingConfirmSchema);
      if (!input) return true;
      return answer(res, await desk.confirm(bookingId, input, deviceHash(req, res), requestBase(req)));
    }
    if (!(await body(req, res, EmptyBody))) return true;
    const released = await desk.release(bookingId, { kind: "citizen" });
    if (!released.ok) return answer(res, released);
    return answer(res, { ok: true, data: desk.receipt(bookingId, requestBase(req)) });
  };

  const staffRoute: Route = async (req, res, url) => {
    const path = url.pathname;
    if (path === "/api/admin/bookings" && req.method === "GET") {
      if (!reader(req, res)) return true;
      const q = AdminBookingsQuerySchema.safeParse(query(url));
      if (!q.success) return refused(res, "INVALID_PAYLOAD", issuesOf(q.error));
      sendJson(res, 200, { ok: true, data: desk.adminPage(q.data) });
      return true;
    }
    const match = ADMIN_CANCEL_PATH.exec(path);
    if (!match || req.method !== "POST") return false;
    const actor = canceller(req, res);
    if (!actor) return true;
    const bookingId = decodePathPart(match[1] ?? "");
    if (!BOOKING_ID.test(bookingId)) return refused(res, "BOOKING_UNKNOWN");
    const input = await body(req, res, AdminBookingCancelSchema);
    if (!input) return true;
    const released = await desk.release(bookingId, { kind: "staff", actor, reason: input.reason });
    if (!released.ok) return answer(res, released);
    log.info({ by: actor.name, bookingId }, "booking cancelled by staff");
    const row = desk.adminPage({ day: store.bookingById(bookingId)?.service_day ?? "" }).rows.find((r) => r.bookingId === bookingId);
    return answer(res, { ok: true, data: row ?? null });
  };

  return async (req, res, url) => (await publicRoute(req, res, url)) || (await staffRoute(req, res, url));
}
