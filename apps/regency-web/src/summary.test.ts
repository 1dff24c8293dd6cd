import type { RegencyLeagueRow } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import { officeSummary } from "./summary";

const t = (p50Ms: number | null) => ({ n: 1, avgMs: p50Ms, p50Ms, p90Ms: p50Ms });
const base: RegencyLeagueRow = {
  key: "dpmptsp", rank: 1, name: "DPMPTSP", agency: "Dinas PMPTSP", offices: 1, issued: 1200, segments: 1180, served: 1100,
  outcomes: { selesai: 1100, berkas_tidak_lengkap: 0, dirujuk: 0, transferred: 0, no_show: 80, cancelled: 0 },
  wait: t(754_000), service: t(300_000), waitMet: { judged: 1180, met: 1100, pct: 93.2 }, serviceMet: { judged: 1100, met: 900, pct: 81.8 },
  waitTargetMs: null, serviceTargetMs: null, ikm: { respondents: 150, ikm: 84.125, mutu: "B" }, complaints: { filed: 4, answered: 4, answeredByDue: 3, medianResponseMs: 3_600_000 },
};

describe("the printed summary per office", () => {
  it("says the office's figures in one paragraph of plain Indonesian", () => {
    expect(officeSummary(base)).toBe(
      "DPMPTSP (Dinas PMPTSP) menerbitkan 1.200 antrean dan melayani 1.100. 93,2% warga menunggu sesuai SOP (median 12,6 mnt; memenuhi). " +
        "81,8% layanan selesai dalam waktu SOP. IKM 84,13, mutu B (Baik), dari 150 responden. 3 dari 4 pengaduan ditanggapi tepat waktu.",
    );
  });

  it("says the same in English, with English numbers", () => {
    expect(officeSummary(base, "en")).toBe(
      "DPMPTSP (Dinas PMPTSP) issued 1,200 tickets and served 1,100. 93.2% of citizens waited within the SOP (median 12.6 min; meets). " +
        "81.8% of services completed within the SOP time. IKM 84.13, grade B (Good), from 150 respondents. 3 of 4 complaints answered on time.",
    );
  });

  it("leaves out what the office has no figures for", () => {
    expect(officeSummary({ ...base, waitMet: { judged: 0, met: 0, pct: null }, serviceMet: { judged: 0, met: 0, pct: null }, ikm: null, complaints: null })).toBe(
      "DPMPTSP (Dinas PMPTSP) menerbitkan 1.200 antrean dan melayani 1.100. Belum ada waktu tunggu yang dinilai.",
    );
  });
});
