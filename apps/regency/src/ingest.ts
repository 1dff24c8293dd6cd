import { createHash, hash as digest } from "node:crypto";
import {
  canonicalHashInput,
  eventHashInput,
  privateTextIn,
  type IngestAccepted,
  type CanonicalBatch,
  type IngestBatch,
  PRIVATE_TEXT_FIELDS,
  ShippedEvent,
  type IngestPosition,
  HUB_OWNERSHIP_MS,
  type OpenStream,
  type PublishedStandards,
  type RegencyAnyErrorCode,
  canonicalJson,
} from "@layan/protocol";
import { inTransaction, type Pool, type PoolClient } from "./db/pool";

/** A request the server refuses on purpose: answered with its code and, where it helps the hub resume, the position. */
export class IngestRefusal extends Error {
  constructor(
    readonly code: RegencyAnyErrorCode,
    readonly status: number,
    readonly position?: IngestPosition,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(code);
  }
}

type Queryable = Pool | PoolClient;

export function eventHash(seq: number, event: unknown): Buffer {
  return createHash("sha256").update(eventHashInput(seq, event)).digest();
}

interface StreamRow {
  stream: number;
  base_seq: number;
  last_seq: number;
  closed: boolean;
  /** The event at last_seq's hash in this stream's view (migration 0007); null at 0. */
  last_hash: Buffer | null;
  /** The hub that ships the stream; null until one with an id ships (migration 0007). */
  hub_instance: string | null;
  hub_seen_ms: number | null;
}

const STREAM_COLUMNS =
  "stream, base_seq, last_seq, closed_at IS NOT NULL AS closed, last_hash, hub_instance, (extract(epoch FROM hub_seen_at) * 1000)::int8 AS hub_seen_ms";

/**
 * The hash of the event at `seq` in the view of `stream`: its own events
 * above its base, the earlier streams' below (the highest stream not after
 * `stream` whose base is below `seq` holds it).
 */
async function hashAt(q: Queryable, officeId: string, stream: number, seq: number): Promise<string | null> {
  if (seq <= 0) return null;
  const { rows } = await q.query<{ hash: Buffer }>(
    `SELECT e.hash FROM office_events e
      WHERE e.office_id = $1 AND e.seq = $3
        AND e.stream = (SELECT max(s.stream) FROM office_streams s WHERE s.office_id = $1 AND s.stream <= $2 AND s.base_seq < $3)`,
    [officeId, stream, seq],
  );
  return rows[0]?.hash.toString("hex") ?? null;
}

async function openStreamRow(q: Queryable, officeId: string): Promise<StreamRow> {
  const { rows } = await q.query<StreamRow>(
    `SELECT ${STREAM_COLUMNS} FROM office_streams WHERE office_id = $1 AND closed_at IS NULL`,
    [officeId],
  );
  const row = rows[0];
  if (!row) throw new Error(`office ${officeId} has no open stream`);
  return row;
}

async function positionOf(q: Queryable, officeId: string, row: StreamRow, probe?: number): Promise<IngestPosition> {
  const position: IngestPosition = {
    office: officeId,
    stream: row.stream,
    baseSeq: row.base_seq,
    lastSeq: row.last_seq,
    lastHash: row.last_hash ? row.last_hash.toString("hex") : await hashAt(q, officeId, row.stream, row.last_seq),
  };
  if (probe !== undefined) position.probe = { seq: probe, hash: probe <= row.last_seq ? await hashAt(q, officeId, row.stream, probe) : null };
  return position;
}

/** Where the office's central copy ends; an office's first question opens its stream 1. */
export async function position(pool: Queryable, officeId: string, now: number, probe?: number): Promise<IngestPosition> {
  await pool.query(
    `INSERT INTO office_streams (office_id, stream, base_seq, last_seq, opened_at)
     SELECT $1, 1, 0, 0, to_timestamp($2 / 1000.0)
      WHERE NOT EXISTS (SELECT 1 FROM office_streams WHERE office_id = $1)
     ON CONFLICT DO NOTHING`,
    [officeId, now],
  );
  return positionOf(pool, officeId, await openStreamRow(pool, officeId), probe);
}

/** What a batch becomes before it is written: each event's stored text and hash, the first format's after canonicalJson. */
interface Prepared {
  bodies: string[];
  hashes: Buffer[];
}

function prepareV1(batch: IngestBatch): Prepared {
  const withText = batch.events.flatMap((e, i) => privateTextIn(e.event).map((f) => ({ path: `events.${i}.event.${f}`, message: "stays at the office" })));
  if (withText.length > 0) throw new IngestRefusal("INGEST_PRIVATE_TEXT", 422, undefined, withText);
  // Each event's canonical text once: it is both what is stored and what is hashed.
  const bodies = batch.events.map((e) => canonicalJson(e.event));
  // The one-shot digest: a Hash object per event was a measurable share of ingest's Node time (docs/benchmarks.md "Ingest (session 24)").
  const hashes = batch.events.map((e, i) => digest("sha256", canonicalHashInput(e.seq, bodies[i]!), "buffer"));
  return { bodies, hashes };
}

/**
 * Joins the texts for the fast path. Canonical JSON holds no raw control
 * character (JSON.stringify escapes them), and a text that does is not JSON
 * either (inside a string) or not canonical: one holding the separator splits
 * into more rows than the batch has events, which the statement's count
 * refuses, and the full path then finds it is not JSON.
 */
const SEPARATOR = "\u001e";

/**
 * The whole check of a format-2 batch in Node, for the batches the fast
 * path did not write (a retry, a refusal, a text PostgreSQL could not read):
 * every text parsed and checked as format 1 checks an event, hashed, and
 * compared with the hash the hub claimed. The issues name the event.
 */
function prepareV2(batch: CanonicalBatch): Prepared {
  const issues: { path: string; message: string }[] = [];
  const withText: { path: string; message: string }[] = [];
  const hashes: Buffer[] = [];
  batch.events.forEach((e, i) => {
    const hash = digest("sha256", canonicalHashInput(e.seq, e.text), "buffer");
    hashes.push(hash);
    if (hash.toString("hex") !== e.hash) issues.push({ path: `events.${i}.hash`, message: "not the SHA-256 of the event's text" });
    let parsed: unknown;
    try {
      parsed = JSON.parse(e.text);
    } catch {
      issues.push({ path: `events.${i}.text`, message: "not JSON" });
      return;
    }
    const checked = ShippedEvent.shape.event.safeParse(parsed);
    if (!checked.success) {
      for (const issue of checked.error.issues) issues.push({ path: [`events.${i}.text`, ...issue.path].join("."), message: issue.message });
      return;
    }
    for (const f of privateTextIn(checked.data)) withText.push({ path: `events.${i}.text.${f}`, message: "stays at the office" });
  });
  if (issues.length > 0) throw new IngestRefusal("INVALID_PAYLOAD", 400, undefined, issues.slice(0, 20));
  if (withText.length > 0) throw new IngestRefusal("INGEST_PRIVATE_TEXT", 422, undefined, withText);
  return { bodies: batch.events.map((e) => e.text), hashes };
}

/** A format-2 text PostgreSQL takes only when it is an event as format 1 checks one: an object, its type and time well-formed, no private text. */
const PRIVATE_TEXT_SQL = Object.entries(PRIVATE_TEXT_FIELDS)
  .flatMap(([type, fields]) => fields.map((f) => `(s.body ->> 'type' = '${type}' AND coalesce(s.body -> '${f}', 'null'::jsonb) <> 'null'::jsonb)`))
  .join(" OR ");
const EVENT_CHECK_SQL = `coalesce(jsonb_typeof(s.body) = 'object' AND s.body ->> 'type' ~ '^[a-z_]+\\.[a-z_]+$'
  AND jsonb_typeof(s.body -> 'at') = 'number' AND s.body ->> 'at' ~ '^[0-9]{1,15}$' AND NOT (${PRIVATE_TEXT_SQL}), false)`;

/**
 * The usual batch in one statement, and so one round trip and its own
 * transaction: it moves the stream's end only when the batch continues it
 * (open, this hub's or nobody's, firstSeq = last_seq + 1, prevHash = the
 * row's last hash), with the row locked by the UPDATE, and inserts the
 * events only when the end moved. A format-2 batch is hashed and checked by
 * PostgreSQL in the same statement (its sha256, its jsonb parse, which it
 * does anyway to store the body); one event that fails moves nothing.
 * False when it wrote nothing: the caller then takes the full path, which
 * tells a retry from a gap and a refusal. PostgreSQL answers only after the
 * commit is flushed (synchronous_commit stays on), so an ack is durable.
 */
async function appendFast(pool: Pool, officeId: string, batch: IngestBatch | CanonicalBatch, v1: Prepared | null, now: number): Promise<boolean> {
  const n = batch.events.length;
  let source: string;
  let check: string;
  let params: unknown[];
  if (v1 === null) {
    if (!isV2(batch)) return false;
    // Texts joined by a separator they cannot hold and hashes as one bytea: two parameters node-postgres sends as they are, with nothing escaped.
    source = `SELECT t.n, t.text::jsonb AS body, sha256(convert_to(($4::int8 + t.n - 1)::text || E'\\n' || t.text, 'UTF8')) AS hash
                FROM string_to_table($5::text, E'\\x1e') WITH ORDINALITY AS t (text, n)`;
    check = `s.hash = substring($6::bytea FROM ((s.n - 1) * 32 + 1)::int4 FOR 32) AND ${EVENT_CHECK_SQL}`;
    params = [batch.events.map((e) => e.text).join(SEPARATOR), Buffer.from(batch.events.map((e) => e.hash).join(""), "hex")];
  } else {
    const { bodies, hashes } = v1;
    source = `SELECT e.n, e.body, substring($6::bytea FROM ((e.n - 1) * 32 + 1)::int4 FOR 32) AS hash
                FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS e (body, n)`;
    check = "true";
    params = [`[${bodies.join(",")}]`, Buffer.concat(hashes)];
  }
  try {
    const { rows } = await pool.query<{ moved: number }>(
      `WITH src AS MATERIALIZED (${source}),
            valid AS (SELECT count(*) = $10 AND coalesce(bool_and(${check}), false) AS ok FROM src s),
            moved AS (
              UPDATE office_streams
                 SET last_seq = $7, last_hash = (SELECT hash FROM src WHERE n = $10), hub_instance = coalesce($9, hub_instance), hub_seen_at = to_timestamp($3 / 1000.0)
               WHERE office_id = $1 AND stream = $2 AND closed_at IS NULL AND last_seq = $4::int8 - 1
                 AND (hub_instance IS NULL OR hub_instance = $9::text) AND (last_seq = 0 OR last_hash = $8::bytea)
                 AND (SELECT ok FROM valid)
              RETURNING 1),
            inserted AS (
              INSERT INTO office_events (office_id, stream, seq, type, at, body, hash, received_at)
              SELECT $1, $2, $4::int8 + s.n - 1, s.body ->> 'type', to_timestamp((s.body ->> 'at')::int8 / 1000.0), s.body, s.hash, to_timestamp($3 / 1000.0)
                FROM src s WHERE EXISTS (SELECT 1 FROM moved)
              ON CONFLICT DO NOTHING)
       SELECT (SELECT count(*) FROM moved)::int4 AS moved`,
      [officeId, batch.stream, now, batch.firstSeq, ...params, batch.lastSeq, batch.prevHash === null ? null : Buffer.from(batch.prevHash, "hex"), batch.hubInstance ?? null, n],
    );
    return rows[0]?.moved === 1;
  } catch (err) {
    // A format-2 text PostgreSQL could not read as JSON (class 22, data exception): the full path finds which and says so.
    const code = (err as { code?: unknown }).code;
    if (isV2(batch) && typeof code === "string" && code.startsWith("22")) return false;
    throw err;
  }
}

function isV2(batch: IngestBatch | CanonicalBatch): batch is CanonicalBatch {
  return (batch as { format?: unknown }).format === 2;
}

/**
 * Writes a batch of either format. The usual batch (it continues the
 * stream) goes through appendFast's one statement. Any other goes through
 * one transaction with the stream's row locked, so two deliveries of the
 * office (a retry racing its original) take turns. Seqs central already
 * holds are compared by hash: the same content is a retry and absorbed,
 * other content is refused (INGEST_DIVERGED) and nothing of the batch is
 * written. Resolves only after COMMIT: an acknowledged batch is on
 * PostgreSQL's disk. The reports are not written here: the projector
 * (projector.ts) reads the events after the ack, so a batch costs the same
 * few statements whatever the office's history.
 */
export async function ingest(pool: Pool, officeId: string, batch: IngestBatch | CanonicalBatch, now: number): Promise<IngestAccepted> {
  const v1 = isV2(batch) ? null : prepareV1(batch);
  if (await appendFast(pool, officeId, batch, v1, now)) return { stream: batch.stream, lastSeq: batch.lastSeq, accepted: batch.events.length, duplicates: 0 };
  const { bodies, hashes } = v1 ?? prepareV2(batch as CanonicalBatch);

  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<StreamRow>(`SELECT ${STREAM_COLUMNS} FROM office_streams WHERE office_id = $1 AND stream = $2 FOR UPDATE`, [
      officeId,
      batch.stream,
    ]);
    const row = rows[0];
    const refuse = async (code: RegencyAnyErrorCode): Promise<never> => {
      // position() and not the open stream's row: an office that never asked its position has no stream yet (its stream 1 goes with the rollback).
      throw new IngestRefusal(code, 409, await position(client, officeId, now));
    };
    if (!row || row.closed) return refuse("INGEST_STREAM_CLOSED");
    // A second PC with this credential: refused before anything of its batch is read, so its seqs never mix into the owner's.
    if (row.hub_instance !== null && row.hub_instance !== batch.hubInstance) return refuse("STREAM_OWNED_BY_OTHER_HUB");
    if (batch.firstSeq <= row.base_seq || batch.firstSeq > row.last_seq + 1) return refuse("INGEST_GAP");
    const prev = batch.firstSeq - 1;
    // The usual batch continues the stream's end, whose hash the row holds; only a retry overlapping it reads an older event's.
    const prevHeld = prev === row.last_seq && row.last_hash !== null ? row.last_hash.toString("hex") : await hashAt(client, officeId, row.stream, prev);
    if (prev > 0 && prevHeld !== batch.prevHash) return refuse("INGEST_DIVERGED");

    const overlapEnd = Math.min(batch.lastSeq, row.last_seq);
    let duplicates = 0;
    if (overlapEnd >= batch.firstSeq) {
      const held = await client.query<{ seq: number; hash: Buffer }>(
        "SELECT seq, hash FROM office_events WHERE office_id = $1 AND stream = $2 AND seq BETWEEN $3 AND $4",
        [officeId, row.stream, batch.firstSeq, overlapEnd],
      );
      const bySeq = new Map(held.rows.map((r) => [r.seq, r.hash]));
      for (let seq = batch.firstSeq; seq <= overlapEnd; seq++) {
        const mine = bySeq.get(seq);
        if (!mine || !mine.equals(hashes[seq - batch.firstSeq]!)) return refuse("INGEST_DIVERGED");
        duplicates += 1;
      }
    }

    const fresh = batch.events.length - duplicates;
    if (fresh > 0) {
      // One statement for the events and the stream's new end, hash and owner. The bodies go as one JSON array and
      // the hashes as one bytea, not as text[]/jsonb[] array literals: node-postgres escapes every quote of every body
      // for those, which was the largest single share of ingest's Node time. Type and time are read from each body,
      // seqs follow from the first: what is stored is what was hashed.
      await client.query(
        `WITH inserted AS (
           INSERT INTO office_events (office_id, stream, seq, type, at, body, hash, received_at)
           SELECT $1, $2, $4::int8 + e.n - 1, e.body ->> 'type', to_timestamp((e.body ->> 'at')::int8 / 1000.0), e.body,
                  substring($6::bytea FROM ((e.n - 1) * 32 + 1)::int4 FOR 32), to_timestamp($3 / 1000.0)
             FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS e (body, n)
           ON CONFLICT DO NOTHING)
         UPDATE office_streams SET last_seq = $7, last_hash = $8, hub_instance = coalesce($9, hub_instance), hub_seen_at = to_timestamp($3 / 1000.0)
          WHERE office_id = $1 AND stream = $2`,
        [
          officeId,
          row.stream,
          now,
          batch.firstSeq + duplicates,
          `[${bodies.slice(duplicates).join(",")}]`,
          Buffer.concat(hashes.slice(duplicates)),
          batch.lastSeq,
          hashes.at(-1)!,
          batch.hubInstance ?? null,
        ],
      );
    }
    return { stream: row.stream, lastSeq: Math.max(row.last_seq, batch.lastSeq), accepted: fresh, duplicates };
  });
}

/**
 * After a restore: closes the office's open stream and opens the next at
 * `baseSeq`, the last seq on which the hub's log and central's agree. The
 * old stream's events are kept (they happened, the hub lost them); the new
 * stream's start after baseSeq, so no event is counted twice.
 */
export async function openStream(pool: Pool, officeId: string, request: OpenStream, now: number): Promise<IngestPosition> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<StreamRow>(`SELECT ${STREAM_COLUMNS} FROM office_streams WHERE office_id = $1 AND stream = $2 FOR UPDATE`, [
      officeId,
      request.fromStream,
    ]);
    const row = rows[0];
    if (!row || row.closed) throw new IngestRefusal("INGEST_STREAM_CLOSED", 409, await positionOf(client, officeId, await openStreamRow(client, officeId)));
    // Another hub's stream, shipped to lately: this one is a second PC (its log differs, so it asks for a stream of its own), unless it says it replaces that hub.
    const owner = row.hub_instance;
    const ownerActive = owner !== null && row.hub_seen_ms !== null && now - row.hub_seen_ms < HUB_OWNERSHIP_MS;
    if (owner !== null && owner !== request.hubInstance && ownerActive && request.takeover !== true) {
      throw new IngestRefusal("STREAM_OWNED_BY_OTHER_HUB", 409, await positionOf(client, officeId, row));
    }
    if (request.baseSeq > row.last_seq) {
      throw new IngestRefusal("INVALID_PAYLOAD", 400, await positionOf(client, officeId, row), [{ path: "baseSeq", message: "beyond the central copy" }]);
    }
    const takenOver = owner !== null && owner !== request.hubInstance;
    const reason = `${takenOver ? "taken over by another hub" : "restored"}: agreed up to seq ${request.baseSeq} of ${row.last_seq}`;
    await client.query("UPDATE office_streams SET closed_at = to_timestamp($3 / 1000.0), closed_reason = $4 WHERE office_id = $1 AND stream = $2", [
      officeId,
      row.stream,
      now,
      reason,
    ]);
    const baseHash = request.baseSeq > 0 ? await hashAt(client, officeId, row.stream, request.baseSeq) : null;
    const next: StreamRow = {
      stream: row.stream + 1,
      base_seq: request.baseSeq,
      last_seq: request.baseSeq,
      closed: false,
      last_hash: baseHash === null ? null : Buffer.from(baseHash, "hex"),
      hub_instance: request.hubInstance ?? null,
      hub_seen_ms: request.hubInstance ? now : null,
    };
    await client.query(
      `INSERT INTO office_streams (office_id, stream, base_seq, last_seq, opened_at, last_hash, hub_instance, hub_seen_at)
       VALUES ($1, $2, $3, $3, to_timestamp($4 / 1000.0), $5, $6, CASE WHEN $6::text IS NULL THEN NULL ELSE to_timestamp($4 / 1000.0) END)`,
      [officeId, next.stream, next.base_seq, now, next.last_hash, next.hub_instance],
    );
    return positionOf(client, officeId, next);
  });
}

/** Upserts each service's standard; a service published unchanged keeps its received time. */
export async function publishStandards(pool: Pool, officeId: string, standards: PublishedStandards, now: number): Promise<{ changed: number }> {
  if (standards.services.length === 0) return { changed: 0 };
  const bodies = standards.services.map((s) => canonicalJson(s.standard));
  const result = await pool.query(
    `INSERT INTO office_standards (office_id, service_id, standard, hash, received_at)
     SELECT $1, s.id, s.body, sha256(convert_to(s.text, 'UTF8')), to_timestamp($2 / 1000.0)
       FROM unnest($3::text[], $4::jsonb[], $5::text[]) AS s (id, body, text)
     ON CONFLICT (office_id, service_id) DO UPDATE
       SET standard = excluded.standard, hash = excluded.hash, received_at = excluded.received_at
       WHERE office_standards.hash <> excluded.hash`,
    [officeId, now, standards.services.map((s) => s.serviceId), bodies, bodies],
  );
  return { changed: result.rowCount ?? 0 };
}
