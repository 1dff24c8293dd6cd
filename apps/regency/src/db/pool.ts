import pg from "pg";

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

const INT8_OID = 20;

/**
 * Seqs and counts are int8 in PostgreSQL; node-postgres hands them over as
 * strings (they may pass 2^53). A hub's seq stays far below 2^53 (a thousand
 * events a day for a million years), so numbers are safe here.
 */
const parseInt8 = (value: string): number => Number(value);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary"): unknown =>
    oid === INT8_OID && format !== "binary" ? parseInt8 : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
};

/**
 * `jit: false` turns PostgreSQL's JIT off for the pool's sessions: on the
 * regency's reports over a seeded year it only cost (a drill-down's SOP steps
 * 909 ms with it, 344 ms without; the rest alike: docs/benchmarks.md "Histograms").
 */
export function openPool(connectionString: string, options: { max?: number; jit?: boolean } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    types,
    connectionTimeoutMillis: 5_000,
    ...(options.jit === false ? { options: "-c jit=off" } : {}),
  });
  // An idle client whose server went away emits 'error' on the pool; unhandled,
  // it would end the process. The next query gets a fresh connection.
  pool.on("error", () => undefined);
  return pool;
}

/**
 * BEGIN ... COMMIT on one client; ROLLBACK when `fn` throws. The answer to
 * the caller goes out only after this resolves, that is after COMMIT.
 */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
