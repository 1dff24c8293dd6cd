import type Database from "better-sqlite3";

/**
 * Reads of the feedback read models (migration 0008) and of personal_data,
 * the one table of citizens' personal data, which the hub purges itself.
 */

export type PersonalDataKind = "survey_profile" | "complaint_contact" | "booking_contact";

export interface PersonalDataEntry {
  /** "survey:<responseId>", "complaint:<complaintId>" or "booking:<bookingId>". */
  ref: string;
  kind: PersonalDataKind;
  data: unknown;
}

export interface SurveyResponseRow {
  response_id: string;
  ticket_id: string;
  seq: number;
  at: number;
  service_day: string;
  service_id: string;
  counter_id: string | null;
  channel: string;
  suggestion: string | null;
}

export interface ComplaintRow {
  complaint_id: string;
  code: string;
  filed_seq: number;
  filed_at: number;
  filed_day: string;
  channel: string;
  category: string;
  service_id: string | null;
  text: string;
  target_working_days: number;
  due_at: number;
  status: "baru" | "diproses" | "dijawab" | "selesai";
  assignee: string | null;
  assigned_at: number | null;
  first_response_at: number | null;
  closed_at: number | null;
  closed_by: string | null;
  close_note: string | null;
  updated_seq: number;
}

export interface ComplaintResponseRow {
  complaint_id: string;
  seq: number;
  at: number;
  by_user: string;
  text: string;
}

export interface ComplaintListQuery {
  status?: readonly ComplaintRow["status"][] | null;
  /** Newest first; the cursor is the last row's filed_seq. */
  beforeSeq?: number | null;
  limit: number;
}

export interface PurgeRule {
  /** Survey profiles stored before this time go. */
  surveyProfilesStoredBefore: number;
  /** Contacts of complaints closed before this time go. */
  complaintContactsClosedBefore: number;
}

export interface FeedbackQueries {
  surveyResponseFor(ticketId: string): SurveyResponseRow | undefined;
  complaintByCode(code: string): ComplaintRow | undefined;
  complaintById(id: string): ComplaintRow | undefined;
  complaintResponses(id: string): ComplaintResponseRow[];
  listComplaints(q: ComplaintListQuery): ComplaintRow[];
  complaintCounts(): Record<ComplaintRow["status"], number>;
  personalData(ref: string): unknown;
  /** Deletes what the retention rule says is due; returns how many of each went. */
  purgePersonalData(rule: PurgeRule): { surveyProfiles: number; complaintContacts: number };
}

export function createFeedbackQueries(db: Database.Database): FeedbackQueries {
  const s = {
    survey: db.prepare<[string], SurveyResponseRow>("SELECT * FROM survey_responses WHERE ticket_id = ?"),
    byCode: db.prepare<[string], ComplaintRow>("SELECT * FROM complaints WHERE code = ?"),
    byId: db.prepare<[string], ComplaintRow>("SELECT * FROM complaints WHERE complaint_id = ?"),
    responses: db.prepare<[string], ComplaintResponseRow>(
      "SELECT * FROM complaint_responses WHERE complaint_id = ? ORDER BY seq",
    ),
    counts: db.prepare<[], { status: ComplaintRow["status"]; n: number }>(
      "SELECT status, count(*) AS n FROM complaints GROUP BY status",
    ),
    personal: db.prepare<[string], { data: string }>("SELECT data FROM personal_data WHERE ref = ?"),
    purgeProfiles: db.prepare<[number]>("DELETE FROM personal_data WHERE kind = 'survey_profile' AND stored_at < ?"),
    purgeContacts: db.prepare<[number]>(
      `DELETE FROM personal_data WHERE kind = 'complaint_contact' AND ref IN (
         SELECT 'complaint:' || complaint_id FROM complaints WHERE status = 'selesai' AND closed_at < ?)`,
    ),
  };
  return {
    surveyResponseFor: (ticketId) => s.survey.get(ticketId),
    complaintByCode: (code) => s.byCode.get(code),
    complaintById: (id) => s.byId.get(id),
    complaintResponses: (id) => s.responses.all(id),
    listComplaints: ({ status, beforeSeq, limit }) => {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (status && status.length > 0) {
        where.push(`status IN (${status.map(() => "?").join(", ")})`);
        params.push(...status);
      }
      if (beforeSeq !== null && beforeSeq !== undefined) {
        where.push("filed_seq < ?");
        params.push(beforeSeq);
      }
      const sql = `SELECT * FROM complaints ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY filed_seq DESC LIMIT ?`;
      return db.prepare<(string | number)[], ComplaintRow>(sql).all(...params, limit);
    },
    complaintCounts: () => {
      const out = { baru: 0, diproses: 0, dijawab: 0, selesai: 0 };
      for (const r of s.counts.all()) out[r.status] = r.n;
      return out;
    },
    personalData: (ref) => {
      const row = s.personal.get(ref);
      return row === undefined ? undefined : (JSON.parse(row.data) as unknown);
    },
    purgePersonalData: (rule) =>
      db.transaction(() => ({
        surveyProfiles: s.purgeProfiles.run(rule.surveyProfilesStoredBefore).changes,
        complaintContacts: s.purgeContacts.run(rule.complaintContactsClosedBefore).changes,
      }))(),
  };
}
