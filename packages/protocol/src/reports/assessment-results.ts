/**
 * What GET /api/reports/assessment answers: the self-assessment in the
 * Ombudsman RI's terms (Penilaian Kepatuhan), one line per indicator the
 * assessors check, the evidence Layan holds for it, and the office's own
 * estimate of its zone (the scoring is @layan/core's assessment.ts).
 */
import type { AssessmentStatus, AssessmentZone } from "@layan/core";

export interface AssessmentLine {
  /** Stable id of the indicator: "komponen", "maklumat", "skm", … */
  key: string;
  /** The indicator in Indonesian, as an assessor names it. */
  label: string;
  status: AssessmentStatus;
  /** A plain Indonesian sentence with the numbers behind the status. */
  evidence: string;
  /** Its weight in the estimate (lines "di_luar_layan" are listed with theirs but not scored). */
  weight: number;
}

export interface AssessmentReport {
  year: number;
  /** The range read: 1 January up to today for this year, the whole year for a past one. */
  from: string;
  to: string;
  /** Set when the report is narrowed to one agency's services. */
  agency: { id: string; name: string } | null;
  office: { name: string; shortName: string; address: string };
  letterhead: { logo: string | null; lines: string[] };
  lines: AssessmentLine[];
  estimate: {
    /** 0–100, two decimals. */
    score: number;
    zone: AssessmentZone;
    zoneLabel: string;
    metWeight: number;
    countedWeight: number;
    outsideLines: number;
    /** How the score was reached, in Indonesian, and that it is the office's own estimate. */
    explanation: string;
  };
  /** Place, date and who signs, as in the monthly report. */
  signing: { place: string; dateLabel: string; signatories: { title: string; name: string; nip: string | null }[] };
  generatedAt: number;
}
