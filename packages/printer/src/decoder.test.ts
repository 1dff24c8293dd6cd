import fc from "fast-check";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { readQrFromPng } from "./__fixtures__/read-qr";
import { qrCodeModel2 } from "./commands";
import { decodeEscPos, type DecodedLine, type DecodedTextLine } from "./decoder";

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Buffer.concat(
    parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))),
  );
const textLines = (lines: DecodedLine[]) =>
  lines.filter((line): line is DecodedTextLine => line.kind === "text");

describe("decodeEscPos commands", () => {
  it("LF ends a line; text left in the buffer at the end still prints", () => {
    const { lines, text } = decodeEscPos(bytes("satu\ndua\n\ntiga"));
    expect(textLines(lines).map((line) => line.text)).toEqual(["satu", "dua", "", "tiga"]);
    expect(text).toBe("satu\ndua\n\ntiga");
  });

  it("ESC @ resets modes and drops unprinted text", () => {
    const { lines } = decodeEscPos(bytes([ESC, 0x45, 1, ESC, 0x61, 1], "hilang", [ESC, 0x40], "ada\n"));
    expect(lines).toEqual([
      {
        kind: "text",
        text: "ada",
        align: "left",
        columns: 3,
        wrapped: false,
        runs: [{ text: "ada", bold: false, underline: 0, width: 1, height: 1 }],
      },
    ]);
  });

  it("ESC ! n sets emphasis, double height, double width and underline together", () => {
    const [line] = textLines(decodeEscPos(bytes([ESC, 0x21, 0x08 | 0x10 | 0x20 | 0x80], "A\n")).lines);
    expect(line?.runs).toEqual([{ text: "A", bold: true, underline: 1, width: 2, height: 2 }]);
    expect(line?.columns).toBe(2);
  });

  it("GS ! n sets width (high nibble) and height (low nibble) independently", () => {
    const [line] = textLines(
      decodeEscPos(bytes([GS, 0x21, 0x11], "A", [GS, 0x21, 0x20], "B", [GS, 0x21, 0x00], "C\n")).lines,
    );
    expect(line?.runs.map(({ text, width, height }) => ({ text, width, height }))).toEqual([
      { text: "A", width: 2, height: 2 },
      { text: "B", width: 3, height: 1 },
      { text: "C", width: 1, height: 1 },
    ]);
    expect(line?.columns).toBe(6);
  });

  it("ESC E and ESC - switch emphasis and underline (binary and ASCII parameters)", () => {
    const [line] = textLines(
      decodeEscPos(bytes([ESC, 0x45, 1], "b", [ESC, 0x45, 0, ESC, 0x2d, 0x32], "u", [ESC, 0x2d, 0x30], "n\n"))
        .lines,
    );
    expect(line?.runs.map(({ text, bold, underline }) => ({ text, bold, underline }))).toEqual([
      { text: "b", bold: true, underline: 0 },
      { text: "u", bold: false, underline: 2 },
      { text: "n", bold: false, underline: 0 },
    ]);
  });

  it("ESC a aligns lines, and only takes effect at the start of a line", () => {
    const { lines, text } = decodeEscPos(
      bytes([ESC, 0x61, 1], "tengah\n", [ESC, 0x61, 0x32], "kanan", [ESC, 0x61, 0], "!\n"),
      {
        paper: "58mm",
      },
    );
    expect(textLines(lines).map((line) => line.align)).toEqual(["center", "right"]);
    expect(text.split("\n")).toEqual([`${" ".repeat(13)}tengah`, `${" ".repeat(26)}kanan!`]);
  });

  it("ESC t selects the code page for bytes above 0x7F", () => {
    const body = [0x82, 0x9b, 0xb5];
    expect(decodeEscPos(bytes([ESC, 0x74, 0], body, "\n")).text).toBe("é¢╡");
    expect(decodeEscPos(bytes([ESC, 0x74, 2], body, "\n")).text).toBe("éøÁ");
    expect(decodeEscPos(bytes([ESC, 0x74, 99], body, "\n")).text).toBe("???");
  });

  it("ESC d n prints the buffer and feeds n lines", () => {
    const { lines } = decodeEscPos(bytes("a", [ESC, 0x64, 3], "b", [ESC, 0x64, 0], "c\n"));
    expect(textLines(lines).map((line) => line.text)).toEqual(["a", "", "", "b", "c"]);
  });

  it("GS V cuts, with or without a feed parameter", () => {
    expect(decodeEscPos(bytes("a\n", [GS, 0x56, 0x00])).cut).toBe(true);
    const feedAndCut = decodeEscPos(bytes("a\n", [GS, 0x56, 0x42, 0x03], "b\n"));
    expect(feedAndCut.lines.map((line) => line.kind)).toEqual(["text", "cut", "text"]);
    expect(feedAndCut.text).toBe("a\n[cut]\nb");
    expect(decodeEscPos(bytes("a\n")).cut).toBe(false);
  });

  it("GS ( k stores and prints a QR with its module size and error correction", () => {
    const url = "https://layan.example.go.id/q/B-007";
    const { lines, qr, image } = decodeEscPos(
      bytes([ESC, 0x61, 1], "\n", qrCodeModel2(url, { moduleSize: 5, errorCorrection: "Q" }), "\n\n"),
      { paper: "58mm" },
    );
    expect(qr).toEqual([url]);
    expect(lines.find((line) => line.kind === "qr")).toEqual({
      kind: "qr",
      data: url,
      align: "center",
      moduleSize: 5,
      errorCorrection: "Q",
    });
    expect(readQrFromPng(image)).toBe(url);
  });

  it("GS ( k print without stored data prints nothing", () => {
    expect(decodeEscPos(bytes([GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30])).qr).toEqual([]);
  });

  it("DLE EOT in a job is a query, not text; DLE EOT bytes inside QR data are data", () => {
    expect(decodeEscPos(bytes("a", [DLE, 0x04, 0x01, DLE, 0x04, 0x04], "b\n")).text).toBe("ab");
    const data = `x${String.fromCharCode(DLE, 0x04, 0x01)}y`;
    expect(decodeEscPos(qrCodeModel2(data, { moduleSize: 3, errorCorrection: "M" })).qr).toEqual([data]);
  });

  it("skips escpos' GS Z / ESC Z QR and other unknown sequences without printing them", () => {
    const escposQr = bytes([GS, 0x5a, 0x02, ESC, 0x5a, 0x03, 0x4c, 0x06, 0x03, 0x00], "abc");
    expect(decodeEscPos(bytes(escposQr, "ok\n")).text).toBe("ok");
    expect(decodeEscPos(bytes([ESC, 0x7f, 0x01, 0x02], "z\n")).text).toBe("z");
  });

  it("wraps a line wider than the paper the way the printer would, and says so", () => {
    const { lines } = decodeEscPos(bytes("x".repeat(40), "\n"), { paper: "58mm" });
    expect(textLines(lines).map((line) => [line.columns, line.wrapped])).toEqual([
      [32, true],
      [8, false],
    ]);
  });

  it("renders at printer resolution: 384 dots for 58 mm, 576 for 80 mm", () => {
    expect(PNG.sync.read(decodeEscPos(bytes("a\n"), { paper: "58mm" }).image).width).toBe(384);
    expect(PNG.sync.read(decodeEscPos(bytes("a\n"), { paper: "80mm" }).image).width).toBe(576);
  });

  it("burns dots where text is and leaves blank lines white", () => {
    const png = PNG.sync.read(decodeEscPos(bytes("\n", [ESC, 0x45, 1], "MMMM\n"), { paper: "58mm" }).image);
    const blackIn = (y0: number, y1: number) => {
      let count = 0;
      for (let y = y0; y < y1; y++)
        for (let x = 0; x < png.width; x++) if (png.data[(y * png.width + x) * 4] === 0) count++;
      return count;
    };
    expect(blackIn(0, 38)).toBe(0); // top margin + the empty first line
    expect(blackIn(38, 68)).toBeGreaterThan(100);
  });
});

describe("decodeEscPos on garbage", () => {
  it("never throws and always yields a PNG", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom("58mm" as const, "80mm" as const),
        (garbage, paper) => {
          const decoded = decodeEscPos(garbage, { paper });
          expect(decoded.image.subarray(1, 4).toString("latin1")).toBe("PNG");
          for (const line of textLines(decoded.lines))
            expect(line.columns).toBeLessThanOrEqual(paper === "58mm" ? 32 : 48);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on command-shaped garbage (escape prefixes with random parameters)", () => {
    const prefix = fc.constantFrom(
      [ESC],
      [GS],
      [DLE],
      [0x1c],
      [GS, 0x28, 0x6b],
      [ESC, 0x21],
      [GS, 0x21],
      [GS, 0x56],
      [ESC, 0x2a],
      [GS, 0x76, 0x30],
    );
    const chunk = fc.tuple(prefix, fc.uint8Array({ maxLength: 6 })).map(([head, tail]) => [...head, ...tail]);
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            chunk,
            fc.uint8Array({ maxLength: 8 }).map((a) => [...a]),
          ),
          { maxLength: 200 },
        ),
        (chunks) => {
          expect(() => decodeEscPos(Buffer.from(chunks.flat()))).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
