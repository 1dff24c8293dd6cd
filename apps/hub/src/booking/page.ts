import type { IncomingMessage } from "node:http";
import type { BookingReceipt } from "@layan/protocol";
import type { HubContext } from "../context";
import { sendPage } from "../feedback/pages/common";
import { decodePathPart, type Route } from "../http";
import { bookingPageHtml } from "./page-booking";
import { receiptHtml, receiptNotFoundHtml } from "./page-receipt";

/** Booking ids are 16 base64url characters (packages/protocol BOOKING_ID); anything else is not worth a lookup. */
const BOOKING_ID = /^[A-Za-z0-9_-]{16}$/;

/** What the pages need from the booking service (apps/hub/src/booking): one booking as its citizen sees it. */
export interface BookingPageSource {
  /** `req`: the receipt's links (and so its QR) take the address the phone reached, when the office has no public one. */
  receipt(bookingId: string, req: IncomingMessage): BookingReceipt | null;
}

/** The requirements a citizen brings, as the kiosk prints them: "KTP asli (bila sudah punya)". */
export function persyaratanOf(ctx: HubContext, serviceId: string): string[] {
  const service = ctx.setup.catalog.services.find((s) => s.id === serviceId);
  return (service?.persyaratan ?? []).map((p) => (p.condition ? `${p.text} (${p.condition})` : p.text));
}

/**
 * GET /reservasi/ (the booking page) and GET /reservasi/<bookingId> (the
 * receipt). Public, no login: the booking id is the citizen's key, like a
 * ticket id. The API these pages call is booking-hub's (docs/api.md "Reservasi").
 */
export function bookingPageRoutes(ctx: HubContext, source: BookingPageSource): Route {
  return (req, res, url) => {
    if (req.method !== "GET") return false;
    const officeName = ctx.setup.catalog.office.name;
    if (url.pathname === "/reservasi" || url.pathname === "/reservasi/") {
      sendPage(res, 200, bookingPageHtml(officeName, ctx.engine.now()));
      return true;
    }
    const page = /^\/reservasi\/([^/]+)$/.exec(url.pathname);
    if (!page) return false;
    const id = decodePathPart(page[1] ?? "");
    const receipt = BOOKING_ID.test(id) ? source.receipt(id, req) : null;
    if (receipt) sendPage(res, 200, receiptHtml(officeName, receipt, persyaratanOf(ctx, receipt.serviceId)));
    else sendPage(res, 404, receiptNotFoundHtml(officeName));
    return true;
  };
}
