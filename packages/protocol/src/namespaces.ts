import type { AckFn } from "./ack";
import type { TodayNotices } from "./admin-operations";
import { REPORT_ROLES } from "./reports/labels";
import type {
  CallTicketRequest,
  CompleteInput,
  CounterRequest,
  CounterSyncRequest,
  DisplaySoundReport,
  IssueTicketInput,
  KioskCancelRequest,
  OfficerCancelInput,
  ServiceStatusRequest,
  SyncRequest,
  TickStepRequest,
  TicketRequest,
  TransferRequest,
  TransferUndoRequest,
  WatchRequest,
} from "./schemas";
import type {
  CallView,
  Catalog,
  CounterSnapshot,
  CounterView,
  DashboardSnapshot,
  DisplaySnapshot,
  IssuedTicket,
  KioskSnapshot,
  LogEntry,
  QueueChanged,
  Resync,
  ServiceStatus,
} from "./views";
import type { BookingCheckIn, KioskBookingCheckInInput } from "./booking";
import type { CounterSurveyInput, KioskComplaintInput, KioskComplaintReceipt, KioskSurveyInput, SurveyFindInput, SurveyOffer, SurveyReceipt } from "./feedback";

/**
 * One socket.io namespace per role, each with only its own events: a display
 * cannot call a number because /display has no such handler. Names read
 * `entity:verb`. Every command takes an ack callback answering Ack<T>.
 */
export const NAMESPACES = {
  kiosk: "/kiosk",
  counter: "/counter",
  display: "/display",
  dashboard: "/dashboard",
} as const;
export type NamespaceName = keyof typeof NAMESPACES;

/** Handshake: `io(url + "/kiosk", { auth: { token } })`. Device token or session token. */
export interface HandshakeAuth {
  token: string;
}

// ---- /kiosk (device token of kind "kiosk") ----
export interface KioskClientToServer {
  "catalog:get": (payload: Record<string, never>, ack: AckFn<Catalog>) => void;
  "service:status": (payload: ServiceStatusRequest, ack: AckFn<ServiceStatus>) => void;
  /** Browser kiosks: the printer the hub prints to for this kiosk (DLE EOT), checked before a tap. */
  "printer:status": (payload: Record<string, never>, ack: AckFn<KioskPrinterStatus>) => void;
  "ticket:issue": (payload: IssueTicketInput, ack: AckFn<IssuedTicket>) => void;
  "ticket:cancel": (payload: KioskCancelRequest, ack: AckFn<{ cancelled: true }>) => void;
  "sync:request": (payload: SyncRequest, ack: AckFn<Resync<KioskSnapshot, KioskPush>>) => void;
  /** Pengaduan at the kiosk: the tracking code, printed on a receipt (by the hub when printVia is "hub"). */
  "complaint:file": (payload: KioskComplaintInput, ack: AckFn<KioskComplaintReceipt>) => void;
  /** Survey mode: today's ticket with the number the citizen typed; TICKET_UNKNOWN when none. */
  "survey:find": (payload: SurveyFindInput, ack: AckFn<SurveyOffer>) => void;
  "survey:submit": (payload: KioskSurveyInput, ack: AckFn<SurveyReceipt>) => void;
  /**
   * A booked visit arrives (docs/booking.md): the code typed or scanned turns
   * the booking into a ticket, answered and printed exactly as `ticket:issue`.
   */
  "booking:checkIn": (payload: KioskBookingCheckInInput, ack: AckFn<IssuedTicket>) => void;
}
/**
 * The hub applied a new kiosk-config without a restart (live-config): refetch
 * what you show from it (`catalog:get`, `display:config`, a resync). `version`
 * counts the configs this hub process applied; it restarts at 1 with the hub.
 */
export interface ConfigChanged {
  version: number;
  /** Hub time, epoch ms. */
  at: number;
}

export interface KioskServerToClient {
  "queue:changed": (payload: QueueChanged) => void;
  "config:changed": (payload: ConfigChanged) => void;
}
export interface KioskPrinterStatus {
  ready: boolean;
  code: "PRINTER_OFFLINE" | "PRINTER_TIMEOUT" | "PAPER_END" | "COVER_OPEN" | "PRINTER_ERROR" | "NO_PRINTER" | null;
  /** Bahasa Indonesia, e.g. "Kertas habis". */
  problem: string | null;
}
export type KioskPush = { name: "queue:changed"; payload: QueueChanged };

// ---- /counter (session of an officer, supervisor or admin) ----
export interface CounterClientToServer {
  "counter:open": (payload: CounterRequest, ack: AckFn<CounterSnapshot>) => void;
  "counter:pause": (payload: CounterRequest, ack: AckFn<CounterSnapshot>) => void;
  "counter:close": (payload: CounterRequest, ack: AckFn<CounterSnapshot>) => void;
  "counter:watch": (payload: WatchRequest, ack: AckFn<CounterSnapshot>) => void;
  "ticket:call_next": (payload: CounterRequest, ack: AckFn<CounterSnapshot>) => void;
  "ticket:call": (payload: CallTicketRequest, ack: AckFn<CounterSnapshot>) => void;
  "ticket:recall": (payload: CounterRequest, ack: AckFn<CounterSnapshot>) => void;
  "ticket:start": (payload: CounterRequest, ack: AckFn<CounterSnapshot>) => void;
  "ticket:step": (payload: TickStepRequest, ack: AckFn<CounterSnapshot>) => void;
  /** Takes a tick back (a slip of the finger) while the ticket is being served. */
  "ticket:untick_step": (payload: TickStepRequest, ack: AckFn<CounterSnapshot>) => void;
  "ticket:complete": (payload: CompleteInput, ack: AckFn<CounterSnapshot>) => void;
  "ticket:no_show": (payload: CounterRequest, ack: AckFn<CounterSnapshot>) => void;
  "ticket:transfer": (payload: TransferRequest, ack: AckFn<CounterSnapshot>) => void;
  /** "Batalkan" right after a transfer: the ticket is back in hand at this counter, as before. */
  "ticket:transfer_undo": (payload: TransferUndoRequest, ack: AckFn<CounterSnapshot>) => void;
  "ticket:reinstate": (payload: TicketRequest, ack: AckFn<{ number: string }>) => void;
  "ticket:cancel": (payload: OfficerCancelInput, ack: AckFn<{ number: string }>) => void;
  "catalog:get": (payload: Record<string, never>, ack: AckFn<Catalog>) => void;
  "sync:request": (payload: CounterSyncRequest, ack: AckFn<Resync<CounterSnapshot, CounterPush>>) => void;
  /** The citizen's survey answers on the counter's screen, for the ticket this counter last served. */
  "survey:submit": (payload: CounterSurveyInput, ack: AckFn<SurveyReceipt>) => void;
  /** The officer types the code a citizen shows: the ticket is issued (not called); the rules call it. */
  "booking:checkIn": (payload: BookingCheckIn, ack: AckFn<IssuedTicket>) => void;
}
export interface CounterServerToClient {
  "counter:snapshot": (payload: CounterSnapshot) => void;
  "queue:changed": (payload: QueueChanged) => void;
  "config:changed": (payload: ConfigChanged) => void;
}
export type CounterPush = { name: "counter:snapshot"; payload: CounterSnapshot };

// ---- /display (device token of kind "display") ----
export interface DisplayClientToServer {
  "sync:request": (payload: SyncRequest, ack: AckFn<Resync<DisplaySnapshot, DisplayPush>>) => void;
  "display:config": (payload: Record<string, never>, ack: AckFn<DisplayConfig>) => void;
  /** Whether this screen can make sound, and when it last did: for the dashboard's live view. */
  "display:sound": (payload: DisplaySoundReport, ack: AckFn<null>) => void;
}
export interface DisplayServerToClient {
  "ticket:called": (payload: CallView) => void;
  "ticket:recalled": (payload: CallView) => void;
  "counter:updated": (payload: CounterView & { seq: number }) => void;
  "queue:changed": (payload: QueueChanged) => void;
  "config:changed": (payload: ConfigChanged) => void;
  /** A supervisor changed today's running text or made an announcement (admin-operations.ts). */
  "notice:changed": (payload: TodayNotices) => void;
}
export type DisplayPush =
  | { name: "ticket:called"; payload: CallView }
  | { name: "ticket:recalled"; payload: CallView }
  | { name: "counter:updated"; payload: CounterView & { seq: number } }
  | { name: "queue:changed"; payload: QueueChanged };

export interface DisplayConfig {
  displayId: string;
  name: string;
  office: Catalog["office"];
  /** Counters and services this display shows (its group). */
  counterIds: string[];
  serviceIds: string[];
  services: { id: string; name: string; prefix: string }[];
  announcement: { style: "digits" | "number" };
  /** The office's recorded voice (clip id to URL on this hub); absent: the display's bundled clips. */
  voice?: { pack: string; clips: Record<string, string> };
  /** Today's running text and announcement; `office.runningText` is the config's alone. */
  notices: TodayNotices;
}

// ---- /dashboard (session of a manager, supervisor or admin) ----
export interface DashboardClientToServer {
  "sync:request": (payload: SyncRequest, ack: AckFn<Resync<DashboardSnapshot, DashboardPush>>) => void;
  "catalog:get": (payload: Record<string, never>, ack: AckFn<Catalog>) => void;
}
export interface DashboardServerToClient {
  "log:appended": (payload: LogEntry) => void;
  "queue:changed": (payload: QueueChanged) => void;
  "counter:updated": (payload: CounterView & { seq: number }) => void;
  /** Every configured display's sound health; sent on connect and whenever one changes. */
  "displays:health": (payload: DisplayHealth[]) => void;
  "config:changed": (payload: ConfigChanged) => void;
}
/** One configured display as the dashboard's live view shows it (hub times, epoch ms). */
export interface DisplayHealth {
  displayId: string;
  name: string;
  /** Screens with this display's token connected now (a second tab counts). */
  connections: number;
  /** Last reported audio state; null: no report since the hub started. */
  audio: DisplaySoundReport["audio"] | null;
  reportedAt: number | null;
  lastAnnouncementAt: number | null;
  lastAnnouncementOk: boolean | null;
}

export type DashboardPush =
  | { name: "log:appended"; payload: LogEntry }
  | { name: "counter:updated"; payload: CounterView & { seq: number } }
  | { name: "queue:changed"; payload: QueueChanged };

/** Per-socket data the hub keeps after authentication. */
export interface SocketIdentity {
  kind: "device" | "user";
  id: string;
  name: string;
  role: "kiosk" | "display" | "officer" | "supervisor" | "manager" | "admin";
}

/**
 * Who may connect to each namespace. The dashboard's socket and the report API
 * admit the same people (REPORT_ROLES), so a manager never sees a live view
 * they cannot also export.
 */
export const NAMESPACE_ROLES: Record<NamespaceName, readonly SocketIdentity["role"][]> = {
  kiosk: ["kiosk"],
  display: ["display"],
  counter: ["officer", "supervisor", "admin"],
  dashboard: REPORT_ROLES,
};

/** Every namespace's two event maps, by name: the one place the hub and the clients type their sockets from. */
export interface NamespaceEvents {
  kiosk: { clientToServer: KioskClientToServer; serverToClient: KioskServerToClient };
  counter: { clientToServer: CounterClientToServer; serverToClient: CounterServerToClient };
  display: { clientToServer: DisplayClientToServer; serverToClient: DisplayServerToClient };
  dashboard: { clientToServer: DashboardClientToServer; serverToClient: DashboardServerToClient };
}
export type ClientToServer<N extends NamespaceName> = NamespaceEvents[N]["clientToServer"];
export type ServerToClient<N extends NamespaceName> = NamespaceEvents[N]["serverToClient"];
