import { createHash, hash as digest } from "node:crypto";
import type { QueueEvent } from "@layan/core";
import { canonicalHashInput, canonicalJson, eventHashInput, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, shippedEvent, type IngestBatch } from "@layan/protocol";

export interface LoggedEvent {
  seq: number;
  event: QueueEvent;
}

/** SHA-256 of the event as shipped: what central compares to tell a retry from a divergent event. */
export function shippedHash(e: LoggedEvent): string {
  return createHash("sha256").update(eventHashInput(e.seq, shippedEvent(e.event))).digest("hex");
}

export interface BuiltBatch {
  /** The batch's events as objects (format 1's shape), for the hub's own use; the wire format is the body's. */
  batch: IngestBatch;
  /** The request body, built once per batch: format 2 (canonical texts and their hashes) unless format 1 was asked for. */
  body: string;
  /** The hash of the batch's last event: the next batch's prevHash. */
  lastHash: string;
}

/**
 * The next batch from a page of the log (consecutive seqs after the
 * position): at most `maxEvents`, and no more than `maxBytes` of JSON unless
 * a single event alone is larger (it still goes, alone). Null for an empty page.
 */
export function buildBatch(
  page: readonly LoggedEvent[],
  stream: number,
  prevHash: string | null,
  limits: { maxEvents?: number; maxBytes?: number; hubInstance?: string; format?: 1 | 2 } = {},
): BuiltBatch | null {
  const maxEvents = limits.maxEvents ?? MAX_BATCH_EVENTS;
  const maxBytes = limits.maxBytes ?? MAX_BATCH_BYTES;
  const format = limits.format ?? 2;
  const first = page[0];
  if (!first) return null;
  const parts: string[] = [];
  const events: IngestBatch["events"] = [];
  let lastHash = "";
  // The envelope around the events, generously counted.
  let bytes = 200;
  for (const e of page.slice(0, maxEvents)) {
    const shipped = { seq: e.seq, event: shippedEvent(e.event) };
    let text: string;
    let hash = "";
    if (format === 2) {
      // The text the hash is over is the text central stores: central hashes these bytes and need not serialize the event again.
      const canonical = canonicalJson(shipped.event);
      hash = digest("sha256", canonicalHashInput(e.seq, canonical), "hex");
      text = `{"seq":${e.seq},"hash":"${hash}","text":${JSON.stringify(canonical)}}`;
    } else {
      text = JSON.stringify(shipped);
    }
    const size = Buffer.byteLength(text) + 1;
    if (events.length > 0 && bytes + size > maxBytes) break;
    parts.push(text);
    events.push(shipped);
    lastHash = hash;
    bytes += size;
  }
  const last = events.at(-1)!;
  if (format === 1) lastHash = digest("sha256", eventHashInput(last.seq, last.event), "hex");
  const instance = limits.hubInstance;
  const batch: IngestBatch = { ...(instance !== undefined ? { hubInstance: instance } : {}), stream, firstSeq: first.seq, lastSeq: last.seq, prevHash, events };
  const body = `{${format === 2 ? '"format":2,' : ""}${instance !== undefined ? `"hubInstance":${JSON.stringify(instance)},` : ""}"stream":${stream},"firstSeq":${first.seq},"lastSeq":${last.seq},"prevHash":${JSON.stringify(prevHash)},"events":[${parts.join(",")}]}`;
  return { batch, body, lastHash };
}

/**
 * Exponential back-off with full jitter (AWS architecture blog, "Exponential
 * Backoff And Jitter"): a regency's hubs that lost the server at the same
 * moment do not all come back at the same second. attempt 1 -> up to 1 s,
 * doubling, never above 5 minutes; never below half the base either, so a
 * failing server is not hammered by an unlucky draw.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, baseMs = 1_000, maxMs = 5 * 60_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(baseMs / 2, Math.round(ceiling * random()));
}
