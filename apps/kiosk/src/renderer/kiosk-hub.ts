import type { PrinterCheck } from "../shared/bridge";
import type {
  Ack,
  Catalog,
  IssuedTicket,
  IssueTicketInput,
  KioskBookingCheckInInput,
  KioskCancelRequest,
  KioskComplaintInput,
  KioskComplaintReceipt,
  KioskSurveyInput,
  SurveyOffer,
  SurveyReceipt,
  QueueChanged,
  ServiceStatus,
} from "@layan/protocol";
import { connectHub, SeqTracker, sendCommand, type HubClientSocket } from "@layan/ui";

/**
 * The kiosk's side of the `/kiosk` namespace as a small store the screens
 * subscribe to: connection state, the catalog, and live status per service.
 * socket.io reconnects by itself after a hub restart or a network cut; on
 * every (re)connect the kiosk takes a fresh snapshot, so it never shows a
 * stale queue.
 */

export type Connection = "connecting" | "online" | "offline" | "unauthorized";

export interface KioskHubState {
  connection: Connection;
  /** Kept across disconnects: the kiosk still shows what to bring while the hub is away. */
  catalog: Catalog | null;
  statuses: ReadonlyMap<string, ServiceStatus>;
  /** Highest push seq applied; changes whenever a queue changes. */
  seq: number | null;
  /** Hub clock minus this device's clock, ms (the hub's clock rules). */
  clockOffsetMs: number;
}

export interface KioskHubOptions {
  url: string;
  token: string;
  /** How often open/closed and estimates are refreshed without a push (hours change with time). */
  refreshMs?: number;
  /** Swapped in tests; defaults to socket.io through @layan/ui's connectHub. */
  connect?: (options: { url: string; token: string }) => HubClientSocket<"kiosk">;
}

/** A ticket whose answer never arrived while the kiosk prints itself: the hub may hold a number nobody has. */
interface Unresolved {
  request: IssueTicketInput;
}

/** An answer that never came: the hub is away. */
export type IssueAnswer = Ack<IssuedTicket> | { ok: false; unreachable: true };
const UNREACHABLE = { ok: false, unreachable: true } as const;

export class KioskHub {
  private socket: HubClientSocket<"kiosk"> | null = null;
  private readonly seqs = new SeqTracker();
  private readonly listeners = new Set<() => void>();
  private state: KioskHubState = {
    connection: "connecting",
    catalog: null,
    statuses: new Map(),
    seq: null,
    clockOffsetMs: 0,
  };
  private refreshTimer: ReturnType<typeof setInterval> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private unresolved: Unresolved[] = [];
  private pendingCancels: KioskCancelRequest[] = [];

  constructor(private readonly options: KioskHubOptions) {}

  get snapshot(): KioskHubState {
    return this.state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): KioskHubState => this.state;

  start(): void {
    if (this.socket) return;
    const socket = (this.options.connect ?? ((o) => connectHub({ ...o, namespace: "kiosk" })))({
      url: this.options.url,
      token: this.options.token,
    });
    this.socket = socket;
    socket.on("connect", () => {
      this.set({ connection: "online" });
      void this.resync();
      void this.loadCatalog();
      void this.settleLeftovers();
    });
    socket.on("disconnect", () => this.set({ connection: "offline" }));
    socket.on("connect_error", (err: Error & { data?: { code?: string } }) => {
      const refused = err.message === "UNAUTHORIZED" || err.message === "FORBIDDEN";
      this.set({ connection: refused ? "unauthorized" : "offline" });
      // A refused handshake is not retried by socket.io itself; try again slowly
      // (the token may be registered meanwhile).
      if (refused && !socket.active && this.retryTimer === null) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          socket.connect();
        }, 15_000);
      }
    });
    socket.on("queue:changed", (push: QueueChanged) => this.applyQueueChanged(push));
    socket.on("config:changed", () => void this.loadCatalog());
    this.refreshTimer = setInterval(() => {
      if (socket.connected) void this.resync();
    }, this.options.refreshMs ?? 30_000);
  }

  stop(): void {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.refreshTimer = null;
    this.retryTimer = null;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  /** Hub time now, for clocks on screen. */
  now(): number {
    return Date.now() + this.state.clockOffsetMs;
  }

  /**
   * Browser kiosks: the printer the hub prints to for this kiosk, so the take
   * button is disabled with the reason before a tap, not after it.
   */
  async printerStatus(): Promise<PrinterCheck | null> {
    const socket = this.socket;
    if (!socket?.connected) return null;
    const answer = await sendCommand(socket, "printer:status", {}, { retries: 0 });
    if (!answer.ok) return null;
    const { ready, code } = answer.data;
    // No printer at all reads as offline here; the catalog's canPrint says why.
    return { ready, problem: code === "NO_PRINTER" ? "PRINTER_OFFLINE" : code, paperNearEnd: false };
  }

  async refreshStatus(serviceId: string): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return;
    const answer = await sendCommand(socket, "service:status", { serviceId }, { retries: 0 });
    if (answer.ok) this.putStatuses([answer.data]);
  }

  /**
   * Issues a ticket. `printsItself`: the kiosk prints after the answer, so an
   * answer lost on the way (hub gone mid-command) leaves a number nobody holds;
   * the kiosk remembers the request and cancels that number once it is back.
   */
  async issue(request: IssueTicketInput, printsItself: boolean): Promise<IssueAnswer> {
    const socket = this.socket;
    if (!socket?.connected) return UNREACHABLE;
    // The hub answers the first attempt's result to every retry with the same requestId.
    const answer = await sendCommand(socket, "ticket:issue", request, {
      timeoutMs: 8_000,
      retries: 2,
    });
    if (!answer.ok && !socket.connected) {
      if (printsItself) this.unresolved.push({ request });
      return UNREACHABLE;
    }
    return answer;
  }

  /**
   * Checks a booking in by its code (typed or scanned): the answer is the
   * ticket, as for an issue. Retried with the same requestId, so a lost
   * answer is the same check-in at the hub, never a second ticket.
   */
  async checkIn(request: KioskBookingCheckInInput): Promise<IssueAnswer> {
    const socket = this.socket;
    if (!socket?.connected) return UNREACHABLE;
    const answer = await sendCommand(socket, "booking:checkIn", request, { timeoutMs: 8_000, retries: 2 });
    return !answer.ok && !socket.connected ? UNREACHABLE : answer;
  }

  /** Files a complaint; a retry with the same requestId is the same complaint. */
  async fileComplaint(
    request: KioskComplaintInput,
  ): Promise<Ack<KioskComplaintReceipt> | typeof UNREACHABLE> {
    const socket = this.socket;
    if (!socket?.connected) return UNREACHABLE;
    const answer = await sendCommand(socket, "complaint:file", request, { timeoutMs: 8_000, retries: 2 });
    return !answer.ok && !socket.connected ? UNREACHABLE : answer;
  }

  async findSurvey(number: string): Promise<Ack<SurveyOffer> | typeof UNREACHABLE> {
    const socket = this.socket;
    if (!socket?.connected) return UNREACHABLE;
    const answer = await sendCommand(socket, "survey:find", { number }, { retries: 1 });
    return !answer.ok && !socket.connected ? UNREACHABLE : answer;
  }

  async submitSurvey(request: KioskSurveyInput): Promise<Ack<SurveyReceipt> | typeof UNREACHABLE> {
    const socket = this.socket;
    if (!socket?.connected) return UNREACHABLE;
    const answer = await sendCommand(socket, "survey:submit", request, { timeoutMs: 8_000, retries: 2 });
    return !answer.ok && !socket.connected ? UNREACHABLE : answer;
  }

  /** Cancels a ticket this kiosk issued; kept and retried after a reconnect if the hub is away. */
  async cancel(request: KioskCancelRequest): Promise<boolean> {
    const socket = this.socket;
    if (socket?.connected) {
      const answer = await sendCommand(socket, "ticket:cancel", request, { retries: 2 });
      if (answer.ok) return true;
      // A refusal (already finished, too late) will not change on a retry.
      if (socket.connected) return false;
    }
    this.pendingCancels.push(request);
    return false;
  }

  private async settleLeftovers(): Promise<void> {
    const unresolved = this.unresolved.splice(0);
    for (const { request } of unresolved) {
      const answer = await this.issue(request, true);
      if (answer.ok) {
        this.pendingCancels.push({
          requestId: cancelRequestId(request.requestId),
          ticketId: answer.data.ticket.id,
          reason: "print_failed",
        });
      }
    }
    const cancels = this.pendingCancels.splice(0);
    for (const cancel of cancels) await this.cancel(cancel);
  }

  private async loadCatalog(): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return;
    const answer = await sendCommand(socket, "catalog:get", {});
    if (answer.ok) this.set({ catalog: answer.data });
  }

  private async resync(): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return;
    const sentAt = Date.now();
    const answer = await sendCommand(socket, "sync:request", { sinceSeq: null }, { retries: 1 });
    if (!answer.ok) return;
    const resync = answer.data;
    if (resync.mode === "snapshot") {
      this.seqs.reset(resync.seq);
      const roundTrip = Date.now() - sentAt;
      const statuses = new Map(resync.snapshot.statuses.map((s) => [s.serviceId, s]));
      this.set({
        statuses,
        seq: resync.seq,
        clockOffsetMs: resync.snapshot.serverTime + roundTrip / 2 - Date.now(),
      });
    } else {
      for (const event of resync.events) this.applyQueueChanged(event.payload);
    }
  }

  private applyQueueChanged(push: QueueChanged): void {
    if (!this.seqs.accept(push.seq)) return;
    const statuses = new Map(this.state.statuses);
    for (const w of push.waiting) {
      const known = statuses.get(w.serviceId);
      if (known) statuses.set(w.serviceId, { ...known, waiting: w.waiting });
    }
    this.set({ statuses, seq: push.seq });
  }

  private putStatuses(list: ServiceStatus[]): void {
    const statuses = new Map(this.state.statuses);
    for (const s of list) statuses.set(s.serviceId, s);
    this.set({ statuses });
  }

  /** A candidate config's catalog, shown read-only with no socket (preview.tsx); never combined with start(). */
  showCatalog(catalog: Catalog): void {
    this.set({ connection: "online", catalog });
  }

  private set(patch: Partial<KioskHubState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** Derived, not random: a retried cancel must carry the same id as the first. */
export function cancelRequestId(issueRequestId: string): string {
  return `${issueRequestId.slice(0, 56)}-cancel`;
}
