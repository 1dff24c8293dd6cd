import type {
  CallView,
  CounterView,
  DisplayConfig,
  DisplayPush,
  QueueChanged,
  TodayNotices,
} from "@layan/protocol";
import { connectHub, sendCommand, watchConnection, type ConnectionState, type HubClientSocket } from "@layan/ui";
import { applyMissed, applyPush, applySnapshot, EMPTY_STATE, type DisplayState } from "./display-state";
import { buildAnnouncement } from "./speech/announcement";
import { AudioOutput, AutoPlayer, type SpeechMode } from "./speech/players";
import { AnnouncementQueue } from "./speech/queue";
import { recordSkip, recordStart, speechLog, type SpokenEntry } from "./speech/recorder";

export interface DisplayView {
  connection: ConnectionState;
  config: DisplayConfig | null;
  screen: DisplayState;
  /** Seq of the newest live call: the big number flashes when it changes. */
  flashSeq: number | null;
  /** Null while the first unlock attempt is pending: no overlay flashes up on screens that may play. */
  soundAllowed: boolean | null;
  speaking: string | null;
}

type Listener = () => void;

/** How often a display tells the hub it is still there and whether it can be heard. */
export const SOUND_HEARTBEAT_MS = 30_000;

/**
 * A waiting-room screen's link to the hub: config and a snapshot on every
 * (re)connect, resync from the last seq seen, live pushes applied through the
 * pure reducer, and live calls (only those) handed to the announcement queue.
 */
export class DisplayClient {
  private view: DisplayView;
  private readonly listeners = new Set<Listener>();
  private socket: HubClientSocket<"display"> | null = null;
  private stopWatching: (() => void) | null = null;
  readonly output: AudioOutput | null;
  private readonly player: AutoPlayer | null;
  private readonly queue: AnnouncementQueue;
  private readonly entries = new WeakMap<object, SpokenEntry>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  /** Device time the last announcement ended, and whether it played. */
  private lastAnnouncement: { endedAt: number; ok: boolean } | null = null;

  constructor(
    private readonly hubUrl: string,
    private readonly token: string,
    private readonly speechMode: SpeechMode,
    clipBase: string,
  ) {
    this.output =
      speechMode === "off" || typeof AudioContext === "undefined" ? null : new AudioOutput(clipBase);
    this.player = this.output ? new AutoPlayer(this.output, speechMode) : null;
    const player = this.player ?? { play: () => Promise.resolve() };
    this.queue = new AnnouncementQueue(player, {
      onStart: (a, waitedMs) => {
        const entry = recordStart(a, this.player?.via() ?? "off", waitedMs);
        this.entries.set(a, entry);
        this.set({ speaking: a.text });
      },
      onError: (err) => console.warn("announcement failed", err),
      onDrop: (a, reason) => recordSkip(a, reason),
      onFinish: (a, played) => {
        const entry = this.entries.get(a);
        if (entry) entry.ok = played;
        this.lastAnnouncement = { endedAt: Date.now(), ok: played };
        if (this.view.speaking === a.text) this.set({ speaking: null });
        this.reportSound();
      },
    });
    const log = speechLog();
    log.mode = this.player?.via() ?? "off";
    log.soundAllowed = this.output?.allowed ?? true;
    this.view = {
      connection: { status: "connecting" },
      config: null,
      screen: EMPTY_STATE,
      flashSeq: null,
      soundAllowed: speechMode === "off" || !this.output ? true : null,
      speaking: null,
    };
  }

  getView = (): DisplayView => this.view;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<DisplayView>): void {
    const before = this.view.soundAllowed;
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
    if (this.view.soundAllowed !== before) this.reportSound();
  }

  /**
   * Tells the hub whether this screen can be heard (display:sound): a screen
   * whose audio is still locked after a reboot shows its calls in silence,
   * and only the dashboard can tell anyone.
   */
  private reportSound(): void {
    const socket = this.socket;
    // Unknown until the autoplay probe answers (under 3 s); the next report says it.
    if (!socket?.connected || this.view.soundAllowed === null) return;
    const last = this.lastAnnouncement;
    void sendCommand(socket, "display:sound", {
      audio: !this.output ? "off" : this.view.soundAllowed ? "unlocked" : "locked",
      lastAnnouncementAgoMs: last ? Math.max(0, Date.now() - last.endedAt) : null,
      lastAnnouncementOk: last ? last.ok : null,
    });
  }

  start(): void {
    if (this.socket) return;
    if (this.output) {
      this.output.context.onstatechange = () => {
        const allowed = this.output?.allowed ?? true;
        speechLog().soundAllowed = allowed;
        this.set({ soundAllowed: allowed });
      };
      const output = this.output;
      void output.probeAutoplay().then((allowed) => {
        // Unknown (no answer in time): trust the AudioContext; its statechange corrects us later.
        const ok = allowed ?? output.allowed;
        speechLog().soundAllowed = ok;
        if (this.view.soundAllowed !== true) this.set({ soundAllowed: ok });
      });
      void this.output.preload();
    }
    const socket = connectHub({ url: this.hubUrl, namespace: "display", token: this.token });
    this.socket = socket;
    this.stopWatching = watchConnection(socket, (connection) => this.set({ connection }));
    socket.on("connect", () => {
      void this.resync();
      this.reportSound();
    });
    this.heartbeat = setInterval(() => this.reportSound(), SOUND_HEARTBEAT_MS);
    const live = (push: DisplayPush) => this.onPush(push, true);
    socket.on("ticket:called", (payload: CallView) => live({ name: "ticket:called", payload }));
    socket.on("ticket:recalled", (payload: CallView) => live({ name: "ticket:recalled", payload }));
    socket.on("counter:updated", (payload: CounterView & { seq: number }) =>
      live({ name: "counter:updated", payload }),
    );
    socket.on("queue:changed", (payload: QueueChanged) => live({ name: "queue:changed", payload }));
    // The hub applied a new kiosk-config (running text, counters' names, this screen's group): the same resync as
    // after a reconnect, which takes the config again and shows what it missed without announcing it.
    socket.on("config:changed", () => void this.resync());
    socket.on("notice:changed", (notices: TodayNotices) => this.onNotices(notices));
  }

  /**
   * Today's running text and announcement, from a supervisor. A new
   * announcement is spoken once, and only through an Indonesian Web Speech
   * voice: the recorded clips can say numbers and counters, not free text,
   * so elsewhere it is shown only.
   */
  private onNotices(notices: TodayNotices): void {
    const config = this.view.config;
    if (!config) return;
    const before = config.notices.announcement;
    this.set({ config: { ...config, notices } });
    const now = notices.announcement;
    if (now && now.at !== before?.at && this.player?.via() === "webspeech") {
      this.queue.enqueue({ key: `notice:${now.at}`, counterId: "notice", text: now.text, clips: [], recall: false });
    }
  }

  stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.stopWatching?.();
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    // The AudioContext stays open: React's StrictMode stops and starts again, and a closed context never plays.
  }

  /** A tap on the "aktifkan suara" overlay: the gesture browsers wait for. */
  async enableSound(): Promise<void> {
    if (typeof speechSynthesis !== "undefined") {
      // Speaking once inside the gesture unlocks speech synthesis where it needs it.
      speechSynthesis.speak(new SpeechSynthesisUtterance(""));
    }
    const allowed = (await this.output?.unlock()) ?? true;
    speechLog().soundAllowed = allowed;
    this.set({ soundAllowed: allowed });
  }

  private onPush(push: DisplayPush, announce: boolean): void {
    const { state, newCall } = applyPush(this.view.screen, push);
    if (state === this.view.screen) return;
    const patch: Partial<DisplayView> = { screen: state };
    if (newCall) {
      patch.flashSeq = newCall.seq;
      if (announce) this.announce(newCall);
    }
    this.set(patch);
  }

  private announce(call: CallView): void {
    const style = this.view.config?.announcement.style ?? "number";
    this.queue.enqueue(buildAnnouncement(call, style));
  }

  /**
   * After every (re)connect: the config (it may have changed with a hub
   * restart), then what was missed. Missed calls are history: shown, not
   * announced. A hub whose log went backwards (restored or reset database)
   * gets a fresh snapshot instead of a merge.
   */
  private async resync(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    const config = await sendCommand(socket, "display:config", {});
    let sinceSeq = this.view.screen.seq;
    if (config.ok) {
      // A hub restarted with another group for this screen: merging would keep the old counters.
      const before = this.view.config;
      const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
      if (
        before &&
        (!same(before.counterIds, config.data.counterIds) || !same(before.serviceIds, config.data.serviceIds))
      )
        sinceSeq = null;
      this.set({ config: config.data });
      this.output?.usePack(voiceUrls(config.data.voice?.clips, this.hubUrl));
      speechLog().mode = this.player?.via() ?? "off";
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await sendCommand(socket, "sync:request", {
        sinceSeq,
      });
      if (!answer.ok) return;
      const r = answer.data;
      if (r.mode === "snapshot") {
        this.queue.clearPending();
        this.set({ screen: applySnapshot(r.snapshot, Date.now()) });
        return;
      }
      if (sinceSeq !== null && r.seq < sinceSeq) {
        sinceSeq = null;
        continue;
      }
      this.set({ screen: applyMissed(this.view.screen, r.events, r.seq) });
      return;
    }
  }
}

/** The hub's clip paths as this page fetches them: same origin, or the `?hub=` a dev build points at. */
function voiceUrls(clips: Record<string, string> | undefined, hubUrl: string): Record<string, string> | undefined {
  if (!clips) return undefined;
  return Object.fromEntries(Object.entries(clips).map(([id, path]) => [id, `${hubUrl}${path}`]));
}
