import type { QueueEvent, SurveyAnswers } from "@layan/core";
import { describe, expect, it } from "vitest";
import { rebuildReadModels } from "./rebuild";
import { createReportQueries } from "./reports/queries";
import { openStore } from "./store";

const DAY = "2026-11-18";
const AT = Date.UTC(2026, 10, 18, 2, 0, 0);
const answers: SurveyAnswers = { persyaratan: 3, prosedur: 3, waktu: 2, biaya: 4, produk: 3, kompetensi: 3, perilaku: 4, sarana: 2, pengaduan: 3 };

const issued = (ticketId: string, at: number, sequence = 1): QueueEvent => ({
  type: "ticket.issued", at, ticketId, serviceId: "ktp-el", number: `A-00${sequence}`, sequence, serviceDay: DAY, priority: null, kioskId: null,
});
const survey = (responseId: string, ticketId: string, at: number, given: SurveyAnswers = answers, counterId: string | null = "loket-1"): QueueEvent => ({
  type: "survey.submitted", at, responseId, ticketId, serviceId: "ktp-el", counterId, serviceDay: DAY, channel: "ticket_page", answers: given, suggestion: null,
});
const filed = (complaintId: string, at: number): QueueEvent => ({
  type: "complaint.filed", at, complaintId, code: `PGD-${complaintId.padEnd(8, "0").slice(0, 8)}`, filedDay: DAY, channel: "kiosk", category: "waktu", serviceId: null, text: "Antrean terlalu lama.", targetWorkingDays: 5, dueAt: at + 5 * 86_400_000,
});

describe("the feedback read models", () => {
  it("follow the events, rebuild to the same rows, and keep personal data out of the log", () => {
    const store = openStore(":memory:", { clock: () => AT });
    store.append([{ events: [issued("t1", AT)] }]);
    store.append([{ events: [survey("r1", "t1", AT + 1)], personal: [{ ref: "survey:r1", kind: "survey_profile", data: { sex: "L" } }] }]);
    store.append([{ events: [filed("C1", AT + 2)], personal: [{ ref: "complaint:C1", kind: "complaint_contact", data: { phone: "0812" } }] }]);
    store.append([
      { events: [{ type: "complaint.assigned", at: AT + 3, complaintId: "C1", assignee: "hendra", by: "siti" }] },
      { events: [{ type: "complaint.responded", at: AT + 4, complaintId: "C1", text: "Sudah ditindaklanjuti.", by: "hendra" }] },
      { events: [{ type: "complaint.closed", at: AT + 5, complaintId: "C1", note: null, by: "siti" }] },
    ]);
    const rows = () => ({
      surveys: store.db.prepare("SELECT * FROM survey_responses").all(),
      complaints: store.db.prepare("SELECT * FROM complaints").all(),
      responses: store.db.prepare("SELECT * FROM complaint_responses").all(),
    });
    const before = rows();
    expect(before.complaints).toMatchObject([{ status: "selesai", assignee: "hendra", assigned_at: AT + 3, first_response_at: AT + 4, closed_by: "siti" }]);
    expect(store.surveyResponseFor("t1")).toMatchObject({ response_id: "r1", counter_id: "loket-1" });
    // The log's ticket column stays empty: a late survey must not pull start-up replay back to the ticket's day.
    expect(store.eventsForTicket("t1").map((e) => e.event.type)).toEqual(["ticket.issued"]);
    expect(JSON.stringify(store.eventsAfter(0, 100))).not.toContain("0812");

    rebuildReadModels(store);
    expect(rows()).toEqual(before);
    // Personal data is not a read model: a rebuild leaves it alone.
    expect(store.personalData("complaint:C1")).toEqual({ phone: "0812" });
    store.close();
  });

  it("refuses a second answer for the same ticket and an event about an unknown complaint, writing nothing of either batch", () => {
    const store = openStore(":memory:", { clock: () => AT });
    store.append([{ events: [issued("t1", AT), survey("r1", "t1", AT + 1)] }]);
    const seq = store.lastSeq();
    expect(() =>
      store.append([{ events: [survey("r2", "t1", AT + 2)], personal: [{ ref: "survey:r2", kind: "survey_profile", data: { sex: "P" } }] }]),
    ).toThrow(/UNIQUE/);
    expect(() => store.append([{ events: [{ type: "complaint.closed", at: AT + 3, complaintId: "nope", note: "x", by: "siti" }] }])).toThrow(
      "complaint.closed refers to unknown or closed complaint nope",
    );
    expect(store.lastSeq()).toBe(seq);
    expect(store.personalData("survey:r2")).toBeUndefined();
    store.close();
  });

  it("purges profiles by age and contacts only once their complaint has been closed long enough", () => {
    let now = AT;
    const store = openStore(":memory:", { clock: () => now });
    store.append([{ events: [issued("t1", AT), survey("r1", "t1", AT)], personal: [{ ref: "survey:r1", kind: "survey_profile", data: { sex: "L" } }] }]);
    store.append([{ events: [filed("C1", AT)], personal: [{ ref: "complaint:C1", kind: "complaint_contact", data: { phone: "0812" } }] }]);
    store.append([{ events: [filed("C2", AT)], personal: [{ ref: "complaint:C2", kind: "complaint_contact", data: { phone: "0813" } }] }]);
    store.append([{ events: [{ type: "complaint.closed", at: AT + 10, complaintId: "C1", note: "Duplikat", by: "siti" }] }]);
    now = AT + 100;
    expect(store.purgePersonalData({ surveyProfilesStoredBefore: AT, complaintContactsClosedBefore: AT + 10 })).toEqual({ surveyProfiles: 0, complaintContacts: 0 });
    expect(store.purgePersonalData({ surveyProfilesStoredBefore: AT + 1, complaintContactsClosedBefore: AT + 11 })).toEqual({ surveyProfiles: 1, complaintContacts: 1 });
    // C2 is still open: its contact stays however old it is.
    expect(store.personalData("complaint:C2")).toEqual({ phone: "0813" });
    store.close();
  });

  it("keep the IKM's day sums and profile counts in rollups: refilled from the answers, counts kept after the profiles go", () => {
    const store = openStore(":memory:", { clock: () => AT });
    store.append([{ events: [issued("t1", AT), issued("t2", AT, 2)] }]);
    store.append([{ events: [survey("r1", "t1", AT + 1)], personal: [{ ref: "survey:r1", kind: "survey_profile", data: { sex: "L", ageBand: "30-39" } }] }]);
    store.append([{ events: [survey("r2", "t2", AT + 2, { ...answers, waktu: 4 }, null)] }]);
    const reports = createReportQueries(store.db, { utcOffsetMinutes: 420 });
    const filter = { from: DAY, to: DAY };
    const sums = () => reports.surveySums(filter, "counter");
    const expected = [
      { key: null, respondents: 1, sums: { ...answers, waktu: 4 } },
      { key: "loket-1", respondents: 1, sums: answers },
    ];
    expect(sums()).toEqual(expected);
    expect(reports.profileCounts(filter)).toEqual([
      { field: "ageBand", value: "30-39", count: 1 },
      { field: "sex", value: "L", count: 1 },
    ]);

    // A rollup that lost its rows (a rebuild, an old database) is refilled from the answers at the next check.
    store.db.exec("DELETE FROM report_survey_days");
    expect(sums()).toEqual([]);
    expect(reports.verifyRollups()).toMatchObject({ rebuilt: true, mismatches: ["report_survey_days"] });
    expect(sums()).toEqual(expected);
    rebuildReadModels(store);
    expect(reports.verifyRollups()).toMatchObject({ rebuilt: false });
    expect(sums()).toEqual(expected);

    // The profile is deleted after its retention period; the anonymous counts stay.
    expect(store.purgePersonalData({ surveyProfilesStoredBefore: AT + 10, complaintContactsClosedBefore: 0 })).toEqual({ surveyProfiles: 1, complaintContacts: 0 });
    expect(reports.profileCounts(filter)).toHaveLength(2);
    store.close();
  });
});
