import { describe, expect, it } from "vitest";
import { cloneState, createState, replay } from "./state";
import { FRIDAY, jakarta, MINUTE, normalise, officeRules, segment, TestQueue, THURSDAY } from "./testing/fixtures";

const at = (hhmm: string) => jakarta(`${FRIDAY} ${hhmm}`);

/** loket-1 open; izin B-001 (t1), B-002 (t2), B-003 (t3) waiting; B-001 called at 08:10. */
function calledTicket(rules = officeRules()) {
  const q = new TestQueue(rules);
  q.open("loket-1", at("07:30"));
  q.issue("izin", at("08:00"));
  q.issue("izin", at("08:01"));
  q.issue("izin", at("08:02"));
  q.callNext("loket-1", at("08:10"));
  return q;
}

describe("no-show", () => {
  it("is refused until the ticket has been recalled recallsBeforeNoShow times", () => {
    const q = calledTicket();
    expect(q.refused({ type: "markNoShow", counterId: "loket-1" }, at("08:11"))).toBe("NO_SHOW_TOO_EARLY");
    q.run({ type: "recall", counterId: "loket-1" }, at("08:12"));
    expect(q.refused({ type: "markNoShow", counterId: "loket-1" }, at("08:13"))).toBe("NO_SHOW_TOO_EARLY");
    q.run({ type: "recall", counterId: "loket-1" }, at("08:14"));
    const [e] = q.run({ type: "markNoShow", counterId: "loket-1" }, at("08:16"));
    expect(e).toMatchObject({
      type: "ticket.no_show",
      at: at("08:16"),
      ticketId: "t1",
      counterId: "loket-1",
    });
    expect(e?.type === "ticket.no_show" && e.measurement).toMatchObject({
      waitMs: 10 * MINUTE,
      serviceMs: null,
      serviceMet: null,
      recalls: 2,
      endedAt: at("08:16"),
    });
    expect(q.ticket("t1")).toMatchObject({
      status: "no_show",
      noShowAt: at("08:16"),
      segment: { outcome: "no_show" },
    });
    expect(q.inHand("loket-1")).toBeNull();
  });

  it("follows a configured recall count (0 = at once)", () => {
    const rules = officeRules();
    const q = calledTicket({ ...rules, noShow: { ...rules.noShow, recallsBeforeNoShow: 0 } });
    expect(q.run({ type: "markNoShow", counterId: "loket-1" }, at("08:11"))).toHaveLength(1);
  });
});

describe("reinstate", () => {
  function noShow() {
    const q = calledTicket();
    q.run({ type: "recall", counterId: "loket-1" }, at("08:11"));
    q.run({ type: "recall", counterId: "loket-1" }, at("08:12"));
    q.run({ type: "markNoShow", counterId: "loket-1" }, at("08:13"));
    return q;
  }

  it("within the window puts the ticket at the head of its lane in a new segment", () => {
    const q = noShow();
    expect(q.run({ type: "reinstate", ticketId: "t1" }, at("08:43"))).toEqual([
      { type: "ticket.reinstated", at: at("08:43"), ticketId: "t1" },
    ]);
    const t = q.ticket("t1");
    expect(t.status).toBe("waiting");
    expect(t.noShowAt).toBeNull();
    expect(t.number).toBe("B-001");
    expect(t.previousSegments).toHaveLength(1);
    expect(t.previousSegments[0]).toMatchObject({
      index: 0,
      outcome: "no_show",
      recalls: 2,
      endedAt: at("08:13"),
    });
    expect(t.segment).toEqual(
      segment({ index: 1, serviceId: "izin", enqueuedAt: at("08:43"), counterId: null, officerId: null }),
    );
    expect(q.lane("izin", "regular")).toEqual(["B-001", "B-002", "B-003"]);
    expect(q.callNext("loket-1", at("08:44")).number).toBe("B-001");
  });

  it("a priority ticket goes back to the head of the priority lane", () => {
    const q = new TestQueue();
    q.open("loket-1", at("07:30"));
    q.issue("izin", at("08:00"), "disabilitas");
    q.issue("izin", at("08:01"), "lansia");
    q.run({ type: "callTicket", counterId: "loket-1", officerId: null, ticketId: "t1" }, at("08:02"));
    q.run({ type: "recall", counterId: "loket-1" }, at("08:03"));
    q.run({ type: "recall", counterId: "loket-1" }, at("08:04"));
    q.run({ type: "markNoShow", counterId: "loket-1" }, at("08:05"));
    q.run({ type: "reinstate", ticketId: "t1" }, at("08:06"));
    expect(q.lane("izin", "priority")).toEqual(["B-001", "B-002"]);
    expect(q.lane("izin", "regular")).toEqual([]);
  });

  it("is refused after the window", () => {
    const q = noShow();
    expect(q.refused({ type: "reinstate", ticketId: "t1" }, at("08:43") + 1)).toBe("REINSTATE_WINDOW_PASSED");
    expect(q.ticket("t1").status).toBe("no_show");
  });

  it("is refused for a ticket that is not a no-show", () => {
    const q = noShow();
    expect(q.refused({ type: "reinstate", ticketId: "t2" }, at("08:20"))).toBe("TICKET_NOT_NO_SHOW");
    q.run({ type: "reinstate", ticketId: "t1" }, at("08:20"));
    expect(q.refused({ type: "reinstate", ticketId: "t1" }, at("08:21"))).toBe("TICKET_NOT_NO_SHOW");
  });

  it("is refused once the ticket's service day has ended, even inside the window", () => {
    const q = new TestQueue();
    q.open("loket-3", jakarta(`${THURSDAY} 23:00`));
    q.issue("info", jakarta(`${THURSDAY} 23:40`));
    q.callNext("loket-3", jakarta(`${THURSDAY} 23:41`));
    q.run({ type: "recall", counterId: "loket-3" }, jakarta(`${THURSDAY} 23:42`));
    q.run({ type: "recall", counterId: "loket-3" }, jakarta(`${THURSDAY} 23:43`));
    q.run({ type: "markNoShow", counterId: "loket-3" }, jakarta(`${THURSDAY} 23:50`));
    // Yesterday's C-001 must not come back into today's lane beside today's C-001.
    expect(q.refused({ type: "reinstate", ticketId: "t1" }, jakarta(`${FRIDAY} 00:05`))).toBe(
      "REINSTATE_WINDOW_PASSED",
    );
    expect(q.run({ type: "reinstate", ticketId: "t1" }, jakarta(`${THURSDAY} 23:59:59.999`))).toHaveLength(1);
  });

  it("a cancelled no-show stays cancelled and leaves no lane entry", () => {
    const q = noShow();
    q.run({ type: "cancel", ticketId: "t1", reason: "officer" }, at("08:20"));
    expect(q.ticket("t1")).toMatchObject({
      status: "cancelled",
      noShowAt: null,
      segment: { outcome: "no_show", endedAt: at("08:13") },
    });
    expect(q.refused({ type: "reinstate", ticketId: "t1" }, at("08:21"))).toBe("TICKET_NOT_NO_SHOW");
  });
});

describe("transfer", () => {
  it("keeps the number, closes the old segment with its measurement and queues in the target", () => {
    const q = calledTicket();
    q.run({ type: "startService", counterId: "loket-1" }, at("08:12"));
    const events = q.run({ type: "transfer", counterId: "loket-1", toServiceId: "ktp" }, at("08:20"));
    expect(events).toEqual([
      {
        type: "ticket.transferred",
        at: at("08:20"),
        ticketId: "t1",
        counterId: "loket-1",
        fromServiceId: "izin",
        toServiceId: "ktp",
        measurement: {
          serviceId: "izin",
          segmentIndex: 0,
          counterId: "loket-1",
          officerId: "officer-loket-1",
          enqueuedAt: at("08:00"),
          calledAt: at("08:10"),
          startedAt: at("08:12"),
          endedAt: at("08:20"),
          recalls: 0,
          waitMs: 10 * MINUTE,
          serviceMs: 8 * MINUTE,
          waitTargetMs: 45 * MINUTE,
          serviceTargetMs: 20 * MINUTE,
          waitMet: true,
          serviceMet: true,
          steps: [],
        },
      },
    ]);
    const t = q.ticket("t1");
    expect(t).toMatchObject({ number: "B-001", issuedServiceId: "izin", status: "waiting" });
    expect(t.previousSegments).toEqual([
      expect.objectContaining({ serviceId: "izin", outcome: "transferred", endedAt: at("08:20") }),
    ]);
    expect(t.segment).toMatchObject({
      index: 1,
      serviceId: "ktp",
      enqueuedAt: at("08:20"),
      firstCalledAt: null,
      counterId: null,
    });
    expect(q.lane("ktp", "regular")).toEqual(["B-001"]);
    expect(q.lane("izin", "regular")).toEqual(["B-002", "B-003"]);
    expect(q.inHand("loket-1")).toBeNull();
    expect(q.state.samples.get("izin")).toEqual([{ at: at("08:20"), ms: 8 * MINUTE }]);
    // The transfer does not use the target's quota or numbering.
    expect(q.state.numbering.get("ktp")).toBeUndefined();

    // loket-1 prefers ktp: the transferred ticket is called next there, then completed in ktp.
    expect(q.callNext("loket-1", at("08:25"))).toMatchObject({ number: "B-001", reason: "only_lane" });
    const [done] = q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at("08:30"));
    expect(done?.type === "ticket.completed" && done.measurement).toMatchObject({
      serviceId: "ktp",
      segmentIndex: 1,
      waitMs: 5 * MINUTE,
    });
    expect(q.state.samples.get("ktp")).toEqual([{ at: at("08:30"), ms: 5 * MINUTE }]);
  });

  it("of a called ticket that never started has no service time", () => {
    const q = calledTicket();
    const [e] = q.run({ type: "transfer", counterId: "loket-1", toServiceId: "info" }, at("08:20"));
    expect(e?.type === "ticket.transferred" && e.measurement).toMatchObject({
      serviceMs: null,
      serviceMet: null,
      waitMs: 10 * MINUTE,
    });
    expect(q.state.samples.get("izin")).toBeUndefined();
  });

  it("keeps the priority lane", () => {
    const q = new TestQueue();
    q.open("loket-1", at("07:30"));
    q.issue("izin", at("08:00"), "ibu_hamil_menyusui");
    q.callNext("loket-1", at("08:01"));
    q.run({ type: "transfer", counterId: "loket-1", toServiceId: "info" }, at("08:02"));
    expect(q.lane("info", "priority")).toEqual(["B-001"]);
  });

  it("is refused to the same or an unknown service", () => {
    const q = calledTicket();
    expect(q.refused({ type: "transfer", counterId: "loket-1", toServiceId: "izin" }, at("08:20"))).toBe(
      "TRANSFER_SAME_SERVICE",
    );
    expect(q.refused({ type: "transfer", counterId: "loket-1", toServiceId: "paspor" }, at("08:20"))).toBe(
      "SERVICE_UNKNOWN",
    );
  });
});

describe("undo of a transfer", () => {
  const sec = (hhmmss: string) => jakarta(`${FRIDAY} ${hhmmss}`);

  /** B-001 (izin) called 08:10, recalled 08:11, served from 08:12, transferred to info at 08:20:00; C-001 waits for info. */
  function transferred() {
    const q = calledTicket();
    q.issue("info", at("08:03"));
    q.run({ type: "recall", counterId: "loket-1" }, at("08:11"));
    q.run({ type: "startService", counterId: "loket-1" }, at("08:12"));
    const before = normalise(cloneState(q.state));
    q.run({ type: "transfer", counterId: "loket-1", toServiceId: "info" }, sec("08:20:00"));
    return { q, before };
  }

  it("puts the ticket back in hand, in the same segment, as if the transfer had not happened", () => {
    const { q, before } = transferred();
    const [e] = q.run({ type: "undoTransfer", counterId: "loket-1", ticketId: "t1" }, sec("08:20:09"));
    expect(e).toEqual({
      type: "ticket.transfer_undone",
      at: sec("08:20:09"),
      ticketId: "t1",
      counterId: "loket-1",
      fromServiceId: "izin",
      toServiceId: "info",
      segmentIndex: 0,
      status: "serving",
      lastCalledAt: at("08:11"),
    });
    // Lanes, counters, samples and the ticket itself: all as before the transfer.
    expect(normalise(q.state)).toEqual(before);
    expect(q.inHand("loket-1")).toBe("B-001");
    expect(q.lane("info", "regular")).toEqual(["C-001"]);
    // When it ends for real, it is measured once, from the original start.
    const [done] = q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at("08:25"));
    expect(done?.type === "ticket.completed" && done.measurement).toMatchObject({
      segmentIndex: 0,
      serviceId: "izin",
      startedAt: at("08:12"),
      serviceMs: 13 * MINUTE,
      recalls: 1,
    });
    expect(q.state.samples.get("izin")).toEqual([{ at: at("08:25"), ms: 13 * MINUTE }]);
  });

  it("of a called ticket brings it back called, with its recalls", () => {
    const q = calledTicket();
    q.run({ type: "transfer", counterId: "loket-1", toServiceId: "ktp" }, sec("08:15:00"));
    q.run({ type: "undoTransfer", counterId: "loket-1", ticketId: "t1" }, sec("08:15:05"));
    expect(q.ticket("t1")).toMatchObject({ status: "called", segment: { index: 0, serviceId: "izin", endedAt: null } });
    expect(q.lane("ktp", "regular")).toEqual([]);
  });

  it("is refused once the target service called it, after the window, and from another counter", () => {
    const called = transferred().q;
    called.open("loket-2", at("07:31"));
    called.run({ type: "callTicket", counterId: "loket-2", officerId: "rina", ticketId: "t1" }, sec("08:20:03"));
    expect(called.refused({ type: "undoTransfer", counterId: "loket-1", ticketId: "t1" }, sec("08:20:04"))).toBe(
      "TRANSFER_ALREADY_CALLED",
    );

    const late = transferred().q;
    expect(late.refused({ type: "undoTransfer", counterId: "loket-1", ticketId: "t1" }, sec("08:20:16"))).toBe(
      "TRANSFER_UNDO_WINDOW_PASSED",
    );
    // The last moment of the window still counts.
    late.run({ type: "undoTransfer", counterId: "loket-1", ticketId: "t1" }, sec("08:20:15"));

    const other = transferred().q;
    other.open("loket-2", at("07:31"));
    expect(other.refused({ type: "undoTransfer", counterId: "loket-2", ticketId: "t1" }, sec("08:20:05"))).toBe(
      "NOTHING_TO_UNDO",
    );
    expect(other.refused({ type: "undoTransfer", counterId: "loket-1", ticketId: "t2" }, sec("08:20:05"))).toBe(
      "NOTHING_TO_UNDO",
    );
  });

  it("is refused when the counter has called someone else or paused since", () => {
    const busy = transferred().q;
    busy.callNext("loket-1", sec("08:20:02"));
    expect(busy.refused({ type: "undoTransfer", counterId: "loket-1", ticketId: "t1" }, sec("08:20:03"))).toBe(
      "COUNTER_BUSY",
    );
    const paused = transferred().q;
    paused.run({ type: "pauseCounter", counterId: "loket-1" }, sec("08:20:02"));
    expect(paused.refused({ type: "undoTransfer", counterId: "loket-1", ticketId: "t1" }, sec("08:20:03"))).toBe(
      "COUNTER_NOT_OPEN",
    );
  });

  it("a cancelled ticket is finished, not undone", () => {
    const { q } = transferred();
    q.run({ type: "cancel", ticketId: "t1", reason: "citizen_left" }, sec("08:20:02"));
    expect(q.refused({ type: "undoTransfer", counterId: "loket-1", ticketId: "t1" }, sec("08:20:03"))).toBe(
      "TICKET_FINISHED",
    );
  });

  it("replays to the same state", () => {
    const { q } = transferred();
    q.run({ type: "undoTransfer", counterId: "loket-1", ticketId: "t1" }, sec("08:20:05"));
    expect(normalise(replay(createState(q.state.rules), q.log))).toEqual(normalise(q.state));
  });
});

describe("counters", () => {
  it("open, pause, re-open and close", () => {
    const q = new TestQueue();
    expect(q.run({ type: "openCounter", counterId: "loket-2", officerId: "budi" }, at("07:30"))).toEqual([
      { type: "counter.opened", at: at("07:30"), counterId: "loket-2", officerId: "budi" },
    ]);
    expect(q.state.counters.get("loket-2")).toEqual({
      id: "loket-2",
      status: "open",
      officerId: "budi",
      currentTicketId: null,
      laneCycle: 0,
      bookedRun: 0,
      since: at("07:30"),
    });
    // Re-open by the same officer: a no-op, nothing to log.
    expect(q.run({ type: "openCounter", counterId: "loket-2", officerId: "budi" }, at("07:31"))).toEqual([]);
    expect(q.refused({ type: "openCounter", counterId: "loket-2", officerId: "ani" }, at("07:32"))).toBe(
      "COUNTER_TAKEN",
    );

    expect(q.run({ type: "pauseCounter", counterId: "loket-2" }, at("10:00"))).toEqual([
      { type: "counter.paused", at: at("10:00"), counterId: "loket-2" },
    ]);
    expect(q.run({ type: "pauseCounter", counterId: "loket-2" }, at("10:01"))).toEqual([]);
    q.issue("izin", at("10:02"));
    expect(q.refused({ type: "callNext", counterId: "loket-2", officerId: "budi" }, at("10:03"))).toBe(
      "COUNTER_NOT_OPEN",
    );
    expect(q.run({ type: "openCounter", counterId: "loket-2", officerId: "budi" }, at("10:15"))).toHaveLength(
      1,
    );
    expect(q.state.counters.get("loket-2")).toMatchObject({
      status: "open",
      officerId: "budi",
      since: at("10:15"),
    });

    expect(q.run({ type: "closeCounter", counterId: "loket-2" }, at("15:00"))).toEqual([
      { type: "counter.closed", at: at("15:00"), counterId: "loket-2" },
    ]);
    expect(q.state.counters.get("loket-2")).toMatchObject({ status: "closed", officerId: null });
    expect(q.run({ type: "closeCounter", counterId: "loket-2" }, at("15:01"))).toEqual([]);
    expect(q.refused({ type: "pauseCounter", counterId: "loket-2" }, at("15:02"))).toBe("COUNTER_NOT_OPEN");
    // Once closed, anyone may open it.
    expect(q.run({ type: "openCounter", counterId: "loket-2", officerId: "ani" }, at("15:03"))).toHaveLength(
      1,
    );
  });

  it("a paused counter is resumed by its own officer only; others close it first", () => {
    const q = new TestQueue();
    q.run({ type: "openCounter", counterId: "loket-2", officerId: "budi" }, at("08:00"));
    q.run({ type: "pauseCounter", counterId: "loket-2" }, at("10:00"));
    expect(q.refused({ type: "openCounter", counterId: "loket-2", officerId: "ani" }, at("10:05"))).toBe(
      "COUNTER_TAKEN",
    );
    expect(q.state.counters.get("loket-2")).toMatchObject({ status: "paused", officerId: "budi" });
    q.run({ type: "closeCounter", counterId: "loket-2" }, at("10:06"));
    expect(q.run({ type: "openCounter", counterId: "loket-2", officerId: "ani" }, at("10:07"))).toEqual([
      { type: "counter.opened", at: at("10:07"), counterId: "loket-2", officerId: "ani" },
    ]);
  });

  it("cannot pause or close with a ticket in hand", () => {
    const q = calledTicket();
    expect(q.refused({ type: "pauseCounter", counterId: "loket-1" }, at("08:11"))).toBe("COUNTER_BUSY");
    expect(q.refused({ type: "closeCounter", counterId: "loket-1" }, at("08:11"))).toBe("COUNTER_BUSY");
    q.run({ type: "startService", counterId: "loket-1" }, at("08:12"));
    expect(q.refused({ type: "closeCounter", counterId: "loket-1" }, at("08:13"))).toBe("COUNTER_BUSY");
    q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at("08:20"));
    expect(q.run({ type: "closeCounter", counterId: "loket-1" }, at("08:21"))).toHaveLength(1);
  });
});

describe("closeServiceDay", () => {
  it("cancels what is left of earlier days (day_ended) and nothing of today", () => {
    const q = new TestQueue();
    q.open("loket-3", jakarta(`${THURSDAY} 22:00`));
    q.open("loket-2", jakarta(`${THURSDAY} 22:00`));
    q.issue("info", jakarta(`${THURSDAY} 23:00`)); // t1 C-001: will be served
    q.issue("info", jakarta(`${THURSDAY} 23:01`), "lansia"); // t2: called, left at loket-3
    q.issue("info", jakarta(`${THURSDAY} 23:02`)); // t3: serving at loket-2
    q.issue("info", jakarta(`${THURSDAY} 23:03`)); // t4: waiting
    q.issue("info", jakarta(`${THURSDAY} 23:04`)); // t5: cancelled by the citizen
    q.run(
      { type: "callTicket", counterId: "loket-3", officerId: null, ticketId: "t1" },
      jakarta(`${THURSDAY} 23:10`),
    );
    q.run({ type: "complete", counterId: "loket-3", outcome: "selesai" }, jakarta(`${THURSDAY} 23:12`));
    q.run(
      { type: "callTicket", counterId: "loket-3", officerId: null, ticketId: "t2" },
      jakarta(`${THURSDAY} 23:13`),
    );
    q.run(
      { type: "callTicket", counterId: "loket-2", officerId: null, ticketId: "t3" },
      jakarta(`${THURSDAY} 23:14`),
    );
    q.run({ type: "startService", counterId: "loket-2" }, jakarta(`${THURSDAY} 23:15`));
    q.run({ type: "cancel", ticketId: "t5", reason: "citizen_left" }, jakarta(`${THURSDAY} 23:16`));
    q.issue("info", jakarta(`${FRIDAY} 00:00`)); // t6: today's C-001

    const midnight = jakarta(`${FRIDAY} 00:01`);
    expect(q.run({ type: "closeServiceDay" }, midnight)).toEqual([
      { type: "ticket.cancelled", at: midnight, ticketId: "t2", reason: "day_ended" },
      { type: "ticket.cancelled", at: midnight, ticketId: "t3", reason: "day_ended" },
      { type: "ticket.cancelled", at: midnight, ticketId: "t4", reason: "day_ended" },
    ]);
    expect([...q.state.tickets.values()].map((t) => `${t.id} ${t.status}`)).toEqual([
      "t1 done",
      "t2 cancelled",
      "t3 cancelled",
      "t4 cancelled",
      "t5 cancelled",
      "t6 waiting",
    ]);
    expect(q.inHand("loket-2")).toBeNull();
    expect(q.inHand("loket-3")).toBeNull();
    expect(q.lane("info", "regular")).toEqual(["C-001"]);
    expect(q.lane("info", "priority")).toEqual([]);
    expect(q.ticket("t6").serviceDay).toBe(FRIDAY);
    // Nothing left: a second run is a no-op.
    expect(q.run({ type: "closeServiceDay" }, midnight + 1)).toEqual([]);
  });
});
