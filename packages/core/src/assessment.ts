/**
 * The office's own estimate of its Ombudsman RI zone (Penilaian Kepatuhan):
 * a simple score over the indicators Layan can evidence. The Ombudsman's own
 * method weighs input, process, output and complaint handling from what its
 * assessors see on site; Layan cannot see uniforms, ramps or brochures, so
 * those lines are listed but left out of the score, and the result is only
 * ever presented as an estimate, never as the Ombudsman's rating.
 *
 * Score = Σ weight of the "terpenuhi" lines / Σ weight of the lines Layan
 * can evidence × 100, rounded to two decimals; the zone follows the
 * Ombudsman's bands: 0–50.99 merah, 51–80.99 kuning, 81–100 hijau.
 */

/** `di_luar_layan`: must be evidenced outside Layan (seen on site), not scored. */
export type AssessmentStatus = "terpenuhi" | "belum" | "di_luar_layan";

export type AssessmentZone = "merah" | "kuning" | "hijau";

/** Lower bound of each zone on the 0–100 score. */
export const ZONE_FLOORS = { kuning: 51, hijau: 81 } as const;

export const ZONE_LABEL: Record<AssessmentZone, { id: string; en: string }> = {
  merah: { id: "Zona merah (kepatuhan rendah)", en: "Red zone (low compliance)" },
  kuning: { id: "Zona kuning (kepatuhan sedang)", en: "Yellow zone (medium compliance)" },
  hijau: { id: "Zona hijau (kepatuhan tinggi)", en: "Green zone (high compliance)" },
};

export function zoneOf(score: number): AssessmentZone {
  if (score >= ZONE_FLOORS.hijau) return "hijau";
  if (score >= ZONE_FLOORS.kuning) return "kuning";
  return "merah";
}

export interface AssessmentScore {
  /** 0–100, two decimals. */
  score: number;
  zone: AssessmentZone;
  /** Σ weight of the lines met. */
  metWeight: number;
  /** Σ weight of the lines Layan can evidence (the denominator). */
  countedWeight: number;
  /** How many lines were left out as "di luar Layan". */
  outsideLines: number;
}

export function assessmentScore(lines: readonly { status: AssessmentStatus; weight: number }[]): AssessmentScore {
  const counted = lines.filter((l) => l.status !== "di_luar_layan");
  const countedWeight = counted.reduce((n, l) => n + l.weight, 0);
  const metWeight = counted.filter((l) => l.status === "terpenuhi").reduce((n, l) => n + l.weight, 0);
  // Rounded before banding, so the printed score and the printed zone never disagree.
  const score = countedWeight === 0 ? 0 : Math.round((metWeight / countedWeight) * 10_000) / 100;
  return {
    score,
    zone: zoneOf(score),
    metWeight,
    countedWeight,
    outsideLines: lines.length - counted.length,
  };
}
