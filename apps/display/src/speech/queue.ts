import type { Announcement } from "./announcement";

/**
 * Plays announcements one after another, never two at once: a waiting room
 * that hears two numbers over each other hears neither. The player is injected
 * (Web Speech, recorded clips, or a fake in tests), so this stays pure.
 *
 * The screen shows a call at once; the voice takes ~6 s per call. In a burst
 * the voice would fall behind the screen without bound (a morning with five
 * lokets opening together: 27 s), so the backlog is kept honest:
 * - a counter has at most one announcement waiting: its newer call (or a
 *   recall) replaces the older one in the same turn, since that citizen has
 *   been superseded at that counter;
 * - an announcement that waited longer than `maxAgeMs` is dropped when its
 *   turn comes: the number is still on screen, and a voice naming a number
 *   the screen moved past long ago sends citizens to the wrong loket.
 */
export interface AnnouncementPlayer {
  /** Resolves when the announcement has finished (or failed) playing. */
  play(announcement: Announcement): Promise<void>;
}

export type DropReason = "superseded" | "stale";

/** The default lag bound: a call is spoken within this long, or not at all. */
export const MAX_ANNOUNCEMENT_AGE_MS = 15_000;

export interface AnnouncementQueueOptions {
  /** Called when an announcement starts playing, with how long it waited (the test hook records here). */
  onStart?: (announcement: Announcement, waitedMs: number) => void;
  onError?: (error: unknown, announcement: Announcement) => void;
  /** Called when an announcement is over, with whether it played. */
  onFinish?: (announcement: Announcement, played: boolean) => void;
  /** A player that never settles must not silence the display for good. */
  timeoutMs?: number;
  /** Backlog bound; the oldest pending announcement is dropped beyond it. */
  maxPending?: number;
  /** How long an announcement may wait for its turn (default MAX_ANNOUNCEMENT_AGE_MS). */
  maxAgeMs?: number;
  /** Called for an announcement that will never be spoken, and why. */
  onDrop?: (announcement: Announcement, reason: DropReason) => void;
  /** Milliseconds; injected so tests can run the lag bound on a fake clock. */
  now?: () => number;
}

interface Pending {
  announcement: Announcement;
  queuedAt: number;
}

export class AnnouncementQueue {
  private readonly queue: Pending[] = [];
  private current: Announcement | null = null;
  /** Set and cleared synchronously around the drain loop, so an enqueue never lands between "loop ended" and "flag cleared". */
  private running = false;
  private draining: Promise<void> = Promise.resolve();
  private readonly timeoutMs: number;
  private readonly maxPending: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly player: AnnouncementPlayer,
    private readonly options: AnnouncementQueueOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxPending = options.maxPending ?? 20;
    this.maxAgeMs = options.maxAgeMs ?? MAX_ANNOUNCEMENT_AGE_MS;
    this.now = options.now ?? Date.now;
  }

  get speaking(): Announcement | null {
    return this.current;
  }

  get pending(): readonly Announcement[] {
    return this.queue.map((p) => p.announcement);
  }

  /**
   * Queues an announcement. One waiting for the same counter is replaced, in
   * its turn: a recall pressed before the call was spoken is spoken once (as
   * the recall, fresh from now); a newer call drops the superseded one. A call
   * already playing is announced again afterwards: that is what a recall is for.
   */
  enqueue(announcement: Announcement): void {
    const entry: Pending = { announcement, queuedAt: this.now() };
    const same = this.queue.findIndex((p) => p.announcement.counterId === announcement.counterId);
    if (same >= 0) {
      const [old] = this.queue.splice(same, 1, entry);
      if (old) this.options.onDrop?.(old.announcement, "superseded");
    } else {
      this.queue.push(entry);
    }
    while (this.queue.length > this.maxPending) {
      const old = this.queue.shift();
      if (old) this.options.onDrop?.(old.announcement, "stale");
    }
    if (!this.running) {
      this.running = true;
      this.draining = this.drain();
    }
  }

  /** Resolves once nothing is playing or pending. */
  async idle(): Promise<void> {
    while (this.running) await this.draining;
  }

  /** Forget what has not started yet (e.g. after a resync replaced the screen). */
  clearPending(): void {
    this.queue.length = 0;
  }

  /** The next announcement still worth saying; the stale ones before it are dropped. */
  private takeNext(): Pending | undefined {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      if (this.now() - next.queuedAt <= this.maxAgeMs) return next;
      this.options.onDrop?.(next.announcement, "stale");
    }
    return undefined;
  }

  private async drain(): Promise<void> {
    try {
      for (let taken = this.takeNext(); taken; taken = this.takeNext()) {
        const next = taken.announcement;
        this.current = next;
        let played = false;
        try {
          this.options.onStart?.(next, this.now() - taken.queuedAt);
          await this.playWithTimeout(next);
          played = true;
        } catch (err) {
          this.options.onError?.(err, next);
        } finally {
          this.current = null;
          this.options.onFinish?.(next, played);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private playWithTimeout(announcement: Announcement): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`announcement timed out after ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    return Promise.race([this.player.play(announcement), timeout]).finally(() => clearTimeout(timer));
  }
}
