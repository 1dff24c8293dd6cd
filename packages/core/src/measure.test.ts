import { describe, expect, it } from "vitest";
import { measureSegment } from "./measure";
import { FRIDAY, jakarta, KTP, MINUTE, segment, TestQueue } from "./testing/fixtures";

const at = (hhmm: string) => jakarta(`${FRIDAY} ${hhmm}`);

/** A KTP segment that waited 30 min and was served in 10: both exactly on KTP's targets, so both met. */
const ON_KTP_TARGETS = {
  waitMs: 30 * MINUTE,
  serviceMs: 10 * MINUTE,
  waitTargetMs: 30 * MINUTE,
  serviceTargetMs: 10 * MINUTE,
  waitMet: true,
  serviceMet: true,
};

describe("measureSegment", () => {
  // KTP targets: wait 30 min, service 10 min; steps verifikasi 3, foto 2, cetak 5.
  it("meets a target exactly at the boundary, misses it one millisecond later", () => {
    const onTarget = measureSegment(
      segment({ firstCalledAt: at("08:30"), lastCalledAt: at("08:30"), startedAt: at("08:31") }),
      KTP.targets,
      at("08:41"),
      true,
    );
    expect(onTarget).toEqual({
      serviceId: "ktp",
      segmentIndex: 0,
      counterId: "loket-1",
      officerId: "siti",
      enqueuedAt: at("08:00"),
      calledAt: at("08:30"),
      startedAt: at("08:31"),
      endedAt: at("08:41"),
      recalls: 0,
      ...ON_KTP_TARGETS,
      steps: [],
    });

    const late = measureSegment(
      segment({ firstCalledAt: at("08:30") + 1, lastCalledAt: at("08:30") + 1, startedAt: at("08:31") }),
      KTP.targets,
      at("08:41") + 1,
      true,
    );
    expect(late).toMatchObject({
      waitMs: 30 * MINUTE + 1,
      waitMet: false,
      serviceMs: 10 * MINUTE + 1,
      serviceMet: false,
    });
  });

  it("measures wait to the first call and service from the last call when never started", () => {
    const m = measureSegment(
      segment({ firstCalledAt: at("08:05"), lastCalledAt: at("08:09"), recalls: 2 }),
      KTP.targets,
      at("08:15"),
      true,
    );
    expect(m).toMatchObject({
      waitMs: 5 * MINUTE,
      serviceMs: 6 * MINUTE,
      startedAt: null,
      calledAt: at("08:05"),
      recalls: 2,
    });
  });

  it("has no service time when not served, and no wait when never called", () => {
    expect(
      measureSegment(
        segment({ firstCalledAt: at("08:05"), lastCalledAt: at("08:07") }),
        KTP.targets,
        at("08:08"),
        false,
      ),
    ).toMatchObject({ waitMs: 5 * MINUTE, waitMet: true, serviceMs: null, serviceMet: null });
    expect(
      measureSegment(segment({ counterId: null, officerId: null }), KTP.targets, at("09:00"), false),
    ).toMatchObject({
      waitMs: null,
      waitMet: null,
      serviceMs: null,
      serviceMet: null,
      calledAt: null,
    });
  });

  it("times each ticked step from the previous tick, against its target", () => {
    const m = measureSegment(
      segment({
        firstCalledAt: at("08:10"),
        lastCalledAt: at("08:10"),
        startedAt: at("08:11"),
        steps: [
          { stepId: "verifikasi", at: at("08:14") }, // 3 min of 3: met
          { stepId: "foto", at: at("08:16") + 1 }, // 2 min + 1 ms of 2: missed
          { stepId: "lama", at: at("08:17") }, // a step the SOP no longer has
          { stepId: "cetak", at: at("08:22") }, // 5 min of 5: met
        ],
      }),
      KTP.targets,
      at("08:23"),
      true,
    );
    expect(m.steps).toEqual([
      { stepId: "verifikasi", ms: 3 * MINUTE, targetMs: 3 * MINUTE, met: true },
      { stepId: "foto", ms: 2 * MINUTE + 1, targetMs: 2 * MINUTE, met: false },
      { stepId: "lama", ms: MINUTE - 1, targetMs: null, met: null },
      { stepId: "cetak", ms: 5 * MINUTE, targetMs: 5 * MINUTE, met: true },
    ]);
    expect(m).toMatchObject({ serviceMs: 12 * MINUTE, serviceMet: false });
  });
});

describe("measurement in events", () => {
  it("ticket.completed carries the measurement with step times", () => {
    const q = new TestQueue();
    q.open("loket-1", at("07:30"), "siti");
    q.issue("ktp", at("08:00"));
    q.callNext("loket-1", at("08:30"));
    q.run({ type: "recall", counterId: "loket-1" }, at("08:31"));
    q.run({ type: "startService", counterId: "loket-1" }, at("08:32"));
    q.run({ type: "tickStep", counterId: "loket-1", stepId: "verifikasi" }, at("08:35"));
    q.run({ type: "tickStep", counterId: "loket-1", stepId: "cetak" }, at("08:41"));
    const [e] = q.run({ type: "complete", counterId: "loket-1", outcome: "selesai" }, at("08:42"));
    expect(e).toEqual({
      type: "ticket.completed",
      at: at("08:42"),
      ticketId: "t1",
      counterId: "loket-1",
      outcome: "selesai",
      measurement: {
        serviceId: "ktp",
        segmentIndex: 0,
        counterId: "loket-1",
        officerId: "officer-loket-1",
        enqueuedAt: at("08:00"),
        calledAt: at("08:30"),
        startedAt: at("08:32"),
        endedAt: at("08:42"),
        recalls: 1,
        ...ON_KTP_TARGETS,
        steps: [
          { stepId: "verifikasi", ms: 3 * MINUTE, targetMs: 3 * MINUTE, met: true },
          { stepId: "cetak", ms: 6 * MINUTE, targetMs: 5 * MINUTE, met: false },
        ],
      },
    });
  });
});
