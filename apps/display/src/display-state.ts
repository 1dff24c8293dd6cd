import { serviceDayOf } from "@layan/core";
import type { CallView, CounterView, DisplayPush, DisplaySnapshot, WaitingCount } from "@layan/protocol";

/**
 * What a waiting-room screen shows, as a pure reducer over the hub's
 * snapshots and pushes. Sequence numbers decide what is news: a push older
 * than the snapshot it follows is dropped, so a screen never steps back to a
 * stale call. Pushes of different kinds may share a seq (one commit updates
 * several counters), so each kind keeps its own high-water mark.
 */
export const LAST_CALLS_KEPT = 10;

export interface DisplayState {
  /** Highest seq applied; what `sync:request` asks from after a reconnect. Null before the first snapshot. */
  seq: number | null;
  /** Seq of the last snapshot or resync: anything older is history. */
  baseSeq: number;
  counters: CounterView[];
  counterSeq: Record<string, number>;
  /** Newest first; one entry per ticket and counter (a recall moves it back to the top). */
  lastCalls: CallView[];
  waiting: WaitingCount[];
  waitingSeq: number;
  /** Hub time minus device time at the last snapshot or push that carried it. */
  clockOffsetMs: number;
}

export const EMPTY_STATE: DisplayState = {
  seq: null,
  baseSeq: 0,
  counters: [],
  counterSeq: {},
  lastCalls: [],
  waiting: [],
  waitingSeq: 0,
  clockOffsetMs: 0,
};

export function applySnapshot(snapshot: DisplaySnapshot, deviceNow: number): DisplayState {
  return {
    seq: snapshot.seq,
    baseSeq: snapshot.seq,
    counters: snapshot.counters,
    counterSeq: Object.fromEntries(snapshot.counters.map((c) => [c.id, snapshot.seq])),
    lastCalls: dedupeCalls(snapshot.lastCalls),
    waiting: snapshot.waiting,
    waitingSeq: snapshot.seq,
    clockOffsetMs: snapshot.serverTime - deviceNow,
  };
}

/** Ticket and counter: the identity of a call on screen and in the announcement queue. */
export const callKey = (c: Pick<CallView, "number" | "counterId">) => `${c.number}@${c.counterId}`;

function dedupeCalls(calls: CallView[]): CallView[] {
  const seen = new Set<string>();
  const out: CallView[] = [];
  for (const c of calls) {
    const key = callKey(c);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
    if (out.length >= LAST_CALLS_KEPT) break;
  }
  return out;
}

export interface PushResult {
  state: DisplayState;
  /** A call (or recall) that is news: the caller announces it when the push was live. */
  newCall: CallView | null;
}

export function applyPush(state: DisplayState, push: DisplayPush): PushResult {
  const seq = push.payload.seq;
  const maxSeq = (s: DisplayState) => Math.max(s.seq ?? 0, seq);
  switch (push.name) {
    case "ticket:called":
    case "ticket:recalled": {
      const call = push.payload;
      if (seq <= state.baseSeq || state.lastCalls.some((c) => c.seq === seq)) return { state, newCall: null };
      // Out-of-order delivery of two calls: keep newest first by seq.
      const lastCalls = dedupeCalls([call, ...state.lastCalls].sort((a, b) => b.seq - a.seq));
      return {
        state: { ...state, seq: maxSeq(state), lastCalls, ...tileWithCall(state, call) },
        newCall: lastCalls[0]?.seq === seq ? call : null,
      };
    }
    case "counter:updated": {
      const { seq: _seq, ...view } = push.payload;
      if (seq < state.baseSeq || seq < (state.counterSeq[view.id] ?? 0)) return { state, newCall: null };
      const known = state.counters.some((c) => c.id === view.id);
      // Only counters of this display's group are pushed; an unknown one is ignored rather than guessed into the layout.
      if (!known) return { state, newCall: null };
      return {
        state: {
          ...state,
          seq: maxSeq(state),
          counters: state.counters.map((c) => (c.id === view.id ? view : c)),
          counterSeq: { ...state.counterSeq, [view.id]: seq },
        },
        newCall: null,
      };
    }
    case "queue:changed": {
      if (seq < state.baseSeq || seq < state.waitingSeq) return { state, newCall: null };
      // The hub sends every service's count; a display shows its group's only.
      const shown = new Set(state.waiting.map((w) => w.serviceId));
      const byId = new Map(push.payload.waiting.map((w) => [w.serviceId, w]));
      const waiting = state.waiting.map((w) => (shown.has(w.serviceId) ? (byId.get(w.serviceId) ?? w) : w));
      return { state: { ...state, seq: maxSeq(state), waiting, waitingSeq: seq }, newCall: null };
    }
  }
}

/**
 * The called counter's tile shows the number with the call itself: the hub
 * sends the tile's own `counter:updated` with its next queue push (up to
 * 200 ms later, so that 200 displays read the call first), which then
 * confirms or moves it on. A tile already newer than the call keeps what it has.
 */
function tileWithCall(state: DisplayState, call: CallView): Pick<DisplayState, "counters" | "counterSeq"> {
  const { counters, counterSeq } = state;
  if (call.seq < (counterSeq[call.counterId] ?? 0) || !counters.some((c) => c.id === call.counterId)) {
    return { counters, counterSeq };
  }
  return {
    counters: counters.map((c) =>
      c.id === call.counterId ? { ...c, current: { number: call.number, serviceId: call.serviceId, status: "called" } } : c,
    ),
    counterSeq: { ...counterSeq, [call.counterId]: call.seq },
  };
}

/** Events missed while offline: applied like pushes, but nothing in them is announced. */
export function applyMissed(state: DisplayState, events: DisplayPush[], resyncSeq: number): DisplayState {
  let next = state;
  for (const e of events) next = applyPush(next, e).state;
  return { ...next, seq: Math.max(next.seq ?? 0, resyncSeq), baseSeq: Math.max(next.baseSeq, resyncSeq) };
}

/** The call shown large: the newest one. */
export function currentCall(state: DisplayState): CallView | null {
  return state.lastCalls[0] ?? null;
}

/**
 * Calls of the current service day only (office timezone, hub time): the
 * morning screen must not show yesterday's last number as the current call.
 */
export function todaysCalls(calls: readonly CallView[], hubNow: number, timeZone: string): CallView[] {
  const today = serviceDayOf(hubNow, timeZone);
  return calls.filter((c) => serviceDayOf(c.at, timeZone) === today);
}

/** How long a call holds the big panel before the maklumat may take a turn. */
export const CALL_HOLDS_MS = 60_000;
/** Each turn of the rotation between calls: the call, then the maklumat. */
export const ROTATION_SLIDE_MS = 15_000;

/**
 * Whether the big panel shows the maklumat instead of the current call. A call
 * always wins: while it is fresh (or flashing) the maklumat waits; after that
 * the two take turns, on the hub's clock so every screen in the room agrees.
 */
export function maklumatTurn(hubNow: number, current: CallView | null, flashing: boolean): boolean {
  if (flashing) return false;
  if (current && hubNow - current.at < CALL_HOLDS_MS) return false;
  return Math.floor(hubNow / ROTATION_SLIDE_MS) % 2 === 1;
}
