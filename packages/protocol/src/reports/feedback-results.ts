/**
 * What the feedback reports answer (GET /api/reports/ikm and /complaints):
 * the Indeks Kepuasan Masyarakat of PermenPANRB 14/2017 and complaint
 * handling. IKM arithmetic is @layan/core's (survey.ts); these are its shapes.
 */
import type { ComplaintStatus } from "../feedback/complaints";
import type { ProfileField, SurveyUnsurKey } from "../feedback/survey";

export type SurveyMutu = "A" | "B" | "C" | "D";

/** How the IKM report is grouped. */
export type IkmGroupBy = "all" | "service" | "agency" | "counter" | "month";

export interface IkmUnsurValue {
  unsur: SurveyUnsurKey;
  respondents: number;
  /** Nilai rata-rata per unsur (1–4), unrounded; null without respondents. */
  nrr: number | null;
  /** NRR × 1/9. */
  weighted: number | null;
  mutu: SurveyMutu | null;
}

export interface IkmRow {
  /** Service, agency or counter id, or "YYYY-MM"; null for the whole office. */
  key: string | null;
  name: string;
  respondents: number;
  /** Citizens served in the same cut and range: the survey's population. */
  served: number;
  /** Krejcie–Morgan minimum sample for `served`. */
  minimumSample: number;
  sampleMet: boolean;
  unsur: IkmUnsurValue[];
  /** 25–100, two decimals; null without respondents. */
  ikm: number | null;
  mutu: SurveyMutu | null;
  /** "Sangat Baik", "Baik", "Kurang Baik", "Tidak Baik". */
  mutuLabel: string | null;
  /** The lowest unsur (all when tied): what to improve first. */
  lowest: SurveyUnsurKey[];
}

export interface IkmReport {
  from: string;
  to: string;
  by: IkmGroupBy;
  total: IkmRow;
  rows: IkmRow[];
  /** Respondent profile counts per field value; the counts stay when the profiles themselves are deleted after the retention period. */
  profile: { field: ProfileField; counts: { value: string; label: string; count: number }[] }[];
  /** The latest suggestions, newest first (at most 50), with the service they are about. */
  suggestions: { at: number; serviceName: string; text: string }[];
}

export interface ComplaintGroupRow {
  key: string;
  name: string;
  filed: number;
  answered: number;
  /** Answered by the due time. */
  withinTarget: number;
  /** 0..100, one decimal; null when nothing was answered or came due. */
  withinTargetPct: number | null;
  medianResponseWorkingDays: number | null;
}

export interface ComplaintsReport {
  from: string;
  to: string;
  targetWorkingDays: number;
  /** Totals over complaints filed in the range. */
  total: ComplaintGroupRow;
  byStatus: Record<ComplaintStatus, number>;
  /** Open and past their due time now. */
  openPastDue: number;
  byCategory: ComplaintGroupRow[];
  byService: ComplaintGroupRow[];
  byMonth: ComplaintGroupRow[];
}
