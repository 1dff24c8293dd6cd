import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodePayload, encodePayload, recodePayload, type EventWords } from "./event-codec";

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
        const encoded = encodePayload(fields, at, dict);
        const decoded = decodePayload(encoded, at, dict);
        expect(decoded).toEqual(plain);
        expect(Object.keys(decoded)).toEqual(Object.keys(plain));
        expect(recodePayload(encoded, at)).toBe(encoded);
      }),
      { numRuns: 500, seed: 13 },
    );
  });

  it("gives back any measurement-like object key for key: the array form for the core's shape, the object form for any other", () => {
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.constant(null));
    const time = fc.oneof(fc.integer({ min: 0, max: AT * 2 }), fc.constant(-0), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const target = fc.oneof(fc.integer({ min: 0, max: 600 }).map((m) => m * 60_000), fc.integer({ min: -1e9, max: 1e9 }), fc.constant(0.5));
    const word = fc.constantFrom("skck", "ktp-el", "loket-1", "verifikasi", "", "~a");
    const flag = fc.oneof(fc.boolean(), fc.constant(1));
    const step = fc.record({ stepId: maybe(word), ms: maybe(time), targetMs: maybe(target), met: maybe(flag) });
    const measurement = fc.record(
      {
        serviceId: maybe(word), segmentIndex: fc.nat(5), counterId: maybe(word), officerId: maybe(word),
        enqueuedAt: maybe(time), calledAt: maybe(time), startedAt: maybe(time), endedAt: maybe(time),
        recalls: fc.nat(3), waitMs: maybe(time), serviceMs: maybe(time), waitTargetMs: maybe(target),
        serviceTargetMs: maybe(target), waitMet: maybe(flag), serviceMet: maybe(flag),
        steps: fc.array(step, { maxLength: 4 }),
      },
      // Fields left out now and then: such an object takes the object form.
      { requiredKeys: ["serviceId", "segmentIndex", "counterId", "officerId", "enqueuedAt", "calledAt", "startedAt", "endedAt", "recalls", "waitMs", "serviceMs", "waitTargetMs", "serviceTargetMs", "waitMet", "steps"] },
    );
    fc.assert(
      fc.property(measurement, fc.integer({ min: 0, max: AT * 2 }), (m, at) => {
        const fields = { counterId: "loket-1", measurement: m };
        const plain = JSON.parse(JSON.stringify(fields)) as Record<string, unknown>;
        const dict = words();
        const decoded = decodePayload(encodePayload(fields, at, dict), at, dict);
        expect(decoded).toEqual(plain);
        expect(JSON.stringify(decoded)).toEqual(JSON.stringify(plain));
      }),
      { numRuns: 1000, seed: 11 },
    );
  });

  it("reads back a measurement in the object form the log held before migration 0011", () => {
    const dict = words();
    for (const w of ["loket-1", "selesai", "skck", "verifikasi"]) dict.code(w);
    // Written by 0009's codec: one-character field codes, no array.
    const stored =
      '{")":1,",":2,"a":{"(":3,"c":0,")":1,"e":null,"!":228139,"#":221646,"h":null,"%":0,"j":1,"k":6493,"l":221646,"m":1800000,"n":1500000,"o":true,"p":null,"q":[{"+":4,"s":5,"t":null,"u":null}]}}';
    const fields = {
      counterId: "loket-1",
      outcome: "selesai",
      measurement: {
        serviceId: "skck", segmentIndex: 0, counterId: "loket-1", officerId: null, enqueuedAt: AT - 228_139,
        calledAt: AT - 221_646, startedAt: null, endedAt: AT, recalls: 1, waitMs: 6493, serviceMs: 221646,
        waitTargetMs: 1800000, serviceTargetMs: 1500000, waitMet: true, serviceMet: null,
        steps: [{ stepId: "verifikasi", ms: 5, targetMs: null, met: null }],
      },
    };
    expect(JSON.stringify(decodePayload(stored, AT, dict))).toEqual(JSON.stringify(fields));
    // The same fields written now: the array form.
    const now = '{")":1,",":2,"@":[3,0,1,null,228139,221646,null,0,1,6493,221646,30,25,1,null,[[4,5,null,null]]]}';
    expect(encodePayload(fields, AT, dict)).toBe(now);
    // What migration 0011 does to the stored one, without the word table; a payload already in the array form stays.
    expect(recodePayload(stored, AT)).toBe(now);
    expect(recodePayload(now, AT)).toBe(now);
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
    expect(encoded.length).toBeLessThan(JSON.stringify(fields).length * 0.3);
    expect(decodePayload(encoded, AT, dict)).toEqual(fields);
  });

  it("gives back any fields of any event type key for key: the list form for the core's shapes, the object form for any other (0014)", () => {
    const types = fc.constantFrom(
      "ticket.issued", "ticket.called", "ticket.recalled", "ticket.serving", "ticket.step_done", "ticket.step_undone",
      "ticket.completed", "ticket.no_show", "ticket.transferred", "ticket.cancelled", "counter.opened", "counter.paused",
      "counter.closed", "survey.submitted", "no.such_type",
    );
    const word = fc.oneof(fc.constantFrom("skck", "loket-1", "2025-11-03", "regular_turn", "~a", ""), fc.constant(null));
    const value = fc.oneof(word, fc.integer(), fc.constant(-0), fc.constant(1.5), fc.jsonValue({ maxDepth: 2 }));
    const measurement = fc.constant({
      serviceId: "skck", segmentIndex: 0, counterId: "loket-1", officerId: null, enqueuedAt: AT - 9, calledAt: AT - 5,
      startedAt: null, endedAt: AT, recalls: 0, waitMs: 4, serviceMs: null, waitTargetMs: 60_000, serviceTargetMs: null,
      waitMet: true, serviceMet: null, steps: [],
    });
    // The core's field names in its order, with a value of any kind, sometimes one left out or one more.
    const names = ["serviceId", "number", "sequence", "serviceDay", "priority", "kioskId", "counterId", "officerId", "reason",
      "recalls", "stepId", "outcome", "fromServiceId", "toServiceId", "measurement", "ticketId"];
    const fields = fc
      .tuple(fc.subarray(names), fc.array(fc.oneof(value, measurement), { minLength: names.length, maxLength: names.length }))
      .map(([keys, values]) => Object.fromEntries(keys.map((k, i) => [k, values[i]])));
    fc.assert(
      fc.property(types, fields, fc.integer({ min: 0, max: AT * 2 }), (type, f, at) => {
        const plain = JSON.parse(JSON.stringify(f)) as Record<string, unknown>;
        const dict = words();
        const encoded = encodePayload(f, at, dict, type);
        const decoded = decodePayload(encoded, at, dict, type);
        expect(JSON.stringify(decoded)).toEqual(JSON.stringify(plain));
        expect(recodePayload(encoded, at, type)).toBe(encoded);
      }),
      { numRuns: 2000, seed: 14 },
    );
  });

  it("writes the core's common events as lists, and reads back the object form the log held before 0014", () => {
    const dict = words();
    for (const w of ["skck", "2025-11-03", "kiosk-lobi", "loket-1", "sim-officer", "regular_turn"]) dict.code(w);
    const issued = { serviceId: "skck", number: "SK-088", sequence: 88, serviceDay: "2025-11-03", priority: null, kioskId: "kiosk-lobi" };
    const before = '{"(":1,"x":"SK-088","y":88,"<":2,"A":null,"-":3}';
    expect(decodePayload(before, AT, dict, "ticket.issued")).toEqual(issued);
    expect(encodePayload(issued, AT, dict, "ticket.issued")).toBe('[1,"SK-088",88,2,null,3]');
    expect(recodePayload(before, AT, "ticket.issued")).toBe('[1,"SK-088",88,2,null,3]');
    const called = { counterId: "loket-1", officerId: "sim-officer", reason: "regular_turn" };
    expect(encodePayload(called, AT, dict, "ticket.called")).toBe("[4,5,6]");
    expect(decodePayload("[4,5,6]", AT, dict, "ticket.called")).toEqual(called);
    // One field: the bare value.
    expect(encodePayload({ counterId: "loket-1" }, AT, dict, "ticket.serving")).toBe("4");
    expect(decodePayload("4", AT, dict, "ticket.serving")).toEqual({ counterId: "loket-1" });
    expect(decodePayload('{")":4}', AT, dict, "ticket.serving")).toEqual({ counterId: "loket-1" });
    // A shape the list does not describe keeps the object form.
    expect(encodePayload({ counterId: "loket-1", extra: 1 }, AT, dict, "ticket.serving")).toBe('{")":4,"extra":1}');
    expect(() => decodePayload("4", AT, dict, "survey.submitted")).toThrow(/list form/);
  });
});
