import { describe, expect, it } from "vitest";
import { payloadHashOf } from "./engine";

describe("payloadHashOf", () => {
  // Pinned from the hub before its canonical JSON was rewritten: the ledger
  // keeps these hashes for a day, so a retry across an upgrade must match.
  it("hashes a payload exactly as the ledger's stored hashes were made", () => {
    expect(payloadHashOf("issueTicket", { serviceId: "ktp-el", requestId: "r-1", priority: null, printVia: "kiosk" })).toBe(
      "I76G3hPr6_dg2dLOe0Nns9rr59bD--SXXwE0Aun-Ras",
    );
    expect(payloadHashOf("survey", { z: [3, undefined, { b: "é", a: 1, c: undefined }], a: 'x"y', é: true, A: -0.5 })).toBe(
      "UZKZF68rmQmCpl6kKoVogwOtz4HDL8mgGMYZd2y6Q4s",
    );
  });

  it("ignores key order and undefined fields, not kinds or values", () => {
    const base = payloadHashOf("recall", { requestId: "r", counterId: "loket-1" });
    expect(payloadHashOf("recall", { counterId: "loket-1", requestId: "r", note: undefined })).toBe(base);
    expect(payloadHashOf("start", { requestId: "r", counterId: "loket-1" })).not.toBe(base);
    expect(payloadHashOf("recall", { requestId: "r", counterId: "loket-2" })).not.toBe(base);
  });
});
