/**
 * The rules of one office as the queue core sees them. packages/config turns the
 * YAML kiosk-config into this shape; nothing here knows about files or YAML.
 */

export type ServiceId = string;
export type CounterId = string;
export type AgencyId = string;

/** "HH:MM" in office-local time, 24-hour clock. */
export type LocalTime = string;

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

export const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** One opening interval, [open, close) in office-local time. */
export interface OpeningInterval {
  open: LocalTime;
  close: LocalTime;
}

/** Opening hours per weekday; a missing or empty day is closed. */
export type WeeklyHours = Partial<Record<Weekday, OpeningInterval[]>>;

export interface StepTarget {
  /** Stable id of the SOP step, used to match ticked steps to targets. */
  id: string;
  minutes: number;
}

export interface SopTargets {
  /** Longest acceptable wait from issue to first call. */
  waitMinutes: number;
  /** Longest acceptable service time from start of service to completion. */
  serviceMinutes: number;
  /** Optional per-step targets, in SOP order. */
  steps: StepTarget[];
}

export interface ServiceRules {
  id: ServiceId;
  agencyId: AgencyId;
  /** Ticket prefix, 1-2 capital letters, unique in the office: "A" gives "A-001". */
  prefix: string;
  name: string;
  hours: WeeklyHours;
  /** Office-local dates ("YYYY-MM-DD") the service is closed (public holidays, cuti bersama). */
  closedDates: string[];
  /** Most tickets issued per service day; null means no quota. */
  dailyQuota: number | null;
  targets: SopTargets;
  /** How citizens book a visit ahead (docs/booking.md); null: the service cannot be booked. */
  booking: ServiceBookingRules | null;
}

/** A service's booked visits (service YAML `booking`, docs/booking.md decisions 4, 5, 8). */
export interface ServiceBookingRules {
  /** Length of a slot; slots start at each opening interval's start, every `slotMinutes`. */
  slotMinutes: number;
  /** Places per slot. */
  capacity: number;
  /** The last bookable service day is today + daysAhead. */
  daysAhead: number;
  /** A slot today can be booked only when it starts at least this far ahead. */
  minLeadMinutes: number;
  /** Check-in opens this long before the slot starts ... */
  earlyMinutes: number;
  /** ... and closes this long after; then the booking expires (no-show). */
  lateMinutes: number;
  /** Share of the daily quota bookings may take, in (0, 1]; walk-ins keep the rest. */
  maxShareOfQuota: number;
}

export interface CounterRules {
  id: CounterId;
  /** Shown and spoken: "Loket 3". */
  name: string;
  /** Spoken number ("silakan menuju loket tiga"). */
  number: number;
  /** Services this counter serves, in the order it prefers them when calling. */
  services: ServiceId[];
}

export interface PriorityPolicy {
  /** Serve this many priority tickets ... */
  priorityTurns: number;
  /** ... then this many regular tickets, when both lanes wait. */
  regularTurns: number;
  /**
   * Ageing bound: a regular ticket waiting longer than this is called before any
   * priority ticket, so the regular lane never starves.
   */
  maxRegularWaitMinutes: number;
}

export interface NoShowPolicy {
  /** A called ticket may be recalled this many times before it can be marked no-show. */
  recallsBeforeNoShow: number;
  /** A no-show ticket can be reinstated (back to the head of its lane) within this window. */
  reinstateWithinMinutes: number;
}

export interface EstimatePolicy {
  /** How many recent service times of a service feed its estimate. */
  sampleSize: number;
  /** Samples older than this are ignored. */
  maxAgeMinutes: number;
}

export interface OfficeRules {
  /** IANA timezone that defines the service day, e.g. "Asia/Jakarta". */
  timezone: string;
  services: ServiceRules[];
  counters: CounterRules[];
  priority: PriorityPolicy;
  noShow: NoShowPolicy;
  estimate: EstimatePolicy;
  booking: BookingPolicy;
}

/** The office's booked visits (office.yaml `booking`); the calo limits are the hub's, not the queue's. */
export interface BookingPolicy {
  enabled: boolean;
  /** An unconfirmed hold keeps its place this long. */
  holdMinutes: number;
  /** A counter calls at most this many booked tickets in a row while walk-ins wait. */
  bookedInARow: number;
}

export const DEFAULT_PRIORITY_POLICY: PriorityPolicy = {
  priorityTurns: 2,
  regularTurns: 1,
  maxRegularWaitMinutes: 45,
};

export const DEFAULT_NO_SHOW_POLICY: NoShowPolicy = {
  recallsBeforeNoShow: 2,
  reinstateWithinMinutes: 30,
};

export const DEFAULT_ESTIMATE_POLICY: EstimatePolicy = {
  sampleSize: 30,
  maxAgeMinutes: 8 * 60,
};

export const DEFAULT_BOOKING_POLICY: BookingPolicy = {
  enabled: false,
  holdMinutes: 10,
  bookedInARow: 2,
};

export const DEFAULT_SERVICE_BOOKING: ServiceBookingRules = {
  slotMinutes: 30,
  capacity: 4,
  daysAhead: 14,
  minLeadMinutes: 60,
  earlyMinutes: 30,
  lateMinutes: 15,
  maxShareOfQuota: 0.5,
};
