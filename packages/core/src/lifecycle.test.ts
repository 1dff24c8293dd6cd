import { describe, expect, it } from "vitest";
import { decide } from "./decide";
import { FRIDAY, jakarta, MINUTE, TestQueue } from "./testing/fixtures";

const at = (hhmm: string) => jakarta(`${FRIDAY} ${hhmm}`);

/** A queue with loket-1 open and one KTP ticket (A-001, id t1) waiting. */
function withWaitingTicket() {
  const q = new TestQueue();
  q.open("loket-1", at("07:30"));
  q.issue("ktp", at("08:00"));
  return q;
}

describe("ticket lifecycle: waiting -> called -> serving -> done", () => {
  it("records each step with exact events", () => {
    const q = withWaitingTicket();
    expect(q.log).toEqual([
      { type: "counter.opened", at: at("07:30"), counterId: "loket-1", officerId: "officer-loket-1" },
      {
        type: "ticket.issued",
        at: at("08:00"),
        ticketId: "t1",
        serviceId: "ktp",
        number: "A-001",
        sequence: 1,
        serviceDay: FRIDAY,
        priority: null,
        kioskId: "kiosk-1",
      },
    ]);
    expect(q.ticket("t1").status).toBe("waiting");
    expect(q.lane("ktp", "regular")).toEqual(["A-001"]);

    expect(q.run({ type: "callNext", counterId: "loket-1", officerId: "siti" }, at("08:10"))).toEqual([
      {
        type: "ticket.called",
        at: at("08:10"),
        ticketId: "t1",
        counterId: "loket-1",
        officerId: "siti",
        reason: "only_lane",
      },
    ]);
    expect(q.ticket("t1").status).toBe("called");
    expect(q.lane("ktp", "regular")).toEqual([]);
    expect(q.inHand("loket-1")).toBe("A-001");

    expect(q.run({ type: "startService", counterId: "loket-1" }, at("08:11"))).toEqual([
      { type: "ticket.serving", at: at("08:11"), ticketId: "t1", counterId: "loket-1" },
    ]);
    expect(q.ticket("t1").status).toBe("serving");

    const [completed] = q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at("08:19"));
    expect(completed).toMatchObject({
      type: "ticket.completed",
      at: at("08:19"),
      ticketId: "t1",
      counterId: "loket-1",
      outcome: "selesai",
    });
    const t = q.ticket("t1");
    expect(t.status).toBe("done");
    expect(t.segment).toEqual({
      index: 0,
      serviceId: "ktp",
      enqueuedAt: at("08:00"),
      firstCalledAt: at("08:10"),
      lastCalledAt: at("08:10"),
      startedAt: at("08:11"),
      endedAt: at("08:19"),
      counterId: "loket-1",
      officerId: "siti",
      recalls: 0,
      steps: [],
      outcome: "selesai",
    });
    expect(q.inHand("loket-1")).toBeNull();
    expect(q.state.samples.get("ktp")).toEqual([{ at: at("08:19"), ms: 8 * MINUTE }]);
  });

  it("can complete a called ticket without start (service time from the call)", () => {
    const q = withWaitingTicket();
    q.callNext("loket-1", at("08:10"));
    const [e] = q.run(
      { type: "complete", counterId: "loket-1", outcome: "berkas_tidak_lengkap" },
      at("08:13"),
    );
    expect(e?.type === "ticket.completed" && e.measurement.serviceMs).toBe(3 * MINUTE);
    expect(q.ticket("t1").segment.outcome).toBe("berkas_tidak_lengkap");
  });

  it("ticks SOP steps while serving, once each, known steps only", () => {
    const q = withWaitingTicket();
    q.callNext("loket-1", at("08:10"));
    expect(q.refused({ type: "tickStep", counterId: "loket-1", stepId: "verifikasi" }, at("08:10"))).toBe(
      "TICKET_NOT_SERVING",
    );
    q.run({ type: "startService", counterId: "loket-1" }, at("08:11"));
    expect(q.run({ type: "tickStep", counterId: "loket-1", stepId: "verifikasi" }, at("08:13"))).toEqual([
      { type: "ticket.step_done", at: at("08:13"), ticketId: "t1", stepId: "verifikasi" },
    ]);
    expect(q.refused({ type: "tickStep", counterId: "loket-1", stepId: "verifikasi" }, at("08:14"))).toBe(
      "STEP_ALREADY_DONE",
    );
    expect(q.refused({ type: "tickStep", counterId: "loket-1", stepId: "catat" }, at("08:14"))).toBe(
      "STEP_UNKNOWN",
    );
    expect(q.ticket("t1").segment.steps).toEqual([{ stepId: "verifikasi", at: at("08:13") }]);
  });

  it("unticks a step ticked by mistake: it is measured as if never ticked, and can be ticked again", () => {
    const q = withWaitingTicket();
    q.callNext("loket-1", at("08:10"));
    q.run({ type: "startService", counterId: "loket-1" }, at("08:11"));
    q.run({ type: "tickStep", counterId: "loket-1", stepId: "verifikasi" }, at("08:12"));
    q.run({ type: "tickStep", counterId: "loket-1", stepId: "cetak" }, at("08:13"));
    expect(q.run({ type: "untickStep", counterId: "loket-1", stepId: "cetak" }, at("08:13"))).toEqual([
      { type: "ticket.step_undone", at: at("08:13"), ticketId: "t1", stepId: "cetak" },
    ]);
    expect(q.refused({ type: "untickStep", counterId: "loket-1", stepId: "cetak" }, at("08:14"))).toBe(
      "STEP_NOT_DONE",
    );
    q.run({ type: "tickStep", counterId: "loket-1", stepId: "foto" }, at("08:15"));
    q.run({ type: "tickStep", counterId: "loket-1", stepId: "cetak" }, at("08:20"));
    const [done] = q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at("08:21"));
    expect(done?.type === "ticket.completed" && done.measurement.steps.map((s) => [s.stepId, s.ms])).toEqual([
      ["verifikasi", 1 * MINUTE],
      ["foto", 3 * MINUTE],
      ["cetak", 5 * MINUTE],
    ]);
    expect(q.refused({ type: "untickStep", counterId: "loket-1", stepId: "foto" }, at("08:22"))).toBe(
      "COUNTER_IDLE",
    );
  });

  it("recall counts up and keeps the first call time", () => {
    const q = withWaitingTicket();
    q.callNext("loket-1", at("08:10"));
    expect(q.run({ type: "recall", counterId: "loket-1" }, at("08:11"))).toEqual([
      { type: "ticket.recalled", at: at("08:11"), ticketId: "t1", counterId: "loket-1", recalls: 1 },
    ]);
    expect(q.run({ type: "recall", counterId: "loket-1" }, at("08:12"))).toEqual([
      { type: "ticket.recalled", at: at("08:12"), ticketId: "t1", counterId: "loket-1", recalls: 2 },
    ]);
    expect(q.ticket("t1").segment).toMatchObject({
      recalls: 2,
      firstCalledAt: at("08:10"),
      lastCalledAt: at("08:12"),
    });
    expect(q.ticket("t1").status).toBe("called");
  });
});

describe("wrong-state commands", () => {
  it("counter errors: unknown, not open, busy, idle", () => {
    const q = withWaitingTicket();
    expect(q.refused({ type: "callNext", counterId: "loket-9", officerId: null }, at("08:01"))).toBe(
      "COUNTER_UNKNOWN",
    );
    expect(q.refused({ type: "recall", counterId: "loket-9" }, at("08:01"))).toBe("COUNTER_UNKNOWN");
    expect(q.refused({ type: "openCounter", counterId: "loket-9", officerId: null }, at("08:01"))).toBe(
      "COUNTER_UNKNOWN",
    );
    expect(q.refused({ type: "pauseCounter", counterId: "loket-9" }, at("08:01"))).toBe("COUNTER_UNKNOWN");
    expect(q.refused({ type: "callNext", counterId: "loket-2", officerId: null }, at("08:01"))).toBe(
      "COUNTER_NOT_OPEN",
    );
    expect(
      q.refused({ type: "callTicket", counterId: "loket-2", officerId: null, ticketId: "t1" }, at("08:01")),
    ).toBe("COUNTER_NOT_OPEN");

    for (const type of ["recall", "startService", "markNoShow"] as const) {
      expect(q.refused({ type, counterId: "loket-1" }, at("08:01"))).toBe("COUNTER_IDLE");
    }
    expect(q.refused({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at("08:01"))).toBe(
      "COUNTER_IDLE",
    );
    expect(q.refused({ type: "tickStep", counterId: "loket-1", stepId: "foto" }, at("08:01"))).toBe(
      "COUNTER_IDLE",
    );
    expect(q.refused({ type: "transfer", counterId: "loket-1", toServiceId: "izin" }, at("08:01"))).toBe(
      "COUNTER_IDLE",
    );

    q.issue("ktp", at("08:02"));
    q.callNext("loket-1", at("08:03"));
    expect(q.refused({ type: "callNext", counterId: "loket-1", officerId: null }, at("08:04"))).toBe(
      "COUNTER_BUSY",
    );
    expect(
      q.refused({ type: "callTicket", counterId: "loket-1", officerId: null, ticketId: "t2" }, at("08:04")),
    ).toBe("COUNTER_BUSY");
  });

  it("ticket errors: not called, not serving, not waiting, unknown, finished", () => {
    const q = withWaitingTicket();
    q.issue("ktp", at("08:01"));
    q.callNext("loket-1", at("08:02"));
    q.run({ type: "startService", counterId: "loket-1" }, at("08:03"));
    expect(q.refused({ type: "startService", counterId: "loket-1" }, at("08:04"))).toBe("TICKET_NOT_CALLED");
    expect(q.refused({ type: "recall", counterId: "loket-1" }, at("08:04"))).toBe("TICKET_NOT_CALLED");
    expect(q.refused({ type: "markNoShow", counterId: "loket-1" }, at("08:04"))).toBe("TICKET_NOT_CALLED");
    q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at("08:05"));

    expect(
      q.refused({ type: "callTicket", counterId: "loket-1", officerId: null, ticketId: "t1" }, at("08:06")),
    ).toBe("TICKET_NOT_WAITING");
    expect(
      q.refused({ type: "callTicket", counterId: "loket-1", officerId: null, ticketId: "nope" }, at("08:06")),
    ).toBe("TICKET_UNKNOWN");
    expect(q.refused({ type: "cancel", ticketId: "t1", reason: "officer" }, at("08:06"))).toBe(
      "TICKET_FINISHED",
    );
    expect(q.refused({ type: "cancel", ticketId: "nope", reason: "officer" }, at("08:06"))).toBe(
      "TICKET_UNKNOWN",
    );
    expect(q.refused({ type: "reinstate", ticketId: "nope" }, at("08:06"))).toBe("TICKET_UNKNOWN");
    expect(q.refused({ type: "reinstate", ticketId: "t2" }, at("08:06"))).toBe("TICKET_NOT_NO_SHOW");
    expect(
      q.refused(
        { type: "issueTicket", ticketId: "t9", serviceId: "paspor", priority: null, kioskId: null },
        at("08:06"),
      ),
    ).toBe("SERVICE_UNKNOWN");
  });

  it("a refused command leaves the state alone", () => {
    const q = withWaitingTicket();
    const before = JSON.stringify([...q.state.tickets], null, 0);
    const d = decide(q.state, { type: "startService", counterId: "loket-1" }, at("08:05"));
    expect(d).toEqual({
      ok: false,
      error: { code: "COUNTER_IDLE", detail: "loket-1 has no ticket in hand" },
    });
    expect(JSON.stringify([...q.state.tickets], null, 0)).toBe(before);
  });
});

describe("callTicket (manual)", () => {
  it("calls a specific waiting ticket out of order", () => {
    const q = withWaitingTicket();
    q.issue("ktp", at("08:01"));
    expect(
      q.run({ type: "callTicket", counterId: "loket-1", officerId: "siti", ticketId: "t2" }, at("08:02")),
    ).toEqual([
      {
        type: "ticket.called",
        at: at("08:02"),
        ticketId: "t2",
        counterId: "loket-1",
        officerId: "siti",
        reason: "manual",
      },
    ]);
    expect(q.lane("ktp", "regular")).toEqual(["A-001"]);
  });

  it("refuses a ticket of a service the counter does not serve", () => {
    const q = new TestQueue();
    q.open("loket-3", at("07:30"));
    q.issue("ktp", at("08:00"));
    expect(
      q.refused({ type: "callTicket", counterId: "loket-3", officerId: null, ticketId: "t1" }, at("08:01")),
    ).toBe("COUNTER_DOES_NOT_SERVE");
  });
});

describe("cancel", () => {
  it("takes a waiting ticket out of its lane", () => {
    const q = withWaitingTicket();
    q.issue("ktp", at("08:01"), "lansia");
    expect(q.run({ type: "cancel", ticketId: "t2", reason: "citizen_left" }, at("08:05"))).toEqual([
      { type: "ticket.cancelled", at: at("08:05"), ticketId: "t2", reason: "citizen_left" },
    ]);
    expect(q.ticket("t2")).toMatchObject({
      status: "cancelled",
      segment: { outcome: "cancelled", endedAt: at("08:05") },
    });
    expect(q.lane("ktp", "priority")).toEqual([]);
    expect(q.lane("ktp", "regular")).toEqual(["A-001"]);
  });

  it("frees the counter of a called ticket", () => {
    const q = withWaitingTicket();
    q.callNext("loket-1", at("08:01"));
    q.run({ type: "cancel", ticketId: "t1", reason: "officer" }, at("08:02"));
    expect(q.inHand("loket-1")).toBeNull();
    expect(q.refused({ type: "callNext", counterId: "loket-1", officerId: null }, at("08:03"))).toBe(
      "QUEUE_EMPTY",
    );
  });
});
