import type { IssuedTicket } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import { BOOKED_CHECK_IN_ANSWER } from "../../../../tests/support/issued-ticket";
import { checkInByCode, type BookingCommands } from "./check-in";
import type { IssueAnswer } from "./kiosk-hub";
import { printerThat, READY } from "./testing/printer";

const issued: IssuedTicket = BOOKED_CHECK_IN_ANSWER;

function hubAnswering(answer: IssueAnswer) {
  const sent: Parameters<BookingCommands["checkIn"]>[0][] = [];
  const hub: BookingCommands = {
    checkIn: (request) => {
      sent.push(request);
      return Promise.resolve(answer);
    },
  };
  return { hub, sent };
}

const request = { requestId: "req-0001-abcd", code: "7KQ-M4P" };
const tooEarly = {
  ok: false as const,
  error: { code: "BOOKING_TOO_EARLY" as const, message: "Belum waktunya check-in. Silakan kembali mulai pukul 09.00.", messageEn: "Too early." },
};

describe("check in a booking at the kiosk", () => {
  it("Electron: asks the printer, checks in with printVia kiosk, prints the hub's ticket", async () => {
    const { hub, sent } = hubAnswering({ ok: true, data: issued });
    const printer = printerThat(READY, { ok: true });
    expect(await checkInByCode(hub, { via: "kiosk", bridge: printer.bridge }, request)).toEqual({ kind: "issued", issued });
    expect(sent).toEqual([{ ...request, printVia: "kiosk" }]);
    expect(printer.printed).toEqual([issued.print]);
  });

  it("leaves the booking alone when the printer cannot print", async () => {
    const { hub, sent } = hubAnswering({ ok: true, data: issued });
    const printer = printerThat({ ready: false, problem: "PAPER_END", paperNearEnd: false }, { ok: true });
    expect(await checkInByCode(hub, { via: "kiosk", bridge: printer.bridge }, request)).toEqual({
      kind: "printer",
      problem: "PAPER_END",
      hubMessage: null,
    });
    expect(sent).toEqual([]);
  });

  it("keeps the checked-in ticket when the paper jams (the slot is the citizen's)", async () => {
    const { hub } = hubAnswering({ ok: true, data: issued });
    const printer = printerThat(READY, { ok: false, problem: "COVER_OPEN" });
    expect(await checkInByCode(hub, { via: "kiosk", bridge: printer.bridge }, request)).toEqual({
      kind: "not_printed",
      issued,
      problem: "COVER_OPEN",
    });
  });

  it("passes the hub's refusal through in its own words, on either path", async () => {
    const { hub, sent } = hubAnswering(tooEarly);
    expect(await checkInByCode(hub, { via: "hub" }, request)).toEqual({ kind: "refused", error: tooEarly.error });
    expect(sent).toEqual([{ ...request, printVia: "hub" }]);
    const printer = printerThat(READY, { ok: true });
    expect(await checkInByCode(hub, { via: "kiosk", bridge: printer.bridge }, request)).toEqual({ kind: "refused", error: tooEarly.error });
    expect(printer.printed).toEqual([]);
  });

  it("browser: the hub's printer problem and an unreachable hub are told apart", async () => {
    const printerDown = { ok: false as const, error: { code: "PRINTER_UNAVAILABLE" as const, message: "Printer tidak siap.", messageEn: "Printer not ready." } };
    expect(await checkInByCode(hubAnswering(printerDown).hub, { via: "hub" }, request)).toEqual({
      kind: "printer",
      problem: null,
      hubMessage: printerDown.error,
    });
    expect(await checkInByCode(hubAnswering({ ok: false, unreachable: true }).hub, { via: "hub" }, request)).toEqual({ kind: "unreachable" });
  });
});
