import { describe, expect, it } from "vitest";
import { canonicalJson, IngestBatch, privateTextIn, shippedEvent } from "./regency";

describe("regency contract", () => {
  it("canonicalJson sorts keys at every level, so both ends hash the same text", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: null, y: "é" }], c: true } })).toBe('{"a":{"c":true,"d":[1,{"y":"é","z":null}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it("shippedEvent withholds private text and privateTextIn finds what a hub forgot to withhold", () => {
    const survey = { type: "survey.submitted", at: 1, suggestion: "Petugas Andi ramah", answers: { u1: 4 } };
    expect(shippedEvent(survey)).toEqual({ type: "survey.submitted", at: 1, suggestion: null, answers: { u1: 4 }, withheld: ["suggestion"] });
    expect(privateTextIn(survey)).toEqual(["suggestion"]);
    expect(privateTextIn(shippedEvent(survey))).toEqual([]);
    const queue = { type: "ticket.issued", at: 1, text: "not private here" };
    expect(shippedEvent(queue)).toBe(queue);
  });

  it("IngestBatch refuses a batch whose seqs do not run from firstSeq to lastSeq", () => {
    const e = (seq: number) => ({ seq, event: { type: "ticket.issued", at: 1 } });
    expect(IngestBatch.safeParse({ stream: 1, firstSeq: 3, lastSeq: 4, prevHash: null, events: [e(3), e(4)] }).success).toBe(true);
    expect(IngestBatch.safeParse({ stream: 1, firstSeq: 3, lastSeq: 4, prevHash: null, events: [e(4), e(3)] }).success).toBe(false);
    expect(IngestBatch.safeParse({ stream: 1, firstSeq: 3, lastSeq: 5, prevHash: null, events: [e(3), e(4)] }).success).toBe(false);
    expect(IngestBatch.safeParse({ stream: 0, firstSeq: 1, lastSeq: 1, prevHash: null, events: [e(1)] }).success).toBe(false);
    expect(IngestBatch.safeParse({ stream: 1, firstSeq: 1, lastSeq: 1, prevHash: "zz", events: [e(1)] }).success).toBe(false);
  });
});
