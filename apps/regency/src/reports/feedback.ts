/**
 * SKM answers and complaints' life cycle, kept from the feedback events at
 * ingest (same transaction). Each is keyed by its response or complaint id,
 * so a retry or a restored stream re-telling one replaces it, never adds it.
 */
import type { FeedbackEvent } from "@layan/core";
import { SURVEY_UNSUR } from "@layan/core";
import type { PoolClient } from "../db/pool";

export async function projectFeedback(q: PoolClient, officeId: string, events: readonly { type: string }[]): Promise<void> {
  for (const raw of events) {
    if (!raw.type.startsWith("survey.") && !raw.type.startsWith("complaint.")) continue;
    const e = raw as FeedbackEvent;
    switch (e.type) {
      case "survey.submitted":
        await q.query(
          `INSERT INTO regency_surveys (office_id, response_id, service_day, service_id, ${SURVEY_UNSUR.join(", ")})
           VALUES ($1, $2, $3, $4, ${SURVEY_UNSUR.map((_, i) => `$${i + 5}`).join(", ")})
           ON CONFLICT (office_id, response_id) DO UPDATE SET service_day = excluded.service_day, service_id = excluded.service_id,
             ${SURVEY_UNSUR.map((u) => `${u} = excluded.${u}`).join(", ")}`,
          [officeId, e.responseId, e.serviceDay, e.serviceId, ...SURVEY_UNSUR.map((u) => e.answers[u])],
        );
        break;
      case "complaint.filed":
        await q.query(
          `INSERT INTO regency_complaints (office_id, complaint_id, filed_day, service_id, category, filed_at_ms, due_at_ms)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (office_id, complaint_id) DO UPDATE SET filed_day = excluded.filed_day, service_id = excluded.service_id,
             category = excluded.category, filed_at_ms = excluded.filed_at_ms, due_at_ms = excluded.due_at_ms`,
          [officeId, e.complaintId, e.filedDay, e.serviceId, e.category, e.at, e.dueAt],
        );
        break;
      case "complaint.responded":
        // The first response is what the due time is judged by.
        await q.query(
          "UPDATE regency_complaints SET first_response_ms = least(first_response_ms, $3) WHERE office_id = $1 AND complaint_id = $2",
          [officeId, e.complaintId, e.at],
        );
        break;
      case "complaint.closed":
        await q.query("UPDATE regency_complaints SET closed_at_ms = $3 WHERE office_id = $1 AND complaint_id = $2", [officeId, e.complaintId, e.at]);
        break;
      default:
        break;
    }
  }
}
