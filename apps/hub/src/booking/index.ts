import type { Store } from "@layan/store";
import type { HubContext } from "../context";
import type { Route } from "../http";
import { storageFailure } from "../storage-errors";
import { loadOrCreateBookingKey } from "./identity";
import { bookingPageRoutes } from "./page";
import { bookingHttp, requestBase } from "./routes";
import { BookingDesk } from "./service";

export { BookingDesk } from "./service";

/** How often lapsed holds and late bookings are ended (docs/booking.md decisions 6 and 8). */
export const BOOKING_SWEEP_MS = 30_000;

export interface BookingOptions {
  store: Store;
  /** `<data>/booking-key` lives here; null keeps the key in memory (tests). */
  dataDir: string | null;
  /** 0: no timer; tests call desk.sweep() after moving the clock. */
  sweepMs?: number;
  /** Hands the desk to tests. */
  onStart?: (desk: BookingDesk) => void;
}

/**
 * Booked visits, mounted from main.ts like notifications: the API routes,
 * the sweep (at start and every 30 s, on the hub's clock), and the
 * booking's part of /healthz.
 */
export function bookingRoutes(options: BookingOptions): (ctx: HubContext) => Route & { close: () => Promise<void> } {
  return (ctx) => {
    const log = ctx.logger.child({ part: "booking" });
    const key = loadOrCreateBookingKey(options.dataDir);
    const desk = new BookingDesk(ctx, key);
    let sweeping: Promise<unknown> = Promise.resolve();
    let lastSweep: { at: number; ended: number; contactsDeleted: number } | null = null;
    const sweep = () => {
      sweeping = desk
        .sweep()
        .then((result) => {
          lastSweep = { at: ctx.engine.now(), ...result };
          if (result.ended + result.contactsDeleted > 0) log.info(result, "bookings swept");
        })
        .catch((err: unknown) => log.error({ err, code: storageFailure(err) ?? "UNKNOWN" }, "booking sweep failed"));
      return sweeping;
    };
    void sweep();
    const sweepMs = options.sweepMs ?? BOOKING_SWEEP_MS;
    const timer = sweepMs > 0 ? setInterval(() => void sweep(), sweepMs) : null;
    timer?.unref();
    ctx.booking = {
      status: () => ({
        enabled: ctx.engine.state.rules.booking.enabled,
        unavailableReason: desk.services().unavailableReason,
        open: ctx.engine.state.bookings.open.size,
        limitsCounted: desk.limits.size,
        lastSweep,
      }),
    };
    options.onStart?.(desk);
    const api = bookingHttp(ctx, options.store, desk, key);
    // The citizen's pages (booking-pages): /reservasi/ and the receipt, beside the API they call.
    const pages = bookingPageRoutes(ctx, { receipt: (id, req) => desk.receipt(id, requestBase(req)) });
    const route: Route = async (req, res, url) => (await api(req, res, url)) || pages(req, res, url);
    return Object.assign(route, {
      close: async () => {
        if (timer) clearInterval(timer);
        await sweeping;
        desk.close();
      },
    });
  };
}
