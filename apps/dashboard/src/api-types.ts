/**
 * The JSON of /api/reports/* as the dashboard reads it. The hub builds these
 * in apps/hub/src/reports from @layan/store's report types; docs/api.md is the
 * contract both follow (an app does not import another app).
 */

export interface Compliance {
  judged: number;
  met: number;
  /** 0..100, one decimal; null when nothing was judged. */
  pct: number | null;
}

export interface TimeStats {
  n: number;
  avgMs: number | null;
  p50Ms: number | null;
  p90Ms: number | null;
}

export type Outcome =
  "selesai" | "berkas_tidak_lengkap" | "dirujuk" | "transferred" | "no_show" | "cancelled";

export interface SummaryRow {
  key: string | null;
  name: string;
  issued: number | null;
  segments: number;
  served: number;
  outcomes: Record<Outcome, number>;
  wait: TimeStats;
  service: TimeStats;
  waitMet: Compliance;
  serviceMet: Compliance;
  waitTargetMs: { min: number; max: number } | null;
  serviceTargetMs: { min: number; max: number } | null;
}

export type GroupBy = "all" | "service" | "agency" | "counter" | "officer" | "day" | "hour" | "weekday";

export interface SummaryResponse {
  from: string;
  to: string;
  by: GroupBy;
  rows: SummaryRow[];
}

export interface TrendResponse {
  from: string;
  to: string;
  days: Omit<SummaryRow, "name">[];
}

export interface StepRow {
  serviceId: string;
  serviceName: string;
  stepId: string;
  stepName: string;
  order: number;
  n: number;
  avgMs: number;
  p50Ms: number | null;
  p90Ms: number | null;
  targetMs: number | null;
  met: Compliance;
  overTargetMs: number;
  bottleneck: boolean;
}

export interface HeatCell {
  weekday: number;
  hour: number;
  segments: number;
  waitAvgMs: number | null;
  waitMet: Compliance;
  serviceMet: Compliance;
}

export interface TicketRow {
  ticketId: string;
  segmentIndex: number;
  ticketNumber: string;
  serviceDay: string;
  serviceId: string;
  serviceName: string;
  priority: string | null;
  counterId: string | null;
  counterName: string;
  officerId: string | null;
  officerName: string;
  issuedAt: number;
  enqueuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  endedAt: number;
  outcome: Outcome;
  cancelReason: string | null;
  waitMs: number | null;
  serviceMs: number | null;
  waitTargetMs: number | null;
  serviceTargetMs: number | null;
  waitMet: boolean | null;
  serviceMet: boolean | null;
  recalls: number;
  steps: { stepId: string; name: string; ms: number; targetMs: number | null; met: boolean | null }[];
}

export interface TicketPage {
  rows: TicketRow[];
  nextCursor: string | null;
}

export type ComplianceStatus = "memenuhi" | "perhatian" | "tidak_memenuhi" | "tanpa_data";

export interface WeakSpot {
  id: string;
  name: string;
  segments: number;
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
  summary: Omit<SummaryRow, "name">;
  waitStatus: ComplianceStatus;
  serviceStatus: ComplianceStatus;
  status: ComplianceStatus;
  worstHours: {
    hour: number;
    label: string;
    segments: number;
    pct: number | null;
    waitPct: number | null;
    servicePct: number | null;
  }[];
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
  monthLabel: string;
  from: string;
  to: string;
  generatedAt: number;
  office: { name: string; shortName: string; address: string };
  thresholds: { good: number; warn: number };
  overall: Omit<SummaryRow, "name">;
  services: ComplianceService[];
  missed: {
    serviceId: string;
    name: string;
    status: ComplianceStatus;
    waitPct: number | null;
    servicePct: number | null;
  }[];
}

export interface Meta {
  office: { name: string; shortName: string; address: string; timezone: string };
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
}

export interface LiveView {
  serverTime: number;
  serviceDay: string;
  services: {
    serviceId: string;
    waiting: number;
    overTarget: number;
    longestWaitMs: number | null;
    targetMs: number;
    openCounters: number;
  }[];
  waiting: {
    number: string;
    serviceId: string;
    priority: string | null;
    enqueuedAt: number;
    waitedMs: number;
    targetMs: number;
    overTarget: boolean;
    requeued: boolean;
  }[];
  counters: { open: number; idle: number; serving: number; paused: number; closed: number };
}
