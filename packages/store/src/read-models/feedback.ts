import type { FeedbackEvent } from "@layan/core";
import type Database from "better-sqlite3";

/** survey_responses, complaints and complaint_responses, kept from the feedback events (migration 0008). */
export function createFeedbackWriter(db: Database.Database): (seq: number, event: FeedbackEvent) => void {
  const s = {
    survey: db.prepare(
      `INSERT INTO survey_responses (response_id, ticket_id, seq, at, service_day, service_id, counter_id, channel,
         persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, sarana, pengaduan, suggestion)
       VALUES (@response_id, @ticket_id, @seq, @at, @service_day, @service_id, @counter_id, @channel,
         @persyaratan, @prosedur, @waktu, @biaya, @produk, @kompetensi, @perilaku, @sarana, @pengaduan, @suggestion)`,
    ),
    filed: db.prepare(
      `INSERT INTO complaints (complaint_id, code, filed_seq, filed_at, filed_day, channel, category, service_id, text,
         target_working_days, due_at, status, updated_seq)
       VALUES (@complaint_id, @code, @seq, @at, @filed_day, @channel, @category, @service_id, @text,
         @target_working_days, @due_at, 'baru', @seq)`,
    ),
    // Assigning again (to someone else) keeps a complaint that was answered "dijawab".
    assigned: db.prepare(
      `UPDATE complaints SET assignee = @assignee, assigned_at = coalesce(assigned_at, @at),
         status = CASE status WHEN 'baru' THEN 'diproses' ELSE status END, updated_seq = @seq
       WHERE complaint_id = @complaint_id AND status <> 'selesai'`,
    ),
    responded: db.prepare(
      `UPDATE complaints SET first_response_at = coalesce(first_response_at, @at), status = 'dijawab', updated_seq = @seq
       WHERE complaint_id = @complaint_id AND status <> 'selesai'`,
    ),
    response: db.prepare(
      "INSERT INTO complaint_responses (complaint_id, seq, at, by_user, text) VALUES (@complaint_id, @seq, @at, @by, @text)",
    ),
    closed: db.prepare(
      `UPDATE complaints SET status = 'selesai', closed_at = @at, closed_by = @by, close_note = @note, updated_seq = @seq
       WHERE complaint_id = @complaint_id AND status <> 'selesai'`,
    ),
  };

  const one = (result: Database.RunResult, event: FeedbackEvent & { complaintId: string }): void => {
    // As for tickets: an event about a complaint the log never filed (or closed) is corruption, not something to skip.
    if (result.changes !== 1) throw new Error(`${event.type} refers to unknown or closed complaint ${event.complaintId}`);
  };

  return (seq, event) => {
    switch (event.type) {
      case "survey.submitted":
        s.survey.run({
          response_id: event.responseId,
          ticket_id: event.ticketId,
          seq,
          at: event.at,
          service_day: event.serviceDay,
          service_id: event.serviceId,
          counter_id: event.counterId,
          channel: event.channel,
          ...event.answers,
          suggestion: event.suggestion,
        });
        return;
      case "complaint.filed":
        s.filed.run({
          complaint_id: event.complaintId,
          code: event.code,
          seq,
          at: event.at,
          filed_day: event.filedDay,
          channel: event.channel,
          category: event.category,
          service_id: event.serviceId,
          text: event.text,
          target_working_days: event.targetWorkingDays,
          due_at: event.dueAt,
        });
        return;
      case "complaint.assigned":
        one(s.assigned.run({ complaint_id: event.complaintId, assignee: event.assignee, at: event.at, seq }), event);
        return;
      case "complaint.responded":
        one(s.responded.run({ complaint_id: event.complaintId, at: event.at, seq }), event);
        s.response.run({ complaint_id: event.complaintId, seq, at: event.at, by: event.by, text: event.text });
        return;
      case "complaint.closed":
        one(s.closed.run({ complaint_id: event.complaintId, at: event.at, by: event.by, note: event.note, seq }), event);
        return;
    }
  };
}
