/**
 * What /api/reports/* answers, as JSON: the one definition the store's
 * queries, the hub's routes and the dashboard all use (docs/api.md describes
 * the same shapes for API users).
 *
 * Conventions: times in ms; averages are arithmetic means; percentiles are
 * nearest-rank; "% within target" counts the segments with a verdict (the wait
 * of every segment that was called, the service time of every one served).
 */
import type { SegmentOutcome } from "@layan/core";
import type { MaklumatInfo } from "../views";
import type { ComplaintGroupRow, IkmRow } from "./feedback-results";

export type { SegmentOutcome };

/** A service's verdict in the compliance report (thresholds and labels in labels.ts). */
export type ComplianceStatus = "memenuhi" | "perhatian" | "tidak_memenuhi" | "tanpa_data";

/** What a summary row is grouped by. */
export type GroupBy = "all" | "service" | "agency" | "counter" | "officer" | "day" | "hour" | "weekday";

export interface TimeStats {
  /** Segments with a measured time. */
  n: number;
  avgMs: number | null;
  p50Ms: number | null;
  p90Ms: number | null;
}

export interface Compliance {
  /** Segments with a verdict. */
  judged: number;
  met: number;
  /** 0..100 with one decimal, null when nothing was judged. */
  pct: number | null;
}

export interface SummaryRow {
  /** The group's id (service, agency, counter, officer id, day, hour 0-23, weekday 0=Monday); null for "all" and for segments without one. */
  key: string | null;
  /** Tickets issued for the service(s) in the range; null when the grouping or filter makes it meaningless (counter, officer, hour). */
  issued: number | null;
  segments: number;
  /** Completed: selesai + berkas_tidak_lengkap + dirujuk. */
  served: number;
  outcomes: Record<SegmentOutcome, number>;
  wait: TimeStats;
  service: TimeStats;
  waitMet: Compliance;
  serviceMet: Compliance;
  /** SOP targets copied into the segments; min and max differ only when the SOP changed inside the range. */
  waitTargetMs: { min: number; max: number } | null;
  serviceTargetMs: { min: number; max: number } | null;
}

/** A summary row with the group's name for people ("Loket 3", "Senin"). */
export type NamedSummaryRow = SummaryRow & { name: string };

export interface StepRow {
  serviceId: string;
  stepId: string;
  /** Ticks measured. */
  n: number;
  avgMs: number;
  /** Only with percentiles asked for. */
  p50Ms: number | null;
  p90Ms: number | null;
  targetMs: number | null;
  met: Compliance;
  /** Sum over ticks of the time beyond the step's target: where the time went. */
  overTargetMs: number;
  /** Mean position in which officers ticked it (0 = first). */
  avgOrder: number;
}

/**
 * Per service: of the tickets served (segments completed as selesai, berkas
 * tidak lengkap or dirujuk), how many had SOP steps recorded (at least one
 * tick) and how many none. A ticket without ticks says nothing about its
 * steps: step compliance counts recorded steps only, and the reports say how
 * many tickets that leaves out ("N tiket tanpa langkah SOP tercatat").
 */
export interface StepCoverage {
  serviceId: string;
  served: number;
  withSteps: number;
  withoutSteps: number;
  /** Over the recorded steps only (every tick with a target). */
  met: Compliance;
}

/** A step row as the API answers it: names, the SOP's order, and whether it is the service's bottleneck. */
export type LabelledStep = StepRow & {
  serviceName: string;
  stepName: string;
  order: number;
  bottleneck: boolean;
};

export interface HeatCell {
  /** 0 = Monday ... 6 = Sunday, office-local. */
  weekday: number;
  /** 0..23, office-local. */
  hour: number;
  segments: number;
  waitAvgMs: number | null;
  waitMet: Compliance;
  serviceMet: Compliance;
}

export interface TicketLogStep {
  stepId: string;
  ms: number;
  targetMs: number | null;
  met: boolean | null;
}

export interface TicketLogRow {
  ticketId: string;
  segmentIndex: number;
  ticketNumber: string;
  serviceDay: string;
  serviceId: string;
  priority: string | null;
  counterId: string | null;
  officerId: string | null;
  issuedAt: number;
  enqueuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  endedAt: number;
  outcome: SegmentOutcome;
  cancelReason: string | null;
  waitMs: number | null;
  serviceMs: number | null;
  waitTargetMs: number | null;
  serviceTargetMs: number | null;
  waitMet: boolean | null;
  serviceMet: boolean | null;
  recalls: number;
  steps: TicketLogStep[];
}

/** A log row as the API answers it, with the names of its service, counter, officer and steps. */
export type LabelledTicket = Omit<TicketLogRow, "steps"> & {
  serviceName: string;
  counterName: string;
  officerName: string;
  steps: (TicketLogStep & { name: string })[];
};

export interface TicketPage<Row = TicketLogRow> {
  rows: Row[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface SummaryResponse {
  from: string;
  to: string;
  by: GroupBy;
  rows: NamedSummaryRow[];
}

export interface TrendResponse {
  from: string;
  to: string;
  /** Every day of the range, zeros where nothing happened. */
  days: SummaryRow[];
}

export interface StepsResponse {
  from: string;
  to: string;
  rows: LabelledStep[];
  /** Per service with SOP steps to tick (or ticks recorded), in the rows' service order. */
  coverage: (StepCoverage & { serviceName: string })[];
}

export interface HeatmapResponse {
  from: string;
  to: string;
  cells: HeatCell[];
}

export interface WeakSpot {
  id: string;
  name: string;
  segments: number;
  /** Within target, wait and service verdicts together. */
  pct: number | null;
  waitPct: number | null;
  servicePct: number | null;
}

export interface ComplianceService {
  serviceId: string;
  name: string;
  agencyId: string | null;
  agencyName: string;
  waitTargetMinutes: number | null;
  serviceTargetMinutes: number | null;
  summary: SummaryRow;
  waitStatus: ComplianceStatus;
  serviceStatus: ComplianceStatus;
  status: ComplianceStatus;
  worstHours: (Omit<WeakSpot, "id" | "name"> & { hour: number; label: string })[];
  /** Null for a service whose SOP has no steps to tick and none were recorded. */
  steps: StepCoverage | null;
  bottleneck: {
    stepId: string;
    name: string;
    n: number;
    avgMs: number;
    targetMs: number | null;
    metPct: number | null;
    overTargetMs: number;
  } | null;
  weakCounters: WeakSpot[];
  weakOfficers: WeakSpot[];
  notes: string[];
}

export interface ComplianceReport {
  month: string;
  /** "November 2026". */
  monthLabel: string;
  from: string;
  to: string;
  generatedAt: number;
  office: { name: string; shortName: string; address: string };
  thresholds: { good: number; warn: number };
  overall: SummaryRow;
  services: ComplianceService[];
  /** Services that did not meet a target, worst first. */
  missed: {
    serviceId: string;
    name: string;
    status: ComplianceStatus;
    waitPct: number | null;
    servicePct: number | null;
  }[];
  /** `annex=1`: the internal annex, naming counters and officers; the external version (default) names neither. */
  annex: boolean;
  /** The office's letterhead from config (report.logo as a data: URL, report.letterhead lines). */
  letterhead: { logo: string | null; lines: string[] };
  /** The office's SKM for the month (all services of the report). */
  ikm: IkmRow;
  /** Complaints filed in the month. */
  complaints: ComplaintGroupRow & { targetWorkingDays: number; openPastDue: number };
  /** Waits of priority tickets beside the others: first "reguler", then "prioritas" (all kinds), then each kind. */
  priorityWaits: PriorityWaitRow[];
  maklumat: MaklumatInfo;
  /** "Gedong Tataan, 1 Desember 2026" and who signs. */
  signing: { place: string; dateLabel: string; signatories: { title: string; name: string; nip: string | null }[] };
}

export interface PriorityWaitRow {
  /** "reguler", "prioritas", or a priority kind (lansia, disabilitas, ibu_hamil_menyusui). */
  key: string;
  label: string;
  /** Tickets called in the month (each has a wait). */
  called: number;
  withinTarget: number;
  withinTargetPct: number | null;
  medianMs: number | null;
  /** 9 of 10 citizens waited at most this long. */
  p90Ms: number | null;
}

export interface LiveWaitingTicket {
  number: string;
  serviceId: string;
  priority: string | null;
  enqueuedAt: number;
  waitedMs: number;
  targetMs: number;
  overTarget: boolean;
  /** Came in by transfer or reinstatement (the wait restarted then). */
  requeued: boolean;
}

export interface LiveService {
  serviceId: string;
  waiting: number;
  overTarget: number;
  longestWaitMs: number | null;
  targetMs: number;
  /** Open counters that serve it. */
  openCounters: number;
}

export interface LiveView {
  serverTime: number;
  serviceDay: string;
  services: LiveService[];
  /** Longest wait first. */
  waiting: LiveWaitingTicket[];
  counters: { open: number; idle: number; serving: number; paused: number; closed: number };
}

/** What the dashboard needs to draw its filters and name things. */
export interface ReportMeta {
  office: { name: string; shortName: string; address: string; timezone: string };
  /** The hub's office-local day. */
  today: string;
  dataRange: { from: string; to: string } | null;
  agencies: { id: string; name: string; shortName: string; color: string }[];
  services: {
    id: string;
    agencyId: string;
    prefix: string;
    name: string;
    targets: { waitMinutes: number; serviceMinutes: number };
    steps: { id: string; name: string; description: string; minutes: number }[];
  }[];
  counters: { id: string; name: string; configured: boolean }[];
  officers: { id: string; name: string }[];
  /** The roles that may read reports. */
  roles: readonly string[];
}
