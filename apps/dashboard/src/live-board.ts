import type {
  CounterView,
  DashboardPush,
  DashboardSnapshot,
  DisplayHealth,
  LogEntry,
  WaitingCount,
} from "@layan/protocol";
import { connectErrorCode, connectHub, sendCommand, SeqTracker, type HubClientSocket } from "@layan/ui";

/**
 * The live side of the dashboard over the /dashboard namespace: a snapshot on
 * connect, then pushes; after a reconnect, only what was missed (by sequence
 * number). A pure reducer holds the state so it can be tested without a hub.
 */
export interface BoardState {
  seq: number;
  serverTime: number;
  counters: CounterView[];
  waiting: WaitingCount[];
  servedToday: number;
  /** Newest first. */
  recent: LogEntry[];
}

export const EMPTY_BOARD: BoardState = {
  seq: 0,
  serverTime: 0,
  counters: [],
  waiting: [],
  servedToday: 0,
  recent: [],
};

const RECENT = 40;

export function fromSnapshot(s: DashboardSnapshot): BoardState {
  return {
    seq: s.seq,
    serverTime: s.serverTime,
    counters: s.counters,
    waiting: s.waiting,
    servedToday: s.servedToday,
    recent: s.recent.slice(0, RECENT),
  };
}

export function applyPush(state: BoardState, push: DashboardPush): BoardState {
  switch (push.name) {
    case "counter:updated": {
      const { seq, ...view } = push.payload;
      const known = state.counters.some((c) => c.id === view.id);
      return {
        ...state,
        seq: Math.max(state.seq, seq),
        counters: known
          ? state.counters.map((c) => (c.id === view.id ? view : c))
          : [...state.counters, view],
      };
    }
    case "queue:changed":
      return { ...state, seq: Math.max(state.seq, push.payload.seq), waiting: push.payload.waiting };
    case "log:appended": {
      const e = push.payload;
      if (state.recent.some((r) => r.seq === e.seq)) return state;
      return {
        ...state,
        seq: Math.max(state.seq, e.seq),
        servedToday: state.servedToday + (e.type === "ticket.completed" ? 1 : 0),
        recent: [e, ...state.recent].slice(0, RECENT),
      };
    }
  }
}

export interface BoardConnection {
  socket: HubClientSocket<"dashboard">;
  stop(): void;
}

export function connectBoard(
  hubUrl: string,
  token: string,
  onState: (update: (s: BoardState) => BoardState) => void,
  onRefused: (message: string) => void,
  onDisplays: (displays: DisplayHealth[]) => void = () => undefined,
): BoardConnection {
  const socket = connectHub({ url: hubUrl, namespace: "dashboard", token });
  const tracker = new SeqTracker();
  const resync = async () => {
    const answer = await sendCommand(socket, "sync:request", {
      sinceSeq: tracker.last,
    });
    if (!answer.ok) return;
    const r = answer.data;
    if (r.mode === "snapshot") {
      tracker.reset(r.seq);
      onState(() => fromSnapshot(r.snapshot));
    } else {
      tracker.reset(r.seq);
      onState((s) => r.events.reduce(applyPush, s));
    }
  };
  const push = (p: DashboardPush, seq: number) => {
    // Pushes older than the snapshot already applied are dropped.
    if (seq < (tracker.last ?? 0)) return;
    onState((s) => applyPush(s, p));
  };
  socket.on("connect", () => void resync());
  socket.on("counter:updated", (payload: CounterView & { seq: number }) =>
    push({ name: "counter:updated", payload }, payload.seq),
  );
  socket.on("queue:changed", (payload: { seq: number; waiting: WaitingCount[] }) =>
    push({ name: "queue:changed", payload }, payload.seq),
  );
  socket.on("log:appended", (payload: LogEntry) => push({ name: "log:appended", payload }, payload.seq));
  // Not sequenced: each push is the whole, current list of displays.
  socket.on("displays:health", (payload: DisplayHealth[]) => onDisplays(payload));
  socket.on("connect_error", (err: Error) => {
    const code = connectErrorCode(err);
    if ((code === "UNAUTHORIZED" || code === "FORBIDDEN") && !socket.active) {
      const data = (err as Error & { data?: { message?: string } }).data;
      onRefused(data?.message ?? "Sesi berakhir. Silakan masuk kembali.");
    }
  });
  return {
    socket,
    stop: () => {
      socket.removeAllListeners();
      socket.close();
    },
  };
}
