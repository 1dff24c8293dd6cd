import { CAN, CR, DC4, DLE, ENQ, EOT, ESC, FF, FS, GS, HT, LF } from "./commands";

// Splits an ESC/POS byte stream into commands, knowing how many parameter bytes
// each one takes. Both the decoder and the emulator need this: a 0x10 0x04 inside
// QR data or a raster image is data, not a status query, and a real printer
// tells the two apart the same way.

export type EscPosToken =
  | { type: "text"; bytes: Uint8Array }
  | { type: "lineFeed" }
  | { type: "carriageReturn" }
  | { type: "tab" }
  | { type: "formFeed" }
  | { type: "init" }
  | { type: "printMode"; n: number }
  | { type: "characterSize"; n: number }
  | { type: "emphasis"; n: number }
  | { type: "underline"; n: number }
  | { type: "justification"; n: number }
  | { type: "codeTable"; n: number }
  | { type: "feedLines"; n: number }
  | { type: "cut" }
  | { type: "qr"; fn: number; params: Uint8Array }
  | { type: "realtimeStatus"; n: number }
  /** A known command with no effect on the decoded receipt (spacing, barcodes, images...). */
  | { type: "ignored"; command: string }
  /** A byte or escape the tokenizer does not know; skipped like a printer would. */
  | { type: "unknown"; bytes: Uint8Array };

export interface TokenAt {
  token: EscPosToken;
  /** Bytes the command takes, including its parameters and data. */
  length: number;
}

/** Guard for NUL-terminated data: past this, the rest is treated as text again. */
const MAX_NUL_TERMINATED = 512;

/**
 * The command starting at `offset`, or undefined when the buffer ends inside it
 * (a stream reader waits for more bytes; a whole-job decoder stops there).
 */
export function readToken(bytes: Uint8Array, offset: number): TokenAt | undefined {
  const first = bytes[offset];
  if (first === undefined) return undefined;
  const at = (i: number): number | undefined => bytes[offset + i];
  const need = (length: number): boolean => offset + length <= bytes.length;
  const sized = (length: number, token: EscPosToken): TokenAt | undefined =>
    need(length) ? { token, length } : undefined;
  const ignored = (length: number, command: string) => sized(length, { type: "ignored", command });

  if (first >= 0x20 && first !== 0x7f) {
    let end = offset;
    while (end < bytes.length && (bytes[end] ?? 0) >= 0x20 && bytes[end] !== 0x7f) end++;
    return { token: { type: "text", bytes: bytes.subarray(offset, end) }, length: end - offset };
  }
  switch (first) {
    case LF:
      return { token: { type: "lineFeed" }, length: 1 };
    case CR:
      return { token: { type: "carriageReturn" }, length: 1 };
    case HT:
      return { token: { type: "tab" }, length: 1 };
    case FF:
      return { token: { type: "formFeed" }, length: 1 };
    case CAN:
      return { token: { type: "ignored", command: "CAN" }, length: 1 };
    case ESC:
      return readEsc(bytes, offset, at, sized, ignored);
    case GS:
      return readGs(bytes, offset, at, need, sized, ignored);
    case DLE:
      return readDle(at, sized);
    case FS:
      return readFs(at, need, sized, ignored);
    default:
      return { token: { type: "unknown", bytes: bytes.subarray(offset, offset + 1) }, length: 1 };
  }
}

type At = (i: number) => number | undefined;
type Need = (length: number) => boolean;
type Sized = (length: number, token: EscPosToken) => TokenAt | undefined;
type Ignored = (length: number, command: string) => TokenAt | undefined;

/** ESC commands with a fixed number of parameter bytes and no effect on the text. */
const ESC_FIXED: Readonly<Record<number, number>> = {
  0x20: 1, // ESC SP: right-side character spacing
  0x25: 1, // ESC %: user-defined character set
  0x24: 2, // ESC $: absolute position
  0x32: 0, // ESC 2: default line spacing
  0x33: 1, // ESC 3: line spacing
  0x34: 0, // ESC 4 / ESC 5: italic on Star-like printers; escpos' style() sends them
  0x35: 0,
  0x3d: 1, // ESC =: peripheral device
  0x3f: 1, // ESC ?: cancel user-defined character
  0x42: 2, // ESC B: buzzer (non-standard, escpos' beep())
  0x47: 1, // ESC G: double-strike
  0x4a: 1, // ESC J: feed n dots
  0x4b: 1, // ESC K: reverse feed n dots
  0x4c: 0, // ESC L: page mode
  0x4d: 1, // ESC M: character font
  0x4f: 1, // ESC O: escpos marginBottom (non-standard)
  0x51: 1, // ESC Q: escpos marginRight (non-standard)
  0x52: 1, // ESC R: international character set
  0x53: 0, // ESC S: standard mode
  0x54: 1, // ESC T: print direction in page mode
  0x55: 1, // ESC U: unidirectional printing
  0x56: 1, // ESC V: 90 degree rotation
  0x57: 8, // ESC W: print area in page mode
  0x5c: 2, // ESC \: relative position
  0x65: 1, // ESC e: reverse feed lines
  0x6c: 1, // ESC l: escpos marginLeft (non-standard)
  0x70: 3, // ESC p: drawer kick pulse
  0x72: 1, // ESC r: print colour
  0x75: 1, // ESC u: transmit peripheral status
  0x76: 0, // ESC v: transmit paper status
  0x7b: 1, // ESC {: upside-down
};

/** ESC commands that take one parameter byte n and mean something to the receipt, by their second byte. */
const ESC_WITH_N: Readonly<
  Record<number, "printMode" | "emphasis" | "underline" | "justification" | "codeTable" | "feedLines">
> = {
  0x21: "printMode", // ESC !
  0x45: "emphasis", // ESC E
  0x2d: "underline", // ESC -
  0x61: "justification", // ESC a
  0x74: "codeTable", // ESC t
  0x64: "feedLines", // ESC d
};

function readEsc(bytes: Uint8Array, offset: number, at: At, sized: Sized, ignored: Ignored) {
  const command = at(1);
  if (command === undefined) return undefined;
  const withN = ESC_WITH_N[command];
  if (withN !== undefined) {
    const n = at(2);
    return n === undefined ? undefined : sized(3, { type: withN, n });
  }
  switch (command) {
    case 0x40:
      return sized(2, { type: "init" });
    case 0x69: // ESC i / ESC m: the obsolete cut commands
    case 0x6d:
      return sized(2, { type: "cut" });
    case 0x63: // ESC c 3 n, ESC c 4 n, ESC c 5 n: panel and sensor settings
      return ignored(4, "ESC c");
    case 0x44: {
      // ESC D n1 ... NUL: tab positions (at most 32)
      const end = findNul(bytes, offset + 2, 33);
      return end === undefined ? undefined : ignored(end - offset + 1, "ESC D");
    }
    case 0x2a: {
      // ESC * m nL nH d...: bit image, 1 or 3 bytes per column
      const m = at(2);
      const nL = at(3);
      const nH = at(4);
      if (m === undefined || nL === undefined || nH === undefined) return undefined;
      const columns = nL + nH * 256;
      return ignored(5 + columns * (m >= 32 ? 3 : 1), "ESC *");
    }
    case 0x26: {
      // ESC & y c1 c2 [x d1..d(y*x)]...: user-defined characters
      const y = at(2);
      const c1 = at(3);
      const c2 = at(4);
      if (y === undefined || c1 === undefined || c2 === undefined) return undefined;
      let length = 5;
      for (let c = c1; c <= c2 && c1 <= c2; c++) {
        const x = at(length);
        if (x === undefined) return undefined;
        length += 1 + x * y;
      }
      return ignored(length, "ESC &");
    }
    case 0x5a: {
      // ESC Z v n k dL dH d...: escpos' non-standard 2D code; skipped, never printed
      const dL = at(5);
      const dH = at(6);
      if (dL === undefined || dH === undefined) return undefined;
      return ignored(7 + dL + dH * 256, "ESC Z");
    }
    default: {
      const params = ESC_FIXED[command];
      if (params !== undefined) return ignored(2 + params, `ESC ${hex(command)}`);
      return sized(2, { type: "unknown", bytes: bytes.subarray(offset, offset + 2) });
    }
  }
}

/** GS commands with a fixed number of parameter bytes and no effect on the text. */
const GS_FIXED: Readonly<Record<number, number>> = {
  0x24: 2, // GS $: absolute vertical position
  0x2f: 1, // GS /: print downloaded bit image
  0x3a: 0, // GS :: start/end macro
  0x42: 1, // GS B: white/black reverse
  0x45: 1, // GS E: head control
  0x48: 1, // GS H: HRI position
  0x49: 1, // GS I: transmit printer ID
  0x4c: 2, // GS L: left margin
  0x50: 2, // GS P: motion units
  0x54: 1, // GS T: beginning of line
  0x57: 2, // GS W: print area width
  0x5a: 1, // GS Z: escpos' non-standard 2D code type
  0x5c: 2, // GS \: relative vertical position
  0x5e: 3, // GS ^: execute macro
  0x61: 1, // GS a: automatic status back
  0x62: 1, // GS b: smoothing
  0x66: 1, // GS f: HRI font
  0x68: 1, // GS h: barcode height
  0x6a: 1, // GS j: automatic ink status back
  0x72: 1, // GS r: transmit status
  0x77: 1, // GS w: barcode width
};

function readGs(bytes: Uint8Array, offset: number, at: At, need: Need, sized: Sized, ignored: Ignored) {
  const command = at(1);
  if (command === undefined) return undefined;
  switch (command) {
    case 0x21: {
      const n = at(2);
      return n === undefined ? undefined : sized(3, { type: "characterSize", n });
    }
    case 0x56: {
      // GS V m, or GS V m n for m = 65, 66, 97, 98, 103, 104 (feed, then cut)
      const m = at(2);
      if (m === undefined) return undefined;
      const withFeed = [65, 66, 97, 98, 103, 104].includes(m);
      return sized(withFeed ? 4 : 3, { type: "cut" });
    }
    case 0x28: {
      // GS ( c pL pH p...: every GS ( command carries its own length
      const c = at(2);
      const pL = at(3);
      const pH = at(4);
      if (c === undefined || pL === undefined || pH === undefined) return undefined;
      const length = 5 + pL + pH * 256;
      if (!need(length)) return undefined;
      if (c === 0x6b && pL + pH * 256 >= 2 && at(5) === 49) {
        const fn = at(6) ?? 0;
        return sized(length, { type: "qr", fn, params: bytes.subarray(offset + 7, offset + length) });
      }
      return ignored(length, `GS ( ${String.fromCharCode(c)}`);
    }
    case 0x38: {
      // GS 8 L p1 p2 p3 p4 ...: graphics data with a 32-bit length
      const p = [at(3), at(4), at(5), at(6)];
      if (p.some((b) => b === undefined)) return undefined;
      const [p1 = 0, p2 = 0, p3 = 0, p4 = 0] = p;
      return ignored(7 + p1 + p2 * 0x100 + p3 * 0x10000 + p4 * 0x1000000, "GS 8 L");
    }
    case 0x76: {
      // GS v 0 m xL xH yL yH d...: raster bit image
      const head = [at(4), at(5), at(6), at(7)];
      if (head.some((b) => b === undefined)) return undefined;
      const [xL = 0, xH = 0, yL = 0, yH = 0] = head;
      return ignored(8 + (xL + xH * 256) * (yL + yH * 256), "GS v 0");
    }
    case 0x2a: {
      // GS * x y d...: define downloaded bit image
      const x = at(2);
      const y = at(3);
      if (x === undefined || y === undefined) return undefined;
      return ignored(4 + x * y * 8, "GS *");
    }
    case 0x6b: {
      // GS k m ...: barcode; m 0..6 is NUL-terminated, m 65.. carries a length
      const m = at(2);
      if (m === undefined) return undefined;
      if (m <= 6) {
        const end = findNul(bytes, offset + 3, MAX_NUL_TERMINATED);
        return end === undefined ? undefined : ignored(end - offset + 1, "GS k");
      }
      const n = at(3);
      return n === undefined ? undefined : ignored(4 + n, "GS k");
    }
    default: {
      const params = GS_FIXED[command];
      if (params !== undefined) return ignored(2 + params, `GS ${hex(command)}`);
      return sized(2, { type: "unknown", bytes: bytes.subarray(offset, offset + 2) });
    }
  }
}

function readDle(at: At, sized: Sized) {
  const command = at(1);
  if (command === undefined) return undefined;
  switch (command) {
    case EOT: {
      const n = at(2);
      return n === undefined ? undefined : sized(3, { type: "realtimeStatus", n });
    }
    case ENQ:
      return sized(3, { type: "ignored", command: "DLE ENQ" });
    case DC4:
      return sized(5, { type: "ignored", command: "DLE DC4" });
    default:
      // A lone DLE means nothing to the printer; the next byte is read afresh.
      return sized(1, { type: "ignored", command: "DLE" });
  }
}

/** FS commands (kanji and NV images) that thermal receipts may carry. */
const FS_FIXED: Readonly<Record<number, number>> = {
  0x21: 1, // FS !: kanji print mode
  0x26: 0, // FS &: kanji mode on
  0x2d: 1, // FS -: kanji underline
  0x2e: 0, // FS .: kanji mode off
  0x43: 1, // FS C: kanji code system
  0x53: 2, // FS S: kanji spacing
  0x57: 1, // FS W: kanji quadruple size
  0x70: 2, // FS p: print NV bit image
};

function readFs(at: At, need: Need, sized: Sized, ignored: Ignored) {
  const command = at(1);
  if (command === undefined) return undefined;
  if (command === 0x28) {
    const pL = at(3);
    const pH = at(4);
    if (pL === undefined || pH === undefined) return undefined;
    return ignored(5 + pL + pH * 256, "FS (");
  }
  const params = FS_FIXED[command];
  if (params !== undefined) return ignored(2 + params, `FS ${hex(command)}`);
  return need(2) ? sized(2, { type: "ignored", command: `FS ${hex(command)}` }) : undefined;
}

/** Index of the NUL ending data that starts at `from`, or undefined while it may still come. */
function findNul(bytes: Uint8Array, from: number, max: number): number | undefined {
  const limit = from + max;
  for (let i = from; i < Math.min(bytes.length, limit); i++) if (bytes[i] === 0) return i;
  // Unterminated within the limit: end the command there rather than swallow the job.
  return bytes.length >= limit ? limit - 1 : undefined;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, "0")}`;
}

/** Every complete token in a buffer; a trailing partial command is reported as `rest`. */
export function tokenize(bytes: Uint8Array): { tokens: TokenAt[]; rest: number } {
  const tokens: TokenAt[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const next = readToken(bytes, offset);
    if (!next) break;
    tokens.push(next);
    offset += next.length;
  }
  return { tokens, rest: bytes.length - offset };
}
