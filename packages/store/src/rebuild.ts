import {
  createReadModelWriter,
  READ_MODEL_TABLES,
  type CounterRow,
  type ServiceLogRow,
  type StepLogRow,
  type TicketRow,
} from "./read-models";
import type { Store } from "./store";

export interface ReadModelDump {
  tickets: TicketRow[];
  counters: CounterRow[];
  serviceLog: ServiceLogRow[];
  stepLog: StepLogRow[];
}

/** Every read-model row, in primary-key order: for comparing a live store with a rebuild. */
export function dumpReadModels(store: Store): ReadModelDump {
  const { db } = store;
  return {
    // As the writer builds them: ids, day and times back (migration 0015's view).
    tickets: db.prepare<[], TicketRow>("SELECT * FROM ticket_rows ORDER BY id").all(),
    counters: db.prepare<[], CounterRow>("SELECT * FROM counters ORDER BY id").all(),
    // The ids, days and ticket ids back (migrations 0013 and 0015's views): rows as the writer builds them.
    serviceLog: db
      .prepare<[], ServiceLogRow & { rowid?: number }>("SELECT * FROM service_log_ids ORDER BY ticket_id, segment_index")
      .all()
      .map(({ rowid: _rowid, ...row }) => row),
    stepLog: db
      .prepare<[], StepLogRow>(
        `SELECT service_day, service_id, ticket_id, segment_index, step_id, step_order, ms, target_ms, met
         FROM step_log_ids ORDER BY ticket_id, segment_index, step_id`,
      )
      .all(),
  };
}

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string;
}

export interface RebuildResult {
  events: number;
  lastSeq: number;
}

/**
 * Drops the read models and derives them again from the whole log, in one
 * transaction: a reader sees either the old tables or the complete new ones.
 * The tables are recreated from their current definitions in sqlite_schema, so
 * a rebuild keeps whatever later migrations made of them.
 */
export function rebuildReadModels(store: Store, opts: { pageSize?: number } = {}): RebuildResult {
  const { db } = store;
  const pageSize = opts.pageSize ?? 5_000;
  const placeholders = READ_MODEL_TABLES.map(() => "?").join(", ");
  const schema = db
    .prepare<string[], SchemaObject>(
      `SELECT type, name, tbl_name, sql FROM sqlite_schema
       WHERE tbl_name IN (${placeholders}) AND sql IS NOT NULL
       ORDER BY rowid`,
    )
    .all(...READ_MODEL_TABLES);
  const tables = READ_MODEL_TABLES.map((name) => {
    const table = schema.find((o) => o.type === "table" && o.name === name);
    if (!table) throw new Error(`read model ${name} is missing from the schema`);
    return table;
  });
  // Indexes and triggers after the rows: building an index once is cheaper than
  // keeping it sorted through a million inserts.
  const dependents = schema.filter((o) => o.type !== "table");

  return db.transaction((): RebuildResult => {
    // Children before parents, so the foreign keys never point at a dropped table.
    for (const table of [...tables].reverse()) db.exec(`DROP TABLE ${table.name}`);
    for (const table of tables) db.exec(table.sql);
    // The writer prepares against the new tables.
    const applyToReadModels = createReadModelWriter(db);
    let events = 0;
    let lastSeq = 0;
    // Pages, not one cursor: better-sqlite3 forbids writes while a cursor is open.
    for (;;) {
      const page = store.eventsAfter(lastSeq, pageSize);
      for (const { seq, event } of page) applyToReadModels(seq, event);
      events += page.length;
      const last = page.at(-1);
      if (!last) break;
      lastSeq = last.seq;
    }
    for (const o of dependents) db.exec(o.sql);
    return { events, lastSeq };
  })();
}
