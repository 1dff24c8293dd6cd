import { describe, expect, it } from "vitest";
import { apply, cloneState, createState, pruneFinished, pruneSettled, replay, waitingCount } from "./state";
import { FRIDAY, jakarta, normalise, officeRules, TestQueue, THURSDAY } from "./testing/fixtures";

const at = (hhmm: string) => jakarta(`${FRIDAY} ${hhmm}`);

describe("createState", () => {
  it("starts with every configured counter closed and nothing queued", () => {
    const state = createState(officeRules());
    expect([...state.counters.values()]).toEqual(
      ["loket-1", "loket-2", "loket-3"].map((id) => ({
        id,
        status: "closed",
        officerId: null,
        currentTicketId: null,
        laneCycle: 0,
        bookedRun: 0,
        since: null,
      })),
    );
    expect(state.tickets.size).toBe(0);
    expect(waitingCount(state, "ktp")).toBe(0);
  });
});

describe("cloneState", () => {
  it("is a deep copy: applying to the clone leaves the original alone", () => {
    const q = new TestQueue();
    q.open("loket-1", at("07:30"));
    q.issue("ktp", at("08:00"));
    q.issue("ktp", at("08:01"), "lansia");
    const original = normalise(q.state);
    const copy = cloneState(q.state);
    expect(normalise(copy)).toEqual(original);

    apply(copy, {
      type: "ticket.called",
      at: at("08:02"),
      ticketId: "t2",
      counterId: "loket-1",
      officerId: null,
      reason: "only_lane",
    });
    apply(copy, { type: "ticket.serving", at: at("08:03"), ticketId: "t2", counterId: "loket-1" });
    apply(copy, { type: "ticket.step_done", at: at("08:04"), ticketId: "t2", stepId: "foto" });
    expect(normalise(q.state)).toEqual(original);
    expect(q.ticket("t2").status).toBe("waiting");
    expect(q.lane("ktp", "priority")).toEqual(["A-002"]);
  });
});

describe("replay", () => {
  it("tolerates events naming a counter no longer in the config", () => {
    const state = replay(createState(officeRules()), [
      { type: "counter.opened", at: at("07:00"), counterId: "loket-lama", officerId: "x" },
    ]);
    expect(state.counters.get("loket-lama")).toMatchObject({ status: "open", officerId: "x" });
  });

  it("fails loudly on an event for an unknown ticket (corrupted log)", () => {
    expect(() =>
      apply(createState(officeRules()), {
        type: "ticket.serving",
        at: at("08:00"),
        ticketId: "nope",
        counterId: "loket-1",
      }),
    ).toThrow("event refers to unknown ticket nope");
  });
});

describe("pruneFinished", () => {
  it("drops finished tickets of earlier days only", () => {
    const q = new TestQueue();
    q.open("loket-3", jakarta(`${THURSDAY} 20:00`));
    q.issue("info", jakarta(`${THURSDAY} 20:00`)); // t1: done
    q.issue("info", jakarta(`${THURSDAY} 20:01`)); // t2: cancelled
    q.issue("info", jakarta(`${THURSDAY} 20:02`)); // t3: still waiting
    q.callNext("loket-3", jakarta(`${THURSDAY} 20:05`));
    q.run({ type: "complete", counterId: "loket-3", outcome: "selesai" }, jakarta(`${THURSDAY} 20:06`));
    q.run({ type: "cancel", ticketId: "t2", reason: "citizen_left" }, jakarta(`${THURSDAY} 20:07`));
    q.issue("info", at("08:00")); // t4: today, waiting
    q.run({ type: "cancel", ticketId: "t4", reason: "citizen_left" }, at("08:01")); // today, finished

    expect(pruneFinished(q.state, FRIDAY)).toBe(2);
    expect([...q.state.tickets.keys()]).toEqual(["t3", "t4"]);
    expect(waitingCount(q.state, "info")).toBe(1);
  });
});

describe("pruneSettled", () => {
  it("drops settled tickets and keeps live ones and no-shows still reinstatable", () => {
    const q = new TestQueue();
    const t0 = jakarta("2026-11-27 08:00");
    q.open("loket-1", t0);
    const [a, b, c, d] = [0, 1, 2, 3].map((i) => q.issue(i < 3 ? "ktp" : "izin", t0).id);
    q.callNext("loket-1", t0);
    q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, t0);
    q.callNext("loket-1", t0);
    for (let i = 0; i < q.state.rules.noShow.recallsBeforeNoShow; i++) q.run({ type: "recall", counterId: "loket-1" }, t0);
    q.run({ type: "markNoShow", counterId: "loket-1" }, t0);
    q.run({ type: "cancel", ticketId: c!, reason: "citizen_left" }, t0);
    const now = t0 + 60_000;
    expect(pruneSettled(q.state, now, now)).toBe(2);
    expect([...q.state.tickets.keys()].sort()).toEqual([b, d].sort());
    expect(q.state.tickets.has(a!)).toBe(false);
    const later = now + q.state.rules.noShow.reinstateWithinMinutes * 60_000 + 1;
    expect(pruneSettled(q.state, later, later)).toBe(1);
    expect([...q.state.tickets.keys()]).toEqual([d]);
    expect([...(q.state.lanes.get("izin")?.regular ?? [])]).toEqual([d]);
  });
});

describe("waiting tickets' empty lists", () => {
  // Tens of thousands can wait at once: an empty array each for steps and for
  // earlier segments was a measurable share of the hub's heap.
  it("share one frozen empty list of steps and one of earlier segments", () => {
    const q = new TestQueue();
    const a = q.issue("ktp", at("08:00"));
    const b = q.issue("izin", at("08:01"), "lansia");
    expect(a.segment.steps).toBe(b.segment.steps);
    expect(a.previousSegments).toBe(b.previousSegments);
    expect(Object.isFrozen(a.segment.steps)).toBe(true);
    expect(Object.isFrozen(a.previousSegments)).toBe(true);
  });

  it("are replaced, never written, by ticks, transfers, reinstatements and undos", () => {
    const q = new TestQueue();
    q.open("loket-1", at("07:30"));
    q.open("loket-2", at("07:30"));
    const served = q.issue("ktp", at("08:00"));
    const bystander = q.issue("ktp", at("08:01"));
    const missed = q.issue("izin", at("08:02"));
    const shared = { steps: bystander.segment.steps, segments: bystander.previousSegments };

    q.callNext("loket-1", at("08:05"));
    q.run({ type: "startService", counterId: "loket-1" }, at("08:06"));
    q.run({ type: "tickStep", counterId: "loket-1", stepId: "verifikasi" }, at("08:07"));
    q.run({ type: "tickStep", counterId: "loket-1", stepId: "foto" }, at("08:08"));
    q.run({ type: "untickStep", counterId: "loket-1", stepId: "verifikasi" }, at("08:09"));
    expect(served.segment.steps.map((s) => s.stepId)).toEqual(["foto"]);
    q.run({ type: "untickStep", counterId: "loket-1", stepId: "foto" }, at("08:09"));
    expect(served.segment.steps).toBe(shared.steps);

    q.run({ type: "transfer", counterId: "loket-1", toServiceId: "izin" }, at("08:10"));
    expect(served.previousSegments.map((s) => s.serviceId)).toEqual(["ktp"]);
    q.run({ type: "undoTransfer", counterId: "loket-1", ticketId: served.id }, at("08:10") + 5_000);
    expect(served.previousSegments).toBe(shared.segments);

    q.run({ type: "callTicket", counterId: "loket-2", officerId: null, ticketId: missed.id }, at("08:12"));
    q.run({ type: "recall", counterId: "loket-2" }, at("08:14"));
    q.run({ type: "recall", counterId: "loket-2" }, at("08:16"));
    q.run({ type: "markNoShow", counterId: "loket-2" }, at("08:18"));
    q.run({ type: "reinstate", ticketId: missed.id }, at("08:19"));
    expect(missed.previousSegments.map((s) => s.outcome)).toEqual(["no_show"]);

    expect(shared.steps).toEqual([]);
    expect(shared.segments).toEqual([]);
    expect(bystander.segment.steps).toBe(shared.steps);
    expect(bystander.previousSegments).toBe(shared.segments);
  });
});
