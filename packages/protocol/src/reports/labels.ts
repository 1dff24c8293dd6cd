/**
 * The words and thresholds every report shows: defined once here, so the
 * hub's CSV files, the compliance report and the dashboard's screens say the
 * same thing in the same Indonesian.
 */
import type { SegmentOutcome } from "@layan/core";
import type { ComplianceStatus, GroupBy } from "./results";

/** Roles that may read reports; officers and devices may not. */
export const REPORT_ROLES = ["manager", "supervisor", "admin"] as const;
export type ReportRole = (typeof REPORT_ROLES)[number];

export const OUTCOME_LABELS: Record<SegmentOutcome, string> = {
  selesai: "Selesai",
  berkas_tidak_lengkap: "Berkas tidak lengkap",
  dirujuk: "Dirujuk",
  transferred: "Dialihkan",
  no_show: "Tidak hadir",
  cancelled: "Dibatalkan",
};

/** Monday first, as the reports count weekdays (0 = Monday). */
export const WEEKDAY_LABELS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"] as const;

export const GROUP_LABELS: Record<GroupBy, string> = {
  all: "Semua",
  service: "Layanan",
  agency: "Instansi",
  counter: "Loket",
  officer: "Petugas",
  day: "Tanggal",
  hour: "Jam",
  weekday: "Hari",
};

/** Share of segments within target for "memenuhi" / at least "perlu perhatian". Stated on the printout. */
export const COMPLIANCE_THRESHOLDS = { good: 90, warn: 75 } as const;

export const COMPLIANCE_STATUS_LABELS: Record<ComplianceStatus, string> = {
  memenuhi: "Memenuhi",
  perhatian: "Perlu perhatian",
  tidak_memenuhi: "Tidak memenuhi",
  tanpa_data: "Tanpa data",
};

/** The verdict on a share within target (0..100, or null when nothing was judged). */
export function complianceStatusOf(pct: number | null | undefined): ComplianceStatus {
  if (pct === null || pct === undefined) return "tanpa_data";
  if (pct >= COMPLIANCE_THRESHOLDS.good) return "memenuhi";
  if (pct >= COMPLIANCE_THRESHOLDS.warn) return "perhatian";
  return "tidak_memenuhi";
}

/** "08.00-09.00": an office-local hour as the reports print it. */
export function hourRangeLabel(hour: number, dash = "-"): string {
  return `${String(hour).padStart(2, "0")}.00${dash}${String((hour + 1) % 24).padStart(2, "0")}.00`;
}

/** The facilities for vulnerable groups (office.yaml `info.facilities[].kind`), as a report names them. */
export const FACILITY_LABELS: Record<string, string> = {
  "priority-lane": "jalur/loket prioritas",
  "priority-seats": "kursi prioritas",
  ramp: "ramp",
  "nursing-room": "ruang laktasi",
  wheelchair: "kursi roda",
  "accessible-toilet": "toilet disabilitas",
  "play-area": "ruang bermain anak",
  other: "fasilitas lain",
};
