/** Numbers, times and words as a regent's staff reads them (pure; tested in Node). */
import { MUTU_LABEL } from "@layan/core";
import { complianceStatusOf, COMPLIANCE_STATUS_LABELS, type ComplianceStatus } from "@layan/protocol";
// The pure module, not the package index: Node tests import this file, and the index brings React.
export { count, minutes, pct } from "@layan/ui/format";

const nf1 = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1, minimumFractionDigits: 0 });

export const decimal = (n: number | null | undefined): string => (n === null || n === undefined ? "–" : nf1.format(n));


const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/** "18 November 2026" from "2026-11-18". */
export function dayLong(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${d ?? ""} ${MONTHS[(m ?? 1) - 1] ?? ""} ${y ?? ""}`;
}

/** "Nov 2026" / "November 2026" from "2026-11". */
export function monthLabel(month: string, long = false): string {
  const [y, m] = month.split("-").map(Number);
  const name = MONTHS[(m ?? 1) - 1] ?? "";
  return `${long ? name : name.slice(0, 3)} ${y ?? ""}`;
}

/** "1 – 18 November 2026", "1 Oktober – 18 November 2026". */
export function periodLabel(from: string, to: string): string {
  if (from === to) return dayLong(from);
  const [fy, fm] = from.split("-");
  const [ty, tm] = to.split("-");
  if (fy === ty && fm === tm) return `${Number(from.slice(8))} – ${dayLong(to)}`;
  if (fy === ty) return `${Number(from.slice(8))} ${MONTHS[Number(fm) - 1] ?? ""} – ${dayLong(to)}`;
  return `${dayLong(from)} – ${dayLong(to)}`;
}

/** "B (Baik)" for the IKM's quality letter. */
export function mutuLabel(mutu: "A" | "B" | "C" | "D" | null | undefined): string {
  return mutu ? `${mutu} (${MUTU_LABEL[mutu].id})` : "–";
}

export function status(p: number | null | undefined): { status: ComplianceStatus; label: string } {
  const s = complianceStatusOf(p);
  return { status: s, label: COMPLIANCE_STATUS_LABELS[s] };
}

/**
 * The six components of a Standar Pelayanan (packages/config STANDAR_LABELS)
 * by the key the API names them with, in the words of PermenPANRB 15/2014.
 */
export const COMPONENT_LABELS: Record<string, string> = {
  persyaratan: "Persyaratan",
  prosedur: "Sistem, Mekanisme dan Prosedur",
  jangkaWaktu: "Jangka Waktu Penyelesaian",
  biaya: "Biaya/Tarif",
  produk: "Produk Pelayanan",
  pengaduan: "Penanganan Pengaduan, Saran dan Masukan",
};

export const componentLabel = (key: string): string => COMPONENT_LABELS[key] ?? key;

/** "5 menit" for a lock-out's wait, rounded up: the staffer is told when to try again. */
export function waitWords(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} detik`;
  return `${Math.ceil(seconds / 60)} menit`;
}
