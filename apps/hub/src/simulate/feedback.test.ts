import { toOfficeRules } from "@layan/config";
import { serviceDayOf, surveyRefusal } from "@layan/core";
import { openStore, type ComplaintRow } from "@layan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleOffice } from "../testing/harness";
import { feedbackSetupOf, simulateOffice, type SimulationResult } from "./simulate";

/**
 * A simulated month of the sample office in a real SQLite store: its survey
 * answers and complaints must come at the rates the simulator claims, and be
 * what the hub itself would have accepted (one answer per served ticket,
 * within the survey's week; deadlines as complaintDueAt gives them).
 */
describe("a simulated month has survey answers and complaints", () => {
  const config = sampleOffice();
  const store = openStore(":memory:");
  let result: SimulationResult;
  const tz = config.office.timezone;

  beforeAll(() => {
    result = simulateOffice({
      rules: toOfficeRules(config),
      store,
      startDay: "2026-11-01",
      days: 30,
      ticketsPerDay: 300,
      seed: 20261127,
      kioskIds: config.devices.kiosks.map((k) => k.id),
      feedback: feedbackSetupOf(config),
    });
  });
  afterAll(() => store.close());

  const all = <T>(sql: string) => store.db.prepare<[], T>(sql).all();

  it("8–15% of served tickets answer, each for a served ticket, at most once, within 7 days of its service", () => {
    const answers = all<{ ticket_id: string; at: number; service_day: string; service_id: string; counter_id: string | null }>(
      "SELECT ticket_id, at, service_day, service_id, counter_id FROM survey_responses",
    );
    expect(result.surveys).toBe(answers.length);
    const rate = answers.length / result.served;
    expect(rate).toBeGreaterThanOrEqual(0.08);
    expect(rate).toBeLessThanOrEqual(0.15);
    for (const a of answers) {
      const ticket = store.ticketById(a.ticket_id);
      const facts = ticket && { status: ticket.status, outcome: ticket.outcome, serviceDay: ticket.serviceDay };
      // The hub's own rule, at the moment of the answer (answered: the store's UNIQUE already holds one per ticket).
      expect(surveyRefusal(facts, { enabled: true, answered: false, today: serviceDayOf(a.at, tz) }), a.ticket_id).toBeNull();
      expect(a.service_day).toBe(ticket!.serviceDay);
      expect(a.service_id).toBe(ticket!.serviceId);
      expect(a.counter_id).toBe(ticket!.counterId);
      expect(a.at).toBeGreaterThan(ticket!.issuedAt);
    }
  });

  it("answers are mostly 3, some 4, fewer 2, rare 1; waktu and pengaduan score lower; ~20% profiles, ~5% suggestions", () => {
    const scores = all<{ score: number; n: number }>(
      `SELECT score, count(*) AS n FROM (
         SELECT persyaratan AS score FROM survey_responses UNION ALL SELECT prosedur FROM survey_responses
         UNION ALL SELECT biaya FROM survey_responses UNION ALL SELECT produk FROM survey_responses)
       GROUP BY score ORDER BY score`,
    );
    const n = Object.fromEntries(scores.map((s) => [s.score, s.n])) as Record<number, number>;
    expect(n[3]!).toBeGreaterThan(n[4]!);
    expect(n[4]!).toBeGreaterThan(n[2]!);
    expect(n[2]!).toBeGreaterThan(n[1] ?? 0);
    const avg = all<{ waktu: number; pengaduan: number; persyaratan: number; profiles: number; suggestions: number; n: number }>(
      `SELECT avg(waktu) AS waktu, avg(pengaduan) AS pengaduan, avg(persyaratan) AS persyaratan, count(*) AS n,
              (SELECT count(*) FROM personal_data WHERE kind = 'survey_profile') AS profiles,
              count(suggestion) AS suggestions FROM survey_responses`,
    )[0]!;
    expect(avg.waktu).toBeLessThan(avg.persyaratan);
    expect(avg.pengaduan).toBeLessThan(avg.persyaratan);
    expect(avg.profiles / avg.n).toBeGreaterThan(0.14);
    expect(avg.profiles / avg.n).toBeLessThan(0.26);
    expect(avg.suggestions / avg.n).toBeGreaterThan(0.02);
    expect(avg.suggestions / avg.n).toBeLessThan(0.08);
  });

  it("1–3 complaints per 1,000 tickets, most answered within the target and closed, some late, a few still open", () => {
    const complaints = all<ComplaintRow>("SELECT * FROM complaints");
    expect(result.complaints).toBe(complaints.length);
    const perThousand = (complaints.length / result.tickets) * 1000;
    expect(perThousand).toBeGreaterThanOrEqual(1);
    expect(perThousand).toBeLessThanOrEqual(3);
    const categories = new Set(config.office.complaints.categories.map((c) => c.id));
    for (const c of complaints) {
      expect(categories.has(c.category)).toBe(true);
      expect(c.code).toMatch(/^PGD-[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(c.due_at).toBeGreaterThan(c.filed_at);
      if (c.assigned_at !== null) expect(c.assigned_at).toBeGreaterThan(c.filed_at);
      if (c.first_response_at !== null) expect(c.first_response_at).toBeGreaterThan(c.assigned_at!);
      if (c.closed_at !== null) expect(c.closed_at).toBeGreaterThan(c.assigned_at!);
    }
    const answered = complaints.filter((c) => c.first_response_at !== null);
    const late = answered.filter((c) => c.first_response_at! > c.due_at);
    expect(answered.length / complaints.length).toBeGreaterThan(0.6);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(answered.length / 2);
    // Closing takes up to a fortnight of working days: the month's last complaints are still in hand.
    const settled = complaints.filter((c) => c.filed_day <= "2026-11-16");
    expect(settled.filter((c) => c.status === "selesai").length).toBeGreaterThan(settled.length / 2);
    expect(complaints.some((c) => c.status !== "selesai")).toBe(true);
    // Waiting time is what citizens complain about most.
    const byCategory = new Map<string, number>();
    for (const c of complaints) byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + 1);
    expect(Math.max(...byCategory.values())).toBe(byCategory.get("waktu"));
    const contacts = store.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM personal_data WHERE kind = 'complaint_contact'").get()!.n;
    expect(contacts).toBeGreaterThan(0);
    expect(contacts).toBeLessThan(complaints.length * 0.6);
  });

  it("the log stays in time order with the feedback in it", () => {
    const disorder = all<{ n: number }>(
      "SELECT count(*) AS n FROM events AS a JOIN events AS b ON b.seq = a.seq + 1 WHERE b.at < a.at",
    )[0]!;
    expect(disorder.n).toBe(0);
  });
});
