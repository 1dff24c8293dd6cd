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

export interface RequestTombstones {
  /** Whether the key's answer was forgotten by prune. */
  has(key: string): boolean;
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
