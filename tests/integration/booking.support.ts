/**
 * What the booking tests share: the sample office with booking switched on
 * for KTP-el, a real in-process hub on a fake clock with the booking routes
 * mounted as main.ts mounts them, and a "browser" with its own cookie jar
 * (the `layan_device` cookie is what tells two phones apart).
 */
import type { LayanConfig, ServiceBookingConfig } from "@layan/config";
import type { BookingHeld, BookingReceipt } from "@layan/protocol";
import { bookingRoutes, type BookingDesk } from "../../apps/hub/src/booking";
import type { TicketPrinting } from "../../apps/hub/src/context";
import { connect, FakeClock, startHub, type TestHubHandle, type TestSocket } from "../../apps/hub/src/testing/harness";

/** Wednesday 18 November 2026, 08:00 WIB: KTP-el opens at 08:00, the day is ahead. */
export const WEDNESDAY_0800 = Date.parse("2026-11-18T08:00:00+07:00");
export const WEDNESDAY = "2026-11-18";
export const THURSDAY = "2026-11-19";
export const MINUTE = 60_000;
/** Office time on a day, epoch ms: at("2026-11-19", "09:30"). */
export const at = (day: string, hhmm: string): number => Date.parse(`${day}T${hhmm}:00+07:00`);

export interface BookingSetup {
  service?: Partial<ServiceBookingConfig>;
  dailyQuota?: number | null;
  limits?: Partial<NonNullable<LayanConfig["office"]["booking"]>["limits"]>;
  enabled?: boolean;
  publicBaseUrl?: string | null;
}

export function configureBooking(c: LayanConfig, setup: BookingSetup = {}): void {
  const office = c.office;
  office.booking = {
    ...office.booking,
    enabled: setup.enabled ?? true,
    limits: { ...office.booking.limits, ...setup.limits },
  };
  if (setup.publicBaseUrl !== undefined) {
    if (setup.publicBaseUrl === null) delete office.publicBaseUrl;
    else office.publicBaseUrl = setup.publicBaseUrl;
  }
  const ktp = c.services.find((s) => s.id === "ktp-el");
  if (!ktp) throw new Error("the sample office has no ktp-el");
  // KTP-el alone, as these tests count on: the sample config also shows booking written for other services.
  for (const s of c.services) if (s !== ktp) delete s.booking;
  ktp.booking = {
    slotMinutes: 30,
    capacity: 2,
    daysAhead: 14,
    minLeadMinutes: 60,
    earlyMinutes: 30,
    lateMinutes: 15,
    maxShareOfQuota: 0.5,
    ...setup.service,
  };
  if (setup.dailyQuota !== undefined) ktp.dailyQuota = setup.dailyQuota ?? undefined;
}

export interface BookingHub {
  hub: TestHubHandle;
  desk: BookingDesk;
  clock: FakeClock;
  /** Moves the hub's clock and runs the sweep as its timer would. */
  advance: (ms: number) => Promise<void>;
  close(): Promise<void>;
}

/** A file database and the users and devices already in it (a restart of the same hub), or the hub's printing. */
export interface Restart {
  dbPath?: string;
  printing?: TicketPrinting;
  /** Where `booking-key` lives: the phone HMACs of stored contacts need the same key after a restart. */
  dataDir?: string;
  seeded?: Pick<TestHubHandle, "tokens" | "users">;
  /** Serve /api/reports/* too (the booking report). */
  reports?: boolean;
  /** The hub's `--trust-proxy`: X-Forwarded-For names the client when the peer is loopback. */
  trustProxy?: boolean;
}

export async function startBookingHub(setup: BookingSetup = {}, clock = new FakeClock(WEDNESDAY_0800), restart?: Restart): Promise<BookingHub> {
  let desk: BookingDesk | null = null;
  const hub = await startHub({
    clock,
    alwaysOpen: false,
    ...(restart?.dbPath ? { dbPath: restart.dbPath } : {}),
    ...(restart?.printing ? { printing: restart.printing } : {}),
    ...(restart?.seeded ? { seeded: restart.seeded } : {}),
    ...(restart?.reports ? { reports: true } : {}),
    ...(restart?.trustProxy ? { trustProxy: true } : {}),
    configure: (c) => configureBooking(c, setup),
    routes: (store) => [bookingRoutes({ store, dataDir: restart?.dataDir ?? null, sweepMs: 0, onStart: (d) => (desk = d) })],
  });
  if (!desk) throw new Error("booking routes did not start");
  const started: BookingDesk = desk;
  let closing: Promise<void> | null = null;
  const closeOnce = () => (closing ??= hub.close());
  const handle: BookingHub = {
    hub,
    desk: started,
    clock,
    advance: async (ms) => {
      clock.advance(ms);
      await started.sweep();
    },
    close: closeOnce,
  };
  hubs.push(handle);
  return handle;
}

/**
 * What a booking test opened: its hubs (startBookingHub adds each) and the
 * sockets the test pushes here. `afterEach(closeOpened)` in a test file closes
 * them all after each test, sockets first; closing a hub the test closed
 * itself (a restart) again is a no-op.
 */
export const sockets: { close(): void }[] = [];
const hubs: BookingHub[] = [];

export async function closeOpened(): Promise<void> {
  for (const s of sockets.splice(0)) s.close();
  for (const h of hubs.splice(0)) await h.close();
}

/** A kiosk socket on the hub, closed after the test. */
export async function kioskOn(h: BookingHub): Promise<TestSocket<"kiosk">> {
  const socket = await connect(h.hub.url, "/kiosk", h.hub.tokens.kiosk);
  sockets.push(socket);
  return socket;
}

export interface Answer<T> {
  status: number;
  body: { ok: true; data: T } | { ok: false; error: { code: string; message: string; messageEn: string } };
}

/** A phone's browser: its own cookies, its own address is the test's (127.0.0.1). */
export class Browser {
  private cookie: string | null = null;

  /** `headers` go with every request (a reverse proxy's X-Forwarded-For). */
  constructor(
    private readonly base: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  get deviceCookie(): string | null {
    return this.cookie;
  }

  /** The same phone (its cookie) on a hub started again at another address. */
  reopen(base: string): Browser {
    const again = new Browser(base, this.headers);
    again.cookie = this.cookie;
    return again;
  }

  async call<T>(method: "GET" | "POST", path: string, body?: unknown, token?: string): Promise<Answer<T>> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...this.headers,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0] ?? null;
    return { status: res.status, body: (await res.json()) as Answer<T>["body"] };
  }

  hold(serviceId: string, slotStart: number): Promise<Answer<BookingHeld>> {
    return this.call("POST", "/api/bookings/hold", { serviceId, slotStart });
  }

  confirm(bookingId: string, details: { name?: string; phone?: string }): Promise<Answer<BookingReceipt>> {
    return this.call("POST", `/api/bookings/${bookingId}/confirm`, details);
  }

  /** Hold and confirm; throws when either is refused. */
  async book(slotStart: number, details: { name?: string; phone?: string } = { name: "Siti Aminah", phone: "0812-3456-7890" }): Promise<BookingReceipt> {
    const held = await this.hold("ktp-el", slotStart);
    if (!held.body.ok) throw new Error(`hold refused: ${held.body.error.code}`);
    const confirmed = await this.confirm(held.body.data.bookingId, details);
    if (!confirmed.body.ok) throw new Error(`confirm refused: ${confirmed.body.error.code}`);
    return confirmed.body.data;
  }
}

export function codeOf<T>(answer: Answer<T>): string | null {
  return answer.body.ok ? null : answer.body.error.code;
}

export function dataOf<T>(answer: Answer<T>): T {
  if (!answer.body.ok) throw new Error(`refused: ${answer.status} ${answer.body.error.code}`);
  return answer.body.data;
}
