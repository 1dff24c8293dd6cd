import { createHash } from "node:crypto";
import type Database from "better-sqlite3";

/**
 * The ids of the ledger's forgotten answers (migration 0009). Each key is
 * 8 bytes of its SHA-256: the first 2 pick one of 65,536 buckets, the other 6
 * are kept in the bucket's sorted blob. Six bytes a key instead of a row per
 * key (~16 bytes with its b-tree cell): a regency office forgets ~6 ids per
 * ticket, so a year of them is ~40 MB instead of ~90 MB.
 */
const SUFFIX_BYTES = 6;
/**
 * Answers turned into tombstones per transaction: bounded memory and a short
 * write however old the ledger is (a deleted answer costs tens of µs: its row
 * is ~1.3 KB, with two index entries).
 */
const PAGE = 500;

interface KeyHash {
  bucket: number;
  /** 48 bits: exact in a double. */
  suffix: number;
}

function keyHash(key: string): KeyHash {
  const digest = createHash("sha256").update(key).digest();
  return { bucket: digest.readUInt16BE(0), suffix: digest.readUIntBE(2, SUFFIX_BYTES) };
}

function contains(blob: Buffer, suffix: number): boolean {
  let lo = 0;
  let hi = blob.length / SUFFIX_BYTES - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = blob.readUIntBE(mid * SUFFIX_BYTES, SUFFIX_BYTES);
    if (v === suffix) return true;
    if (v < suffix) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function merged(blob: Buffer | undefined, added: number[]): Buffer {
  const all = added.slice();
  if (blob) for (let i = 0; i < blob.length; i += SUFFIX_BYTES) all.push(blob.readUIntBE(i, SUFFIX_BYTES));
  all.sort((a, b) => a - b);
  const unique = all.filter((v, i) => i === 0 || v !== all[i - 1]);
  const out = Buffer.allocUnsafe(unique.length * SUFFIX_BYTES);
  unique.forEach((v, i) => out.writeUIntBE(v, i * SUFFIX_BYTES, SUFFIX_BYTES));
  return out;
}

/** A ledger row as stored: the answer still as JSON text, parsed only by the caller that needs it. */
export interface StoredAnswer {
  response: string;
  payload_hash: string | null;
}

export interface RequestTombstones {
  /** Whether the key's answer was forgotten by prune. */
  has(key: string): boolean;
  /**
   * The key's stored answer, `expired` when prune forgot it, or undefined:
   * what the hub asks before every command with a request id, so the answer
   * and the tombstone come back from ONE statement (each statement outside a
   * transaction also pays for taking and releasing the WAL read lock).
   */
  find(key: string): StoredAnswer | "expired" | undefined;
  /** Deletes up to `limit` of the answers recorded before `at`, oldest first, leaving a tombstone of each key; returns how many. */
  prune(at: number, limit?: number): number;
}

export function createRequestTombstones(db: Database.Database): RequestTombstones {
  const s = {
    expiring: db.prepare<[number, number], { request_id: string }>(
      "SELECT request_id FROM requests WHERE at < ? ORDER BY at LIMIT ?",
    ),
    deleteRequest: db.prepare<[string]>("DELETE FROM requests WHERE request_id = ?"),
    bucket: db.prepare<[number], { hashes: Buffer }>("SELECT hashes FROM request_tombstones WHERE bucket = ?"),
    // The bucket's blob is read only on a miss: an answer found makes its tombstone moot.
    answerOrBucket: db.prepare<[string, number], { response: string | null; payload_hash: string | null; hashes: Buffer | null }>(
      `SELECT r.response AS response, r.payload_hash AS payload_hash, t.hashes AS hashes
       FROM (SELECT ? AS id, ? AS bucket) AS k
       LEFT JOIN requests AS r ON r.request_id = k.id
       LEFT JOIN request_tombstones AS t ON r.request_id IS NULL AND t.bucket = k.bucket`,
    ),
    putBucket: db.prepare<[number, Buffer]>(
      `INSERT INTO request_tombstones (bucket, hashes) VALUES (?, ?)
       ON CONFLICT (bucket) DO UPDATE SET hashes = excluded.hashes`,
    ),
  };

  // A page's tombstones and the deletion of its answers commit together: a
  // crash in between can neither forget an id nor keep an answer twice.
  const prunePage = db.transaction((at: number, limit: number): number => {
    const rows = s.expiring.all(at, limit);
    const byBucket = new Map<number, number[]>();
    for (const { request_id } of rows) {
      const { bucket, suffix } = keyHash(request_id);
      const list = byBucket.get(bucket);
      if (list) list.push(suffix);
      else byBucket.set(bucket, [suffix]);
    }
    for (const [bucket, suffixes] of byBucket) s.putBucket.run(bucket, merged(s.bucket.get(bucket)?.hashes, suffixes));
    for (const { request_id } of rows) s.deleteRequest.run(request_id);
    return rows.length;
  });

  return {
    has(key) {
      const { bucket, suffix } = keyHash(key);
      const row = s.bucket.get(bucket);
      return row !== undefined && contains(row.hashes, suffix);
    },
    find(key) {
      const { bucket, suffix } = keyHash(key);
      const row = s.answerOrBucket.get(key, bucket);
      if (!row) return undefined;
      if (row.response !== null) return { response: row.response, payload_hash: row.payload_hash };
      return row.hashes !== null && contains(row.hashes, suffix) ? "expired" : undefined;
    },
    prune(at, limit = Number.POSITIVE_INFINITY) {
      let total = 0;
      while (total < limit) {
        const want = Math.min(PAGE, limit - total);
        const n = prunePage(at, want);
        total += n;
        if (n < want) break;
      }
      return total;
    },
  };
}
