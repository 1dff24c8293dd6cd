import "./zod-setup";
import { z } from "zod";
import { ERROR_MESSAGES, REGENCY_ERROR_MESSAGES, type ErrorCode, type RegencyErrorCode } from "./errors";

/**
 * The contract between an office hub's outbox (apps/hub/src/shipping) and the
 * regency's central server (apps/regency): what is shipped, how a batch looks,
 * and how both ends compute an event's content hash. Both ends import this
 * file, so a field renamed on one side fails to compile on the other.
 */

/** Most events in one batch; the hub sends fewer when the batch would pass MAX_BATCH_BYTES. */
export const MAX_BATCH_EVENTS = 500;
/** The hub's budget for one batch's JSON; the server's body limit leaves room above it. */
export const MAX_BATCH_BYTES = 256 * 1024;
/** What the central server reads of one request body at most. */
export const MAX_INGEST_BODY_BYTES = 1024 * 1024;

/** Office ids: short, stable, safe in URLs and logs ("dpmptsp", "disdukcapil-2"). */
export const officeId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "office id: lowercase letters, digits and dashes");

/** A content hash: SHA-256 of canonicalJson(shippedEvent(event)), lowercase hex. */
export const contentHash = z.string().regex(/^[0-9a-f]{64}$/);

const seq = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * A hub's own id, random, made once and kept in its data folder
 * (hub-instance.json): one office credential shipped from two PCs is told
 * apart by it, and the second is refused (STREAM_OWNED_BY_OTHER_HUB).
 */
export const hubInstance = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "hub instance: 16 to 64 letters, digits, - or _");

/** How long a stream's hub must have been silent before another may open the next stream without `takeover`. */
export const HUB_OWNERSHIP_MS = 15 * 60_000;

/**
 * One event as shipped. The body is the hub's QueueEvent (after shippedEvent);
 * the server keeps it as jsonb without interpreting more than its type and
 * time, so a newer hub's event type does not need a central upgrade first.
 */
export const ShippedEvent = z.object({
  seq,
  // Loose (the other keys passed through unchecked) rather than a catch-all schema run on every other key: the same
  // events pass, in under half the time, and ingest parses every event of every batch (docs/benchmarks.md "Ingest (session 24)").
  event: z.looseObject({
    type: z.string().regex(/^[a-z_]+\.[a-z_]+$/),
    at: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  }),
});
export type ShippedEvent = z.infer<typeof ShippedEvent>;

/** Both formats: the events run from firstSeq to lastSeq, one seq each. */
function consecutive(batch: { firstSeq: number; lastSeq: number; events: { seq: number }[] }, ctx: z.RefinementCtx): void {
  if (batch.lastSeq - batch.firstSeq + 1 !== batch.events.length) {
    ctx.addIssue({ code: "custom", path: ["lastSeq"], message: "firstSeq..lastSeq must count the events" });
    return;
  }
  batch.events.forEach((e, i) => {
    if (e.seq !== batch.firstSeq + i) ctx.addIssue({ code: "custom", path: ["events", i, "seq"], message: "events must be consecutive from firstSeq" });
  });
}

/**
 * A batch of consecutive events of one stream. `prevHash` is the hash of the
 * event just before `firstSeq` as the hub has it (null when firstSeq is the
 * stream's first): the server compares it with its own copy, which is how a
 * hub restored from a backup (same seqs, other events) is told apart from a
 * hub that simply continues.
 */
export const IngestBatch = z
  .object({
    /** Optional: when given, it must be the credential's office. */
    office: officeId.optional(),
    /** The shipping hub (optional for hubs from before it existed; a stream once owned takes only its owner's batches). */
    hubInstance: hubInstance.optional(),
    stream: z.number().int().positive(),
    firstSeq: seq,
    lastSeq: seq,
    prevHash: contentHash.nullable(),
    events: z.array(ShippedEvent).min(1).max(MAX_BATCH_EVENTS),
  })
  .superRefine(consecutive);
export type IngestBatch = z.infer<typeof IngestBatch>;

/** The most one event's canonical text may be in a format-2 batch (the batch's own budget bounds the rest). */
export const MAX_EVENT_TEXT = 64 * 1024;

/**
 * One event in a format-2 batch: the hub's canonical text of the shipped
 * event (canonicalJson(shippedEvent(event))) and the hash it computed over
 * it (SHA-256 of canonicalHashInput(seq, text), hex). Central hashes these
 * bytes as they came and stores them, without parsing them into objects and
 * serializing them again: that was a third of its Node time per event
 * (docs/benchmarks.md "Ingest (session 25)").
 */
export const CanonicalEvent = z.object({ seq, hash: contentHash, text: z.string().min(2).max(MAX_EVENT_TEXT) });
export type CanonicalEvent = z.infer<typeof CanonicalEvent>;

/**
 * Format 2 of a batch (`"format": 2`): the same envelope as IngestBatch,
 * events as canonical texts with their hashes. A batch without `format` is
 * format 1 (IngestBatch), which the server keeps accepting from hubs of
 * earlier releases.
 */
export const CanonicalBatch = z
  .object({
    format: z.literal(2),
    office: officeId.optional(),
    hubInstance: hubInstance.optional(),
    stream: z.number().int().positive(),
    firstSeq: seq,
    lastSeq: seq,
    prevHash: contentHash.nullable(),
    events: z.array(CanonicalEvent).min(1).max(MAX_BATCH_EVENTS),
  })
  .superRefine(consecutive);
export type CanonicalBatch = z.infer<typeof CanonicalBatch>;

/** A batch of either format: `format: 2` picks CanonicalBatch, no format IngestBatch. */
export function isCanonicalBatch(body: unknown): boolean {
  return typeof body === "object" && body !== null && (body as { format?: unknown }).format === 2;
}

/** Where the office's copy at the central server ends: what the hub resumes after. */
export interface IngestPosition {
  office: string;
  /** The stream (epoch): a new one is opened when the hub's log was restored from a backup. */
  stream: number;
  /** The stream continues the previous ones' events up to this seq; its own start after it. */
  baseSeq: number;
  /** The last seq acknowledged (committed in PostgreSQL); 0 for none. */
  lastSeq: number;
  /** Hash of the event at lastSeq (through earlier streams for seqs at or below baseSeq); null at 0. */
  lastHash: string | null;
  /** Asked for with ?seq=N: that event's hash in this stream's view, null when central has none. */
  probe?: { seq: number; hash: string | null };
}

export interface IngestAccepted {
  stream: number;
  lastSeq: number;
  /** Events written now. */
  accepted: number;
  /** Events already held with the same content (a retry): absorbed, not written again. */
  duplicates: number;
}

/** Opening a new stream after a restore: the hub and central agree on events up to baseSeq. */
export const OpenStream = z.object({
  fromStream: z.number().int().positive(),
  baseSeq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  /** The hub opening it: it owns the new stream. */
  hubInstance: hubInstance.optional(),
  /**
   * This hub replaces the one that shipped the stream (a new PC, a restore
   * from the central copy): opened even though another hub shipped within
   * HUB_OWNERSHIP_MS. That hub's batches are refused from then on.
   */
  takeover: z.boolean().optional(),
});
export type OpenStream = z.infer<typeof OpenStream>;

/**
 * A page of the office's own events as the central server holds them
 * (`GET /api/v1/ingest/history?after=SEQ&limit=N`, the office's credential):
 * what `pnpm hub restore --from-regency` rebuilds a dead hub's log from.
 * The events are the office's history in the open stream's view (each
 * stream's events after its base), consecutive from `after + 1`, each with
 * the hash central keeps, so the hub checks every one it writes.
 */
export interface HistoryPage {
  office: string;
  /** The open stream and where its view ends: the restore is complete at lastSeq. */
  stream: number;
  lastSeq: number;
  events: { seq: number; event: ShippedEvent["event"]; hash: string }[];
  /** Ask again with after=this; null when the page reached lastSeq. */
  nextAfter: number | null;
}

/** Events per history page at most (and by default): about 1 MB of JSON. */
export const MAX_HISTORY_PAGE = 2_000;

/** The office's published service standards (the kiosk catalog's services), latest per service. */
export const PublishedStandards = z.object({
  office: officeId.optional(),
  services: z
    .array(
      z.object({
        serviceId: z.string().min(1).max(64),
        standard: z.record(z.string(), z.unknown()),
      }),
    )
    .max(500),
});
export type PublishedStandards = z.infer<typeof PublishedStandards>;

/**
 * Free text a citizen or an officer typed about a citizen (a complaint, its
 * answer, a survey suggestion) may hold a name, a NIK or a phone number: it
 * stays at the office, under the office's retention (feedback/retention.ts).
 * What reports need (categories, times, counts, answers) is shipped. Never
 * shipped either: the complainant's contact and the survey profile, which are
 * not in the event log at all.
 */
export const PRIVATE_TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "survey.submitted": ["suggestion"],
  "complaint.filed": ["text"],
  "complaint.responded": ["text"],
  "complaint.closed": ["note"],
};

/** The event as it leaves the office: private text replaced by null, marked as withheld. */
export function shippedEvent<E extends { type: string }>(event: E): E {
  const fields = PRIVATE_TEXT_FIELDS[event.type];
  if (!fields) return event;
  const copy: Record<string, unknown> = { ...event };
  const withheld: string[] = [];
  for (const field of fields) {
    if (copy[field] !== null && copy[field] !== undefined) withheld.push(field);
    copy[field] = null;
  }
  if (withheld.length > 0) copy.withheld = withheld;
  return copy as E;
}

/** The private fields the body still carries (a hub that did not strip them): the server refuses such a batch. */
export function privateTextIn(event: Record<string, unknown>): string[] {
  const fields = PRIVATE_TEXT_FIELDS[String(event.type)] ?? [];
  return fields.filter((f) => event[f] !== null && event[f] !== undefined);
}

/**
 * JSON with object keys sorted at every level: the same event gives the same
 * text on both ends (PostgreSQL's jsonb reorders keys, so the server hashes
 * what it received, not what it stored).
 */
/** Events repeat a few dozen field names: their quoted form is kept (bounded, so odd bodies cannot grow it). */
const QUOTED = new Map<string, string>();
function quoted(key: string): string {
  let q = QUOTED.get(key);
  if (q === undefined) {
    q = JSON.stringify(key);
    if (QUOTED.size < 4_096) QUOTED.set(key, q);
  }
  return q;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  // Loops and concatenation rather than entries/filter/map/join: central computes this for every event it ingests, and the arrays were most of its cost.
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      const v: unknown = value[i];
      out += canonicalJson(v === undefined ? null : v);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = "{";
  let first = true;
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    if (!first) out += ",";
    first = false;
    out += `${quoted(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/**
 * What both ends hash (SHA-256, hex) for the event at `seq`: the seq is in it,
 * so the same event text at another position never passes for the original.
 */
export function eventHashInput(seq: number, event: unknown): string {
  return canonicalHashInput(seq, canonicalJson(event));
}

/** eventHashInput from the event's canonicalJson already made (central stores that same text). */
export function canonicalHashInput(seq: number, canonical: string): string {
  return `${seq}\n${canonical}`;
}

export type RegencyAnyErrorCode = ErrorCode | RegencyErrorCode;

export interface RegencyError {
  code: RegencyAnyErrorCode;
  message: string;
  messageEn: string;
  issues?: { path: string; message: string }[];
  /** INGEST_GAP, INGEST_DIVERGED, INGEST_STREAM_CLOSED: where the central copy stands. */
  position?: IngestPosition;
  /** LOGIN_LOCKED: seconds until a login may be tried again (also the Retry-After header). */
  retryAfterS?: number;
}

export function regencyFail(code: RegencyAnyErrorCode, extra: Pick<RegencyError, "issues" | "position" | "retryAfterS"> = {}): { ok: false; error: RegencyError } {
  const m = (REGENCY_ERROR_MESSAGES as Record<string, { id: string; en: string }>)[code] ?? ERROR_MESSAGES[code as ErrorCode];
  return { ok: false, error: { code, message: m.id, messageEn: m.en, ...extra } };
}

export type RegencyAnswer<T> = { ok: true; data: T } | { ok: false; error: RegencyError };
