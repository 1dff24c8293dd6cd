import { PNG } from "pngjs";
import QRCode from "qrcode";
import type { DecodedLine, DecodedTextLine, TextRun } from "./decoded";
import { GLYPH_COLUMNS, GLYPH_ROWS, glyphFor } from "./font";
import { FONT_A, PAPER, type PaperWidth } from "./paper";

// Draws decoded lines as the printer would burn them: font A cells of 12 x 24
// dots, a 30-dot line pitch (ESC 2), QR modules at the commanded size.

const LINE_PITCH = 30;
/** The glyph's dots are doubled and placed inside the 12 x 24 cell like font A's. */
const DOT = 2;
const GLYPH_LEFT = 1;
const GLYPH_TOP = 3;
const TOP_MARGIN = 8;
const BOTTOM_MARGIN = 8;
const CUT_MARK_HEIGHT = 16;
/** A garbage job can ask for thousands of blank lines; nobody needs a picture of that. */
const MAX_HEIGHT = 20_000;

interface Bitmap {
  width: number;
  height: number;
  /** One byte per dot: 1 burnt (black), 0 paper. */
  dots: Uint8Array;
}

export function renderReceipt(lines: readonly DecodedLine[], paper: PaperWidth): Buffer {
  const width = PAPER[paper].dots;
  const blocks = lines.map((line) => ({ line, height: blockHeight(line) }));
  const contentHeight = blocks.reduce((sum, block) => sum + block.height, 0);
  const height = Math.min(MAX_HEIGHT, TOP_MARGIN + contentHeight + BOTTOM_MARGIN);
  const bitmap: Bitmap = { width, height, dots: new Uint8Array(width * height) };

  let y = TOP_MARGIN;
  for (const { line, height: lineHeight } of blocks) {
    if (y >= height) break;
    if (line.kind === "text") drawTextLine(bitmap, line, y, lineHeight);
    else if (line.kind === "qr")
      drawQr(bitmap, line.data, line.errorCorrection, line.moduleSize, line.align, y);
    else drawCutMark(bitmap, y + CUT_MARK_HEIGHT / 2);
    y += lineHeight;
  }
  return toPng(bitmap);
}

function blockHeight(line: DecodedLine): number {
  if (line.kind === "cut") return CUT_MARK_HEIGHT;
  if (line.kind === "qr") return (qrModules(line.data, line.errorCorrection)?.size ?? 0) * line.moduleSize;
  const tallest = Math.max(1, ...line.runs.map((run) => run.height));
  return Math.max(LINE_PITCH, FONT_A.height * tallest + (LINE_PITCH - FONT_A.height));
}

function drawTextLine(bitmap: Bitmap, line: DecodedTextLine, top: number, lineHeight: number): void {
  const lineWidth = line.columns * FONT_A.width;
  let x = alignedLeft(bitmap.width, lineWidth, line.align);
  // Runs of different heights share a baseline at the bottom of the tallest cell.
  const baseline = top + lineHeight - (LINE_PITCH - FONT_A.height);
  for (const run of line.runs) {
    for (const char of run.text) {
      drawChar(bitmap, char, x, baseline - FONT_A.height * run.height, run);
      x += FONT_A.width * run.width;
    }
  }
}

function drawChar(bitmap: Bitmap, char: string, cellX: number, cellY: number, run: TextRun): void {
  const glyph = glyphFor(char);
  const dotW = DOT * run.width;
  const dotH = DOT * run.height;
  const originX = cellX + GLYPH_LEFT * run.width;
  const originY = cellY + GLYPH_TOP * run.height;
  for (let row = 0; row < GLYPH_ROWS; row++) {
    const bits = glyph[row] ?? 0;
    for (let col = 0; col < GLYPH_COLUMNS; col++) {
      if ((bits >> (GLYPH_COLUMNS - 1 - col)) & 1) {
        // Emphasis on a thermal head is the same dots burnt one dot wider.
        const extra = run.bold ? run.width : 0;
        fill(bitmap, originX + col * dotW, originY + row * dotH, dotW + extra, dotH);
      }
    }
  }
  if (run.underline > 0) {
    const cellW = FONT_A.width * run.width;
    fill(bitmap, cellX, cellY + FONT_A.height * run.height - run.underline, cellW, run.underline);
  }
}

function qrModules(data: string, errorCorrection: "L" | "M" | "Q" | "H") {
  try {
    return QRCode.create(data, { errorCorrectionLevel: errorCorrection }).modules;
  } catch {
    // Data too long for any QR version: a printer prints nothing for it either.
    return undefined;
  }
}

function drawQr(
  bitmap: Bitmap,
  data: string,
  errorCorrection: "L" | "M" | "Q" | "H",
  moduleSize: number,
  align: DecodedTextLine["align"],
  top: number,
): void {
  const modules = qrModules(data, errorCorrection);
  if (!modules) return;
  const left = alignedLeft(bitmap.width, modules.size * moduleSize, align);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.data[row * modules.size + col]) {
        fill(bitmap, left + col * moduleSize, top + row * moduleSize, moduleSize, moduleSize);
      }
    }
  }
}

function drawCutMark(bitmap: Bitmap, y: number): void {
  for (let x = 0; x < bitmap.width; x += 8) fill(bitmap, x, y, 4, 1);
}

function alignedLeft(paperWidth: number, contentWidth: number, align: DecodedTextLine["align"]): number {
  const free = Math.max(0, paperWidth - contentWidth);
  return align === "center" ? Math.floor(free / 2) : align === "right" ? free : 0;
}

function fill(bitmap: Bitmap, x: number, y: number, w: number, h: number): void {
  const x0 = Math.max(0, x);
  const y0 = Math.max(0, y);
  const x1 = Math.min(bitmap.width, x + w);
  const y1 = Math.min(bitmap.height, y + h);
  for (let yy = y0; yy < y1; yy++) bitmap.dots.fill(1, yy * bitmap.width + x0, yy * bitmap.width + x1);
}

function toPng(bitmap: Bitmap): Buffer {
  const png = new PNG({ width: bitmap.width, height: bitmap.height });
  for (let i = 0; i < bitmap.dots.length; i++) {
    const shade = bitmap.dots[i] ? 0 : 255;
    png.data[i * 4] = shade;
    png.data[i * 4 + 1] = shade;
    png.data[i * 4 + 2] = shade;
    png.data[i * 4 + 3] = 255;
  }
  // Grayscale keeps a 576 x 2000 receipt at a few kilobytes.
  return PNG.sync.write(png, { colorType: 0 });
}
