import type { QueueEvent } from "@layan/core";
import Database from "better-sqlite3";
import { createAdminQueries, type AdminQueries } from "./admin";
import { createAuditQueries, type AuditQueries, type NewAuditEntry } from "./audit";
import { createBookingQueries, type BookingQueries } from "./bookings";
import { createFeedbackQueries, type FeedbackQueries, type PersonalDataEntry } from "./feedback";
import { eventDictionaries, eventFromRow, eventToRow, type EventRow, type StoredEvent } from "./event-log";
import { loadMigrations, migrate, MIGRATIONS_DIR } from "./migrate";
import { createRequestTombstones } from "./tombstones";
import {
  counterFromRow,
  createReadModelWriter,
  dayNumber,
  ticketFromRow,
  wordOf,
  type CounterRecord,
  type CounterRow,
  type TicketRecord,
  type TicketRow,
} from "./read-models";

/** One command's writes: its events and, when it carries a client request id, its answer. */
export interface CommitEntry {
  events: QueueEvent[];
  /** `payloadHash`: what the request carried, so a reused id with another payload is told apart from a retry. */
  request?: { id: string; namespace: string; response: unknown; payloadHash?: string };
  /** Personal data that goes with the events (a survey profile, a complaint's contact): never in the log itself. */
  personal?: PersonalDataEntry[];
  /** Who made an administrative change the events record (today's operations): durable with them or not at all. */
  audit?: NewAuditEntry[];
}

export interface AppendResult {
  /** The seqs given to each entry's events, entry by entry. */
  seqs: number[][];
  /** The log's last seq after the append. */
  lastSeq: number;
}

export interface RequestRow {
  request_id: string;
  namespace: string;
  response: string;
  at: number;
  payload_hash: string | null;
}

export interface StoreOptions {
  /** How long a write waits for another connection's lock before failing. */
  busyTimeoutMs?: number;
  /** Where the NNNN-what.sql files are; tests point it elsewhere. */
  migrationsDir?: string;
  /** Time stamps for the ledger and the migrations table; the hub passes its clock. */
  clock?: () => number;
  /** Events per page when streaming the log (iterateEvents, rebuild). */
  pageSize?: number;
}

export interface Store extends AdminQueries, FeedbackQueries, AuditQueries, BookingQueries {
  readonly db: Database.Database;
  /**
   * Writes every entry in ONE transaction: events get consecutive seqs, the
   * read models follow each event, and each answer goes into the ledger. When
   * it returns, the transaction is committed (and, with synchronous=FULL,
   * on disk); when it throws, nothing of it was written.
   */
  append(entries: readonly CommitEntry[]): AppendResult;
  /** The answer recorded for a client request id, or undefined. */
  findRequest(requestId: string): unknown;
  /**
   * The recorded answer with the hash of the payload it answered (null for
   * rows written before migration 0006), or `expired` for an id whose answer
   * pruneRequests forgot.
   */
  findRequestRecord(requestId: string): { response: unknown; payloadHash: string | null } | "expired" | undefined;
  /**
   * Forgets the answers recorded before `at`, oldest first, at most `limit`
   * of them (all by default), keeping a tombstone of each id
   * (findRequestRecord says `expired`). Returns how many answers it deleted.
   */
  pruneRequests(at: number, limit?: number): number;
  /** 0 for an empty log. */
  lastSeq(): number;
  /** Events with seq > `seq`, oldest first, at most `limit`. */
  eventsAfter(seq: number, limit: number): StoredEvent[];
  /** Events with seq >= `fromSeq`, oldest first, read page by page. */
  iterateEvents(fromSeq?: number): Generator<StoredEvent, void, undefined>;
  /** One ticket's history, oldest first. */
  eventsForTicket(ticketId: string): StoredEvent[];
  /** The first event at or after hub time `at`, or null if there is none yet. */
  firstSeqAtOrAfter(at: number): number | null;
  /** Seq of the ticket.issued event of the oldest ticket still waiting, called or serving. */
  openTicketsFirstSeq(): number | null;
  /**
   * Where a start-up replay must begin so that the live queue is complete and
   * every replayed event finds its ticket: at or before the start of today, at
   * or before the issue of every unfinished ticket and the opening of every
   * counter not closed, and at or before the issue of every ticket that has an
   * event after that point. (The counters' priority:regular turn position is
   * the one thing such a replay does not restore.)
   */
  replayStartSeq(todayStart: number): number;
  ticketById(id: string): TicketRecord | undefined;
  /** Tickets issued per service (the service taken at the kiosk) on `serviceDay` and later, most first. */
  issuedCountsSince(serviceDay: string): { serviceId: string; count: number }[];
  listCounters(): CounterRecord[];
  /** The ticket of that service day with that number, or null. */
  ticketIdByNumber(serviceDay: string, number: string): string | null;
  close(): void;
}

const DEFAULT_PAGE_SIZE = 1_000;

/**
 * How long the ledger keeps an answer: as long as a retry can arrive. A
 * client's own retries end within 24 s (packages/ui sendCommand: three
 * attempts of 5 s; the kiosk's issue, survey and complaint: three of 8 s); what
 * comes later is the kiosk re-sending an issue whose answer it lost, or its
 * pending cancel, once it is back in touch with the hub (after a restart of the
 * hub, ~1 s, or of its machine, minutes), and a phone's form sent again after a
 * reload. An hour covers those many times over; a day of answers was ~120 bytes
 * per ticket of a year's store (~125 MB live and freed for 4,000 tickets a day,
 * the counter's snapshot in each answer), an hour's is a fraction of that. A
 * retry later than this is answered REQUEST_EXPIRED (the tombstones) and runs
 * nothing; a ticket issued the evening before is cancelled by the day's close
 * anyway.
 */
export const REQUEST_ANSWER_KEEP_MS = 60 * 60_000;

/**
 * The start-up replay's look-back (replayStartSeq): the earliest issue of a
 * ticket with an event since `start`. An event after its ticket's first names
 * it by that event's seq, its issued_seq (migration 0012); the first event
 * itself lies at or after `start`, so it cannot move the start back. A range
 * of the primary key, never the tickets (with a year's statistics a join to
 * them once made the planner walk all million: 5.7 s of a restart).
 */
export const REPLAY_LOOKBACK_SQL = "SELECT min(ticket_seq) AS seq FROM events WHERE seq >= ?";

/**
 * An event row as the codec reads it (EventRow): the ticket's id from the row
 * itself or from the event its ticket_seq points to (migration 0012).
 */
const EVENT_COLUMNS = `e.seq, e.type, e.at, coalesce(e.ticket_id, i.ticket_id) AS ticket_id, e.payload
  FROM events AS e LEFT JOIN events AS i ON i.seq = e.ticket_seq`;

/** One ticket's events: its own first event, and those that name it by that event's seq. */
export const EVENTS_FOR_TICKET_SQL = `SELECT e.seq, e.type, e.at, t.id AS ticket_id, e.payload
  FROM tickets AS t JOIN events AS e ON e.seq BETWEEN t.issued_seq AND t.updated_seq
  WHERE t.id = ? AND (e.ticket_seq = t.issued_seq OR e.ticket_id = t.id) ORDER BY e.seq`;

/**
 * Opens (or creates) the database file, sets the pragmas durability depends
 * on, and applies new migrations.
 */
export function openStore(path: string, opts: StoreOptions = {}): Store {
  const db = new Database(path);
  try {
    configure(db, path, opts.busyTimeoutMs ?? 5_000);
    migrate(db, loadMigrations(opts.migrationsDir ?? MIGRATIONS_DIR), (opts.clock ?? Date.now)());
    return createStore(db, opts);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The page cache of a store's connection, in KiB (SQLite's own default). */
export const PAGE_CACHE_KIB = 2_000;

function configure(db: Database.Database, path: string, busyTimeoutMs: number): void {
  const mode = db.pragma("journal_mode = WAL", { simple: true });
  // A file database that cannot use WAL (some network shares) would run with
  // other durability and locking rules than the ones we tested: refuse it.
  if (path !== ":memory:" && path !== "" && mode !== "wal") {
    throw new Error(`${path}: journal_mode is ${String(mode)}, expected wal`);
  }
  // In WAL mode NORMAL skips the fsync at commit: a power cut could then lose
  // transactions the hub already acknowledged (and a ticket already printed).
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  // better-sqlite3 builds SQLite with a 16 MB page cache per connection
  // (SQLite's own default is 2 MB). The hub's statements are index seeks
  // whose interior pages fit in 2 MB, and the OS page cache holds the file
  // anyway; the other 14 MB filled up with leaf pages as the queue grew and
  // stayed resident: 23 MB of malloc at 50,000 waiting instead of 8
  // (docs/benchmarks.md, "Flat cost and memory (session 23)").
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
}

/** Wraps an open, migrated database. */
export function createStore(db: Database.Database, opts: StoreOptions = {}): Store {
  const clock = opts.clock ?? Date.now;
  const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  const tombstones = createRequestTombstones(db);
  const applyToReadModels = createReadModelWriter(db);
  const dicts = eventDictionaries(db);

  const s = {
    insertEvent: db.prepare<[number, number, string | null, number | null, string]>(
      "INSERT INTO events (type, at, ticket_id, ticket_seq, payload) VALUES (?, ?, ?, ?, ?)",
    ),
    // The read model is written event by event in the same transaction: a
    // ticket issued earlier in this batch is already there.
    ticketSeq: db.prepare<[string], { seq: number }>("SELECT issued_seq AS seq FROM tickets WHERE id = ?"),
    insertRequest: db.prepare<[string, string, string, number, string | null]>(
      "INSERT INTO requests (request_id, namespace, response, at, payload_hash) VALUES (?, ?, ?, ?, ?)",
    ),
    request: db.prepare<[string], RequestRow>("SELECT * FROM requests WHERE request_id = ?"),
    lastSeq: db.prepare<[], { seq: number }>("SELECT coalesce(max(seq), 0) AS seq FROM events"),
    eventsAfter: db.prepare<[number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} WHERE e.seq > ? ORDER BY e.seq LIMIT ?`,
    ),
    // No index on the events' ticket (migration 0009): the ticket's first and
    // last event bound a primary-key range of a few hours of the log.
    eventsForTicket: db.prepare<[string], EventRow>(EVENTS_FOR_TICKET_SQL),
    firstAtOrAfterSeq: db.prepare<[number], { seq: number; at: number }>(
      "SELECT seq, at FROM events WHERE seq >= ? ORDER BY seq LIMIT 1",
    ),
    openCountersFirstSeq: db.prepare<[], { seq: number | null }>(
      "SELECT min(opened_seq) AS seq FROM counters",
    ),
    openTicketsFirstSeq: db.prepare<[], { seq: number | null }>(
      "SELECT min(issued_seq) AS seq FROM tickets WHERE status IN ('waiting', 'called', 'serving')",
    ),
    earliestIssueOfTicketsTouchedSince: db.prepare<[number], { seq: number | null }>(REPLAY_LOOKBACK_SQL),
    // The row as the writer wrote it, ids and day as text (migration 0015's view).
    ticketById: db.prepare<[string], TicketRow>("SELECT * FROM ticket_rows WHERE id = ?"),
    // A range over tickets_day_number: a month of an office's tickets, never the whole history.
    // The day is a day number and the service a code (migration 0015); the order is the ids' as before.
    issuedCountsSince: db.prepare<[number], { serviceId: string; count: number }>(
      `SELECT ${wordOf("issued_service_id")} AS serviceId, count(*) AS count FROM tickets
       WHERE service_day >= ? GROUP BY issued_service_id ORDER BY count DESC, serviceId`,
    ),
    listCounters: db.prepare<[], CounterRow>("SELECT * FROM counters ORDER BY id"),
    ticketIdByNumber: db.prepare<[number, string], { id: string }>(
      "SELECT id FROM tickets WHERE service_day = ? AND number = ?",
    ),
    insertPersonal: db.prepare<[string, string, string, number]>(
      "INSERT INTO personal_data (ref, kind, data, stored_at) VALUES (?, ?, ?, ?)",
    ),
  };

  // One INSERT a row, not one multi-row INSERT a batch: a statement that can
  // fail half-way through its rows makes SQLite keep a statement journal, and
  // measured (hot-path probe, 20 kiosks) that wrote 27 % more bytes per issue
  // (26.0 against 20.4 KB) and one more write call, for ~1 µs of statement
  // overhead saved a row.
  const audit = createAuditQueries(db);
  const appendAll = db.transaction((entries: readonly CommitEntry[]): AppendResult => {
    const seqs: number[][] = [];
    let lastSeq = 0;
    for (const entry of entries) {
      const own: number[] = [];
      for (const event of entry.events) {
        const row = eventToRow(event, dicts);
        const ticketSeq = row.ticket_id === null ? undefined : s.ticketSeq.get(row.ticket_id)?.seq;
        lastSeq = Number(
          (ticketSeq === undefined
            ? s.insertEvent.run(row.type, row.at, row.ticket_id, null, row.payload)
            : s.insertEvent.run(row.type, row.at, null, ticketSeq, row.payload)
          ).lastInsertRowid,
        );
        applyToReadModels(lastSeq, event);
        own.push(lastSeq);
      }
      if (entry.request) {
        const { id, namespace, response, payloadHash } = entry.request;
        // A duplicate id throws and rolls the whole batch back: callers must
        // answer retries from findRequest / their in-flight map, never decide twice.
        s.insertRequest.run(id, namespace, JSON.stringify(response ?? null), clock(), payloadHash ?? null);
      }
      for (const p of entry.personal ?? []) s.insertPersonal.run(p.ref, p.kind, JSON.stringify(p.data), clock());
      for (const a of entry.audit ?? []) audit.recordAudit(a);
      seqs.push(own);
    }
    return { seqs, lastSeq: lastSeq || (s.lastSeq.get()?.seq ?? 0) };
  });

  const lastSeq = (): number => s.lastSeq.get()?.seq ?? 0;

  const eventsAfter = (seq: number, limit: number): StoredEvent[] =>
    s.eventsAfter.all(seq, limit).map((row) => eventFromRow(row, dicts));

  const openTicketsFirstSeq = (): number | null => s.openTicketsFirstSeq.get()?.seq ?? null;

  /**
   * A binary search on the primary key, without an index on `at`: event time
   * never goes back along seq (the engine holds each event's time at or after
   * the last one's), so the events at or after `at` are one run at the end.
   */
  const firstSeqAtOrAfter = (at: number): number | null => {
    let hi = lastSeq();
    const last = s.firstAtOrAfterSeq.get(hi);
    if (!last || last.at < at) return null;
    let best = last.seq;
    let lo = 1;
    // Invariant: best is at or after `at`, and so is nothing before lo; what is left lies in [lo, hi].
    while (lo <= hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      const row = s.firstAtOrAfterSeq.get(mid);
      if (!row || row.seq > hi) hi = mid - 1;
      else if (row.at >= at) {
        best = row.seq;
        hi = mid - 1;
      } else lo = row.seq + 1;
    }
    return best;
  };

  return {
    db,
    ...createAdminQueries(db),
    ...audit,
    ...createFeedbackQueries(db),
    ...createBookingQueries(db),
    append: (entries) => {
      try {
        return appendAll(entries);
      } catch (error) {
        // A type or word first written in the rolled-back transaction has no code in the table.
        dicts.types.reload();
        dicts.words.reload();
        throw error;
      }
    },
    findRequest: (requestId) => {
      const row = s.request.get(requestId);
      return row === undefined ? undefined : (JSON.parse(row.response) as unknown);
    },
    findRequestRecord: (requestId) => {
      const row = tombstones.find(requestId);
      if (row === undefined || row === "expired") return row;
      return { response: JSON.parse(row.response) as unknown, payloadHash: row.payload_hash };
    },
    pruneRequests: (at, limit) => tombstones.prune(at, limit),
    lastSeq,
    eventsAfter,
    // Pages rather than one .iterate() cursor: better-sqlite3 refuses every
    // write on a connection while a cursor is open, so a consumer that awaited
    // inside the loop would make the next group commit throw "connection busy".
    // Each page is a primary-key range read; memory stays bounded by pageSize.
    *iterateEvents(fromSeq = 1) {
      let after = fromSeq - 1;
      for (;;) {
        const page = eventsAfter(after, pageSize);
        yield* page;
        const last = page.at(-1);
        if (!last || page.length < pageSize) return;
        after = last.seq;
      }
    },
    eventsForTicket: (ticketId) => s.eventsForTicket.all(ticketId).map((row) => eventFromRow(row, dicts)),
    firstSeqAtOrAfter,
    openTicketsFirstSeq,
    replayStartSeq: (todayStart) => {
      const lastPlusOne = lastSeq() + 1;
      let start = Math.min(
        s.openCountersFirstSeq.get()?.seq ?? lastPlusOne,
        firstSeqAtOrAfter(todayStart) ?? lastPlusOne,
        openTicketsFirstSeq() ?? lastPlusOne,
      );
      // A ticket issued before `start` may still have events after it (served
      // the next morning, a no-show cancelled later): replaying those alone
      // would hit a ticket the replay never saw. Move back to its issue, and
      // again for the tickets that brings in, until nothing reaches back.
      for (;;) {
        const earlier = s.earliestIssueOfTicketsTouchedSince.get(start)?.seq ?? null;
        if (earlier === null || earlier >= start) return start;
        start = earlier;
      }
    },
    ticketById: (id) => {
      const row = s.ticketById.get(id);
      return row && ticketFromRow(row);
    },
    issuedCountsSince: (serviceDay) => s.issuedCountsSince.all(dayNumber(serviceDay)),
    listCounters: () => s.listCounters.all().map(counterFromRow),
    ticketIdByNumber: (serviceDay, number) => s.ticketIdByNumber.get(dayNumber(serviceDay), number)?.id ?? null,
    close: () => {
      if (!db.open) return;
      // Keeps the planner's statistics fresh for the report queries (cheap, bounded).
      db.pragma("optimize");
      db.close();
    },
  };
}
