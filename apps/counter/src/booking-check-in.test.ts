import type { IssuedTicket } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import { BOOKED_CHECK_IN_ANSWER } from "../../../tests/support/issued-ticket";
import { checkInAnswerText, CODE_HINT, codeToSend } from "./booking-check-in";

const issued: IssuedTicket = BOOKED_CHECK_IN_ANSWER;

describe("the counter's check-in by booking code", () => {
  it("reads a code as the citizen shows it and refuses what cannot be one", () => {
    expect(codeToSend(" 7kq m4p ")).toEqual({ code: "7KQ-M4P" });
    expect(codeToSend("7KQ-M4")).toEqual({ problem: CODE_HINT });
    expect(codeToSend("A-004")).toEqual({ problem: CODE_HINT });
  });

  it("says which number the booking became, with its slot", () => {
    expect(checkInAnswerText("7KQ-M4P", { ok: true, data: issued })).toEqual({
      ok: true,
      number: "A-004",
      text: "7KQ-M4P: nomor antrean A-004 terbit (Reservasi 09.30). Minta warga menunggu panggilan.",
    });
  });

  it("passes the hub's refusal on in its own words, and says when no answer came", () => {
    const refusal = { ok: false as const, error: { code: "BOOKING_EXPIRED" as const, message: "Reservasi sudah lewat waktu; silakan ambil antrean biasa.", messageEn: "Expired." } };
    expect(checkInAnswerText("7KQ-M4P", refusal)).toEqual({ ok: false, text: "7KQ-M4P: Reservasi sudah lewat waktu; silakan ambil antrean biasa." });
    expect(checkInAnswerText("7KQ-M4P", null).ok).toBe(false);
  });
});
