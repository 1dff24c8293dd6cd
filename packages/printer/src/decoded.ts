/**
 * What a decoded ticket is: lines of styled text runs, QR codes and cuts. Its
 * own module because both the decoder (which builds it) and the renderer
 * (which draws it) need it, and neither should need the other.
 */
import type { QrErrorCorrection } from "./commands";
import type { PaperWidth } from "./paper";

export type Alignment = "left" | "center" | "right";

/** A stretch of a line printed in one style. */
export interface TextRun {
  text: string;
  bold: boolean;
  /** 0 none, 1 or 2 dots thick. */
  underline: 0 | 1 | 2;
  /** Character magnification, 1..8 (GS ! / ESC !). */
  width: number;
  height: number;
}

export interface DecodedTextLine {
  kind: "text";
  text: string;
  runs: TextRun[];
  align: Alignment;
  /** Font A columns the line takes; double-width characters count twice. */
  columns: number;
  /** True when the printer had to break the line because it was wider than the paper. */
  wrapped: boolean;
}

export interface DecodedQrLine {
  kind: "qr";
  data: string;
  align: Alignment;
  moduleSize: number;
  errorCorrection: QrErrorCorrection;
}

export interface DecodedCut {
  kind: "cut";
}

export type DecodedLine = DecodedTextLine | DecodedQrLine | DecodedCut;

export interface DecodedReceipt {
  /** What the paper reads, one line per printed line, aligned in font A columns. */
  text: string;
  lines: DecodedLine[];
  /** Data of every QR code printed, in order. */
  qr: string[];
  cut: boolean;
  /** The receipt rendered at printer resolution, as a PNG. */
  image: Buffer;
  paper: PaperWidth;
}

