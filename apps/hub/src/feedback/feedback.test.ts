import { complaintDueAt, ikmOf, SURVEY_UNSUR, tallySurvey, type SurveyAnswers } from "@layan/core";
import { COMPLAINT_CODE, type ComplaintReceipt, type PublicComplaint, type StaffComplaint } from "@layan/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { ktpTicket, login, rid, startHub, type TestHubHandle } from "../testing/harness";
import { purgePersonalData } from "./retention";

let h: TestHubHandle | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

type Json = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

async function call(method: string, url: string, body?: unknown, token?: string): Promise<{ status: number; body: Json }> {
  const res = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

const answers = (score: 1 | 2 | 3 | 4, overrides: Partial<SurveyAnswers> = {}): SurveyAnswers => ({
  ...(Object.fromEntries(SURVEY_UNSUR.map((u) => [u, score])) as SurveyAnswers),
  ...overrides,
});

const ticket = ktpTicket;

describe("the SKM survey over HTTP", () => {
  it("takes one answer per served ticket, refuses the rest, and the IKM report counts it", async () => {
    h = await startHub({ reports: true });
    const waiting = await ticket(h, false);
    const served = await ticket(h, true);
    const survey = (id: string) => `${h!.url}/api/public/tickets/${id}/survey`;

    expect((await call("GET", survey(waiting))).body.data).toMatchObject({ open: false, reason: "SURVEY_NOT_SERVED" });
    const early = await call("POST", survey(waiting), { requestId: rid(), answers: answers(4) });
    expect([early.status, early.body.error?.code]).toEqual([409, "SURVEY_NOT_SERVED"]);
    expect(early.body.error?.message).toBe("Survei hanya dapat diisi setelah Anda selesai dilayani.");

    expect((await call("GET", survey(served))).body.data).toMatchObject({ open: true, reason: null, number: "A-002" });
    const given = answers(3, { waktu: 2, pengaduan: 4 });
    const body = { requestId: rid(), answers: given, suggestion: "Kursi tunggu ditambah", profile: { sex: "P", ageBand: "30-39" } };
    const first = await call("POST", survey(served), body);
    expect(first.status).toBe(200);
    // A retry of the same request (a lost answer on a phone) gets the same receipt, not a refusal.
    expect((await call("POST", survey(served), body)).body).toEqual(first.body);
    const again = await call("POST", survey(served), { requestId: rid(), answers: answers(1) });
    expect([again.status, again.body.error?.code]).toEqual([409, "SURVEY_ALREADY_ANSWERED"]);
    expect((await call("GET", survey(served))).body.data).toMatchObject({ open: false, reason: "SURVEY_ALREADY_ANSWERED" });

    const manager = await login(h.url, h.users.manager);
    const report = await call("GET", `${h.url}/api/reports/ikm?by=service&from=2026-11-01&to=2026-11-30`, undefined, manager);
    const expected = ikmOf(tallySurvey([given]));
    expect(report.body.data).toMatchObject({
      total: { respondents: 1, served: 1, minimumSample: 1, sampleMet: true, ikm: expected.ikm, mutu: expected.mutu, lowest: ["waktu"] },
      suggestions: [{ text: "Kursi tunggu ditambah" }],
    });
    // 3×7 + 2 + 4 = 27 over 9 unsur: (27 / 9) × 25 = 75.00, mutu C.
    expect(expected.ikm).toBe(75);

    // The profile is kept apart from the log, which never names the citizen.
    const log = h.store.db.prepare<[], { payload: string }>("SELECT payload FROM event_log WHERE type = 'survey.submitted'").all();
    expect(log).toHaveLength(1);
    expect(log[0]!.payload).not.toContain("30-39");
    expect(h.store.db.prepare("SELECT count(*) AS n FROM personal_data WHERE kind = 'survey_profile'").get()).toEqual({ n: 1 });
  });

  it("refuses bad answers with the field named, and an unknown ticket with 404", async () => {
    h = await startHub();
    const served = await ticket(h, true);
    const url = `${h.url}/api/public/tickets/${served}/survey`;
    for (const bad of [
      { requestId: rid(), answers: { ...answers(3), waktu: 5 } },
      { requestId: rid(), answers: { persyaratan: 3 } },
      { requestId: rid(), answers: { ...answers(3), lainnya: 2 } },
      { requestId: rid(), answers: answers(3), profile: { sex: "X" } },
    ]) {
      const res = await call("POST", url, bad);
      expect([res.status, res.body.error?.code]).toEqual([400, "INVALID_PAYLOAD"]);
    }
    const text = await fetch(url, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    expect(text.status).toBe(415);
    expect((await call("POST", `${h.url}/api/public/tickets/AAAAAAAAAAAAAAAA/survey`, { requestId: rid(), answers: answers(3) })).status).toBe(404);
    expect(h.store.db.prepare("SELECT count(*) AS n FROM survey_responses").get()).toEqual({ n: 0 });
  });

  it("lets only one of two answers sent at the same moment through", async () => {
    h = await startHub();
    const served = await ticket(h, true);
    const url = `${h.url}/api/public/tickets/${served}/survey`;
    const both = await Promise.all([
      call("POST", url, { requestId: rid(), answers: answers(4) }),
      call("POST", url, { requestId: rid(), answers: answers(1) }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(h.store.db.prepare("SELECT count(*) AS n FROM survey_responses").get()).toEqual({ n: 1 });
  });

  it("closes a ticket's survey a week after its service day", async () => {
    h = await startHub();
    const served = await ticket(h, true);
    h.clock.advance(8 * 24 * 60 * 60_000);
    const res = await call("POST", `${h.url}/api/public/tickets/${served}/survey`, { requestId: rid(), answers: answers(4) });
    expect([res.status, res.body.error?.code]).toEqual([409, "SURVEY_WINDOW_PASSED"]);
  });
});

describe("complaints over HTTP", () => {
  it("files, follows by code, and is handled by staff with the answer time against the deadline", async () => {
    h = await startHub();
    const filing = {
      requestId: rid(),
      category: "waktu",
      serviceId: "ktp-el",
      text: "Antrean KTP-el lama sekali, loket 2 kosong sejak pukul 10.",
      contact: { name: "Budi", phone: "0812-3456-7890" },
      consent: true,
    };
    const filed = await call("POST", `${h.url}/api/public/complaints`, filing);
    expect(filed.status).toBe(200);
    const receipt = filed.body.data as ComplaintReceipt;
    expect(receipt.code).toMatch(COMPLAINT_CODE);
    expect(receipt.dueAt).toBe(complaintDueAt(receipt.filedAt, 5, h.setup.feedback.calendar));
    expect(receipt.elsewhere.map((c) => c.name)).toContain("SP4N-LAPOR!");

    const status = async () => (await call("GET", `${h!.url}/api/public/complaints/${receipt.code.toLowerCase()}`)).body.data as PublicComplaint;
    expect(await status()).toMatchObject({ status: "baru", category: { id: "waktu" }, responses: [] });
    // The contact is for staff only.
    expect(JSON.stringify(await status())).not.toContain("0812");

    const officer = await login(h.url, h.users.officer);
    expect((await call("GET", `${h.url}/api/complaints`, undefined, officer)).status).toBe(403);
    expect((await call("GET", `${h.url}/api/complaints`)).status).toBe(401);

    const manager = await login(h.url, h.users.manager);
    const list = (await call("GET", `${h.url}/api/complaints?status=baru`, undefined, manager)).body.data as { rows: StaffComplaint[] };
    const complaint = list.rows[0]!;
    expect(complaint).toMatchObject({ code: receipt.code, contact: { name: "Budi", phone: "0812-3456-7890" }, late: false });
    const act = (what: string, body: object) => call("POST", `${h!.url}/api/complaints/${complaint.id}/${what}`, { requestId: rid(), ...body }, manager);

    const early = await act("close", {});
    expect([early.status, early.body.error?.code]).toEqual([409, "COMPLAINT_NOT_ANSWERED"]);
    expect((await act("assign", { assignee: "rina" })).body.error?.code).toBe("ASSIGNEE_UNKNOWN");
    expect((await act("assign", { assignee: "hendra" })).body.data).toMatchObject({ status: "diproses", assignee: "hendra" });
    h.clock.advance(60 * 60_000);
    const answered = await act("respond", { text: "Mohon maaf. Loket 2 kini dibuka pukul 08.00 setiap hari." });
    expect(answered.body.data).toMatchObject({ status: "dijawab", responses: [{ by: "siti" }] });
    expect(await status()).toMatchObject({ status: "dijawab", responses: [{ text: "Mohon maaf. Loket 2 kini dibuka pukul 08.00 setiap hari." }] });
    expect((await act("close", { note: "Selesai" })).body.data).toMatchObject({ status: "selesai", closedBy: "siti" });
    const late = await act("respond", { text: "lagi" });
    expect([late.status, late.body.error?.code]).toEqual([409, "COMPLAINT_CLOSED"]);
    expect((await status()).status).toBe("selesai");

    // The contact goes once the retention period after closing has passed.
    const days = h.setup.feedback.contactRetentionDays;
    h.clock.advance((days - 1) * 24 * 60 * 60_000);
    expect(purgePersonalData(h.hub.context)).toEqual({ surveyProfiles: 0, complaintContacts: 0 });
    h.clock.advance(2 * 24 * 60 * 60_000);
    expect(purgePersonalData(h.hub.context)).toEqual({ surveyProfiles: 0, complaintContacts: 1 });
    // A new login: the session of a year ago has expired.
    const later = await login(h.url, h.users.manager);
    const after = (await call("GET", `${h.url}/api/complaints/${complaint.id}`, undefined, later)).body.data as StaffComplaint;
    expect(after).toMatchObject({ contact: null, text: filing.text, status: "selesai" });
  });

  it("refuses a contact without consent, an unknown category and a short text", async () => {
    h = await startHub();
    const base = { requestId: rid(), category: "waktu", text: "Antrean terlalu lama hari ini." };
    for (const [body, code] of [
      [{ ...base, contact: { phone: "081234567890" } }, "INVALID_PAYLOAD"],
      [{ ...base, text: "lama" }, "INVALID_PAYLOAD"],
      [{ ...base, category: "hantu" }, "COMPLAINT_CATEGORY_UNKNOWN"],
      [{ ...base, serviceId: "tidak-ada" }, "SERVICE_UNKNOWN"],
    ] as const) {
      const res = await call("POST", `${h.url}/api/public/complaints`, { ...body, requestId: rid() });
      expect([res.status, res.body.error?.code]).toEqual([400, code]);
    }
    expect(h.store.db.prepare("SELECT count(*) AS n FROM complaints").get()).toEqual({ n: 0 });
    expect((await call("GET", `${h.url}/api/public/complaints/PGD-00000000`)).status).toBe(404);
  });
});
