import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadMigrations, migrate, MIGRATIONS_DIR, type MigrationRow } from "./migrate";
import { isFeedbackEvent, type QueueEvent } from "@layan/core";
import fc from "fast-check";
import { decodePayload, encodePayload } from "./event-codec";
import { dumpReadModels, rebuildReadModels } from "./rebuild";
import { checkRollups, createReportQueries, type ReportFilter } from "./reports";
import { openStore } from "./store";
import { sessionArb } from "./testing/arbitraries";
import { OfficeSimulation, runIntents } from "./testing/office";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "layan-migrate-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const appliedRows = (db: Database.Database) =>
  db.prepare<[], MigrationRow>("SELECT id, name, applied_at FROM migrations ORDER BY id").all();

/** The shipped migrations, and the number the next one would get. */
const SHIPPED = loadMigrations().map((m) => m.id);
// After the highest, not the count: numbers can have gaps while parallel branches land (0006 and 0007).
const NEXT = Math.max(...SHIPPED) + 1;
const N = String(NEXT).padStart(4, "0");

/** service_log and step_log as releases before 0013 held them: the ids, days and ticket ids as text (the views give them so). */
const TEXT_SERVICE_LOG = `SELECT ticket_id, segment_index, ticket_number, service_day, service_id, priority,
  counter_id, officer_id, issued_at, enqueued_at, called_at, started_at, ended_at, outcome,
  cancel_reason, wait_ms, service_ms, wait_target_ms, service_target_ms, wait_met, service_met, recalls, ended_seq
  FROM live.service_log_ids ORDER BY rowid`;
const TEXT_STEP_LOG_COLUMNS = "ticket_id, segment_index, step_id, step_order, service_day, service_id, ms, target_ms, met";
const TEXT_STEP_LOG = `SELECT ticket_id, segment_index, step_id, step_order, service_day, service_id,
  ms, target_ms, met FROM live.step_log_ids`;

/** Copies a live store's rows into an older schema (attached as `live`), the logs' ids as text. */
function copyAsText(db: Database.Database, tables: readonly string[]): void {
  for (const table of tables) {
    if (table === "events") copyEventsAsObjects(db);
    else if (table === "service_log") db.exec(`INSERT INTO main.service_log SELECT * FROM (${TEXT_SERVICE_LOG})`);
    else if (table === "step_log") db.exec(`INSERT INTO main.step_log (${TEXT_STEP_LOG_COLUMNS}) ${TEXT_STEP_LOG}`);
    // Before 0015 tickets held ids and the day as text and absolute times: the rows as its view gives them.
    else if (table === "tickets") db.exec("INSERT INTO main.tickets SELECT * FROM live.ticket_rows");
    else db.exec(`INSERT INTO main.${table} SELECT * FROM live.${table}`);
  }
}

/**
 * A live store's read models into the schema of 0013-0014 (attached as `live`):
 * the logs' ids as codes, their days and tickets (and all of tickets) as before 0015.
 */
function copyAsBefore0015(db: Database.Database, tables: readonly string[]): void {
  const LIVE_TICKET_ID = "(SELECT id FROM live.tickets WHERE issued_seq = l.ticket_seq)";
  for (const table of tables) {
    if (table === "tickets") db.exec("INSERT INTO main.tickets SELECT * FROM live.ticket_rows");
    else if (table === "service_log")
      db.exec(`INSERT INTO main.service_log (rowid, ticket_id, segment_index, ticket_number, service_day, service_id, priority,
          counter_id, officer_id, issued_at, enqueued_at, called_at, started_at, ended_at, outcome, cancel_reason,
          wait_ms, service_ms, wait_target_ms, service_target_ms, wait_met, service_met, recalls, ended_seq)
        SELECT l.rowid, ${LIVE_TICKET_ID}, l.segment_index, l.ticket_number, date(l.service_day * 86400, 'unixepoch'), l.service_id,
          l.priority, l.counter_id, l.officer_id, l.issued_at, l.enqueued_at, l.called_at, l.started_at, l.ended_at, l.outcome,
          l.cancel_reason, l.wait_ms, l.service_ms, l.wait_target_ms, l.service_target_ms, l.wait_met, l.service_met, l.recalls,
          l.ended_seq
        FROM live.service_log AS l ORDER BY l.rowid`);
    else if (table === "step_log")
      db.exec(`INSERT INTO main.step_log (service_day, service_id, ticket_id, segment_index, step_id, step_order, ms, target_ms, met)
        SELECT date(l.service_day * 86400, 'unixepoch'), l.service_id, ${LIVE_TICKET_ID}, l.segment_index, l.step_id, l.step_order,
          l.ms, l.target_ms, l.met
        FROM live.step_log AS l`);
    else db.exec(`INSERT INTO main.${table} SELECT * FROM live.${table}`);
  }
}

/** Every report that reads the logs, cut every way they are cut. */
const answers = (s: { db: Database.Database }) => {
  const reports = createReportQueries(s.db, { utcOffsetMinutes: 420, verify: false });
  const range = reports.dataRange()!;
  const counter = (s.db.prepare("SELECT counter_id AS id FROM report_service_desks WHERE counter_id <> '' LIMIT 1").get() as { id: string }).id;
  const officer = (s.db.prepare("SELECT officer_id AS id FROM report_service_desks WHERE officer_id <> '' LIMIT 1").get() as { id: string }).id;
  const service = (s.db.prepare("SELECT service_id AS id FROM report_steps LIMIT 1").get() as { id: string }).id;
  const filters: ReportFilter[] = [
    range,
    { ...range, serviceIds: [service, "no-such-service"] },
    { ...range, counterIds: [counter] },
    { ...range, officerIds: [officer, "no-such-officer"] },
    { ...range, serviceIds: [] },
  ];
  const agencyOf = new Map([[service, "dinas"]]);
  return filters.map((f) => ({
    groups: (["all", "service", "counter", "officer", "day", "hour", "weekday", "agency"] as const).map((g) =>
      reports.summary(f, g, { agencyOf }),
    ),
    heat: [reports.heatmap(f), reports.serviceHours(f), reports.serviceDesks(f)],
    steps: [reports.steps(f, { percentiles: true }), reports.stepCoverage(f)],
    waits: [reports.priorityWaits(f), reports.priorityWaits(f, "lane")],
    log: (["time", "wait", "service"] as const).flatMap((sort) =>
      (["asc", "desc"] as const).map((dir) => [...reports.iterateTickets({ ...f, sort, dir }, 7)]),
    ),
  }));
};

const indexesAndTriggers = (s: { db: Database.Database }) =>
  s.db.prepare("SELECT type, name, tbl_name FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name").all();

/** The log's payloads as releases before 0014 wrote them: every event's fields as an object. */
function registerObjectForm(db: Database.Database): void {
  db.function("layan_test_object_form", { deterministic: true }, (type: unknown, at: unknown, payload: unknown) =>
    encodePayload(decodePayload(String(payload), Number(at), { word: (c) => String(c) }, String(type)), Number(at), {
      code: (w) => Number(w),
    }),
  );
}

/** A live store's log into an older schema (attached as `live`), the payloads as objects (before 0014). */
function copyEventsAsObjects(db: Database.Database): void {
  registerObjectForm(db);
  db.exec(`INSERT INTO main.events (seq, type, at, ticket_id, ticket_seq, payload)
    SELECT e.seq, e.type, e.at, e.ticket_id, e.ticket_seq, layan_test_object_form(t.type, e.at, e.payload)
    FROM live.events AS e JOIN live.event_types AS t ON t.code = e.type`);
}

/** A copy of the shipped migrations folder with `extra` files added. */
function migrationsWith(extra: Record<string, string>): string {
  const target = join(dir, "migrations");
  cpSync(MIGRATIONS_DIR, target, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) writeFileSync(join(target, name), sql);
  return target;
}

describe("loadMigrations", () => {
  it("reads the shipped migrations in number order", () => {
    const ms = loadMigrations();
    expect(ms.map((m) => `${m.id}-${m.name}`)).toEqual([
      "1-event-log",
      "2-read-models",
      "3-admin",
      "4-counter-opened-seq",
      "5-report-rollups",
      "6-request-payload-hash",
      "7-report-rollups-on-delete",
      "8-feedback",
      "9-compact-storage",
      "10-step-coverage-rollup",
      "11-step-log-keyed",
      "12-events-ticket-seq",
      "13-read-model-codes",
      "14-event-lists",
      "15-compact-read-models",
      "16-audit-log",
      "17-device-reenrol",
      "19-notify",
      "20-bookings",
    ]);
    expect(ms.every((m) => m.sql.trim().length > 0)).toBe(true);
  });

  it("rejects two migrations with the same number", () => {
    const folder = migrationsWith({
      [`${N}-print-jobs.sql`]: "CREATE TABLE print_jobs (id TEXT PRIMARY KEY) STRICT;",
      [`${N}-ticket-notes.sql`]: "CREATE TABLE ticket_notes (id TEXT PRIMARY KEY) STRICT;",
    });
    expect(() => loadMigrations(folder)).toThrow(
      `duplicate migration number ${N}: ${N}-print-jobs.sql and ${N}-ticket-notes.sql`,
    );
    // ...before any database is touched.
    expect(() => openStore(join(dir, "layan.db"), { migrationsDir: folder })).toThrow(
      `duplicate migration number ${N}`,
    );
  });

  it("rejects a .sql file that is not named NNNN-what.sql instead of skipping it", () => {
    expect(() => loadMigrations(migrationsWith({ "4-oops.sql": "SELECT 1;" }))).toThrow(
      /must be named NNNN-what.sql/,
    );
  });
});

describe("migrate", () => {
  it("applies every migration once, in order, and records it", () => {
    const path = join(dir, "layan.db");
    const store = openStore(path, { clock: () => 1_700_000_000_000 });
    expect(appliedRows(store.db)).toEqual([
      { id: 1, name: "event-log", applied_at: 1_700_000_000_000 },
      { id: 2, name: "read-models", applied_at: 1_700_000_000_000 },
      { id: 3, name: "admin", applied_at: 1_700_000_000_000 },
      { id: 4, name: "counter-opened-seq", applied_at: 1_700_000_000_000 },
      { id: 5, name: "report-rollups", applied_at: 1_700_000_000_000 },
      { id: 6, name: "request-payload-hash", applied_at: 1_700_000_000_000 },
      { id: 7, name: "report-rollups-on-delete", applied_at: 1_700_000_000_000 },
      { id: 8, name: "feedback", applied_at: 1_700_000_000_000 },
      { id: 9, name: "compact-storage", applied_at: 1_700_000_000_000 },
      { id: 10, name: "step-coverage-rollup", applied_at: 1_700_000_000_000 },
      { id: 11, name: "step-log-keyed", applied_at: 1_700_000_000_000 },
      { id: 12, name: "events-ticket-seq", applied_at: 1_700_000_000_000 },
      { id: 13, name: "read-model-codes", applied_at: 1_700_000_000_000 },
      { id: 14, name: "event-lists", applied_at: 1_700_000_000_000 },
      { id: 15, name: "compact-read-models", applied_at: 1_700_000_000_000 },
      { id: 16, name: "audit-log", applied_at: 1_700_000_000_000 },
      { id: 17, name: "device-reenrol", applied_at: 1_700_000_000_000 },
      { id: 19, name: "notify", applied_at: 1_700_000_000_000 },
      { id: 20, name: "bookings", applied_at: 1_700_000_000_000 },
    ]);
    const tables = store.db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => r.name);
    expect(tables).toEqual([
      "audit_log",
      "bookings",
      "complaint_responses",
      "complaints",
      "counters",
      "devices",
      "event_types",
      "event_words",
      "events",
      "migrations",
      "notify_outbox",
      "notify_subscriptions",
      "notify_webhook_marks",
      "personal_data",
      "report_issued",
      "report_service_desks",
      "report_service_hours",
      "report_step_segments",
      "report_steps",
      "report_survey_days",
      "report_survey_profiles",
      "request_tombstones",
      "requests",
      "service_log",
      "sessions",
      "step_log",
      "survey_responses",
      "tickets",
      "users",
    ]);
    store.close();
  });

  it("re-opening applies nothing, and a new migration only that one", () => {
    const path = join(dir, "layan.db");
    openStore(path, { clock: () => 1 }).close();

    const db = new Database(path);
    expect(migrate(db, loadMigrations(), 2)).toEqual([]);
    expect(appliedRows(db).map((r) => r.applied_at)).toEqual(SHIPPED.map(() => 1));
    db.close();

    const folder = migrationsWith({
      [`${N}-print-jobs.sql`]: "CREATE TABLE print_jobs (id TEXT PRIMARY KEY) STRICT;",
    });
    const store = openStore(path, { migrationsDir: folder, clock: () => 3 });
    expect(appliedRows(store.db).map((r) => [r.id, r.applied_at])).toEqual([
      ...SHIPPED.map((id) => [id, 1]),
      [NEXT, 3],
    ]);
    store.close();
  });

  it("rolls back a failing migration completely, with no record of it", () => {
    const path = join(dir, "layan.db");
    const folder = migrationsWith({
      [`${N}-half.sql`]: "CREATE TABLE half_done (id TEXT) STRICT; INSERT INTO no_such_table VALUES (1);",
    });
    expect(() => openStore(path, { migrationsDir: folder })).toThrow(
      `migration ${NEXT} (half) failed: no such table: no_such_table`,
    );
    const db = new Database(path);
    expect(appliedRows(db).map((r) => r.id)).toEqual(SHIPPED);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });

  it("refuses a database written by a newer build, and renumbered history", () => {
    const path = join(dir, "layan.db");
    openStore(path, { migrationsDir: migrationsWith({ [`${N}-print-jobs.sql`]: "SELECT 1;" }) }).close();
    rmSync(join(dir, "migrations"), { recursive: true });

    expect(() => openStore(path)).toThrow(
      `database has migration ${NEXT} (print-jobs) that this build does not know`,
    );
    expect(() =>
      openStore(path, { migrationsDir: migrationsWith({ [`${N}-other-name.sql`]: "SELECT 1;" }) }),
    ).toThrow(`migration ${NEXT} is "print-jobs" in the database but "other-name" in this build`);
  });

  it("refuses a new migration numbered below one already applied", () => {
    const db = new Database(":memory:");
    const base = loadMigrations();
    const later = { id: NEXT + 1, name: "later", sql: "SELECT 1;" };
    migrate(db, [...base, later], 1);
    expect(() => migrate(db, [...base, { id: NEXT, name: "merged", sql: "SELECT 1;" }, later], 2)).toThrow(
      `migration ${NEXT} (merged) is new but ${NEXT + 1} is already applied`,
    );
    db.close();
  });
});

describe("shipped migrations", () => {
  /** A file database with the shipped migrations applied up to `lastId` only, as a hub of that release left it. */
  function migratedUpTo(lastId: number) {
    const path = join(dir, "layan.db");
    const db = new Database(path);
    migrate(
      db,
      loadMigrations().filter((m) => m.id <= lastId),
      1,
    );
    return { path, db };
  }

  it("0004 fills counters.opened_seq for counters left open or paused before it ran", () => {
    const { path, db } = migratedUpTo(3);
    const event = db.prepare<[string, number, string]>(
      "INSERT INTO events (type, at, ticket_id, counter_id, payload) VALUES (?, ?, NULL, ?, '{}')",
    );
    event.run("counter.opened", 1, "loket-1"); // seq 1
    event.run("counter.opened", 2, "loket-2"); // seq 2
    event.run("counter.closed", 3, "loket-2"); // seq 3
    event.run("counter.opened", 4, "loket-1"); // seq 4: another officer took over
    event.run("counter.paused", 5, "loket-1"); // seq 5
    const counter = db.prepare<[string, string, string | null, number, number]>(
      "INSERT INTO counters (id, status, officer_id, current_ticket_id, since, updated_seq) VALUES (?, ?, ?, NULL, ?, ?)",
    );
    counter.run("loket-1", "paused", "siti", 5, 5);
    counter.run("loket-2", "closed", null, 3, 3);
    db.close();

    const store = openStore(path);
    expect(store.listCounters().map((c) => [c.id, c.status, c.openedSeq])).toEqual([
      ["loket-1", "paused", 4],
      ["loket-2", "closed", null],
    ]);
    store.close();
  });

  it("0009 rewrites an 0008 log compactly: the same events under the same seqs, the same read models, still append-only", () => {
    const intents = fc.sample(sessionArb, { numRuns: 6, seed: 9 }).flat();
    const entries = runIntents(new OfficeSimulation(), intents);
    const events: QueueEvent[] = entries.flatMap((e) => e.events);
    expect(events.length).toBeGreaterThan(200);
    const live = openStore(":memory:");
    live.append(entries);

    // What 0001-0008 wrote: type names, both id columns, the fields as plain JSON.
    const { path, db } = migratedUpTo(8);
    const insert = db.prepare<[string, number, string | null, string | null, string]>(
      "INSERT INTO events (type, at, ticket_id, counter_id, payload) VALUES (?, ?, ?, ?, ?)",
    );
    for (const event of events) {
      const { type, at, ...fields } = event;
      const ticketId = "ticketId" in event && !isFeedbackEvent(event) ? event.ticketId : null;
      insert.run(type, at, ticketId, "counterId" in event ? event.counterId : null, JSON.stringify(fields));
    }
    const oldBytes = (db.prepare("SELECT sum(length(payload)) AS n FROM events").get() as { n: number }).n;
    db.close();

    const store = openStore(path);
    expect(store.eventsAfter(0, 1e6).map((e) => [e.seq, e.event])).toEqual(events.map((e, i) => [i + 1, e]));
    const newBytes = (store.db.prepare("SELECT sum(length(payload)) AS n FROM events").get() as { n: number })
      .n;
    expect(newBytes).toBeLessThan(oldBytes * 0.75);
    rebuildReadModels(store);
    expect(dumpReadModels(store)).toEqual(dumpReadModels(live));
    const ticketId = events.find((e) => e.type === "ticket.issued")?.ticketId ?? "";
    expect(store.eventsForTicket(ticketId)).toEqual(live.eventsForTicket(ticketId));
    expect(store.eventsForTicket(ticketId).length).toBeGreaterThan(0);
    expect(() => store.db.prepare("DELETE FROM events").run()).toThrow(/append-only/);
    expect(() => store.db.prepare("UPDATE events SET at = 0").run()).toThrow(/append-only/);
    store.close();
    live.close();
  });

  it("0011 keys step_log by day, service and segment: the same rows and rollups, one B-tree, triggers still kept", () => {
    const intents = fc.sample(sessionArb, { numRuns: 40, seed: 11 }).flat();
    const entries = runIntents(new OfficeSimulation(), intents);
    const half = Math.floor(entries.length / 2);
    const live = openStore(":memory:");
    live.append(entries.slice(0, half));
    const liveDump = dumpReadModels(live);
    expect(liveDump.stepLog.length).toBeGreaterThan(0);

    // The same log and read models as 0010 held them (0011 changes neither the events nor the rows).
    const { path, db } = migratedUpTo(10);
    const livePath = join(dir, "live.db");
    live.db.prepare("VACUUM INTO ?").run(livePath);
    db.exec(`ATTACH '${livePath}' AS live`);
    copyAsText(db, ["event_types", "event_words", "tickets", "counters", "service_log", "step_log"]);
    // 0010's log held every event's ticket id itself (0012 names it once).
    registerObjectForm(db);
    db.exec(`INSERT INTO main.events (seq, type, at, ticket_id, payload)
      SELECT seq, code, at, ticket_id, layan_test_object_form(type, at, payload) FROM live.event_log JOIN live.event_types USING (type)`);
    db.exec("DETACH live");
    // Measurements as 0009-0010 wrote them: objects with one-character field codes.
    const objectForm = db.prepare<[string, number]>("UPDATE events SET payload = ? WHERE seq = ?");
    db.exec("DROP TRIGGER events_no_update");
    const measured = db
      .prepare<[], { seq: number; payload: string }>(
        `SELECT seq, payload FROM events WHERE type IN (SELECT code FROM event_types
           WHERE type IN ('ticket.completed', 'ticket.transferred', 'ticket.no_show'))`,
      )
      .all();
    expect(measured.length).toBeGreaterThan(5);
    for (const row of measured) objectForm.run(asObjectForm(row.payload), row.seq);
    db.exec(`CREATE TRIGGER events_no_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END`);
    db.close();

    const store = openStore(path);
    const schema = (name: string) =>
      store.db
        .prepare<[string], { type: string; name: string; sql: string | null }>(
          "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = ? ORDER BY name",
        )
        .all(name);
    const stepSchema = schema("step_log");
    // No index beside the table: its key is every access path.
    expect(stepSchema.filter((o) => o.type === "index").map((o) => o.name)).toEqual([]);
    expect(stepSchema.find((o) => o.type === "table")?.sql).toMatch(/WITHOUT ROWID/);
    expect(stepSchema.filter((o) => o.type === "trigger").map((o) => o.name)).toEqual([
      "report_step_log_rollup",
      "report_step_log_unroll",
      "report_step_segments_roll",
    ]);
    expect(schema("service_log").map((o) => o.name)).not.toContain("service_log_service_day");
    expect(dumpReadModels(store)).toEqual(liveDump);
    const rollups = (s: { db: Database.Database }) =>
      ["report_steps", "report_step_segments", "report_service_hours", "report_service_desks", "report_issued"].map(
        (t) => s.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all(),
      );
    expect(rollups(store)).toEqual(rollups(live));
    // The log: the same events, and the measurements written again exactly as the store writes them now.
    const log = (s: { db: Database.Database }) => s.db.prepare("SELECT seq, type, at, ticket_id, payload FROM events ORDER BY seq").all();
    expect(log(store)).toEqual(log(live));
    expect(() => store.db.prepare("UPDATE events SET at = 0").run()).toThrow(/append-only/);

    // The rest of the session, undone transfers included, through the triggers recreated by 0011.
    live.append(entries.slice(half));
    store.append(entries.slice(half));
    expect(dumpReadModels(store)).toEqual(dumpReadModels(live));
    expect(rollups(store)).toEqual(rollups(live));
    expect(checkRollups(store.db).mismatches).toEqual([]);
    store.close();
    live.close();
  });

  it("0012 names a ticket by its id once in the log: the same decoded events, rows as the store writes them, still append-only", () => {
    const intents = fc.sample(sessionArb, { numRuns: 30, seed: 12 }).flat();
    const entries = runIntents(new OfficeSimulation(), intents);
    const half = Math.floor(entries.length / 2);
    const live = openStore(":memory:");
    live.append(entries.slice(0, half));

    // What 0011 held: the ticket's id in every event of it.
    const { path, db } = migratedUpTo(11);
    const livePath = join(dir, "live.db");
    live.db.prepare("VACUUM INTO ?").run(livePath);
    db.exec(`ATTACH '${livePath}' AS live`);
    copyAsText(db, ["event_types", "event_words", "tickets", "counters", "service_log", "step_log"]);
    registerObjectForm(db);
    db.exec(`INSERT INTO main.events (seq, type, at, ticket_id, payload)
      SELECT seq, code, at, ticket_id, layan_test_object_form(type, at, payload) FROM live.event_log JOIN live.event_types USING (type)`);
    db.exec("DETACH live");
    const before = db.prepare("SELECT count(*) AS n FROM events WHERE ticket_id IS NOT NULL").get() as { n: number };
    db.close();

    const store = openStore(path);
    const rows = (s: { db: Database.Database }) => s.db.prepare("SELECT * FROM events ORDER BY seq").all();
    const view = (s: { db: Database.Database }) => s.db.prepare("SELECT * FROM event_log ORDER BY seq").all();
    expect(rows(store)).toEqual(rows(live));
    expect(view(store)).toEqual(view(live));
    expect(store.eventsAfter(0, 1e6)).toEqual(live.eventsAfter(0, 1e6));
    const ticketIds = (store.db.prepare("SELECT id FROM tickets").all() as { id: string }[]).map((t) => t.id);
    expect(ticketIds.length).toBeGreaterThan(20);
    // One text id per ticket, where there were several.
    const texts = store.db.prepare("SELECT count(*) AS n FROM events WHERE ticket_id IS NOT NULL").get() as { n: number };
    expect(texts.n).toBe(ticketIds.length);
    expect(before.n).toBeGreaterThan(ticketIds.length * 2);
    for (const id of ticketIds) expect(store.eventsForTicket(id)).toEqual(live.eventsForTicket(id));
    const last = store.lastSeq();
    for (const at of [1, Math.floor(last / 3), Math.floor(last / 2), last]) {
      const todayStart = store.eventsAfter(at - 1, 1)[0]!.at;
      expect(store.replayStartSeq(todayStart)).toBe(live.replayStartSeq(todayStart));
    }
    expect(() => store.db.prepare("UPDATE events SET at = 0").run()).toThrow(/append-only/);
    expect(() => store.db.prepare("DELETE FROM events").run()).toThrow(/append-only/);

    live.append(entries.slice(half));
    store.append(entries.slice(half));
    expect(rows(store)).toEqual(rows(live));
    expect(store.eventsAfter(0, 1e6).map((e) => e.event)).toEqual(entries.flatMap((e) => e.events));
    store.close();
    live.close();
  });

  it("0013 names services, counters, officers and steps by code in the logs: the same rows, rollups and report answers", () => {
    const intents = fc.sample(sessionArb, { numRuns: 40, seed: 13 }).flat();
    const entries = runIntents(new OfficeSimulation(), intents);
    const half = Math.floor(entries.length / 2);
    const live = openStore(":memory:");
    live.append(entries.slice(0, half));
    const liveDump = dumpReadModels(live);
    expect(liveDump.stepLog.length).toBeGreaterThan(0);

    // What 0012 held: the same log, the logs' ids as text (its triggers fill the rollups from them).
    const { path, db } = migratedUpTo(12);
    const livePath = join(dir, "live.db");
    live.db.prepare("VACUUM INTO ?").run(livePath);
    db.exec(`ATTACH '${livePath}' AS live`);
    copyAsText(db, ["event_types", "event_words", "events", "tickets", "counters", "service_log", "step_log"]);
    db.exec("DETACH live");
    const textIds = db.prepare("SELECT typeof(service_id) AS t FROM service_log LIMIT 1").get();
    expect(textIds).toEqual({ t: "text" });
    db.close();

    const store = openStore(path);
    const types = store.db
      .prepare(
        `SELECT DISTINCT typeof(service_id) AS s, typeof(counter_id) AS c, typeof(officer_id) AS o FROM service_log
         UNION SELECT DISTINCT typeof(service_id), typeof(step_id), 'step' FROM step_log ORDER BY 1, 2, 3`,
      )
      .all();
    expect(types.every((t) => Object.values(t as object).every((v) => ["integer", "null", "step"].includes(v as string)))).toBe(true);
    expect(dumpReadModels(store)).toEqual(liveDump);
    // The views for reading by hand hold the rows as the writer builds them.
    expect(
      store.db.prepare("SELECT * FROM service_log_ids ORDER BY ticket_id, segment_index").all().map((r) => {
        const { rowid, ...row } = r as { rowid: number };
        expect(rowid).toBeGreaterThan(0);
        return row;
      }),
    ).toEqual(liveDump.serviceLog);
    expect(
      store.db.prepare("SELECT * FROM step_log_ids ORDER BY ticket_id, segment_index, step_id").all(),
    ).toEqual(liveDump.stepLog);
    const rollups = (s: { db: Database.Database }) =>
      ["report_steps", "report_step_segments", "report_service_hours", "report_service_desks", "report_issued"].map(
        (t) => s.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3${t === "report_service_desks" ? ", 4" : ""}`).all(),
      );
    expect(rollups(store)).toEqual(rollups(live));
    expect(checkRollups(store.db).mismatches).toEqual([]);
    const indexes = (s: { db: Database.Database }) =>
      s.db.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name").all();
    expect(indexes(store)).toEqual(indexes(live));

    const migrated = answers(store);
    expect(migrated[0]!.groups[1]!.length).toBeGreaterThan(1);
    expect(migrated[0]!.log[0]!.flat().some((r) => r.steps.length > 0)).toBe(true);
    expect(migrated).toEqual(answers(live));

    // The rest of the session through the writers and triggers of 0013, then a rebuild from the log.
    live.append(entries.slice(half));
    store.append(entries.slice(half));
    expect(dumpReadModels(store)).toEqual(dumpReadModels(live));
    expect(rollups(store)).toEqual(rollups(live));
    expect(checkRollups(store.db).mismatches).toEqual([]);
    rebuildReadModels(store);
    expect(dumpReadModels(store)).toEqual(dumpReadModels(live));
    expect(answers(store)).toEqual(answers(live));
    store.close();
    live.close();
  });

  it("0014 writes the common events as lists of their values: the same decoded events, rows as the store writes them, the same reports", () => {
    const intents = fc.sample(sessionArb, { numRuns: 40, seed: 14 }).flat();
    const entries = runIntents(new OfficeSimulation(), intents);
    const half = Math.floor(entries.length / 2);
    const live = openStore(":memory:");
    live.append(entries.slice(0, half));
    // SKM answers with profiles: what the survey rollups hold.
    const answered = live.db.prepare("SELECT id, service_id, service_day FROM ticket_rows LIMIT 6").all() as { id: string; service_id: string; service_day: string }[];
    const at = live.eventsAfter(live.lastSeq() - 1, 1)[0]!.at;
    live.append(
      answered.map((t, i) => ({
        events: [{
          type: "survey.submitted", at, responseId: `r${i}`, ticketId: t.id, serviceId: t.service_id, counterId: i % 2 ? "loket-1" : null,
          serviceDay: t.service_day, channel: "ticket_page", suggestion: null,
          answers: { persyaratan: 3, prosedur: 3, waktu: 1 + (i % 4), biaya: 4, produk: 3, kompetensi: 3, perilaku: 4, sarana: 2, pengaduan: 3 },
        } as QueueEvent],
        personal: [{ ref: `survey:r${i}`, kind: "survey_profile" as const, data: { sex: i % 2 ? "L" : "P", ageBand: "30-39" } }],
      })),
    );
    const liveDump = dumpReadModels(live);

    // What 0013 held: the same read models, every payload an object.
    const { path, db } = migratedUpTo(13);
    const livePath = join(dir, "live.db");
    live.db.prepare("VACUUM INTO ?").run(livePath);
    db.exec(`ATTACH '${livePath}' AS live`);
    // The 0013 triggers fill the rollups from these, the survey ones as rowid tables.
    copyAsBefore0015(db, ["event_types", "event_words", "tickets", "counters", "service_log", "step_log", "survey_responses", "personal_data"]);
    copyEventsAsObjects(db);
    db.exec("DETACH live");
    const objects = db.prepare("SELECT count(*) AS n, sum(length(payload)) AS bytes FROM events WHERE payload LIKE '{%'").get() as {
      n: number;
      bytes: number;
    };
    expect(objects.n).toBe(live.lastSeq());
    db.close();

    const store = openStore(path);
    const rows = (s: { db: Database.Database }) => s.db.prepare("SELECT * FROM events ORDER BY seq").all();
    expect(rows(store)).toEqual(rows(live));
    const after = store.db.prepare("SELECT count(*) AS n, sum(length(payload)) AS bytes FROM events WHERE payload LIKE '{%'").get() as {
      n: number;
    };
    // Only the feedback events and the rare shapes keep the object form.
    expect(after.n).toBeLessThan(objects.n / 10);
    const total = store.db.prepare("SELECT sum(length(payload)) AS bytes FROM events").get() as { bytes: number };
    expect(total.bytes).toBeLessThan(objects.bytes * 0.75);
    expect(store.eventsAfter(0, 1e6)).toEqual(live.eventsAfter(0, 1e6));
    expect(live.eventsAfter(0, 1e6).filter((e) => e.event.type !== "survey.submitted").map((e) => e.event)).toEqual(
      entries.slice(0, half).flatMap((e) => e.events),
    );
    expect(dumpReadModels(store)).toEqual(liveDump);
    expect(answers(store)).toEqual(answers(live));
    expect(() => store.db.prepare("UPDATE events SET at = 0").run()).toThrow(/append-only/);
    // The survey rollups: their key is the table, the same rows, the same SKM figures, the triggers still kept.
    const survey = (s: { db: Database.Database }) => {
      const reports = createReportQueries(s.db, { utcOffsetMinutes: 420, verify: false });
      const range = reports.dataRange()!;
      return [
        s.db.prepare("SELECT * FROM report_survey_days ORDER BY 1, 2, 3").all(),
        s.db.prepare("SELECT * FROM report_survey_profiles ORDER BY 1, 2, 3, 4, 5").all(),
        reports.surveySums(range, "counter"),
        reports.surveySums(range, "service"),
        reports.profileCounts(range),
      ];
    };
    const surveyNow = survey(store);
    expect((surveyNow[0] as unknown[]).length).toBeGreaterThan(0);
    expect((surveyNow[1] as unknown[]).length).toBeGreaterThan(0);
    expect(surveyNow).toEqual(survey(live));
    const surveySchema = store.db
      .prepare("SELECT type, name, sql FROM sqlite_schema WHERE tbl_name LIKE 'report_survey_%' ORDER BY name")
      .all() as { type: string; name: string; sql: string }[];
    expect(surveySchema.map((o) => o.name)).toEqual(["report_survey_days", "report_survey_profiles"]);
    expect(surveySchema.every((o) => /WITHOUT ROWID/.test(o.sql))).toBe(true);
    expect(indexesAndTriggers(store)).toEqual(indexesAndTriggers(live));

    // Every report answers as a rebuild from the migrated log does, and so after the rest of the session.
    rebuildReadModels(store);
    expect(dumpReadModels(store)).toEqual(liveDump);
    expect(answers(store)).toEqual(answers(live));
    live.append(entries.slice(half));
    store.append(entries.slice(half));
    expect(rows(store)).toEqual(rows(live));
    expect(checkRollups(store.db).mismatches).toEqual([]);
    rebuildReadModels(store);
    expect(answers(store)).toEqual(answers(live));
    expect(survey(store)).toEqual(survey(live));
    expect(store.eventsAfter(0, 1e6)).toEqual(live.eventsAfter(0, 1e6));
    store.close();
    live.close();
  });

  it("0015 keeps tickets as codes, day numbers and times after the issue, the logs' days and tickets as numbers: the same rows, tickets and reports", () => {
    const intents = fc.sample(sessionArb, { numRuns: 40, seed: 15 }).flat();
    const entries = runIntents(new OfficeSimulation(), intents);
    const half = Math.floor(entries.length / 2);
    const live = openStore(":memory:");
    live.append(entries.slice(0, half));
    const liveDump = dumpReadModels(live);
    expect(liveDump.tickets.some((t) => t.segment_index > 0 && t.counter_id !== null)).toBe(true);
    expect(liveDump.stepLog.length).toBeGreaterThan(0);

    // What 0014 held: the same log; tickets with ids, the day as text and absolute times; the logs
    // with the day and the ticket's id as text.
    const { path, db } = migratedUpTo(14);
    const livePath = join(dir, "live.db");
    live.db.prepare("VACUUM INTO ?").run(livePath);
    db.exec(`ATTACH '${livePath}' AS live`);
    copyAsBefore0015(db, ["event_types", "event_words", "events", "tickets", "counters", "service_log", "step_log"]);
    db.exec("DETACH live");
    expect(db.prepare("SELECT typeof(service_day) AS d, typeof(service_id) AS s FROM tickets LIMIT 1").get()).toEqual({ d: "text", s: "text" });
    db.close();

    const store = openStore(path);
    // The very rows a store writes today, and nothing but numbers where ids, days and times were.
    const rows = (s: { db: Database.Database }) => [
      s.db.prepare("SELECT * FROM tickets ORDER BY issued_seq").all(),
      s.db.prepare("SELECT rowid, * FROM service_log ORDER BY rowid").all(),
      s.db.prepare("SELECT * FROM step_log ORDER BY service_day, service_id, ticket_seq, segment_index, step_id").all(),
    ];
    expect(rows(store)).toEqual(rows(live));
    const types = store.db
      .prepare(
        `SELECT DISTINCT typeof(service_day) || typeof(issued_service_id) || typeof(service_id) || typeof(enqueued_at) AS t FROM tickets
         UNION SELECT DISTINCT typeof(service_day) || typeof(ticket_seq) FROM service_log
         UNION SELECT DISTINCT typeof(service_day) || typeof(ticket_seq) FROM step_log`,
      )
      .all();
    expect(types).toEqual([{ t: "integerinteger" }, { t: "integerintegerintegerinteger" }]);
    // The views for reading by hand give the logs' rows as the writer builds them.
    expect(store.db.prepare("SELECT * FROM step_log_ids ORDER BY ticket_id, segment_index, step_id").all()).toEqual(liveDump.stepLog);
    expect(store.db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    expect(dumpReadModels(store)).toEqual(liveDump);
    expect(indexesAndTriggers(store)).toEqual(indexesAndTriggers(live));
    // What the hub reads of a ticket: the same strings and times as before.
    for (const t of liveDump.tickets) {
      expect(store.ticketById(t.id)).toEqual(live.ticketById(t.id));
      expect(store.ticketById(t.id)?.serviceDay).toBe(t.service_day);
      expect(store.ticketIdByNumber(t.service_day, t.number)).toBe(live.ticketIdByNumber(t.service_day, t.number));
      expect(store.eventsForTicket(t.id)).toEqual(live.eventsForTicket(t.id));
    }
    const firstDay = liveDump.tickets.map((t) => t.service_day).sort()[0]!;
    expect(store.issuedCountsSince(firstDay).length).toBeGreaterThan(0);
    expect(store.issuedCountsSince(firstDay)).toEqual(live.issuedCountsSince(firstDay));
    const rollups = (s: { db: Database.Database }) =>
      s.db.prepare("SELECT * FROM report_issued ORDER BY 1, 2").all();
    expect(rollups(store)).toEqual(rollups(live));
    expect(checkRollups(store.db).mismatches).toEqual([]);
    expect(answers(store)).toEqual(answers(live));

    // The rest of the session through 0015's writers and trigger, then a rebuild from the log.
    live.append(entries.slice(half));
    store.append(entries.slice(half));
    expect(rows(store)).toEqual(rows(live));
    expect(dumpReadModels(store)).toEqual(dumpReadModels(live));
    expect(rollups(store)).toEqual(rollups(live));
    expect(checkRollups(store.db).mismatches).toEqual([]);
    rebuildReadModels(store);
    expect(rows(store)).toEqual(rows(live));
    expect(answers(store)).toEqual(answers(live));
    store.close();
    live.close();
  });

  it("0006 keeps the answers recorded before it, with no payload hash (answered as plain retries)", () => {
    const { path, db } = migratedUpTo(5);
    db.prepare(
      "INSERT INTO requests (request_id, namespace, response, at) VALUES ('kiosk:r1', 'kiosk', '{\"ok\":true,\"data\":1}', 1)",
    ).run();
    db.close();
    const store = openStore(path, { clock: () => 2 });
    expect(store.findRequestRecord("kiosk:r1")).toEqual({
      response: { ok: true, data: 1 },
      payloadHash: null,
    });
    store.append([
      { events: [], request: { id: "kiosk:r2", namespace: "kiosk", response: 2, payloadHash: "h2" } },
    ]);
    expect(store.findRequestRecord("kiosk:r2")).toEqual({ response: 2, payloadHash: "h2" });
    store.close();
  });
});

/**
 * A measurement in the array form (event-codec.ts TUPLES) written back as the
 * object 0009's codec wrote: one-character codes, a word's code when the value
 * is a word, the plain name's code when it is null.
 */
function asObjectForm(payload: string): string {
  const fields = JSON.parse(payload) as Record<string, unknown>;
  const tuple = fields["@"] as unknown[] | undefined;
  if (!tuple) return payload;
  // [code with a value, code when null]: serviceId ... steps, in the tuple's order.
  const codes: [string, string][] = [["(", "b"], ["c", "c"], [")", "d"], ["*", "e"], ["!", "f"], ["#", "g"], ["$", "h"],
    ["%", "i"], ["j", "j"], ["k", "k"], ["l", "l"], ["m", "m"], ["n", "n"], ["o", "o"], ["p", "p"], ["q", "q"]];
  const stepCodes: [string, string][] = [["+", "r"], ["s", "s"], ["t", "t"], ["u", "u"]];
  const minutes = (v: unknown) => (v === null ? null : Array.isArray(v) ? (v[0] as number) : (v as number) * 60_000);
  const flag = (v: unknown) => (v === null ? null : v === 1);
  const object = (values: unknown[], names: [string, string][], convert: (i: number, v: unknown) => unknown) =>
    Object.fromEntries(values.map((v, i) => [v === null ? names[i]![1] : names[i]![0], convert(i, v)]));
  const steps = (list: unknown[][]) =>
    list.map((step) => object(step, stepCodes, (i, v) => (i === 2 ? minutes(v) : i === 3 ? flag(v) : v)));
  const measurement = object(tuple, codes, (i, v) =>
    i === 11 || i === 12 ? minutes(v) : i === 13 || i === 14 ? flag(v) : i === 15 ? steps(v as unknown[][]) : v,
  );
  const { "@": _tuple, ...rest } = fields;
  return JSON.stringify({ ...rest, a: measurement });
}

describe("openStore pragmas", () => {
  it("uses WAL, synchronous=FULL, foreign keys and a busy timeout on a file database", () => {
    const store = openStore(join(dir, "layan.db"), { busyTimeoutMs: 1234 });
    const pragma = (name: string) => store.db.pragma(name, { simple: true });
    expect(pragma("journal_mode")).toBe("wal");
    expect(pragma("synchronous")).toBe(2); // FULL
    expect(pragma("foreign_keys")).toBe(1);
    expect(pragma("busy_timeout")).toBe(1234);
    store.close();
  });
});

describe("migration 0020 (bookings)", () => {
  it("keeps every personal_data row, takes booking contacts, and still rolls survey profiles up", () => {
    const path = join(dir, "layan.db");
    const db = new Database(path);
    migrate(db, loadMigrations().filter((m) => m.id < 20), 1);
    db.prepare("INSERT INTO personal_data (ref, kind, data, stored_at) VALUES (?, ?, ?, ?)").run("complaint:c1", "complaint_contact", '{"phone":"x"}', 5);
    expect(() =>
      db.prepare("INSERT INTO personal_data (ref, kind, data, stored_at) VALUES (?, ?, ?, ?)").run("booking:b1", "booking_contact", "{}", 6),
    ).toThrow(/CHECK/);
    db.close();

    const store = openStore(path);
    expect(store.db.prepare("SELECT ref, kind, data, stored_at FROM personal_data").all()).toEqual([
      { ref: "complaint:c1", kind: "complaint_contact", data: '{"phone":"x"}', stored_at: 5 },
    ]);
    store.db.prepare("INSERT INTO personal_data (ref, kind, data, stored_at) VALUES (?, ?, ?, ?)").run("booking:b1", "booking_contact", "{}", 6);
    expect(() =>
      store.db.prepare("INSERT INTO personal_data (ref, kind, data, stored_at) VALUES (?, ?, ?, ?)").run("x:1", "nik", "{}", 7),
    ).toThrow(/CHECK/);
    const triggers = store.db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'personal_data'")
      .all();
    expect(triggers.map((t) => t.name)).toEqual(["report_survey_profile_roll"]);
    store.close();
  });
});
