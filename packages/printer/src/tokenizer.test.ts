import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readToken, tokenize } from "./tokenizer";

/** Token types with their bytes, adjacent text merged (a text run may arrive in pieces). */
function shape(bytes: Uint8Array, chunkEnds: number[]): string[] {
  const out: string[] = [];
  let pending = Buffer.alloc(0);
  let start = 0;
  for (const end of [...chunkEnds, bytes.length]) {
    pending = Buffer.concat([pending, bytes.subarray(start, end)]);
    start = end;
    let offset = 0;
    for (let next = readToken(pending, 0); next; next = readToken(pending, offset)) {
      const raw = pending.subarray(offset, offset + next.length).toString("hex");
      offset += next.length;
      const last = out.at(-1);
      if (next.token.type === "text" && last?.startsWith("text:")) out[out.length - 1] = last + raw;
      else out.push(`${next.token.type}:${raw}`);
    }
    pending = Buffer.from(pending.subarray(offset));
  }
  return out;
}

describe("tokenizer", () => {
  it("reads a stream split anywhere exactly as the whole buffer (the emulator depends on it)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.array(fc.nat(), { maxLength: 12 }), (bytes, cuts) => {
        const chunkEnds = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        expect(shape(bytes, chunkEnds)).toEqual(shape(bytes, []));
      }),
      { numRuns: 400 },
    );
  });

  it("reports a command cut short at the end as the rest, not as a token", () => {
    const { tokens, rest } = tokenize(Buffer.from([0x41, 0x0a, 0x1d, 0x28, 0x6b, 0x10, 0x00, 0x31]));
    expect(tokens.map((t) => t.token.type)).toEqual(["text", "lineFeed"]);
    expect(rest).toBe(6);
  });

  it("ends an unterminated NUL-terminated barcode at its cap instead of swallowing the job", () => {
    const barcode = Buffer.concat([Buffer.from([0x1d, 0x6b, 0x04]), Buffer.alloc(600, 0x31)]);
    const { tokens } = tokenize(barcode);
    expect(tokens[0]?.token).toEqual({ type: "ignored", command: "GS k" });
    expect(tokens.length).toBeGreaterThan(1);
  });
});
