import {
  apply,
  counterOf,
  loadBookings,
  createState,
  drive,
  pruneFinished,
  pruneSettled,
  serviceDayOf,
  startOfDay,
  startOfServiceDay,
  type Decision,
  type FeedbackEvent,
  type OfficeRules,
  type QueueCommand,
  type QueueEvent,
  type QueueState,
  type Booking,
} from "@layan/core";
import { createHash } from "node:crypto";
import { fail, ok, type Ack, type ErrorCode } from "@layan/protocol";
import type { CommitEntry, NewAuditEntry, PersonalDataEntry } from "@layan/store";
import type { Logger } from "pino";
import { STORAGE_LOG_MESSAGE, storageFailure } from "./storage-errors";

/**
 * What the engine needs from storage. `commit` resolves only after the entry's
 * transaction is durable; entries submitted in the same turn share it (group
 * commit), so durability costs one fsync per batch, not per command.
 */
export interface EngineStore {
  commit(entry: CommitEntry): Promise<number[]>;
  /** The first answer to a request id and the hash of the payload it came with (null in ledgers older than migration 0006). */
  findRequest(requestId: string): { response: unknown; payloadHash: string | null } | undefined;
  lastSeq(): number;
  /** Events with seq >= fromSeq, oldest first, streamed. */
  iterateEvents(fromSeq: number): Iterable<{ seq: number; event: QueueEvent }>;
  /** Where replay must start so the live queue is complete (see Hub start-up). */
  replayStartSeq(todayStart: number): number;
  /**
   * The bookings the replay of today cannot see (held on an earlier day): of
   * `today` and later, and the ones of earlier days still open (store
   * openBookings, docs/booking.md decision 2).
   */
  openBookings(today: string): Booking[];
}

export interface CommittedEvent {
  seq: number;
  event: QueueEvent;
}

export type CommandContext = (
  | {
      /** Client request id: a retry with the same id and payload gets the first answer. */
      requestId: string;
      namespace: string;
      /** The client's payload as parsed: what a retry must repeat for the id to mean the same request. */
      payload: unknown;
    }
  | { requestId: null; namespace: string }
) & {
  /** An administrative change's audit row, written in the same transaction as its events (none when nothing changed). */
  audit?: NewAuditEntry;
  /** Personal data that goes with the events (a booking's contact): in their transaction, never in the log. */
  personal?: PersonalDataEntry[];
};

/**
 * Object keys sorted at every depth, so `{a,b}` and `{b,a}` are the same
 * payload. Runs before every command with a request id, hence loops rather
 * than entries/filter/sort/map; the text must stay the same as ever, since
 * the ledger keeps the hashes of answers given before an upgrade.
 */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = "{";
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${out.length === 1 ? "" : ","}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/**
 * The command's kind with the client's payload: two commands whose payloads
 * read alike (ticket:recall and ticket:start are both `{ requestId, counterId }`)
 * are still different requests.
 */
export function payloadHashOf(kind: string, payload: unknown): string {
  return createHash("sha256").update(`${kind}\n${canonicalJson(payload)}`).digest("base64url");
}

interface Remembered {
  answer: Ack<unknown>;
  payloadHash: string | null;
}

type Listener = (batch: CommittedEvent[]) => void;

/**
 * What a feedback decision (a survey answer, a complaint) makes: its events,
 * the personal data that goes with them, the answer; or a refusal.
 */
export type FeedbackDecision<T> =
  | { ok: true; events: FeedbackEvent[]; personal?: PersonalDataEntry[]; answer: T }
  | { ok: false; code: ErrorCode };

/** Where the engine reports what an operator must see: a clock stepping back, a store refusing writes. */
export type EngineLog = Pick<Logger, "warn" | "error">;

/** How far back a start replays for the open bookings of earlier days (their days' closures); bookings are made 14 days ahead at most. */
const REPLAY_BOOKING_DAYS = 31;
/** Answers kept in memory for quick retries; older ones come from the store's ledger. */
const ANSWER_CACHE_SIZE = 1_000;
/** Settled tickets stay in memory this long, for the broadcasts that follow their last event. */
const SETTLED_KEEP_MS = 60_000;

/**
 * The single writer of the queue: parse happens before, broadcast after.
 * decide -> apply to the live state -> commit (grouped) -> answer.
 * The live state runs ahead of the disk by at most one batch; a failed commit
 * reloads it from the store, so nothing unacknowledged is ever visible for long
 * and nothing acknowledged is ever lost.
 */
export class QueueEngine {
  state: QueueState;
  /** Sequence of the last event applied to the live state (committed or in flight). */
  seq = 0;
  private readonly inflight = new Map<string, { promise: Promise<Ack<unknown>>; payloadHash: string }>();
  private readonly answers = new Map<string, Remembered>();
  private readonly listeners = new Set<Listener>();
  private reloading = false;
  /** Tickets served (completed) per service day, kept as events arrive: pruning forgets the tickets. */
  private served = { day: "", count: 0 };
  /** Time of the last event applied: event time never goes before it. */
  private lastEventAt = Number.NEGATIVE_INFINITY;
  /** Set while the clock reads before lastEventAt, so one step back is logged once. */
  private clockBehind = false;

  constructor(
    private rules: OfficeRules,
    private readonly store: EngineStore,
    private readonly clock: () => number,
    private readonly log: EngineLog | null = null,
  ) {
    this.state = createState(rules);
    this.load();
  }

  /** Rebuilds the live queue from the log: today's events and every still-open ticket's. */
  private load(): void {
    const state = createState(this.rules);
    const now = this.clock();
    const todayStart = startOfServiceDay(now, this.rules.timezone);
    let seq = 0;
    this.served = { day: "", count: 0 };
    let lastAt = Number.NEGATIVE_INFINITY;
    // First what today's log cannot hold (bookings made on earlier days); the
    // replay's booking events then find them, and applying one again changes nothing.
    loadBookings(state.bookings, this.store.openBookings(serviceDayOf(now, this.rules.timezone)));
    // A booking of an earlier day still open (the hub was off through its
    // window): replay from that day, so a supervisor's closure of it is known
    // and the sweep releases it "service_closed" rather than as a no-show.
    // At most REPLAY_BOOKING_DAYS back: a row left open longer (a restored or
    // hand-edited database) must not make every start replay months of log;
    // such a booking is swept as a no-show, as it would have been before.
    const earliest = todayStart - REPLAY_BOOKING_DAYS * 86_400_000;
    let replayFrom = todayStart;
    for (const id of state.bookings.open) {
      const day = state.bookings.byId.get(id)?.serviceDay;
      if (day !== undefined) replayFrom = Math.min(replayFrom, startOfDay(day, this.rules.timezone));
    }
    if (replayFrom < earliest) {
      this.log?.warn({ from: new Date(replayFrom).toISOString() }, "open bookings older than the replay's limit: their day's closures are not known");
      replayFrom = earliest;
    }
    for (const stored of this.store.iterateEvents(this.store.replayStartSeq(replayFrom))) {
      apply(state, stored.event);
      lastAt = Math.max(lastAt, stored.event.at);
      this.countServed(stored.event);
      seq = stored.seq;
    }
    this.state = state;
    this.lastEventAt = lastAt;
    this.prune();
    this.seq = Math.max(seq, this.store.lastSeq());
  }

  /**
   * A reloaded config (live-config/): called between commands, never inside
   * one, so every decision sees one whole set of rules. Tickets, lanes,
   * numbering and counters' states stay; counters new to the config start
   * closed, and removed ones keep their (closed) state for old events.
   */
  replaceRules(rules: OfficeRules): void {
    this.rules = rules;
    const state = this.state;
    state.rules = rules;
    state.services = new Map(rules.services.map((s) => [s.id, s]));
    state.counterRules = new Map(rules.counters.map((c) => [c.id, c]));
    for (const c of rules.counters) counterOf(state, c.id);
  }

  onCommitted(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  now(): number {
    return this.clock();
  }

  /**
   * The time stamped on new events: max(clock, last event's time). An NTP
   * correction can step the machine's clock back; stamping events with it
   * would put a call before its ticket's issue (negative waiting times in
   * service_log) and the log out of order. Held at the last event's time
   * until the clock catches up.
   */
  private eventTime(): number {
    const now = this.clock();
    if (now >= this.lastEventAt) {
      this.clockBehind = false;
      return now;
    }
    if (!this.clockBehind) {
      this.clockBehind = true;
      this.log?.warn(
        { clock: new Date(now).toISOString(), lastEventAt: new Date(this.lastEventAt).toISOString(), behindMs: this.lastEventAt - now },
        "hub clock stepped back: events keep the last event's time until the clock catches up",
      );
    }
    return this.lastEventAt;
  }

  /**
   * Runs one command. `respond` builds the answer from the live state right
   * after the events were applied; it is stored with the events so a retry
   * after a crash returns the same answer.
   */
  execute<T>(
    command: QueueCommand,
    ctx: CommandContext,
    respond: (state: QueueState, events: QueueEvent[], lastSeq: number) => T,
  ): Promise<Ack<T>> {
    return this.once(command.type, ctx, (request) => this.run(command, request, ctx, respond));
  }

  /**
   * Records citizens' feedback: not a queue command, but the same log,
   * sequence, request ledger and group commit. `decide` runs synchronously
   * right before the events are applied, so a check it makes (one answer per
   * ticket) cannot race another submission between check and commit.
   */
  record<T>(kind: string, ctx: CommandContext, decide: (now: number) => FeedbackDecision<T>): Promise<Ack<T>> {
    return this.once(kind, ctx, (request) => this.runFeedback(kind, request, ctx.namespace, decide));
  }

  /** A request id answers once: a retry with the same payload gets the first answer, another payload a conflict. */
  private once<T>(
    kind: string,
    ctx: CommandContext,
    run: (request: { key: string; payloadHash: string } | null) => Promise<Ack<T>>,
  ): Promise<Ack<T>> {
    if (ctx.requestId !== null) {
      const key = `${ctx.namespace}:${ctx.requestId}`;
      const payloadHash = payloadHashOf(kind, ctx.payload);
      // A reused id with another payload is a client bug (an id copied between
      // actions): answering the first command's result would tell the officer
      // something happened that they did not ask for.
      const running = this.inflight.get(key);
      if (running) {
        return running.payloadHash === payloadHash ? (running.promise as Promise<Ack<T>>) : Promise.resolve(fail("REQUEST_CONFLICT"));
      }
      const stored = this.answers.get(key) ?? this.fromLedger(key);
      if (stored) {
        const same = stored.payloadHash === null || stored.payloadHash === payloadHash;
        return Promise.resolve(same ? (stored.answer as Ack<T>) : fail("REQUEST_CONFLICT"));
      }
      const promise = run({ key, payloadHash });
      this.inflight.set(key, { promise, payloadHash });
      void promise.finally(() => this.inflight.delete(key));
      return promise;
    }
    return run(null);
  }

  private fromLedger(key: string): Remembered | undefined {
    const row = this.store.findRequest(key);
    return row && { answer: row.response as Ack<unknown>, payloadHash: row.payloadHash };
  }

  private async run<T>(
    command: QueueCommand,
    request: { key: string; payloadHash: string } | null,
    ctx: CommandContext,
    respond: (state: QueueState, events: QueueEvent[], lastSeq: number) => T,
  ): Promise<Ack<T>> {
    const now = this.eventTime();
    let applying = false;
    let decision: Decision;
    try {
      decision = drive(this.state, command, now, {
        accepted: () => {
          applying = true;
        },
        applied: (e) => this.countServed(e),
      });
    } catch (err) {
      // A crash in decide is a bug in the rules: this command fails and the
      // queue is untouched. A crash while applying means a live state that
      // cannot take its own rules' events; that must not pass for a refusal.
      if (applying) throw err;
      return fail("INTERNAL");
    }
    if (!decision.ok) {
      const answer = fail(decision.error.code);
      if (request !== null) this.remember(request, answer);
      return answer;
    }
    const { events } = decision;
    const firstSeq = this.advance(events);
    const answer: Ack<T> = ok(respond(this.state, events, this.seq));
    return this.commitAndAnswer(command.type, events, firstSeq, ctx.personal ?? [], request, ctx.namespace, answer, ctx.audit);
  }

  private runFeedback<T>(
    kind: string,
    request: { key: string; payloadHash: string } | null,
    namespace: string,
    decide: (now: number) => FeedbackDecision<T>,
  ): Promise<Ack<T>> {
    const now = this.eventTime();
    let decision: FeedbackDecision<T>;
    try {
      decision = decide(now);
    } catch (err) {
      this.log?.error({ err, kind }, "feedback decision failed");
      return Promise.resolve(fail("INTERNAL"));
    }
    if (!decision.ok) {
      const answer = fail(decision.code);
      if (request !== null) this.remember(request, answer);
      return Promise.resolve(answer);
    }
    const firstSeq = this.advance(decision.events);
    return this.commitAndAnswer(kind, decision.events, firstSeq, decision.personal ?? [], request, namespace, ok(decision.answer));
  }

  /** Takes the next seqs for events about to be committed; returns the first. */
  private advance(events: readonly QueueEvent[]): number {
    for (const e of events) this.lastEventAt = Math.max(this.lastEventAt, e.at);
    const firstSeq = this.seq + 1;
    this.seq += events.length;
    return firstSeq;
  }

  private async commitAndAnswer<T>(
    kind: string,
    events: QueueEvent[],
    firstSeq: number,
    personal: PersonalDataEntry[],
    request: { key: string; payloadHash: string } | null,
    namespace: string,
    answer: Ack<T>,
    audit?: NewAuditEntry,
  ): Promise<Ack<T>> {
    if (events.length === 0) {
      if (request !== null) this.remember(request, answer);
      return answer;
    }
    try {
      await this.store.commit({
        events,
        ...(personal.length > 0 ? { personal } : {}),
        ...(audit ? { audit: [audit] } : {}),
        ...(request !== null ? { request: { id: request.key, namespace, response: answer, payloadHash: request.payloadHash } } : {}),
      });
    } catch (err) {
      // Nothing of the batch is on disk; the cause is what the office's IT person must read.
      this.log?.error({ err, code: storageFailure(err) ?? "UNKNOWN", command: kind }, STORAGE_LOG_MESSAGE);
      this.reloadAfterFailedCommit();
      return fail("STORE_UNAVAILABLE");
    }
    if (request !== null) this.remember(request, answer);
    const committed = events.map((event, i) => ({ seq: firstSeq + i, event }));
    for (const listener of this.listeners) listener(committed);
    return answer;
  }

  private countServed(event: QueueEvent): void {
    if (event.type !== "ticket.completed") return;
    const day = serviceDayOf(event.at, this.rules.timezone);
    this.served = day === this.served.day ? { day, count: this.served.count + 1 } : { day, count: 1 };
  }

  servedToday(): number {
    return this.served.day === serviceDayOf(this.clock(), this.rules.timezone) ? this.served.count : 0;
  }

  /**
   * Forgets settled tickets (served or cancelled over a minute ago, no-shows
   * past their reinstatement window) so a busy day's memory stays flat.
   */
  prune(): number {
    const now = this.clock();
    return pruneSettled(this.state, now, now - SETTLED_KEEP_MS);
  }

  private remember({ key, payloadHash }: { key: string; payloadHash: string }, answer: Ack<unknown>): void {
    this.answers.set(key, { answer, payloadHash });
    if (this.answers.size > ANSWER_CACHE_SIZE) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
  }

  /** A batch that failed to commit was applied in memory: drop it by reloading. */
  private reloadAfterFailedCommit(): void {
    if (this.reloading) return;
    this.reloading = true;
    setImmediate(() => {
      this.reloading = false;
      try {
        this.load();
      } catch {
        // The store is down; the next failing commit schedules another try.
      }
    });
  }

  /** Called by the hub's day timer: cancels leftovers of earlier days, frees memory. */
  async rollOverDay(): Promise<Ack<number>> {
    const answer = await this.execute({ type: "closeServiceDay" }, { requestId: null, namespace: "hub" }, (_s, events) => events.length);
    pruneFinished(this.state, serviceDayOf(this.clock(), this.rules.timezone));
    return answer;
  }
}
