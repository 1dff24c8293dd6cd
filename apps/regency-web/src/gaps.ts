/** The standards gaps grouped by office, with every checked office listed (pure; tested in Node). */
import type { RegencyStandardGap, RegencyStandardGaps } from "@layan/protocol";

export interface OfficeGaps {
  officeId: string;
  officeName: string;
  checked: number;
  gaps: RegencyStandardGap[];
}

/** Offices with gaps first (most first), then the complete ones; names from the gaps, else from `names`, else the id. */
export function gapsByOffice(data: RegencyStandardGaps, names: ReadonlyMap<string, string> = new Map()): OfficeGaps[] {
  const out = data.checked.map((c) => {
    const gaps = data.gaps.filter((g) => g.officeId === c.officeId);
    return { officeId: c.officeId, officeName: gaps[0]?.officeName ?? names.get(c.officeId) ?? c.officeId, checked: c.services, gaps };
  });
  return out.sort((a, b) => b.gaps.length - a.gaps.length || a.officeName.localeCompare(b.officeName, "id"));
}
