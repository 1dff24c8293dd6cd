// ESC/POS byte values and the few sequences this package writes by hand.
// Names follow the Epson ESC/POS command reference.

export const NUL = 0x00;
export const EOT = 0x04;
export const ENQ = 0x05;
export const HT = 0x09;
export const LF = 0x0a;
export const FF = 0x0c;
export const CR = 0x0d;
export const DLE = 0x10;
export const DC4 = 0x14;
export const CAN = 0x18;
export const ESC = 0x1b;
export const FS = 0x1c;
export const GS = 0x1d;

export type QrErrorCorrection = "L" | "M" | "Q" | "H";

/** GS ( k cn=49 function numbers ("function 165" = fn 65, and so on). */
export const QR_FN = {
  model: 65,
  moduleSize: 67,
  errorCorrection: 69,
  store: 80,
  print: 81,
} as const;

const QR_CN = 49;
const QR_EC_BYTE: Record<QrErrorCorrection, number> = { L: 48, M: 49, Q: 50, H: 51 };
export const QR_EC_FROM_BYTE: Readonly<Record<number, QrErrorCorrection>> = {
  48: "L",
  49: "M",
  50: "Q",
  51: "H",
};

/** The longest data a model 2 symbol can store through one GS ( k store call. */
export const QR_MAX_DATA_BYTES = 7089;

function gsParenK(body: readonly number[] | Buffer): Buffer {
  const length = body.length;
  return Buffer.concat([Buffer.from([GS, 0x28, 0x6b, length & 0xff, length >> 8]), Buffer.from(body)]);
}

/**
 * The standard QR sequence: select model 2, module size, error correction,
 * store the data, print it. escpos@3's own qrcode() emits `GS Z` / `ESC Z`, which
 * Epson-compatible printers do not understand, so these bytes are written here.
 */
export function qrCodeModel2(
  data: string,
  opts: { moduleSize: number; errorCorrection: QrErrorCorrection },
): Buffer {
  const payload = Buffer.from(data, "utf8");
  if (payload.length === 0 || payload.length > QR_MAX_DATA_BYTES) {
    throw new RangeError(`QR data must be 1..${QR_MAX_DATA_BYTES} bytes, got ${payload.length}`);
  }
  const moduleSize = Math.min(16, Math.max(1, Math.round(opts.moduleSize)));
  return Buffer.concat([
    gsParenK([QR_CN, QR_FN.model, 50, 0]),
    gsParenK([QR_CN, QR_FN.moduleSize, moduleSize]),
    gsParenK([QR_CN, QR_FN.errorCorrection, QR_EC_BYTE[opts.errorCorrection]]),
    gsParenK(Buffer.concat([Buffer.from([QR_CN, QR_FN.store, 48]), payload])),
    gsParenK([QR_CN, QR_FN.print, 48]),
  ]);
}

/** ESC E n: escpos' style("b") also sends ESC 4 / ESC 5, which ESC/POS does not define. */
export function emphasis(on: boolean): Buffer {
  return Buffer.from([ESC, 0x45, on ? 1 : 0]);
}

/** DLE EOT n for n = 1..4: the real-time status queries, in answer order. */
export const STATUS_QUERIES = Buffer.from([DLE, EOT, 1, DLE, EOT, 2, DLE, EOT, 3, DLE, EOT, 4]);
