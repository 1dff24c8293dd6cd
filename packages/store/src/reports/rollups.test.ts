/**
 * The report rollups are sums of the log kept by triggers: on insert
 * (migration 0005) and, since an undone transfer takes its segment's rows out
 * of the log again, on delete (migration 0007). Whatever the session, the
 * trigger-kept rollups must equal a refill from the log, row for row.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rebuildReadModels } from "../rebuild";
import { openStore, type CommitEntry, type Store } from "../store";
import { sessionArb } from "../testing/arbitraries";
import { FRIDAY, jakarta, OfficeSimulation, runIntents } from "../testing/office";
import { writeReportFixture } from "./fixture";
import { checkRollups, rebuildRollups, rebuildRollupsByDay, verifyRollups } from "./rollups";

const ROLLUPS = [
  "report_service_hours",
  "report_service_desks",
  "report_steps",
  "report_issued",
  "report_step_segments",
] as const;

function dumpRollups(store: Store): Record<string, unknown[]> {
  return Object.fromEntries(
    ROLLUPS.map((t) => [
      t,
      store.db
        .prepare(`SELECT * FROM ${t} ORDER BY ${t === "report_service_desks" ? "1, 2, 3, 4" : "1, 2, 3"}`)
        .all(),
    ]),
  );
}

/** Friday 08:00: Siti opens loket-2 and two info tickets are issued, then `more` of the morning, in one append. */
function infoMorning(more: (sim: OfficeSimulation) => CommitEntry[] = () => []) {
  const sim = new OfficeSimulation(undefined, jakarta(`${FRIDAY} 08:00`));
  const store = openStore(":memory:");
  store.append([
    sim.must({ type: "openCounter", counterId: "loket-2", officerId: "siti" }),
    sim.issue("info"),
    sim.issue("info"),
    ...more(sim),
  ]);
  return { sim, store };
}

/** The rollups as the triggers left them, then as a refill from the log makes them. */
function liveAndRefilled(store: Store) {
  const live = dumpRollups(store);
  rebuildRollups(store.db);
  return { live, refilled: dumpRollups(store) };
}

describe("rollups after an undone transfer", () => {
  /** B-001 (izin) served at loket-1 with a step ticked elsewhere... then transferred to ktp and taken back. */
  function session(undo: boolean) {
    const { sim, store } = infoMorning();
    sim.advance(60_000);
    store.append([
      sim.must({ type: "callNext", counterId: "loket-2", officerId: "siti" }),
      sim.must({ type: "startService", counterId: "loket-2" }),
    ]);
    sim.advance(90_000);
    store.append([sim.must({ type: "tickStep", counterId: "loket-2", stepId: "catat" })]);
    sim.advance(30_000);
    const before = dumpRollups(store);
    store.append([sim.must({ type: "transfer", counterId: "loket-2", toServiceId: "ktp" })]);
    sim.advance(5_000);
    if (undo) store.append([sim.must({ type: "undoTransfer", counterId: "loket-2", ticketId: "t1" })]);
    return { sim, store, before };
  }

  it("takes the transferred segment and its steps back out of every rollup", () => {
    const { store, before } = session(true);
    expect(store.db.prepare("SELECT count(*) AS n FROM service_log").get()).toEqual({ n: 0 });
    expect(store.db.prepare("SELECT count(*) AS n FROM step_log").get()).toEqual({ n: 0 });
    // As if the transfer had never happened: no hour, desk or step row left behind.
    expect(dumpRollups(store)).toEqual(before);
    expect(verifyRollups(store.db)).toMatchObject({ rebuilt: false, mismatches: [] });
    store.close();
  });

  it("keeps the rest of a group, with its target range recomputed from the rows left", () => {
    const { sim, store } = infoMorning((sim) => [
      sim.must({ type: "callNext", counterId: "loket-2", officerId: "siti" }),
      sim.must({ type: "complete", counterId: "loket-2", outcome: "selesai" }),
      sim.must({ type: "callNext", counterId: "loket-2", officerId: "siti" }),
      sim.must({ type: "startService", counterId: "loket-2" }),
      sim.must({ type: "tickStep", counterId: "loket-2", stepId: "catat" }),
      sim.must({ type: "transfer", counterId: "loket-2", toServiceId: "izin" }),
      sim.must({ type: "undoTransfer", counterId: "loket-2", ticketId: "t2" }),
    ]);
    const { live, refilled } = liveAndRefilled(store);
    expect(live).toEqual(refilled);
    expect(live.report_service_hours).toEqual([
      expect.objectContaining({ service_id: "info", segments: 1, selesai: 1 }),
    ]);
    expect(verifyRollups(store.db).mismatches).toEqual([]);
    // The undone segment, ended for real, is counted once.
    store.append([sim.must({ type: "complete", counterId: "loket-2", outcome: "selesai" })]);
    const after = liveAndRefilled(store);
    expect(after.live).toEqual(after.refilled);
    expect(after.live.report_steps).toEqual([expect.objectContaining({ step_id: "catat", n: 1 })]);
    store.close();
  });

  it("without the undo, the transfer stays counted (the check above is not vacuous)", () => {
    const { store, before } = session(false);
    expect(dumpRollups(store)).not.toEqual(before);
    store.close();
  });
});

describe("rollups kept by the triggers == refilled from the log (random sessions with undone transfers)", () => {
  it("after every session, and after a read-model rebuild plus the start-up check", () => {
    let undone = 0;
    fc.assert(
      fc.property(sessionArb, (intents) => {
        const sim = new OfficeSimulation();
        const store = openStore(":memory:");
        try {
          const entries = runIntents(sim, intents);
          undone += entries
            .flatMap((e) => e.events)
            .filter((e) => e.type === "ticket.transfer_undone").length;
          store.append(entries);
          const { live, refilled } = liveAndRefilled(store);
          expect(live).toEqual(refilled);
          rebuildReadModels(store);
          verifyRollups(store.db);
          expect(dumpRollups(store)).toEqual(refilled);
        } finally {
          store.close();
        }
      }),
      // A fixed seed: the guard below counts what the generator produced, and a
      // random seed made it fail now and then (2 undos in 100 sessions).
      { numRuns: 100, seed: 20_261_201 },
    );
    // Guards the property against a generator that never undoes a transfer.
    expect(undone).toBeGreaterThan(5);
  });
});

describe("the rollups refilled day by day", () => {
  it("equal a refill in one transaction, stale days and all", () => {
    const store = openStore(":memory:");
    try {
      writeReportFixture(store);
      rebuildRollups(store.db);
      const whole = dumpRollups(store);
      expect(whole.report_issued!.length).toBeGreaterThan(0);
      // What a rebuilt log (no triggers) or a hand edit leaves: rows missing, sums off, a day that has no tickets.
      store.db.exec(`
        DELETE FROM report_service_hours WHERE epoch_hour % 2 = 0;
        UPDATE report_issued SET issued = issued + 1;
        DELETE FROM report_steps;
        DELETE FROM report_step_segments;
        INSERT INTO report_issued (service_day, service_id, issued) VALUES ('2020-01-01', 'ktp-el', 7);
      `);
      expect(checkRollups(store.db).mismatches.length).toBeGreaterThan(0);
      const pauses: number[] = [];
      const days = rebuildRollupsByDay(store.db, (ms) => pauses.push(ms));
      expect(days).toBe(pauses.length);
      expect(dumpRollups(store)).toEqual(whole);
      expect(checkRollups(store.db).mismatches).toEqual([]);
    } finally {
      store.close();
    }
  });
});
