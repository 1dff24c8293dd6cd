import { SURVEY_UNSUR, type SurveyAnswers } from "@layan/core";
import type { AssessmentReport } from "@layan/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { ktpTicket, login, rid, startHub, type TestHubHandle } from "../testing/harness";

let h: TestHubHandle | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

type Json = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

async function get(url: string, token?: string): Promise<{ status: number; body: Json }> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as Json };
}

async function post(url: string, body: unknown): Promise<number> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  return res.status;
}

const allFours = Object.fromEntries(SURVEY_UNSUR.map((u) => [u, 4])) as SurveyAnswers;

const served = (hub: TestHubHandle) => ktpTicket(hub);

const lineOf = (r: AssessmentReport, key: string) => r.lines.find((l) => l.key === key)!;

describe("GET /api/reports/assessment", () => {
  it("is for the report roles only", async () => {
    h = await startHub({ reports: true });
    expect((await get(`${h.url}/api/reports/assessment`)).status).toBe(401);
    const officer = await login(h.url, h.users.officer);
    const refused = await get(`${h.url}/api/reports/assessment`, officer);
    expect([refused.status, refused.body.error?.code]).toEqual([403, "FORBIDDEN"]);
  });

  it("finds the SKM line met only once the survey reaches the minimum sample of the citizens served", async () => {
    h = await startHub({ reports: true });
    const manager = await login(h.url, h.users.manager);
    const report = async (query = "") => {
      const r = await get(`${h!.url}/api/reports/assessment${query}`, manager);
      expect(r.status).toBe(200);
      return r.body.data as AssessmentReport;
    };

    const empty = await report();
    expect([empty.year, empty.from, empty.to, empty.agency]).toEqual([2026, "2026-01-01", "2026-11-27", null]);
    expect(empty.lines.map((l) => l.key)).toEqual([
      "komponen",
      "maklumat",
      "skm",
      "pengaduan_saluran",
      "pengaduan_waktu",
      "kelompok_rentan",
      "waktu_sop",
      "visi_misi",
      "seragam",
      "sarana_fisik",
      "publikasi",
    ]);
    expect(lineOf(empty, "skm")).toMatchObject({ status: "belum", evidence: expect.stringContaining("Belum ada responden SKM pada 2026") });
    expect(lineOf(empty, "komponen")).toMatchObject({ status: "terpenuhi", evidence: expect.stringMatching(/^13 dari 13 layanan/) });
    expect(lineOf(empty, "seragam").status).toBe("di_luar_layan");
    // The sample office: components 3, maklumat 2, complaint channel 2, no complaint late 1, visi/misi 1 of 15 counted.
    expect(empty.estimate).toMatchObject({ metWeight: 9, countedWeight: 15, score: 60, zone: "kuning", outsideLines: 3 });
    expect(empty.estimate.explanation).toContain("bukan penilaian Ombudsman RI");

    const first = await served(h);
    const second = await served(h);
    expect(await post(`${h.url}/api/public/tickets/${first}/survey`, { requestId: rid(), answers: allFours })).toBe(200);
    // One answer of two served: Krejcie–Morgan asks for 2.
    const short = lineOf(await report(), "skm");
    expect(short).toMatchObject({ status: "belum" });
    expect(short.evidence).toBe("1 responden dari 2 warga dilayani (sampel minimum 2, belum tercapai); IKM 100,00, mutu A (Sangat Baik).");

    expect(await post(`${h.url}/api/public/tickets/${second}/survey`, { requestId: rid(), answers: allFours })).toBe(200);
    const met = await report();
    expect(lineOf(met, "skm")).toMatchObject({ status: "terpenuhi", evidence: expect.stringContaining("2 responden dari 2 warga") });
    const sopMet = lineOf(met, "waktu_sop").status === "terpenuhi" ? 2 : 0;
    expect(met.estimate.metWeight - sopMet).toBe(11);

    // Narrowed to another agency: none of its citizens were served or surveyed.
    const samsat = await report("?agency=samsat");
    expect(samsat.agency).toEqual({ id: "samsat", name: expect.any(String) });
    expect(lineOf(samsat, "skm").status).toBe("belum");
    expect(lineOf(samsat, "komponen").evidence).not.toContain("KTP");
    expect(lineOf(await report("?agency=disdukcapil"), "skm").status).toBe("terpenuhi");

    // A past year reads the whole year, and had nothing.
    const past = await report("?year=2025");
    expect([past.from, past.to, lineOf(past, "skm").status]).toEqual(["2025-01-01", "2025-12-31", "belum"]);

    for (const bad of ["?agency=tidak-ada", "?year=2027", "?year=26", "?agency=samsat,dlh"]) {
      const r = await get(`${h.url}/api/reports/assessment${bad}`, manager);
      expect([bad, r.status, r.body.error?.code]).toEqual([bad, 400, "INVALID_PAYLOAD"]);
    }
  });
});
