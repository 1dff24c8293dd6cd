import { QR_EC_FROM_BYTE, QR_FN, type QrErrorCorrection } from "./commands";
import { CODE_PAGE_BY_NUMBER, decodeByte, type CodePage } from "./codepage";
import { PAPER, type PaperWidth } from "./paper";
import { renderReceipt } from "./render";
import type { Alignment, DecodedLine, DecodedReceipt, TextRun } from "./decoded";
export type * from "./decoded";
import { readToken, type EscPosToken } from "./tokenizer";

export interface DecodeOptions {
  /** Paper the job is printed on; decides line wrapping and image width. Default 80 mm. */
  paper?: PaperWidth;
}

interface Modes {
  bold: boolean;
  underline: 0 | 1 | 2;
  width: number;
  height: number;
  align: Alignment;
  /** undefined: a code table we do not know; its upper half decodes as "?". */
  codePage: CodePage | undefined;
  qrModuleSize: number;
  qrErrorCorrection: QrErrorCorrection;
}

/** Power-on modes (ESC @): the printer's default code table is PC437. */
const initialModes = (): Modes => ({
  bold: false,
  underline: 0,
  width: 1,
  height: 1,
  align: "left",
  codePage: "PC437",
  qrModuleSize: 3,
  qrErrorCorrection: "L",
});

const TAB_COLUMNS = 8;

/**
 * Reads ESC/POS bytes the way a receipt printer does and returns what it would
 * print. Never throws: unknown commands are skipped, a command cut short at the
 * end of the job is dropped.
 */
export function decodeEscPos(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedReceipt {
  const paper = opts.paper ?? "80mm";
  const printer = new VirtualPrinter(PAPER[paper].columns);
  let offset = 0;
  while (offset < bytes.length) {
    const next = readToken(bytes, offset);
    if (!next) break;
    printer.execute(next.token);
    offset += next.length;
  }
  printer.endOfJob();
  const lines = printer.lines;
  return {
    text: toText(lines, PAPER[paper].columns),
    lines,
    qr: lines.flatMap((line) => (line.kind === "qr" ? [line.data] : [])),
    cut: lines.some((line) => line.kind === "cut"),
    image: renderReceipt(lines, paper),
    paper,
  };
}

class VirtualPrinter {
  readonly lines: DecodedLine[] = [];
  private modes = initialModes();
  private runs: TextRun[] = [];
  private columns = 0;
  private lineAlign: Alignment = "left";
  private qrData: Uint8Array | undefined;

  constructor(private readonly paperColumns: number) {}

  execute(token: EscPosToken): void {
    const m = this.modes;
    switch (token.type) {
      case "text":
        for (const byte of token.bytes) this.addChar(characterFor(byte, m.codePage));
        return;
      case "lineFeed":
      case "formFeed":
        this.printLine(false);
        return;
      case "tab": {
        // Default tab stops every 8 columns; a tab past the last stop is ignored.
        const target = (Math.floor(this.columns / TAB_COLUMNS) + 1) * TAB_COLUMNS;
        while (this.columns < target && this.columns + m.width <= this.paperColumns) this.addChar(" ");
        return;
      }
      case "init":
        // ESC @ clears the print buffer too: text not yet fed out is lost.
        this.runs = [];
        this.columns = 0;
        this.modes = initialModes();
        return;
      case "printMode":
        m.bold = (token.n & 0x08) !== 0;
        m.height = token.n & 0x10 ? 2 : 1;
        m.width = token.n & 0x20 ? 2 : 1;
        m.underline = token.n & 0x80 ? 1 : 0;
        return;
      case "characterSize":
        m.width = Math.min(8, ((token.n >> 4) & 0x07) + 1);
        m.height = Math.min(8, (token.n & 0x07) + 1);
        return;
      case "emphasis":
        m.bold = (token.n & 1) === 1;
        return;
      case "underline": {
        const n = token.n >= 48 ? token.n - 48 : token.n;
        m.underline = n === 1 ? 1 : n === 2 ? 2 : 0;
        return;
      }
      case "justification": {
        const n = token.n >= 48 ? token.n - 48 : token.n;
        m.align = n === 1 ? "center" : n === 2 ? "right" : "left";
        return;
      }
      case "codeTable":
        m.codePage = CODE_PAGE_BY_NUMBER[token.n];
        return;
      case "feedLines":
        if (token.n === 0) {
          if (this.runs.length > 0) this.printLine(false);
          return;
        }
        for (let i = 0; i < token.n; i++) this.printLine(false);
        return;
      case "cut":
        if (this.runs.length > 0) this.printLine(false);
        this.lines.push({ kind: "cut" });
        return;
      case "qr":
        this.qrFunction(token.fn, token.params);
        return;
      case "carriageReturn":
      case "realtimeStatus":
      case "ignored":
      case "unknown":
        return;
    }
  }

  endOfJob(): void {
    // A printer prints what is left in its buffer when the job ends without LF.
    if (this.runs.length > 0) this.printLine(false);
  }

  private qrFunction(fn: number, params: Uint8Array): void {
    const m = this.modes;
    if (fn === QR_FN.moduleSize && params[0] !== undefined) {
      if (params[0] >= 1 && params[0] <= 16) m.qrModuleSize = params[0];
    } else if (fn === QR_FN.errorCorrection && params[0] !== undefined) {
      m.qrErrorCorrection = QR_EC_FROM_BYTE[params[0]] ?? m.qrErrorCorrection;
    } else if (fn === QR_FN.store) {
      this.qrData = params.subarray(1);
    } else if (fn === QR_FN.print && this.qrData && this.qrData.length > 0) {
      if (this.runs.length > 0) this.printLine(false);
      this.lines.push({
        kind: "qr",
        data: Buffer.from(this.qrData).toString("utf8"),
        align: m.align,
        moduleSize: m.qrModuleSize,
        errorCorrection: m.qrErrorCorrection,
      });
    }
  }

  private addChar(char: string): void {
    const m = this.modes;
    if (this.columns > 0 && this.columns + m.width > this.paperColumns) this.printLine(true);
    if (this.runs.length === 0) this.lineAlign = m.align;
    const last = this.runs.at(-1);
    if (
      last &&
      last.bold === m.bold &&
      last.underline === m.underline &&
      last.width === m.width &&
      last.height === m.height
    ) {
      last.text += char;
    } else {
      this.runs.push({ text: char, bold: m.bold, underline: m.underline, width: m.width, height: m.height });
    }
    this.columns += m.width;
  }

  private printLine(wrapped: boolean): void {
    this.lines.push({
      kind: "text",
      text: this.runs.map((r) => r.text).join(""),
      runs: this.runs,
      // ESC a only takes effect at the start of a line, so an empty line takes the current one.
      align: this.runs.length > 0 ? this.lineAlign : this.modes.align,
      columns: this.columns,
      wrapped,
    });
    this.runs = [];
    this.columns = 0;
  }
}

function characterFor(byte: number, page: CodePage | undefined): string {
  if (page) return decodeByte(byte, page);
  return byte < 0x80 ? String.fromCharCode(byte) : "?";
}

function toText(lines: readonly DecodedLine[], paperColumns: number): string {
  return lines
    .map((line) => {
      if (line.kind === "cut") return "[cut]";
      if (line.kind === "qr") return `[QR: ${line.data}]`;
      const free = Math.max(0, paperColumns - line.columns);
      const pad = line.align === "center" ? Math.floor(free / 2) : line.align === "right" ? free : 0;
      return (" ".repeat(pad) + line.text).trimEnd();
    })
    .join("\n");
}
