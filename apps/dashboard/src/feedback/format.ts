/** Survey and complaint figures as managers read them (pure; tested in Node). */
import { SURVEY_QUESTIONS, type IkmRow, type SurveyUnsurKey } from "@layan/protocol";
import { count } from "../format";

const nf2 = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "82,35": the IKM and NRR always with two decimals, as the regulation's tables print them. */
export const dec2 = (n: number | null | undefined): string =>
  n === null || n === undefined ? "–" : nf2.format(n);

/** "B — Baik"; "–" without respondents. */
export function mutuText(row: Pick<IkmRow, "mutu" | "mutuLabel">): string {
  return row.mutu ? `${row.mutu} — ${row.mutuLabel ?? ""}`.trim() : "–";
}

/** "132 responden dari minimum 278 untuk 1.000 warga dilayani — belum memenuhi". */
export function sampleText(row: Pick<IkmRow, "respondents" | "minimumSample" | "served" | "sampleMet">): string {
  return `${count(row.respondents)} responden dari minimum ${count(row.minimumSample)} untuk ${count(row.served)} warga dilayani — ${
    row.sampleMet ? "memenuhi" : "belum memenuhi"
  }`;
}

export function unsurLabel(unsur: SurveyUnsurKey): string {
  return SURVEY_QUESTIONS.find((q) => q.unsur === unsur)?.label.id ?? unsur;
}

/** Whole working days, one decimal: "2,5 hari kerja". */
export function workingDays(n: number | null | undefined): string {
  if (n === null || n === undefined) return "–";
  return `${new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 }).format(n)} hari kerja`;
}
