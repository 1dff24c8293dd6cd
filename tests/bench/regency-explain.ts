/**
 * PostgreSQL's side of one ingest batch, alone: `EXPLAIN (ANALYZE, BUFFERS)`
 * of the events' INSERT as ingest sent it before migration 0007 (text and
 * jsonb[] array literals, with the ticket expression index of migration 0002)
 * and after (one JSON array, one bytea of hashes, no expression index), on
 * a throwaway cluster, the same batches of the sample office's log, alternated
 * so the machine's load falls on both alike. Prints the ModifyTable node's
 * times per batch (median of each form) as JSON.
 *
 * `pnpm exec tsx tests/bench/regency-explain.ts [--rounds N]`
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canonicalJson, shippedEvent } from "@layan/protocol";
import { openStore } from "@layan/store";
import { eventHash, openPool } from "../../apps/regency/src/index";
import { startPostgres } from "../support/postgres";
import { writeSample } from "./regency-ingest";
import { percentile } from "./stats";

const median = (xs: readonly number[]) => percentile(xs, 50);

const TABLE = `(office_id text NOT NULL, stream integer NOT NULL, seq bigint NOT NULL, type text NOT NULL, at timestamptz NOT NULL,
  body jsonb NOT NULL, hash bytea NOT NULL, received_at timestamptz NOT NULL, PRIMARY KEY (office_id, stream, seq))`;

async function main(): Promise<void> {
  const rounds = Number(process.argv[process.argv.indexOf("--rounds") + 1] || 3);
  const dir = mkdtempSync(join(tmpdir(), "layan-regency-explain-"));
  const cluster = await startPostgres();
  const pool = openPool(cluster.url(), { max: 1 });
  try {
    const store = openStore(writeSample(dir, 1));
    const rows = [...store.iterateEvents()].map((e) => {
      const shipped = shippedEvent(e.event);
      return {
        seq: e.seq,
        type: shipped.type,
        at: shipped.at,
        body: canonicalJson(shipped),
        hash: eventHash(e.seq, shipped),
      };
    });
    store.close();
    const batches: (typeof rows)[] = [];
    for (let i = 0; i < rows.length; i += 500) batches.push(rows.slice(i, i + 500));
    await pool.query(`CREATE TABLE before_events ${TABLE}`);
    await pool.query(
      "CREATE INDEX before_events_ticket ON before_events (office_id, (body ->> 'ticketId'), stream, seq) WHERE type LIKE 'ticket.%'",
    );
    await pool.query(`CREATE TABLE after_events ${TABLE}`);
    // The old statement without the index: what the index costs apart from the statement's form.
    await pool.query(`CREATE TABLE unindexed_events ${TABLE}`);
    const times: Record<string, number[]> = {
      before: [],
      after: [],
      unindexed: [],
      before_buffers: [],
      after_buffers: [],
    };
    const explain = async (sql: string, params: unknown[]): Promise<{ ms: number; buffers: number }> => {
      const plan = (
        await pool.query<{
          "QUERY PLAN": [
            {
              Plan: {
                "Actual Total Time": number;
                "Shared Hit Blocks": number;
                "Shared Dirtied Blocks": number;
              };
            },
          ];
        }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params)
      ).rows[0]!["QUERY PLAN"][0].Plan;
      return { ms: plan["Actual Total Time"], buffers: plan["Shared Hit Blocks"] };
    };
    for (let r = 0; r < rounds; r++) {
      const office = `office-${r}`;
      for (const b of batches) {
        const old = (table: string) =>
          explain(
            `INSERT INTO ${table} SELECT $1, 1, e.seq, e.type, to_timestamp(e.at / 1000.0), e.body, e.hash, now()
             FROM unnest($2::int8[], $3::text[], $4::int8[], $5::jsonb[], $6::bytea[]) AS e (seq, type, at, body, hash) ON CONFLICT DO NOTHING`,
            [
              office,
              b.map((x) => x.seq),
              b.map((x) => x.type),
              b.map((x) => x.at),
              b.map((x) => x.body),
              b.map((x) => x.hash),
            ],
          );
        const before = await old("before_events");
        times.unindexed!.push((await old("unindexed_events")).ms);
        const after = await explain(
          `INSERT INTO after_events SELECT $1, 1, $2::int8 + e.n - 1, e.body ->> 'type', to_timestamp((e.body ->> 'at')::int8 / 1000.0), e.body,
                  substring($4::bytea FROM ((e.n - 1) * 32 + 1)::int4 FOR 32), now()
             FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e (body, n) ON CONFLICT DO NOTHING`,
          [office, b[0]!.seq, `[${b.map((x) => x.body).join(",")}]`, Buffer.concat(b.map((x) => x.hash))],
        );
        times.before!.push(before.ms);
        times.after!.push(after.ms);
        times.before_buffers!.push(before.buffers);
        times.after_buffers!.push(after.buffers);
      }
    }
    const per = (k: string) => Math.round((median(times[k]!) / 500) * 1000 * 100) / 100;
    process.stdout.write(
      `${JSON.stringify({
        batches: times.before!.length,
        before_insert_us_per_event: per("before"),
        after_insert_us_per_event: per("after"),
        before_without_ticket_index_us_per_event: per("unindexed"),
        before_shared_hit_blocks_per_batch: median(times.before_buffers!),
        after_shared_hit_blocks_per_batch: median(times.after_buffers!),
      })}\n`,
    );
  } finally {
    await pool.end();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
