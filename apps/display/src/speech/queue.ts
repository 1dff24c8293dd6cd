import type { Announcement } from "./announcement";

/**
 * Plays announcements one after another, never two at once: a waiting room
 * that hears two numbers over each other hears neither. The player is injected
 * (Web Speech, recorded clips, or a fake in tests), so this stays pure.
 */
export interface AnnouncementPlayer {
  /** Resolves when the announcement has finished (or failed) playing. */
  play(announcement: Announcement): Promise<void>;
}

export interface AnnouncementQueueOptions {
  /** Called when an announcement starts playing (the test hook records here). */
  onStart?: (announcement: Announcement) => void;
  onError?: (error: unknown, announcement: Announcement) => void;
  /** Called when an announcement is over, with whether it played. */
  onFinish?: (announcement: Announcement, played: boolean) => void;
  /** A player that never settles must not silence the display for good. */
  timeoutMs?: number;
  /** Backlog bound; the oldest pending announcement is dropped beyond it. */
  maxPending?: number;
}

export class AnnouncementQueue {
  private readonly queue: Announcement[] = [];
  private current: Announcement | null = null;
  /** Set and cleared synchronously around the drain loop, so an enqueue never lands between "loop ended" and "flag cleared". */
  private running = false;
  private draining: Promise<void> = Promise.resolve();
  private readonly timeoutMs: number;
  private readonly maxPending: number;

  constructor(
    private readonly player: AnnouncementPlayer,
    private readonly options: AnnouncementQueueOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxPending = options.maxPending ?? 20;
  }

  get speaking(): Announcement | null {
    return this.current;
  }

  get pending(): readonly Announcement[] {
    return this.queue;
  }

  /**
   * Queues an announcement. A call still waiting its turn is not queued twice
   * (a recall pressed before the first call was spoken); one already playing
   * is announced again afterwards, which is what a recall is for.
   */
  enqueue(announcement: Announcement): void {
    if (this.queue.some((a) => a.key === announcement.key)) return;
    this.queue.push(announcement);
    while (this.queue.length > this.maxPending) this.queue.shift();
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

  private async drain(): Promise<void> {
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        this.current = next;
        let played = false;
        try {
          this.options.onStart?.(next);
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
