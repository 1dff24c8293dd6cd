import type { QueueCommand } from "@layan/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rebuildReadModels, dumpReadModels } from "./rebuild";
import type { ServiceLogRow, TicketRow } from "./read-models";
import { openStore, type Store } from "./store";
import { FRIDAY, jakarta, MINUTE, OfficeSimulation } from "./testing/office";

const at = (hhmm: string) => jakarta(`${FRIDAY} ${hhmm}`);

let store: Store;
let sim: OfficeSimulation;
/** Seq of the last event of each labelled step. */
const seqOf = new Map<string, number>();

beforeEach(() => {
  store = openStore(":memory:");
  sim = new OfficeSimulation();
  seqOf.clear();
});
afterEach(() => store.close());

/** Runs a command at local time `hhmm`, appends it, remembers its last seq under `label`. */
function step(label: string, hhmm: string, command: QueueCommand): void {
  sim.now = at(hhmm);
  const entry = sim.must(command);
  const { seqs } = store.append([entry]);
  seqOf.set(label, seqs[0]!.at(-1)!);
}

function issue(label: string, hhmm: string, serviceId: string, priority: "lansia" | null = null): void {
  step(label, hhmm, { type: "issueTicket", ticketId: label, serviceId, priority, kioskId: "kiosk-1" });
}

const seq = (label: string): number => {
  const s = seqOf.get(label);
  if (s === undefined) throw new Error(`no step ${label}`);
  return s;
};

/**
 * One morning at two counters, every kind of event: issue, priority call,
 * start, SOP steps, complete, recall, no-show, reinstate, transfer, complete
 * without start, cancel while waiting, cancel while called, pause, close.
 */
function scriptedMorning(): void {
  step("open-1", "07:30", { type: "openCounter", counterId: "loket-1", officerId: "siti" });
  step("open-2", "07:31", { type: "openCounter", counterId: "loket-2", officerId: "budi" });
  issue("t1", "08:00", "ktp");
  issue("t2", "08:01", "izin");
  issue("t3", "08:02", "ktp", "lansia");
  issue("t4", "08:03", "info");
  issue("t5", "08:04", "ktp");
  step("call-t3", "08:05", { type: "callNext", counterId: "loket-1", officerId: "siti" });
  step("start-t3", "08:06", { type: "startService", counterId: "loket-1" });
  step("call-t4", "08:06", { type: "callNext", counterId: "loket-2", officerId: "budi" });
  step("recall-t4", "08:07", { type: "recall", counterId: "loket-2" });
  step("verifikasi-t3", "08:08", { type: "tickStep", counterId: "loket-1", stepId: "verifikasi" });
  step("foto-t3", "08:09", { type: "tickStep", counterId: "loket-1", stepId: "foto" });
  step("noshow-t4", "08:09", { type: "markNoShow", counterId: "loket-2" });
  step("complete-t3", "08:15", { type: "complete", counterId: "loket-1", outcome: "selesai" });
  step("call-t1", "08:16", { type: "callNext", counterId: "loket-1", officerId: "siti" });
  step("reinstate-t4", "08:20", { type: "reinstate", ticketId: "t4" });
  step("recall-t4-again", "08:21", { type: "callNext", counterId: "loket-2", officerId: "budi" });
  step("start-t4", "08:22", { type: "startService", counterId: "loket-2" });
  step("transfer-t4", "08:25", { type: "transfer", counterId: "loket-2", toServiceId: "izin" });
  step("start-t1", "08:26", { type: "startService", counterId: "loket-1" });
  step("call-t2", "08:30", { type: "callNext", counterId: "loket-2", officerId: "budi" });
  step("complete-t2", "08:31", { type: "complete", counterId: "loket-2", outcome: "selesai" });
  step("complete-t1", "08:40", { type: "complete", counterId: "loket-1", outcome: "berkas_tidak_lengkap" });
  step("cancel-t5", "08:41", { type: "cancel", ticketId: "t5", reason: "citizen_left" });
  step("call-t4-izin", "08:42", { type: "callNext", counterId: "loket-2", officerId: "budi" });
  step("cancel-t4", "08:44", { type: "cancel", ticketId: "t4", reason: "officer" });
  step("pause-2", "08:45", { type: "pauseCounter", counterId: "loket-2" });
  issue("t6", "08:46", "info");
  step("close-1", "08:50", { type: "closeCounter", counterId: "loket-1" });
}

const ticketBase = {
  service_day: FRIDAY,
  priority: null,
  kiosk_id: "kiosk-1",
  no_show_at: null,
  cancel_reason: null,
} satisfies Partial<TicketRow>;

/** The columns of a ticket that no counter has called. */
const neverCalled = {
  counter_id: null,
  officer_id: null,
  called_at: null,
  last_called_at: null,
  started_at: null,
} satisfies Partial<TicketRow>;

describe("append: read models after a scripted morning", () => {
  it("tickets: one row each, describing the current segment", () => {
    scriptedMorning();
    const { tickets } = dumpReadModels(store);
    expect(tickets).toEqual<TicketRow[]>([
      {
        ...ticketBase,
        id: "t1",
        number: "A-001",
        issued_service_id: "ktp",
        service_id: "ktp",
        status: "done",
        issued_at: at("08:00"),
        issued_seq: seq("t1"),
        segment_index: 0,
        enqueued_at: at("08:00"),
        counter_id: "loket-1",
        officer_id: "siti",
        called_at: at("08:16"),
        last_called_at: at("08:16"),
        started_at: at("08:26"),
        ended_at: at("08:40"),
        outcome: "berkas_tidak_lengkap",
        recalls: 0,
        updated_seq: seq("complete-t1"),
      },
      {
        ...ticketBase,
        id: "t2",
        number: "B-001",
        issued_service_id: "izin",
        service_id: "izin",
        status: "done",
        issued_at: at("08:01"),
        issued_seq: seq("t2"),
        segment_index: 0,
        enqueued_at: at("08:01"),
        counter_id: "loket-2",
        officer_id: "budi",
        called_at: at("08:30"),
        last_called_at: at("08:30"),
        started_at: null,
        ended_at: at("08:31"),
        outcome: "selesai",
        recalls: 0,
        updated_seq: seq("complete-t2"),
      },
      {
        ...ticketBase,
        id: "t3",
        number: "A-002",
        issued_service_id: "ktp",
        service_id: "ktp",
        priority: "lansia",
        status: "done",
        issued_at: at("08:02"),
        issued_seq: seq("t3"),
        segment_index: 0,
        enqueued_at: at("08:02"),
        counter_id: "loket-1",
        officer_id: "siti",
        called_at: at("08:05"),
        last_called_at: at("08:05"),
        started_at: at("08:06"),
        ended_at: at("08:15"),
        outcome: "selesai",
        recalls: 0,
        updated_seq: seq("complete-t3"),
      },
      {
        // No-show, reinstated, transferred to izin, called there and cancelled: segment 2.
        ...ticketBase,
        id: "t4",
        number: "C-001",
        issued_service_id: "info",
        service_id: "izin",
        status: "cancelled",
        issued_at: at("08:03"),
        issued_seq: seq("t4"),
        segment_index: 2,
        enqueued_at: at("08:25"),
        counter_id: "loket-2",
        officer_id: "budi",
        called_at: at("08:42"),
        last_called_at: at("08:42"),
        started_at: null,
        ended_at: at("08:44"),
        outcome: "cancelled",
        cancel_reason: "officer",
        recalls: 0,
        updated_seq: seq("cancel-t4"),
      },
      {
        ...ticketBase,
        id: "t5",
        number: "A-003",
        issued_service_id: "ktp",
        service_id: "ktp",
        status: "cancelled",
        issued_at: at("08:04"),
        issued_seq: seq("t5"),
        segment_index: 0,
        enqueued_at: at("08:04"),
        ...neverCalled,
        ended_at: at("08:41"),
        outcome: "cancelled",
        cancel_reason: "citizen_left",
        recalls: 0,
        updated_seq: seq("cancel-t5"),
      },
      {
        ...ticketBase,
        id: "t6",
        number: "C-002",
        issued_service_id: "info",
        service_id: "info",
        status: "waiting",
        issued_at: at("08:46"),
        issued_seq: seq("t6"),
        segment_index: 0,
        enqueued_at: at("08:46"),
        ...neverCalled,
        ended_at: null,
        outcome: null,
        recalls: 0,
        updated_seq: seq("t6"),
      },
    ]);
  });

  it("counters: status, officer and ticket in hand", () => {
    scriptedMorning();
    expect(dumpReadModels(store).counters).toEqual([
      {
        id: "loket-1",
        status: "closed",
        officer_id: null,
        current_ticket_id: null,
        since: at("08:50"),
        updated_seq: seq("close-1"),
        opened_seq: null,
      },
      // Paused keeps the officer; cancelling the called ticket freed the counter.
      {
        id: "loket-2",
        status: "paused",
        officer_id: "budi",
        current_ticket_id: null,
        since: at("08:45"),
        updated_seq: seq("pause-2"),
        // Where a start-up replay must reach back to, to find budi's counter paused.
        opened_seq: seq("open-2"),
      },
    ]);
  });

  it("a counter holds its called ticket until it is finished", () => {
    step("open-1", "07:30", { type: "openCounter", counterId: "loket-1", officerId: "siti" });
    issue("t1", "08:00", "ktp");
    step("call", "08:01", { type: "callNext", counterId: "loket-1", officerId: "siti" });
    expect(store.listCounters()).toEqual([
      {
        id: "loket-1",
        status: "open",
        officerId: "siti",
        currentTicketId: "t1",
        since: at("07:30"),
        updatedSeq: seq("call"),
        openedSeq: seq("open-1"),
      },
    ]);
    expect(store.ticketById("t1")).toMatchObject({
      status: "called",
      counterId: "loket-1",
      calledAt: at("08:01"),
    });
    step("recall", "08:03", { type: "recall", counterId: "loket-1" });
    expect(store.ticketById("t1")).toMatchObject({
      status: "called",
      recalls: 1,
      calledAt: at("08:01"),
      lastCalledAt: at("08:03"),
    });
  });

  it("service_log: one row per finished segment, measured against the targets in the events", () => {
    scriptedMorning();
    const base = {
      service_day: FRIDAY,
      priority: null,
      cancel_reason: null,
    } satisfies Partial<ServiceLogRow>;
    expect(dumpReadModels(store).serviceLog).toEqual<ServiceLogRow[]>([
      {
        // Waited 16 of 30 min; served 14 of 10 min: late.
        ...base,
        ticket_id: "t1",
        segment_index: 0,
        ticket_number: "A-001",
        service_id: "ktp",
        counter_id: "loket-1",
        officer_id: "siti",
        issued_at: at("08:00"),
        enqueued_at: at("08:00"),
        called_at: at("08:16"),
        started_at: at("08:26"),
        ended_at: at("08:40"),
        outcome: "berkas_tidak_lengkap",
        wait_ms: 16 * MINUTE,
        service_ms: 14 * MINUTE,
        wait_target_ms: 30 * MINUTE,
        service_target_ms: 10 * MINUTE,
        wait_met: 1,
        service_met: 0,
        recalls: 0,
        ended_seq: seq("complete-t1"),
      },
      {
        // Completed without start: service time runs from the call.
        ...base,
        ticket_id: "t2",
        segment_index: 0,
        ticket_number: "B-001",
        service_id: "izin",
        counter_id: "loket-2",
        officer_id: "budi",
        issued_at: at("08:01"),
        enqueued_at: at("08:01"),
        called_at: at("08:30"),
        started_at: null,
        ended_at: at("08:31"),
        outcome: "selesai",
        wait_ms: 29 * MINUTE,
        service_ms: MINUTE,
        wait_target_ms: 45 * MINUTE,
        service_target_ms: 20 * MINUTE,
        wait_met: 1,
        service_met: 1,
        recalls: 0,
        ended_seq: seq("complete-t2"),
      },
      {
        ...base,
        ticket_id: "t3",
        segment_index: 0,
        ticket_number: "A-002",
        service_id: "ktp",
        priority: "lansia",
        counter_id: "loket-1",
        officer_id: "siti",
        issued_at: at("08:02"),
        enqueued_at: at("08:02"),
        called_at: at("08:05"),
        started_at: at("08:06"),
        ended_at: at("08:15"),
        outcome: "selesai",
        wait_ms: 3 * MINUTE,
        service_ms: 9 * MINUTE,
        wait_target_ms: 30 * MINUTE,
        service_target_ms: 10 * MINUTE,
        wait_met: 1,
        service_met: 1,
        recalls: 0,
        ended_seq: seq("complete-t3"),
      },
      {
        // No-show: waited, never served.
        ...base,
        ticket_id: "t4",
        segment_index: 0,
        ticket_number: "C-001",
        service_id: "info",
        counter_id: "loket-2",
        officer_id: "budi",
        issued_at: at("08:03"),
        enqueued_at: at("08:03"),
        called_at: at("08:06"),
        started_at: null,
        ended_at: at("08:09"),
        outcome: "no_show",
        wait_ms: 3 * MINUTE,
        service_ms: null,
        wait_target_ms: 15 * MINUTE,
        service_target_ms: 5 * MINUTE,
        wait_met: 1,
        service_met: null,
        recalls: 1,
        ended_seq: seq("noshow-t4"),
      },
      {
        // Reinstated at 08:20, called 08:21, served 08:22-08:25, then transferred.
        ...base,
        ticket_id: "t4",
        segment_index: 1,
        ticket_number: "C-001",
        service_id: "info",
        counter_id: "loket-2",
        officer_id: "budi",
        issued_at: at("08:03"),
        enqueued_at: at("08:20"),
        called_at: at("08:21"),
        started_at: at("08:22"),
        ended_at: at("08:25"),
        outcome: "transferred",
        wait_ms: MINUTE,
        service_ms: 3 * MINUTE,
        wait_target_ms: 15 * MINUTE,
        service_target_ms: 5 * MINUTE,
        wait_met: 1,
        service_met: 1,
        recalls: 0,
        ended_seq: seq("transfer-t4"),
      },
      {
        // Cancelled after its call in izin: the wait is a fact, no targets were copied.
        ...base,
        ticket_id: "t4",
        segment_index: 2,
        ticket_number: "C-001",
        service_id: "izin",
        counter_id: "loket-2",
        officer_id: "budi",
        issued_at: at("08:03"),
        enqueued_at: at("08:25"),
        called_at: at("08:42"),
        started_at: null,
        ended_at: at("08:44"),
        outcome: "cancelled",
        cancel_reason: "officer",
        wait_ms: 17 * MINUTE,
        service_ms: null,
        wait_target_ms: null,
        service_target_ms: null,
        wait_met: null,
        service_met: null,
        recalls: 0,
        ended_seq: seq("cancel-t4"),
      },
      {
        ...base,
        ticket_id: "t5",
        segment_index: 0,
        ticket_number: "A-003",
        service_id: "ktp",
        counter_id: null,
        officer_id: null,
        issued_at: at("08:04"),
        enqueued_at: at("08:04"),
        called_at: null,
        started_at: null,
        ended_at: at("08:41"),
        outcome: "cancelled",
        cancel_reason: "citizen_left",
        wait_ms: null,
        service_ms: null,
        wait_target_ms: null,
        service_target_ms: null,
        wait_met: null,
        service_met: null,
        recalls: 0,
        ended_seq: seq("cancel-t5"),
      },
    ]);
  });

  it("step_log: the ticked steps of the measured segment", () => {
    scriptedMorning();
    expect(dumpReadModels(store).stepLog).toEqual([
      {
        ticket_id: "t3",
        segment_index: 0,
        step_id: "foto",
        step_order: 1,
        service_day: FRIDAY,
        service_id: "ktp",
        ms: MINUTE,
        target_ms: 2 * MINUTE,
        met: 1,
      },
      {
        ticket_id: "t3",
        segment_index: 0,
        step_id: "verifikasi",
        step_order: 0,
        service_day: FRIDAY,
        service_id: "ktp",
        ms: 2 * MINUTE,
        target_ms: 3 * MINUTE,
        met: 1,
      },
    ]);
  });

  it("cancelling a no-show keeps its no-show segment and closes the reinstatement window", () => {
    step("open-2", "07:31", { type: "openCounter", counterId: "loket-2", officerId: "budi" });
    issue("t1", "08:00", "info");
    step("call", "08:01", { type: "callNext", counterId: "loket-2", officerId: "budi" });
    step("recall", "08:02", { type: "recall", counterId: "loket-2" });
    step("noshow", "08:03", { type: "markNoShow", counterId: "loket-2" });
    expect(store.ticketById("t1")).toMatchObject({
      status: "no_show",
      noShowAt: at("08:03"),
      outcome: "no_show",
    });
    step("cancel", "08:10", { type: "cancel", ticketId: "t1", reason: "day_ended" });
    expect(store.ticketById("t1")).toMatchObject({
      status: "cancelled",
      outcome: "no_show",
      endedAt: at("08:03"),
      noShowAt: null,
      cancelReason: "day_ended",
      updatedSeq: seq("cancel"),
    });
    expect(dumpReadModels(store).serviceLog.map((r) => [r.ticket_id, r.segment_index, r.outcome])).toEqual([
      ["t1", 0, "no_show"],
    ]);
  });

  it("ticketById gives the domain record; unknown ids give undefined", () => {
    scriptedMorning();
    expect(store.ticketById("t4")).toMatchObject({
      number: "C-001",
      issuedServiceId: "info",
      serviceId: "izin",
      status: "cancelled",
      segmentIndex: 2,
      cancelReason: "officer",
      issuedSeq: seq("t4"),
    });
    expect(store.ticketById("nope")).toBeUndefined();
  });

  it("a rebuild from the log gives exactly the same rows", () => {
    scriptedMorning();
    const live = dumpReadModels(store);
    expect(rebuildReadModels(store)).toEqual({ events: store.lastSeq(), lastSeq: store.lastSeq() });
    expect(dumpReadModels(store)).toEqual(live);
  });

  it("the whole morning in one append gives the same rows as one append per command", () => {
    scriptedMorning();
    const expected = dumpReadModels(store);
    const other = openStore(":memory:");
    other.append([{ events: [...store.iterateEvents()].map((e) => e.event) }]);
    expect(dumpReadModels(other)).toEqual(expected);
    other.close();
  });
});

describe("append: failures", () => {
  it("an event for an unknown ticket rolls back the whole append", () => {
    issue("t1", "08:00", "info");
    const before = dumpReadModels(store);
    expect(() =>
      store.append([
        { events: [{ type: "counter.opened", at: at("08:01"), counterId: "loket-1", officerId: null }] },
        { events: [{ type: "ticket.serving", at: at("08:02"), ticketId: "ghost", counterId: "loket-1" }] },
      ]),
    ).toThrow(/ticket.serving refers to unknown ticket ghost/);
    expect(store.lastSeq()).toBe(1);
    expect(dumpReadModels(store)).toEqual(before);
  });

  it("the events table refuses updates and deletes", () => {
    issue("t1", "08:00", "info");
    expect(() => store.db.prepare("UPDATE events SET at = 0").run()).toThrow(/events are append-only/);
    expect(() => store.db.prepare("DELETE FROM events").run()).toThrow(/events are append-only/);
  });
});
