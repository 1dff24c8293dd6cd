/** The printed report's sentence per office, in plain Indonesian (pure; tested in Node). */
import type { RegencyLeagueRow } from "@layan/protocol";
import { count, minutes, mutuLabel, pct, status } from "./format";

export function officeSummary(r: RegencyLeagueRow): string {
  const parts = [`${r.name} (${r.agency}) menerbitkan ${count(r.issued)} antrean dan melayani ${count(r.served)}.`];
  if (r.waitMet.pct !== null) {
    parts.push(`${pct(r.waitMet.pct)} warga menunggu sesuai SOP (median ${minutes(r.wait.p50Ms)}; ${status(r.waitMet.pct).label.toLowerCase()}).`);
  } else {
    parts.push("Belum ada waktu tunggu yang dinilai.");
  }
  if (r.serviceMet.pct !== null) parts.push(`${pct(r.serviceMet.pct)} layanan selesai dalam waktu SOP.`);
  if (r.ikm?.ikm != null) parts.push(`IKM ${r.ikm.ikm.toFixed(2).replace(".", ",")}, mutu ${mutuLabel(r.ikm.mutu)}, dari ${count(r.ikm.respondents)} responden.`);
  if (r.complaints) parts.push(`${count(r.complaints.answeredByDue)} dari ${count(r.complaints.filed)} pengaduan ditanggapi tepat waktu.`);
  return parts.join(" ");
}
