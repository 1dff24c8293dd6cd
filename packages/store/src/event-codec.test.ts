import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodePayload, encodePayload, type EventWords } from "./event-codec";

const AT = 1_795_744_800_000;

/** What the store's event_words table does, in memory. */
function words(): EventWords {
  const codes = new Map<string, number>();
  const texts: string[] = [];
  return {
    code(w) {
      let c = codes.get(w);
      if (c === undefined) {
        texts.push(w);
        c = texts.length;
        codes.set(w, c);
      }
      return c;
    },
    word: (c) => texts[c - 1] ?? "",
  };
}

describe("the event payload codec", () => {
  it("gives back any JSON object key for key, whatever its names (one character, a leading ~, names it abbreviates)", () => {
    const name = fc.oneof(
      fc.string({ maxLength: 3 }),
      fc.constantFrom("~", "~a", "~~b", "^", "^a", "a", "measurement", "endedAt", "calledAt", "stepId", "serviceId", "counterId"),
    );
    const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.integer(), fc.maxSafeInteger(), fc.constant(Number.MIN_SAFE_INTEGER));
    const object = fc.dictionary(name, fc.oneof(value, fc.dictionary(name, value)), { maxKeys: 8 });
    fc.assert(
      fc.property(object, fc.integer({ min: 0, max: AT * 2 }), (fields, at) => {
        const plain = JSON.parse(JSON.stringify(fields)) as Record<string, unknown>;
        const dict = words();
        const decoded = decodePayload(encodePayload(fields, at, dict), at, dict);
        expect(decoded).toEqual(plain);
        expect(Object.keys(decoded)).toEqual(Object.keys(plain));
      }),
      { numRuns: 500, seed: 13 },
    );
  });

  it("writes a completed ticket's measurement in well under half the characters of its JSON", () => {
    const fields = {
      counterId: "loket-240",
      outcome: "selesai",
      measurement: {
        serviceId: "skck", segmentIndex: 0, counterId: "loket-240", officerId: "sim-qT4IS4NiXcdFwP6C",
        enqueuedAt: AT - 228_139, calledAt: AT - 221_646, startedAt: AT - 159_465, endedAt: AT, recalls: 0,
        waitMs: 6493, serviceMs: 159465, waitTargetMs: 1800000, serviceTargetMs: 1500000, waitMet: true, serviceMet: true,
        steps: [{ stepId: "verifikasi", ms: 142049, targetMs: 300000, met: true }],
      },
    };
    const dict = words();
    const encoded = encodePayload(fields, AT, dict);
    expect(encoded.length).toBeLessThan(JSON.stringify(fields).length * 0.45);
    expect(decodePayload(encoded, AT, dict)).toEqual(fields);
  });
});
