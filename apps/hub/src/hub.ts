import { randomBytes } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import { createServer as createTlsServer, type Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { serviceDayOf } from "@layan/core";
import { fail } from "@layan/protocol";
import { REQUEST_ANSWER_KEEP_MS } from "@layan/store";
import { pino, type Logger } from "pino";
import { Server } from "socket.io";
import { Authenticator } from "./auth";
import { startBroadcasting } from "./broadcast";
import { CallHistory } from "./calls";
import { clientAddress } from "./client-address";
import type { HubContext, HubStore, TicketPrinting } from "./context";
import { complaintPageRoutes } from "./feedback/pages/complaint-pages";
import { purgePersonalData } from "./feedback/retention";
import { feedbackRoutes } from "./feedback/routes";
import { QueueEngine } from "./engine";
import { authRoutes, BadRequest, SECURITY_HEADERS, sendJson, staticApps, type Route, type WebApp } from "./http";
import { attachCounter } from "./namespaces/counter";
import { attachDashboard } from "./namespaces/dashboard";
import { attachDisplay } from "./namespaces/display";
import { attachKiosk } from "./namespaces/kiosk";
import type { HubSetup } from "./setup";
import { endInvalidSockets, SESSION_CHECK_MS } from "./revocation";
import { STORAGE_LOG_MESSAGE, storageFailure } from "./storage-errors";
import { baseReachableFromPhone, unreachableTicketUrlWarning } from "./public-url";
import { startShipping } from "./shipping";
import { ticketPageRoutes } from "./ticket-page";
import { Views } from "./views";
import { voicePackRoutes } from "./namespaces/display-voice";

export interface HubOptions {
  setup: HubSetup;
  store: HubStore;
  /** Hub time, epoch ms. Devices' clocks are never trusted. */
  clock?: () => number;
  logger?: Logger;
  /** Ticket ids: unguessable, they are the key to the public ticket page. */
  newTicketId?: () => string;
  printing?: TicketPrinting | null;
  webApps?: Partial<Record<WebApp, string>>;
  version?: string;
  /**
   * Browser origins other than the hub's own that may use its API and
   * socket.io (a dashboard served elsewhere, the Electron kiosk's app://layan).
   */
  allowedOrigins?: readonly string[];
  /**
   * `--trust-proxy`: behind a reverse proxy or tunnel on the hub's own PC,
   * a request's client is the X-Forwarded-For address it names (client-address.ts).
   */
  trustProxy?: boolean;
  /** How often live sockets' tokens are re-checked (revocation from the CLI, expiry); default SESSION_CHECK_MS. */
  sessionCheckMs?: number;
  /** How often the clock is read for the service day's roll-over; default DAY_CHECK_MS (tests across midnight use less). */
  dayCheckMs?: number;
  /**
   * Extra HTTP routes (reports, ticket page), tried after the built-in ones. A
   * route with a `close` (the reports' worker thread) is closed with the hub.
   */
  routes?: ((ctx: HubContext) => Route & { close?: () => Promise<void> })[];
  /** PEM certificate (chain) and key: the hub then serves HTTPS, and socket.io wss, on the same port. */
  tls?: { cert: string | Buffer; key: string | Buffer } | null;
  /** The hub's data folder: with a regency.json in it, the hub ships its events to the regency (shipping/). */
  dataDir?: string;
}

export interface Hub {
  http: HttpServer | HttpsServer;
  /** "https" when the hub serves TLS: what its own URLs (banner, QR fallback) start with. */
  scheme: "http" | "https";
  io: Server;
  engine: QueueEngine;
  context: HubContext;
  listen(port: number, host?: string): Promise<{ port: number; host: string }>;
  /** Called once a new service day began and yesterday's leftovers were closed (live-config applies what waited for it). */
  onServiceDay(listener: () => void): () => void;
  close(): Promise<void>;
}

/** How often the hub looks at the clock for the office-local midnight roll-over. */
const DAY_CHECK_MS = 30_000;
const LEDGER_PRUNE_PER_CHECK = 200;
/** How long after the hub's start the first deletion of personal data past its retention runs. */
const START_PURGE_DELAY_MS = 5_000;
/** At most one "malformed request" warning this often. */
const MALFORMED_LOG_MS = 60_000;

/** Logs the first occurrence at once, then at most once per `everyMs` with how many were not logged. */
function rateLimitedWarning(logger: Logger, msg: string, everyMs: number, clock: () => number) {
  let lastAt = Number.NEGATIVE_INFINITY;
  let unlogged = 0;
  return {
    note(url: string): void {
      const now = clock();
      if (now - lastAt < everyMs) {
        unlogged += 1;
        return;
      }
      logger.warn({ url: url.slice(0, 200), alsoSinceLastWarning: unlogged }, msg);
      lastAt = now;
      unlogged = 0;
    },
  };
}

function requestUrl(raw: string | undefined): URL {
  try {
    return new URL(raw ?? "/", "http://hub");
  } catch {
    throw new BadRequest("malformed request URL");
  }
}

/** How many past events seed the "last calls" list at start-up. */
const CALL_HISTORY_SEED = 2_000;

/**
 * 96-bit random ticket ids (unguessable: they open the public ticket page),
 * drawn from a pool so issuing does not make a system call per ticket.
 */
function ticketIds(): () => string {
  const ID_BYTES = 12;
  let pool = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset + ID_BYTES > pool.length) {
      pool = randomBytes(ID_BYTES * 256);
      offset = 0;
    }
    const id = pool.toString("base64url", offset, offset + ID_BYTES);
    offset += ID_BYTES;
    return id;
  };
}

/** What socket.io's handshake reads from the connection's first request (socket.io/dist/socket.js buildHandshake). */
interface SlimRequest {
  headers: Record<string, string | string[] | undefined>;
  url?: string;
  _query?: Record<string, string>;
  connection?: { encrypted?: boolean };
}

function slimRequest(request: SlimRequest | null): SlimRequest | null {
  if (!request) return null;
  const { host, origin, "user-agent": userAgent, "x-forwarded-proto": forwardedProto } = request.headers;
  return {
    headers: { host, origin, "user-agent": userAgent, "x-forwarded-proto": forwardedProto },
    url: request.url,
    _query: request._query,
    connection: { encrypted: request.connection?.encrypted === true },
  };
}

/** The composition root: everything real is passed in, so tests build the same hub with a fake clock. */
export function createHub(options: HubOptions): Hub {
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? pino({ level: "silent" });
  const { setup, store } = options;
  const engine = new QueueEngine(setup.rules, store, clock, logger.child({ part: "engine" }));
  const auth = new Authenticator(store, clock);
  const officerNames = new Map<string, string | null>();
  const views = new Views((officerId) => {
    if (!officerNames.has(officerId)) officerNames.set(officerId, store.findUserById(officerId)?.displayName ?? null);
    return officerNames.get(officerId) ?? null;
  }, (ticketId) => store.ticketNumber(ticketId));

  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  if (setup.publicBaseUrl) allowedOrigins.add(new URL(setup.publicBaseUrl).origin);

  // One code path for both: only the server factory knows whether it is TLS.
  const scheme = options.tls ? "https" : "http";
  const http = options.tls ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }) : createServer();
  const io = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // CORS headers only for the configured origins (the Electron kiosk's
    // app://layan, a dashboard served elsewhere): the hub's own pages are
    // same-origin and need none, and scripts (Python, Node) send no Origin.
    // Auth is by token in the handshake, never by cookie.
    cors: { origin: [...allowedOrigins] },
  });

  // socket.io keeps each connection's first HTTP request for its lifetime: drop
  // it, ~200 displays and kiosks stay connected all day (socket.io's "memory
  // usage" advice). The namespace handshake is built from it only later, when
  // the client joins a namespace, so keep the few fields it reads: without the
  // Host header a ticket's QR code fell back to the bind address (0.0.0.0).
  io.engine.on("connection", (raw: { request: SlimRequest | null }) => {
    raw.request = slimRequest(raw.request);
  });

  const calls = new CallHistory(Math.max(0, store.lastSeq() - CALL_HISTORY_SEED));
  for (const { seq, event } of store.eventsAfter(Math.max(0, store.lastSeq() - CALL_HISTORY_SEED), CALL_HISTORY_SEED)) {
    if (event.type === "ticket.called" || event.type === "ticket.recalled") {
      const call = views.call(engine.state, seq, event);
      if (call) calls.add(call);
    }
  }

  let listenedAt: { host: string; port: number } | null = null;
  // Once per base: the warning is for the IT person, not a line per ticket.
  const warnedBases = new Set<string>();
  const context: HubContext = {
    io,
    engine,
    views,
    setup,
    auth,
    store,
    calls,
    logger,
    printing: options.printing ?? null,
    allowedOrigins,
    clientAddress: (req) => clientAddress(req, options.trustProxy ?? false),
    newTicketId: options.newTicketId ?? ticketIds(),
    statusUrl: (ticketId, host, secure) => {
      // The address the kiosk itself reached the hub at is the one most likely to work from a phone.
      const kioskScheme = secure ? "https" : "http";
      const base = (setup.publicBaseUrl ?? (host ? `${kioskScheme}://${host}` : `${scheme}://${listenedAt?.host ?? "127.0.0.1"}:${listenedAt?.port ?? 0}`)).replace(/\/$/, "");
      if (!warnedBases.has(base) && !baseReachableFromPhone(base)) {
        warnedBases.add(base);
        logger.warn({ base }, unreachableTicketUrlWarning(base));
      }
      return `${base}/t/${ticketId}`;
    },
  };

  attachKiosk(context);
  attachCounter(context);
  attachDisplay(context);
  attachDashboard(context);
  const stopBroadcasting = startBroadcasting(context);

  const startedAt = clock();
  const extraRoutes = (options.routes ?? []).map((make) => make(context));
  const routes: Route[] = [
    (req, res, url) => {
      if (url.pathname === "/healthz") {
        const { rss, heapUsed, external } = process.memoryUsage();
        const mb = (n: number) => Math.round(n / 1e5) / 10;
        sendJson(res, 200, {
          ok: true,
          seq: engine.seq,
          uptimeMs: clock() - startedAt,
          commits: store.commitStats?.() ?? null,
          config: context.liveConfig?.status() ?? null,
          notify: context.notify?.status() ?? null,
          booking: context.booking?.status() ?? null,
          memoryMb: { rss: mb(rss), heapUsed: mb(heapUsed), external: mb(external) },
        });
        return true;
      }
      if (url.pathname === "/version") {
        sendJson(res, 200, { name: "layan-hub", version: options.version ?? "0.0.0", node: process.version });
        return true;
      }
      return false;
    },
    authRoutes(auth, logger.child({ part: "http" }), allowedOrigins, () => endInvalidSockets(io, auth, logger), context.clientAddress),
    ticketPageRoutes(context),
    feedbackRoutes(context),
    complaintPageRoutes(context),
    voicePackRoutes(context),
    staticApps(options.webApps ?? {}),
    ...extraRoutes,
  ];

  const malformed = rateLimitedWarning(logger, "malformed request URL answered 400", MALFORMED_LOG_MS, clock);
  http.on("request", (req, res) => {
    // socket.io answers its own path on the same server.
    if (req.url?.startsWith("/socket.io/")) return;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    void (async () => {
      try {
        const url = requestUrl(req.url);
        for (const route of routes) if (await route(req, res, url)) return;
        sendJson(res, 404, { ok: false, error: { code: "NOT_FOUND", message: "Halaman tidak ditemukan.", messageEn: "Not found." } });
      } catch (err) {
        if (err instanceof BadRequest) {
          // A scanner or a mangled QR link can send these all day: one
          // warning a minute, with the count, not a stack trace each.
          malformed.note(req.url ?? "");
          if (!res.headersSent) sendJson(res, 400, fail("INVALID_PAYLOAD"));
          return;
        }
        const storage = storageFailure(err);
        if (storage) {
          // A login writes its session, a logout deletes it: a full or read-only disk is not a bug.
          logger.error({ err, code: storage, url: req.url }, STORAGE_LOG_MESSAGE);
          if (!res.headersSent) sendJson(res, 503, fail("STORE_UNAVAILABLE"));
          return;
        }
        logger.error({ err, url: req.url }, "http handler failed");
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: "INTERNAL", message: "Terjadi kesalahan sistem.", messageEn: "Internal error." } });
      }
    })();
  });

  // A little at a time, so the hub never stalls on it: 200 answers a check
  // (every 30 s) is far more than an office gives, and a ledger that older
  // versions never pruned drains over the first days.
  const pruneLedger = () => {
    try {
      store.pruneRequests(engine.now() - REQUEST_ANSWER_KEEP_MS, LEDGER_PRUNE_PER_CHECK);
    } catch (err) {
      logger.error({ err, code: storageFailure(err) ?? "UNKNOWN" }, "deleting old answers from the request ledger failed");
    }
  };
  let day = serviceDayOf(clock(), setup.rules.timezone);
  const purge = () => {
    try {
      purgePersonalData(context);
    } catch (err) {
      // A full disk must not stop the day from rolling over; the next day tries again.
      logger.error({ err, code: storageFailure(err) ?? "UNKNOWN" }, "deleting personal data past its retention period failed");
    }
  };
  const dayListeners = new Set<() => void>();
  const rollOver = (purgeNow: boolean) => {
    void engine.rollOverDay().then((answer) => {
      if (answer.ok && answer.data > 0) logger.info({ cancelled: answer.data }, "service day closed");
      if (purgeNow) for (const listener of dayListeners) listener();
    });
    if (purgeNow) purge();
  };
  rollOver(false);
  pruneLedger();
  // At start the purge waits a moment: over a year's survey profiles it takes
  // a tenth of a second or more, which the hub's start-up (serving the
  // kiosks again) should not wait for; a few seconds late is still the day.
  const startPurge = setTimeout(purge, START_PURGE_DELAY_MS);
  startPurge.unref();
  const dayTimer = setInterval(() => {
    pruneLedger();
    const today = serviceDayOf(clock(), setup.rules.timezone);
    if (today !== day) {
      day = today;
      rollOver(true);
    }
    engine.prune();
  }, options.dayCheckMs ?? DAY_CHECK_MS);
  dayTimer.unref();
  const sessionTimer = setInterval(() => endInvalidSockets(io, auth, logger), options.sessionCheckMs ?? SESSION_CHECK_MS);
  sessionTimer.unref();
  const outbox = options.dataDir
    ? startShipping({
        dataDir: options.dataDir,
        store,
        onCommitted: (wake) => engine.onCommitted(wake),
        // Read when published, not at start: a live config change (live-config/) replaces the catalog.
        get services() {
          return setup.catalog.services;
        },
        logger,
        clock,
      })
    : null;

  return {
    http,
    scheme,
    io,
    engine,
    context,
    listen(port, host = "0.0.0.0") {
      return new Promise((resolvePromise, reject) => {
        http.once("error", reject);
        http.listen(port, host, () => {
          http.off("error", reject);
          const address = http.address() as AddressInfo;
          listenedAt = { host, port: address.port };
          resolvePromise(listenedAt);
        });
      });
    },
    onServiceDay(listener) {
      dayListeners.add(listener);
      return () => dayListeners.delete(listener);
    },
    async close() {
      clearTimeout(startPurge);
      clearInterval(dayTimer);
      clearInterval(sessionTimer);
      await outbox?.stop();
      stopBroadcasting();
      await new Promise<void>((done) => {
        void io.close(() => done());
      });
      if (http.listening) await new Promise<void>((done) => http.close(() => done()));
      for (const route of extraRoutes) await route.close?.();
    },
  };
}
