import type { IngestPosition } from "@layan/protocol";
import { pino, type Logger } from "pino";
import { backoffDelay, buildBatch, shippedHash, type LoggedEvent } from "./batching";
import { ShippingError, type RegencyClient } from "./client";
import type { ShippingStatus } from "./config";

/** What the outbox reads of the hub's store: its public event-log API, never its tables. */
export interface OutboxStore {
  lastSeq(): number;
  eventsAfter(seq: number, limit: number): LoggedEvent[];
}

export interface OutboxOptions {
  store: OutboxStore;
  client: Pick<RegencyClient, "position" | "send" | "openStream" | "publishStandards" | "close">;
  /** Wakes the outbox when the hub commits (engine.onCommitted); returns the unsubscribe. */
  onCommitted(listener: () => void): () => void;
  /** The office's published service standards, sent once per start. */
  standards(): { serviceId: string; standard: Record<string, unknown> }[];
  /** Silent when not given. */
  logger?: Logger;
  clock: () => number;
  writeStatus?(status: ShippingStatus): void;
  random?: () => number;
  /** Look again this often when caught up, commits or not (default 30 s). */
  idleMs?: number;
  /** After a commit, wait this long for more before sending (default 200 ms): one batch instead of one per ticket. */
  lingerMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  maxEvents?: number;
  maxBytes?: number;
  /** This hub's id (config.ts hubInstanceId), sent with each batch and stream opening; absent, central cannot tell two PCs apart. */
  hubInstance?: string;
}

/** Answers after which the outbox asks the position again at once: the central copy moved, nothing is broken. */
const RESYNC_CODES = new Set(["INGEST_GAP", "INGEST_DIVERGED", "INGEST_STREAM_CLOSED"]);
/** Refusals of the standards' publication that a retry cannot change. */
const STANDARDS_REFUSED = new Set(["INVALID_PAYLOAD", "BODY_TOO_LARGE", "UNSUPPORTED_CONTENT_TYPE", "MALFORMED_JSON"]);
/** Resyncs in a row before they count as a failure (and back off): two servers disagreeing must not spin. */
const MAX_RESYNCS = 3;

/**
 * Ships the hub's event log to the regency, one batch at a time, from the
 * position central acknowledged. It never throws into the hub and never
 * holds the queue: each step reads one page of the log (SQLite, a few ms)
 * and awaits the network; tickets keep being issued in between.
 */
export class Outbox {
  private position: IngestPosition | null = null;
  private standardsSent = false;
  private stopped = false;
  private failures = 0;
  private resyncs = 0;
  private wake: (() => void) | null = null;
  private idle = false;
  private unsubscribe: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private status: ShippingStatus;
  private readonly logger: Logger;

  constructor(private readonly o: OutboxOptions) {
    this.logger = o.logger ?? pino({ level: "silent" });
    this.status = { state: "starting", stream: null, acknowledgedSeq: null, hubSeq: o.store.lastSeq(), lastError: null, lastAckAt: null, updatedAt: o.clock() };
  }

  start(): void {
    this.unsubscribe = this.o.onCommitted(() => {
      if (!this.idle) return;
      this.idle = false;
      setTimeout(() => this.wake?.(), this.o.lingerMs ?? 200);
    });
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.o.client.close();
    this.wake?.();
    await this.running;
  }

  current(): ShippingStatus {
    return this.status;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let pause = 0;
      try {
        const more = await this.step();
        this.failures = 0;
        this.resyncs = 0;
        if (!more) {
          this.idle = true;
          pause = this.o.idleMs ?? 30_000;
        }
      } catch (err) {
        // stop() aborts the request in flight: that is the hub shutting down, not a failure to report.
        if (this.stopped) break;
        this.position = null;
        const code = err instanceof ShippingError ? err.code : "INTERNAL";
        const message = err instanceof Error ? err.message : String(err);
        if (RESYNC_CODES.has(code) && ++this.resyncs <= MAX_RESYNCS) {
          this.logger.info({ code }, "regency: central copy moved; asking its position again");
          continue;
        }
        this.failures += 1;
        this.note("failing", { code, message, at: this.o.clock() });
        pause = backoffDelay(this.failures, this.o.random, this.o.backoff?.baseMs, this.o.backoff?.maxMs);
      }
      if (pause > 0 && !this.stopped) await this.sleep(pause);
      this.idle = false;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  /** One batch (or the position and the standards first); false when there was nothing to send. */
  private async step(): Promise<boolean> {
    if (!this.position) this.position = await this.reconcile();
    if (!this.standardsSent) {
      try {
        await this.o.client.publishStandards(this.o.standards());
      } catch (err) {
        // A catalog central refuses (too large, a field it does not take) must not hold the events back: said once, skipped until the next start.
        if (!(err instanceof ShippingError && STANDARDS_REFUSED.has(err.code))) throw err;
        this.logger.warn({ code: err.code, err: err.message }, "regency: central refused the published service standards; shipping events without them");
      }
      this.standardsSent = true;
    }
    const pos = this.position;
    const page = this.o.store.eventsAfter(pos.lastSeq, this.o.maxEvents ?? 500);
    const built = buildBatch(page, pos.stream, pos.lastHash, { maxEvents: this.o.maxEvents, maxBytes: this.o.maxBytes, hubInstance: this.o.hubInstance });
    if (!built) {
      this.note("caught_up");
      return false;
    }
    const ack = await this.o.client.send(built.body);
    this.position = { ...pos, lastSeq: ack.lastSeq, lastHash: built.lastHash };
    this.status.lastAckAt = this.o.clock();
    this.note("shipping");
    return true;
  }

  /**
   * The position, checked against the hub's own log. Central holding more
   * than the hub has, or another event at the position, means the hub's log
   * was restored from a backup (or replaced): its next seqs would name other
   * events than central's. Central then closes the stream, keeping its
   * events, and opens the next one at the last seq both agree on.
   */
  private async reconcile(): Promise<IngestPosition> {
    const pos = await this.o.client.position();
    const hubSeq = this.o.store.lastSeq();
    const lo = await agreedSeq(this.o.client, this.o.store, pos);
    if (lo === pos.lastSeq) return pos;
    this.logger.warn(
      { centralSeq: pos.lastSeq, hubSeq, agreedUpTo: lo, stream: pos.stream },
      "regency: the hub's event log differs from the central copy (restored from a backup?); central keeps its copy and a new stream starts after the last event both agree on",
    );
    return this.o.client.openStream(pos.stream, lo, this.o.hubInstance ? { hubInstance: this.o.hubInstance } : {});
  }

  /** Logs once per change of state (not once per retry), and keeps the status file current. */
  private note(state: ShippingStatus["state"], error?: ShippingStatus["lastError"]): void {
    const previous = this.status;
    const changed = previous.state !== state || (error && error.code !== previous.lastError?.code);
    this.status = {
      ...previous,
      state,
      stream: this.position?.stream ?? previous.stream,
      acknowledgedSeq: this.position?.lastSeq ?? previous.acknowledgedSeq,
      hubSeq: this.o.store.lastSeq(),
      lastError: error ?? previous.lastError,
      updatedAt: this.o.clock(),
    };
    if (changed) {
      if (state === "failing") this.logger.warn({ code: error?.code, err: error?.message }, "regency: shipping failed; the hub keeps its events and retries with back-off");
      else this.logger.info({ state, acknowledgedSeq: this.status.acknowledgedSeq }, `regency: ${state === "caught_up" ? "central copy is current" : "shipping events"}`);
    }
    if (changed || state === "caught_up" || this.status.acknowledgedSeq !== previous.acknowledgedSeq) {
      try {
        this.o.writeStatus?.(this.status);
      } catch {
        // A status file that cannot be written (full disk) must not stop shipping.
      }
    }
  }
}

function hubHash(store: OutboxStore, seq: number): string | null {
  const e = store.eventsAfter(seq - 1, 1)[0];
  return e && e.seq === seq ? shippedHash(e) : null;
}

/**
 * The last seq on which the hub's log and central's copy agree: central's
 * whole position when the hub holds that very event, else found by
 * bisection over central's hashes (the two logs share a prefix and differ
 * after it). Also `pnpm hub regency join --takeover`'s starting point.
 */
export async function agreedSeq(client: Pick<RegencyClient, "position">, store: OutboxStore, pos: IngestPosition): Promise<number> {
  const hubSeq = store.lastSeq();
  if (pos.lastSeq === 0 || (pos.lastSeq <= hubSeq && hubHash(store, pos.lastSeq) === pos.lastHash)) return pos.lastSeq;
  const agrees = async (seq: number): Promise<boolean> => {
    if (seq === 0) return true;
    const probe = (await client.position(seq)).probe;
    return probe?.hash !== null && probe?.hash === hubHash(store, seq);
  };
  let lo = 0;
  let hi = Math.min(pos.lastSeq, hubSeq);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (await agrees(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
