import { addDays } from "./time";
import { COMPLETION_OUTCOMES, type SegmentOutcome, type TicketStatus } from "./ticket";

/**
 * The rules of citizens' feedback, pure: who may answer the SKM survey, and
 * what may happen to a complaint. The hub brings the facts (the ticket as
 * stored, whether it was answered) and records what these allow.
 */

/** A survey is answered about a service just had: a week later, the answer says little about it. */
export const SURVEY_WINDOW_DAYS = 7;

export interface SurveyTicketFacts {
  status: TicketStatus;
  outcome: SegmentOutcome | null;
  serviceDay: string;
}

export type SurveyRefusal =
  | "TICKET_UNKNOWN"
  | "SURVEY_DISABLED"
  | "SURVEY_NOT_SERVED"
  | "SURVEY_ALREADY_ANSWERED"
  | "SURVEY_WINDOW_PASSED";

/**
 * Why this ticket may not answer now, or null when it may: the office runs
 * the survey, the ticket was served (not cancelled, not a no-show, not still
 * waiting), it has not answered yet, and its day is at most
 * SURVEY_WINDOW_DAYS ago.
 */
export function surveyRefusal(
  ticket: SurveyTicketFacts | undefined,
  facts: { enabled: boolean; answered: boolean; today: string },
): SurveyRefusal | null {
  if (!facts.enabled) return "SURVEY_DISABLED";
  if (!ticket) return "TICKET_UNKNOWN";
  if (facts.answered) return "SURVEY_ALREADY_ANSWERED";
  const served = ticket.status === "done" && (COMPLETION_OUTCOMES as readonly (string | null)[]).includes(ticket.outcome);
  if (!served) return "SURVEY_NOT_SERVED";
  if (ticket.serviceDay < addDays(facts.today, -SURVEY_WINDOW_DAYS)) return "SURVEY_WINDOW_PASSED";
  return null;
}

export type ComplaintStatus = "baru" | "diproses" | "dijawab" | "selesai";
export type ComplaintAction = "assign" | "respond" | "close";

/**
 * A closed complaint stays as it was closed; closing needs an answer to the
 * citizen or a note saying why there is none (a duplicate, no substance).
 */
export function complaintRefusal(
  action: ComplaintAction,
  complaint: { status: ComplaintStatus; answered: boolean },
  closeNote: string | null = null,
): "COMPLAINT_CLOSED" | "COMPLAINT_NOT_ANSWERED" | null {
  if (complaint.status === "selesai") return "COMPLAINT_CLOSED";
  if (action === "close" && !complaint.answered && closeNote === null) return "COMPLAINT_NOT_ANSWERED";
  return null;
}
