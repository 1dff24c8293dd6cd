import type {
  WeeklyHours,
  CompletionOutcome,
  CounterStatus,
  PriorityReason,
  QueueEventType,
  TicketStatus,
  WaitEstimate,
} from "@layan/core";

/**
 * What the hub sends. Views never carry a ticket's id to anyone but the kiosk
 * that issued it and the officers serving it: the id is the key to the public
 * ticket page, so displays only ever see numbers.
 */

export interface OfficeInfo {
  name: string;
  shortName: string;
  address: string;
  timezone: string;
  runningText: string;
  maklumat: MaklumatInfo;
  /** Visi, misi, motto and the facilities for vulnerable groups, as the office states them. */
  about: OfficeAbout;
  /** What a complaint form offers: categories, the answer target, where else to go. */
  complaints: ComplaintFormInfo;
  /** Whether the office runs the SKM survey in Layan. */
  surveyEnabled: boolean;
  /**
   * Citizens can book a visit (office.yaml booking.enabled and a bookable
   * service): the kiosk's first screen offers "Punya kode reservasi?".
   */
  bookingEnabled?: boolean;
  /**
   * The kiosk's "Punya kode reservasi?" and the counter's check-in are shown:
   * booking is on, or bookings made while it was on are still open (they are
   * honoured until they end). Sent to kiosks and counter apps; absent elsewhere.
   */
  bookingCheckIn?: boolean;
  /** The counter app offers its screen to the citizen for the survey after service. */
  surveyAtCounter: boolean;
  /** The short personal-data notices (UU 27/2022) shown beside the optional fields. */
  privacy: { surveyProfile: Localized; complaintContact: Localized };
}

/** Bahasa Indonesia, and English when the office wrote it. */
export interface Localized {
  id: string;
  en: string | null;
}

/** The Maklumat Pelayanan: the office's signed service pledge. */
export interface MaklumatInfo {
  text: string;
  signedBy: string;
  position: string;
  /** "YYYY-MM-DD". */
  adoptedOn: string;
}

export interface OfficeAbout {
  visi: Localized | null;
  misi: Localized[];
  motto: Localized | null;
  facilities: { kind: string; description: Localized }[];
}

export interface ComplaintFormInfo {
  categories: { id: string; label: Localized }[];
  targetWorkingDays: number;
  elsewhere: { name: string; contact: string }[];
}

export interface AgencyInfo {
  id: string;
  name: string;
  shortName: string;
  icon: string;
  color: string;
  /** The agency's own maklumat, when it adopted one. */
  maklumat: MaklumatInfo | null;
}

export interface SopStepInfo {
  id: string;
  actor: string;
  description: string;
  minutes: number;
  icon: string | null;
  /** Counted in the counter's service time and measured against its own target. */
  timed: boolean;
}

/** A service as the kiosk shows it: the six published Standar Pelayanan components. */
export interface ServiceInfo {
  id: string;
  agencyId: string;
  prefix: string;
  name: string;
  nameEn: string;
  description: string;
  icon: string;
  /** Everyday words the kiosk's search finds the service by (kiosk-config `keywords`). */
  keywords: string[];
  /** When tickets are issued: the service's own hours or the office's, as the hub applies them. */
  hours: ServiceHours;
  /** `condition`: when the document is needed at all; shown and printed with it. */
  persyaratan: { text: string; condition: string | null; note: string | null }[];
  prosedur: SopStepInfo[];
  /** Sum of the SOP steps' minutes. */
  prosedurMinutes: number;
  jangkaWaktu: { value: number; unit: string; text: string | null };
  /**
   * `amount` in Rupiah; 0 only when the config states the service is free; null
   * when the fee is stated only in words (e.g. set by regulation): never "free".
   */
  biaya: { amount: number | null; text: string };
  produk: string;
  pengaduan: { name: string; contact: string }[];
  dasarHukum: string[];
  targets: { waitMinutes: number; serviceMinutes: number };
  dailyQuota: number | null;
}

export interface ServiceHours {
  /** Local office time; a weekday without intervals is closed. */
  weekly: WeeklyHours;
  /** Office holidays and the service's own closed dates, "YYYY-MM-DD", in order. */
  closedDates: { date: string; name: string | null }[];
}

export interface ServiceStatus {
  serviceId: string;
  open: boolean;
  waiting: number;
  openCounters: number;
  /** Walk-in places left today: quota less tickets issued and open bookings; null without a quota. */
  quotaLeft: number | null;
  estimate: WaitEstimate;
  /** Closed for the rest of today by a supervisor (then `open` is false): why, in their words. */
  closedToday: { reason: string; at: number } | null;
}

export interface Catalog {
  office: OfficeInfo;
  agencies: AgencyInfo[];
  services: ServiceInfo[];
  /** Only in a kiosk's catalog: how this kiosk behaves. */
  kiosk?: KioskInfo;
  /**
   * Only in a kiosk's catalog: its service ids, most tickets issued in the last
   * 30 days first, the rest in config order (all in config order on a new hub).
   */
  popular?: string[];
  /** Only in the counter app's catalog: the office's counters, for the officer to pick one. */
  counters?: { id: string; name: string; number: number; services: string[] }[];
}

export interface KioskInfo {
  id: string;
  name: string;
  /** Back to the attract screen after this long untouched (office.yaml). */
  inactivityResetSeconds: number;
  /** False for information kiosks without a printer: they show SOPs but issue no numbers. */
  canPrint: boolean;
  /** The screen on its stand and the reach limit (devices.yaml); absent from older hubs: the kiosk assumes the defaults. */
  screen?: KioskScreenInfo;
}

/** Millimetres above the floor: the kiosk turns them into the band of pixels a wheelchair user can reach. */
export interface KioskScreenInfo {
  orientation: "portrait" | "landscape";
  bottomEdgeMm: number;
  visibleHeightMm: number;
  reachLimitMm: number;
  /** "auto": the reach layout while the screen stands portrait; "on"/"off": always/never. */
  reachMode: "auto" | "on" | "off";
}

export interface IssuedTicket {
  ticket: {
    id: string;
    number: string;
    serviceId: string;
    priority: PriorityReason | null;
    issuedAt: number;
    serviceDay: string;
  };
  peopleAhead: number;
  estimate: WaitEstimate;
  /** The ticket's public page (QR code on the printout). */
  statusUrl: string;
  /** True when the hub printed it (printVia "hub"). */
  printed: boolean;
  /** Everything the printed ticket shows; the kiosk passes it to @layan/printer's layoutTicket as is. */
  print: PrintableTicket;
}

/** Same shape as @layan/printer's TicketPrint (the hub checks that at compile time). */
export interface PrintableTicket {
  officeName: string;
  officeAddress?: string;
  agencyName: string;
  serviceName: string;
  ticketNumber: string;
  priority: "lansia" | "disabilitas" | "ibu-hamil-menyusui" | null;
  /** A booked visit's line, "Reservasi 09.30" (absent for walk-ins). */
  reservation?: string;
  issuedAt: number;
  timeZone: string;
  peopleAhead: number;
  waitEstimate: { p50: number; p90: number } | null;
  requirements: { text: string; condition: string | null }[];
  statusUrl: string;
  footer?: string;
}

export interface CallView {
  seq: number;
  at: number;
  number: string;
  serviceId: string;
  counterId: string;
  counterName: string;
  counterNumber: number;
  recalls: number;
  priority: boolean;
}

export interface CounterView {
  id: string;
  name: string;
  number: number;
  status: CounterStatus;
  officerName: string | null;
  current: { number: string; serviceId: string; status: TicketStatus } | null;
}

export interface WaitingCount {
  serviceId: string;
  waiting: number;
  /** Oldest waiting ticket's wait so far, ms; null when nobody waits. */
  longestWaitMs: number | null;
}

export interface QueueChanged {
  seq: number;
  waiting: WaitingCount[];
}

export interface DisplaySnapshot {
  seq: number;
  serverTime: number;
  counters: CounterView[];
  /** Newest first. */
  lastCalls: CallView[];
  waiting: WaitingCount[];
}

export interface KioskSnapshot {
  seq: number;
  serverTime: number;
  statuses: ServiceStatus[];
}

export interface WaitingTicketView {
  ticketId: string;
  number: string;
  serviceId: string;
  priority: PriorityReason | null;
  enqueuedAt: number;
  /** A checked-in booked visit's slot start (epoch ms): the counter marks it "Reservasi 09.30". Absent for walk-ins. */
  slotStart?: number;
}

export interface TicketInHand {
  ticketId: string;
  number: string;
  serviceId: string;
  priority: PriorityReason | null;
  status: TicketStatus;
  issuedAt: number;
  enqueuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  recalls: number;
  stepsDone: { stepId: string; at: number }[];
  /** Earlier services of a transferred ticket. */
  transferredFrom: string[];
}

export interface CounterSnapshot {
  seq: number;
  serverTime: number;
  counter: CounterView;
  current: TicketInHand | null;
  /** Services this counter serves, in its calling order. */
  queues: (WaitingCount & { next: WaitingTicketView[] })[];
  /** No-shows still within the reinstatement window. */
  reinstatable: { ticketId: string; number: string; serviceId: string; noShowAt: number }[];
  recallsBeforeNoShow: number;
}

export interface CompletedTicket {
  number: string;
  outcome: CompletionOutcome;
  waitMs: number | null;
  serviceMs: number | null;
  waitMet: boolean | null;
  serviceMet: boolean | null;
}

/** A stored event as the dashboard sees it (wire name `entity:verb`). */
export interface LogEntry {
  seq: number;
  at: number;
  type: QueueEventType;
  number: string | null;
  serviceId: string | null;
  counterId: string | null;
  detail: Record<string, unknown>;
}

export interface DashboardSnapshot {
  seq: number;
  serverTime: number;
  counters: CounterView[];
  waiting: WaitingCount[];
  statuses: ServiceStatus[];
  servedToday: number;
  recent: LogEntry[];
}

/** Answer to `sync:request`: what was missed, or a fresh snapshot. */
export type Resync<TSnapshot, TPush> =
  | { mode: "snapshot"; seq: number; snapshot: TSnapshot }
  | { mode: "events"; seq: number; events: TPush[] };
