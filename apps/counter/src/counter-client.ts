import type { CompletionOutcome } from "@layan/core";
import type {
  Ack,
  AckError,
  IssuedTicket,
  Catalog,
  CounterSnapshot,
  CounterSurveyInput,
  QueueChanged,
  WaitingCount,
} from "@layan/protocol";
import {
  connectHub,
  newRequestId,
  sendCommand,
  watchConnection,
  type ConnectionState,
  type Session,
  type HubClientSocket,
} from "@layan/ui";
import { RepeatGuard, type ActionId } from "./actions";
import { clearSession, saveSession } from "./session-store";

/** One /counter command that answers with the counter's new snapshot. */
type Command = (socket: HubClientSocket<"counter">) => Promise<Ack<CounterSnapshot>>;

/** A counter as the picker shows it. */
export interface CounterChoice {
  id: string;
  name: string;
  number: number;
  status: CounterSnapshot["counter"]["status"];
  officerName: string | null;
  serviceIds: string[];
  waiting: number;
}

export interface Feedback {
  kind: "error" | "info" | "hint";
  text: string;
  /** Changes with every message, so the same text twice still re-announces. */
  id: number;
  /** After a transfer: "Batalkan" is offered until this device time (ms). */
  undoUntil?: number;
}

/**
 * How long the toast after a transfer offers "Batalkan". The hub allows a few
 * seconds more (TRANSFER_UNDO_WINDOW_MS in @layan/core), so a press at the last
 * moment still lands through a slow network.
 */
export const UNDO_OFFER_MS = 10_000;

export interface CounterState {
  connection: ConnectionState;
  catalog: Catalog | null;
  counterId: string | null;
  /** Null until the hub answered for this counter. */
  snapshot: CounterSnapshot | null;
  /** Hub clock minus device clock, from the last snapshot. */
  clockOffsetMs: number;
  /** Latest waiting counts from `queue:changed`, with when they arrived (device time). */
  waiting: { at: number; counts: Map<string, WaitingCount> };
  choices: CounterChoice[] | null;
  busy: ActionId | "open" | "step" | "reinstate" | "call" | "undo" | null;
  feedback: Feedback | null;
  /** Commands answered so far (ok or not): tests and the busy indicator wait on it. */
  answered: number;
  /** Set when the hub refused the session: the app shows the login again. */
  loggedOut: string | null;
  /** The ticket just completed, while the counter offers its screen for the survey (office.surveyAtCounter). */
  surveyFor: { ticketId: string; number: string } | null;
}

type Listener = () => void;

/** What each signed-in screen of the counter app is given. */
export interface CounterScreenProps {
  client: CounterClient;
  state: CounterState;
  onSignOut: () => void;
}

export class CounterClient {
  private state: CounterState;
  private readonly listeners = new Set<Listener>();
  private socket: HubClientSocket<"counter"> | null = null;
  private stopWatching: (() => void) | null = null;
  private readonly guard = new RepeatGuard();
  private feedbackId = 0;
  /** The transfer "Batalkan" would take back, while the toast offers it. */
  private lastTransfer: { ticketId: string; number: string } | null = null;

  constructor(
    private readonly hubUrl: string,
    readonly session: Session,
    counterId: string | null,
  ) {
    this.state = {
      connection: { status: "connecting" },
      catalog: null,
      counterId,
      snapshot: null,
      clockOffsetMs: 0,
      waiting: { at: 0, counts: new Map() },
      choices: null,
      busy: null,
      feedback: null,
      answered: 0,
      loggedOut: null,
      surveyFor: null,
    };
  }

  // ---- store plumbing for useSyncExternalStore ----
  getState = (): CounterState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<CounterState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  // ---- lifecycle ----
  start(): void {
    if (this.socket) return;
    const socket = connectHub({ url: this.hubUrl, namespace: "counter", token: this.session.token });
    this.socket = socket;
    this.stopWatching = watchConnection(socket, (connection) => {
      this.set({ connection });
      if (connection.status === "refused") {
        clearSession();
        this.set({ loggedOut: connection.message });
      }
    });
    socket.on("connect", () => void this.resync());
    socket.on("counter:snapshot", (snapshot: CounterSnapshot) => {
      if (snapshot.counter.id === this.state.counterId) this.applySnapshot(snapshot);
    });
    socket.on("queue:changed", (q: QueueChanged) => {
      this.set({ waiting: { at: Date.now(), counts: new Map(q.waiting.map((w) => [w.serviceId, w])) } });
    });
    socket.on("config:changed", () => void this.reloadConfig());
  }

  /**
   * The hub applied a new kiosk-config: the catalog again (SOP checklist, services, counters' names), then the
   * counter's snapshot. The ticket in hand, the open counter and the officer's session stay as they are.
   */
  private async reloadConfig(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    const catalog = await sendCommand(socket, "catalog:get", {});
    if (catalog.ok) this.set({ catalog: catalog.data });
    await this.resync();
  }

  stop(): void {
    this.stopWatching?.();
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  /** After every (re)connect: the catalog once, then the counter's state from a fresh snapshot. */
  private async resync(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    if (!this.state.catalog) {
      const catalog = await sendCommand(socket, "catalog:get", {});
      if (catalog.ok) this.set({ catalog: catalog.data });
    }
    const counterId = this.state.counterId;
    if (!counterId) {
      await this.loadChoices();
      return;
    }
    const answer = await sendCommand(socket, "sync:request", {
      sinceSeq: this.state.snapshot?.seq ?? null,
      counterId,
    });
    if (!answer.ok) {
      if (answer.error.code === "COUNTER_UNKNOWN") this.leaveCounter(answer.error.message);
      else this.fail(answer.error);
      return;
    }
    if (answer.data.mode === "snapshot") this.applySnapshot(answer.data.snapshot, true);
    const snap = this.state.snapshot;
    // After a reload: the counter was closed meanwhile, or another officer holds it now.
    if (snap && snap.counter.status === "closed") this.leaveCounter(null);
    else if (
      snap &&
      this.session.user.role === "officer" &&
      snap.counter.officerName !== null &&
      snap.counter.officerName !== this.session.user.displayName
    ) {
      this.leaveCounter(`${snap.counter.name} sedang dipakai ${snap.counter.officerName}.`);
    }
  }

  private applySnapshot(snapshot: CounterSnapshot, force = false): void {
    const current = this.state.snapshot;
    // Pushes and acks can cross: never step back to an older state.
    if (!force && current && current.counter.id === snapshot.counter.id && snapshot.seq < current.seq) return;
    this.set({ snapshot, clockOffsetMs: snapshot.serverTime - Date.now() });
  }

  // ---- choosing a counter ----
  async loadChoices(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    // The /counter catalog lists the office's counters (counters.yaml); `counter:watch` adds what the
    // picker shows about each right now: open or not, who holds it, people waiting.
    const catalog = this.state.catalog ?? (await this.loadCatalog(socket));
    if (!catalog) return;
    const answers = await Promise.all(
      // Real ids from the catalog: a slow answer is retried rather than a counter dropped from the picker.
      (catalog.counters ?? []).map(({ id: counterId }) => sendCommand(socket, "counter:watch", { counterId })),
    );
    const choices: CounterChoice[] = [];
    for (const a of answers) {
      if (!a.ok) continue;
      const s = a.data;
      choices.push({
        id: s.counter.id,
        name: s.counter.name,
        number: s.counter.number,
        status: s.counter.status,
        officerName: s.counter.officerName,
        serviceIds: s.queues.map((q) => q.serviceId),
        waiting: s.queues.reduce((sum, q) => sum + q.waiting, 0),
      });
    }
    choices.sort((a, b) => a.number - b.number);
    this.set({ choices });
  }

  /** The catalog when the hub sends it, else null with the reason shown to the officer. */
  private async loadCatalog(socket: HubClientSocket<"counter">): Promise<Catalog | null> {
    const answer = await sendCommand(socket, "catalog:get", {});
    if (!answer.ok) {
      this.fail(answer.error);
      return null;
    }
    this.set({ catalog: answer.data });
    return answer.data;
  }

  async openCounter(counterId: string): Promise<boolean> {
    const socket = this.socket;
    if (!socket || this.state.busy) return false;
    this.set({ busy: "open", feedback: null });
    const answer = await sendCommand(socket, "counter:open", {
      requestId: newRequestId(),
      counterId,
    });
    this.set({ busy: null, answered: this.state.answered + 1 });
    if (!answer.ok) {
      this.fail(answer.error);
      return false;
    }
    this.set({ counterId });
    this.applySnapshot(answer.data, true);
    saveSession({ session: this.session, counterId });
    return true;
  }

  private leaveCounter(message: string | null): void {
    saveSession({ session: this.session, counterId: null });
    this.set({ counterId: null, snapshot: null, choices: null });
    if (message) this.info(message);
    void this.loadChoices();
  }

  // ---- officer actions ----
  /**
   * One action, once: ignored while another is in flight and when it repeats
   * within a double-click; a new request id per press, reused only by
   * sendCommand's own retries.
   */
  async act(action: ActionId, extra: { toServiceId?: string } = {}): Promise<boolean> {
    const socket = this.socket;
    const counterId = this.state.counterId;
    if (!socket || !counterId || this.state.busy) return false;
    if (!this.guard.accept(action, Date.now())) return false;
    const base = { requestId: newRequestId(), counterId };
    // Each action is one command of the /counter event map, answered with the counter's snapshot.
    let command: Command;
    if (action.startsWith("complete:")) {
      const outcome = action.slice("complete:".length) as CompletionOutcome;
      command = (s) => sendCommand(s, "ticket:complete", { ...base, outcome });
    } else {
      switch (action) {
        case "callNext":
          command = (s) => sendCommand(s, "ticket:call_next", base);
          break;
        case "recall":
          command = (s) => sendCommand(s, "ticket:recall", base);
          break;
        case "start":
          command = (s) => sendCommand(s, "ticket:start", base);
          break;
        case "noShow":
          command = (s) => sendCommand(s, "ticket:no_show", base);
          break;
        case "transfer": {
          const toServiceId = extra.toServiceId;
          if (!toServiceId) return false;
          command = (s) => sendCommand(s, "ticket:transfer", { ...base, toServiceId });
          break;
        }
        case "pause":
          command = (s) => sendCommand(s, "counter:pause", base);
          break;
        case "resume":
          command = (s) => sendCommand(s, "counter:open", base);
          break;
        case "close":
          command = (s) => sendCommand(s, "counter:close", base);
          break;
        default:
          return false;
      }
    }
    const inHand = this.state.snapshot?.current ?? null;
    const before = inHand?.number ?? null;
    // The next action means the citizen has left the desk: the survey offer goes with them.
    this.set({ surveyFor: null });
    const ok = await this.run(action, command);
    if (ok && inHand && action.startsWith("complete:") && this.state.catalog?.office.surveyAtCounter) {
      this.set({ surveyFor: { ticketId: inHand.ticketId, number: inHand.number } });
    }
    if (ok && action === "transfer" && inHand) {
      this.lastTransfer = { ticketId: inHand.ticketId, number: inHand.number };
      this.set({
        feedback: {
          kind: "info",
          text: this.transferredText(before, extra.toServiceId ?? ""),
          id: ++this.feedbackId,
          undoUntil: Date.now() + UNDO_OFFER_MS,
        },
      });
    } else if (ok) this.confirm(action, before);
    if (ok && action === "close") this.leaveCounter(null);
    return ok;
  }

  async tickStep(stepId: string): Promise<boolean> {
    const counterId = this.state.counterId;
    if (!counterId || this.state.busy || !this.guard.accept(`step:${stepId}`, Date.now())) return false;
    return this.run("step", (s) => sendCommand(s, "ticket:step", { requestId: newRequestId(), counterId, stepId }));
  }

  /** Takes back a tick made by mistake; the step can be ticked again. */
  async untickStep(stepId: string): Promise<boolean> {
    const counterId = this.state.counterId;
    if (!counterId || this.state.busy || !this.guard.accept(`untick:${stepId}`, Date.now())) return false;
    return this.run("step", (s) =>
      sendCommand(s, "ticket:untick_step", { requestId: newRequestId(), counterId, stepId }),
    );
  }

  /** "Batalkan" on the toast after a transfer: the citizen is back in hand here, as before. */
  async undoTransfer(): Promise<boolean> {
    const counterId = this.state.counterId;
    const transfer = this.lastTransfer;
    if (!counterId || !transfer || this.state.busy) return false;
    const ok = await this.run("undo", (s) =>
      sendCommand(s, "ticket:transfer_undo", { requestId: newRequestId(), counterId, ticketId: transfer.ticketId }),
    );
    if (ok) {
      this.lastTransfer = null;
      this.info(`Pengalihan dibatalkan: ${transfer.number} kembali dilayani di loket ini.`);
    }
    return ok;
  }

  async callTicket(ticketId: string): Promise<boolean> {
    const counterId = this.state.counterId;
    if (!counterId || this.state.busy || !this.guard.accept(`call:${ticketId}`, Date.now())) return false;
    const ok = await this.run("call", (s) =>
      sendCommand(s, "ticket:call", { requestId: newRequestId(), counterId, ticketId }),
    );
    if (ok) this.confirm("callNext", null);
    return ok;
  }

  /** The citizen's answers on the screen turned round; the offer ends once the hub has them. */
  async submitSurvey(body: Omit<CounterSurveyInput, "requestId" | "counterId" | "ticketId">): Promise<AckError | null> {
    const socket = this.socket;
    const counterId = this.state.counterId;
    const survey = this.state.surveyFor;
    if (!socket || !counterId || !survey) return null;
    const answer = await sendCommand(socket, "survey:submit", { requestId: newRequestId(), counterId, ticketId: survey.ticketId, ...body });
    this.set({ answered: this.state.answered + 1 });
    if (!answer.ok) return answer.error;
    this.set({ surveyFor: null });
    this.info(`Terima kasih: survei untuk ${survey.number} tersimpan.`);
    return null;
  }

  /** "Check-in reservasi": the code a citizen shows; the answer is the ticket it became (booking-check-in.ts words it). */
  async checkInBooking(code: string): Promise<Ack<IssuedTicket> | null> {
    const socket = this.socket;
    if (!socket?.connected) return null;
    return sendCommand(socket, "booking:checkIn", { requestId: newRequestId(), code }, { timeoutMs: 8_000, retries: 2 });
  }

  skipSurvey(): void {
    this.set({ surveyFor: null });
  }

  async reinstate(ticketId: string): Promise<boolean> {
    const socket = this.socket;
    if (!socket || this.state.busy) return false;
    this.set({ busy: "reinstate", feedback: null });
    const answer = await sendCommand(socket, "ticket:reinstate", {
      requestId: newRequestId(),
      ticketId,
    });
    this.set({ busy: null, answered: this.state.answered + 1 });
    if (!answer.ok) {
      this.fail(answer.error);
      return false;
    }
    this.info(`${answer.data.number} kembali ke antrean (paling depan).`);
    return true;
  }

  private async run(busy: NonNullable<CounterState["busy"]>, command: Command): Promise<boolean> {
    const socket = this.socket;
    if (!socket) return false;
    this.set({ busy, feedback: null });
    const answer = await command(socket);
    this.set({ busy: null, answered: this.state.answered + 1 });
    if (!answer.ok) {
      this.fail(answer.error);
      return false;
    }
    this.applySnapshot(answer.data);
    return true;
  }

  private confirm(action: ActionId, before: string | null): void {
    const now = this.state.snapshot?.current?.number ?? null;
    const text: Partial<Record<ActionId, string>> = {
      callNext: now ? `${now} dipanggil.` : "",
      recall: now ? `${now} dipanggil ulang.` : "",
      "complete:selesai": before ? `${before} selesai dilayani.` : "",
      "complete:berkas_tidak_lengkap": before ? `${before} dicatat: berkas tidak lengkap.` : "",
      "complete:dirujuk": before ? `${before} dicatat: dirujuk.` : "",
      noShow: before ? `${before} dicatat tidak hadir.` : "",
      pause: "Loket dijeda.",
      resume: "Loket dibuka kembali.",
    };
    const message = text[action];
    if (message) this.info(message);
  }

  /** Names where the citizen went: a wrong destination must be obvious at a glance. */
  private transferredText(number: string | null, toServiceId: string): string {
    const service = this.state.catalog?.services.find((s) => s.id === toServiceId);
    const agency = service && this.state.catalog?.agencies.find((a) => a.id === service.agencyId);
    const where = service ? `${service.name}${agency ? ` (${agency.shortName})` : ""}` : toServiceId;
    return `${number ?? "Nomor"} dialihkan ke ${where}.`;
  }

  private fail(error: AckError): void {
    this.guard.reset();
    if (error.code === "UNAUTHORIZED") {
      clearSession();
      this.set({ loggedOut: error.message });
      return;
    }
    this.set({ feedback: { kind: "error", text: error.message, id: ++this.feedbackId } });
  }

  private info(text: string): void {
    this.set({ feedback: { kind: "info", text, id: ++this.feedbackId } });
  }

  /** Why a pressed key did nothing ("Panggil ulang 2× lagi…"). */
  showHint(text: string): void {
    this.set({ feedback: { kind: "hint", text, id: ++this.feedbackId } });
  }

  dismissFeedback(): void {
    this.set({ feedback: null });
  }

  /** Hub time now, for timers (devices' clocks are never trusted). */
  hubNow(): number {
    return Date.now() + this.state.clockOffsetMs;
  }
}
