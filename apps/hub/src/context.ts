import type { QueueEvent, SegmentOutcome, TicketStatus } from "@layan/core";
import type { BookingQueries, FeedbackQueries, User } from "@layan/store";
import type { IncomingMessage } from "node:http";
import type { Logger } from "pino";
import type { Server } from "socket.io";
import type { AuthStore, Authenticator } from "./auth";
import type { CallHistory } from "./calls";
import type { EngineStore, QueueEngine } from "./engine";
import type { HubSetup } from "./setup";
import type { Views } from "./views";
import type { IssuedTicket, NotifyOffer, PrintableComplaint } from "@layan/protocol";

export interface StoredTicketView {
  number: string;
  serviceId: string;
  status: TicketStatus;
  serviceDay: string;
  issuedAt: number;
  counterId: string | null;
  calledAt: number | null;
  outcome: SegmentOutcome | null;
}

/** Everything the hub needs from storage, as one contract (see packages/store). */
export interface HubStore extends EngineStore, AuthStore {
  eventsAfter(seq: number, limit: number): { seq: number; event: QueueEvent }[];
  /** A ticket's number from the read model (tickets pruned from the live queue). */
  ticketNumber(ticketId: string): string | null;
  /** Where a ticket stands in the read model, for tickets no longer in the live queue. */
  storedTicket(ticketId: string): StoredTicketView | undefined;
  /** Tickets issued per service from `serviceDay` on, most first (the kiosk's most-used services). */
  issuedCountsSince(serviceDay: string): { serviceId: string; count: number }[];
  /** Group-commit counters, for /healthz and the benchmark. */
  commitStats?(): { batches: number; entries: number; largestBatch: number; failedBatches: number };
  /** The ticket of that service day with that number ("A-012"), or null. */
  ticketIdByNumber(serviceDay: string, number: string): string | null;
  listUsers(): User[];
  /** Survey responses, complaints and the personal data that goes with them. */
  feedback: FeedbackQueries;
  /** The bookings read model and the bookings' contacts (docs/booking.md). */
  bookings: BookingQueries;
  /** Forgets up to `limit` ledger answers recorded before `at` (a retry of one is answered REQUEST_EXPIRED). */
  pruneRequests(at: number, limit: number): number;
}

/** Printing for browser kiosks: the hub prints to the kiosk's network printer. */
export interface PrinterProblem {
  code: "PRINTER_OFFLINE" | "PRINTER_TIMEOUT" | "PAPER_END" | "COVER_OPEN" | "PRINTER_ERROR" | "NO_PRINTER";
  message: string;
}

export interface TicketPrinting {
  /** Null when ready; otherwise the printer's code and the reason in Bahasa Indonesia. */
  problem(kioskId: string): Promise<PrinterProblem | null>;
  print(kioskId: string, ticket: IssuedTicket): Promise<void>;
  /** The complaint receipt (bukti pengaduan) a browser kiosk's citizen takes home. */
  printComplaint(kioskId: string, receipt: PrintableComplaint): Promise<void>;
}

export interface HubContext {
  io: Server;
  engine: QueueEngine;
  views: Views;
  setup: HubSetup;
  auth: Authenticator;
  store: HubStore;
  calls: CallHistory;
  logger: Logger;
  printing: TicketPrinting | null;
  /** Origins besides the hub's own whose pages may post to its API (the public base URL, options). */
  allowedOrigins: ReadonlySet<string>;
  /** Who sent a request, for per-address limits and the audit: the peer, or with --trust-proxy the client a local proxy names. */
  clientAddress: (req: IncomingMessage) => string;
  newTicketId: () => string;
  /** Public page of a ticket; `host` is the Host header the kiosk used, `secure` whether it came over TLS. */
  statusUrl: (ticketId: string, host: string | undefined, secure: boolean) => string;
  /** Set when the hub runs with a config folder it reloads (live-config/): its state for /healthz. */
  liveConfig?: { status(): unknown };
  /** Set when notifications are mounted (notify/): the ticket page's offer and /healthz. */
  notify?: { status(): unknown; offer(): NotifyOffer };
  /** Set when booked visits are mounted (booking/): their state for /healthz. */
  booking?: { status(): unknown };
}
