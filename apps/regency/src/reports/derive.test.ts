import type { QueueEvent } from "@layan/core";
import { describe, expect, it } from "vitest";
import { deriveTicket, type ShippedEvent } from "./derive";

const MIN = 60_000;
const T0 = Date.parse("2026-11-16T08:00:00+07:00");

function m(segmentIndex: number, serviceId: string, enqueuedAt: number, calledAt: number, endedAt: number) {
  return {
    serviceId, segmentIndex, counterId: "loket-1", officerId: "petugas-1", enqueuedAt, calledAt, startedAt: calledAt, endedAt, recalls: 0,
    waitMs: calledAt - enqueuedAt, serviceMs: endedAt - calledAt, waitTargetMs: 30 * MIN, serviceTargetMs: 20 * MIN, waitMet: true, serviceMet: true, steps: [],
  };
}

const log = (events: QueueEvent[], stream = 1, from = 1): ShippedEvent[] => events.map((event, i) => ({ stream, seq: from + i, event }));
const issued: QueueEvent = { type: "ticket.issued", at: T0, ticketId: "T", serviceId: "ktp", number: "A001", sequence: 1, serviceDay: "2026-11-16", priority: null, kioskId: null };
const called = (at: number): QueueEvent => ({ type: "ticket.called", at, ticketId: "T", counterId: "loket-1", officerId: "petugas-1", reason: "regular_turn" });

describe("deriveTicket, the central twin of the hub's read-model writer", () => {
  it("an undone transfer takes the transferred segment back out; the segment then ends once", () => {
    const events = log([
        issued,
        called(T0 + 5 * MIN),
        { type: "ticket.transferred", at: T0 + 10 * MIN, ticketId: "T", counterId: "loket-1", fromServiceId: "ktp", toServiceId: "kk", measurement: m(0, "ktp", T0, T0 + 5 * MIN, T0 + 10 * MIN) },
        { type: "ticket.transfer_undone", at: T0 + 11 * MIN, ticketId: "T", counterId: "loket-1", fromServiceId: "ktp", toServiceId: "kk", segmentIndex: 0, status: "serving", lastCalledAt: T0 + 5 * MIN },
        { type: "ticket.completed", at: T0 + 15 * MIN, ticketId: "T", counterId: "loket-1", outcome: "selesai", measurement: m(0, "ktp", T0, T0 + 5 * MIN, T0 + 15 * MIN) },
      ]);
    // Still being served after the undo: no ended segment at all.
    expect(deriveTicket(events.slice(0, 4), new Map())?.segments).toEqual([]);
    const facts = deriveTicket(events, new Map());
    expect(facts?.segments.map((s) => [s.segmentIndex, s.serviceId, s.outcome, s.serviceMs])).toEqual([[0, "ktp", "selesai", 10 * MIN]]);
  });

  it("a cancelled no-show keeps its no-show; a ticket cancelled while called keeps its wait, without SOP verdicts", () => {
    const noShow = deriveTicket(
      log([
        issued,
        called(T0 + 5 * MIN),
        { type: "ticket.no_show", at: T0 + 8 * MIN, ticketId: "T", counterId: "loket-1", measurement: m(0, "ktp", T0, T0 + 5 * MIN, T0 + 8 * MIN) },
        { type: "ticket.cancelled", at: T0 + 30 * MIN, ticketId: "T", reason: "citizen_left" },
      ]),
      new Map(),
    );
    expect(noShow?.segments.map((s) => s.outcome)).toEqual(["no_show"]);

    const cancelled = deriveTicket(log([issued, called(T0 + 5 * MIN), called(T0 + 7 * MIN), { type: "ticket.cancelled", at: T0 + 9 * MIN, ticketId: "T", reason: "citizen_left" }]), new Map());
    expect(cancelled?.segments).toMatchObject([{ segmentIndex: 0, outcome: "cancelled", waitMs: 5 * MIN, waitMet: null, waitTargetMs: null }]);
  });

  it("a reinstated no-show waits again in a new segment of the same service", () => {
    const facts = deriveTicket(
      log([
        issued,
        called(T0 + 5 * MIN),
        { type: "ticket.no_show", at: T0 + 8 * MIN, ticketId: "T", counterId: "loket-1", measurement: m(0, "ktp", T0, T0 + 5 * MIN, T0 + 8 * MIN) },
        { type: "ticket.reinstated", at: T0 + 20 * MIN, ticketId: "T" },
        { type: "ticket.cancelled", at: T0 + 25 * MIN, ticketId: "T", reason: "citizen_left" },
      ]),
      new Map(),
    );
    expect(facts?.segments.map((s) => [s.segmentIndex, s.outcome, s.enqueuedAt, s.waitMs])).toEqual([
      [0, "no_show", T0, 5 * MIN],
      [1, "cancelled", T0 + 20 * MIN, null],
    ]);
  });

  it("without its issue among the events a ticket has no facts", () => {
    expect(deriveTicket(log([called(T0)]), new Map())).toBeNull();
  });
});
