/** Receipt widths in the field: 58 mm kiosk printers and 80 mm desk printers. */
export type PaperWidth = "58mm" | "80mm";

export interface PaperGeometry {
  /** Characters per line in font A (12 x 24 dots). */
  columns: number;
  /** Printable width in dots at 203 dpi. */
  dots: number;
}

export const PAPER: Readonly<Record<PaperWidth, PaperGeometry>> = {
  "58mm": { columns: 32, dots: 384 },
  "80mm": { columns: 48, dots: 576 },
};

/** Font A cell, the printer default: columns x 12 = printable dots. */
export const FONT_A = { width: 12, height: 24 } as const;
