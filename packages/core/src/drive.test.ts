import { describe, expect, it } from "vitest";
import type { QueueCommand } from "./commands";
import { decide } from "./decide";
import { drive } from "./drive";
import { apply, cloneState, createState } from "./state";
import { FRIDAY, jakarta, officeRules } from "./testing/fixtures";

const at = jakarta(`${FRIDAY} 09:00`);
const issue = (ticketId: string): QueueCommand => ({
  type: "issueTicket",
  ticketId,
  serviceId: "ktp",
  priority: null,
  kioskId: "kiosk-1",
});

describe("drive", () => {
  it("applies what decide accepted, in order, and reports each event once it is in the state", () => {
    const state = createState(officeRules());
    const seen: string[] = [];
    const decision = drive(state, issue("t1"), at, {
      accepted: (events) => seen.push(`accepted ${events.length}`),
      applied: (e) => seen.push(`${e.type}, in state: ${state.tickets.has("t1")}`),
    });
    expect(decision.ok).toBe(true);
    expect(seen).toEqual(["accepted 1", "ticket.issued, in state: true"]);
    expect(state.tickets.get("t1")?.status).toBe("waiting");
  });

  it("is decide followed by apply, nothing more", () => {
    const commands: QueueCommand[] = [
      { type: "openCounter", counterId: "loket-1", officerId: "rina" },
      issue("t1"),
      issue("t2"),
      { type: "callNext", counterId: "loket-1", officerId: "rina" },
      { type: "startService", counterId: "loket-1" },
    ];
    const driven = createState(officeRules());
    const byHand = createState(officeRules());
    commands.forEach((command, i) => {
      const now = at + i * 60_000;
      const expected = decide(byHand, command, now);
      if (expected.ok) for (const e of expected.events) apply(byHand, e);
      expect(drive(driven, command, now)).toEqual(expected);
    });
    expect(driven).toEqual(byHand);
    expect(driven.counters.get("loket-1")?.currentTicketId).toBe("t1");
  });

  it("leaves the state alone on a refusal and calls no hook", () => {
    const state = createState(officeRules());
    const before = cloneState(state);
    const seen: string[] = [];
    const decision = drive(state, { type: "callNext", counterId: "loket-1", officerId: "rina" }, at, {
      accepted: () => seen.push("accepted"),
      applied: (e) => seen.push(e.type),
    });
    expect(decision.ok).toBe(false);
    expect(seen).toEqual([]);
    expect(state).toEqual(before);
  });
});
