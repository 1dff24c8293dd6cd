import { afterEach, describe, expect, it, vi } from "vitest";
import type { Announcement } from "./announcement";
import { AnnouncementQueue, type AnnouncementPlayer } from "./queue";

/** Keys read `<number>@<counter>` like real ones; a bare key is its own counter. */
const ann = (key: string, text = `say ${key}`): Announcement => ({
  key,
  text,
  clips: [],
  recall: false,
  counterId: key.split("@")[1] ?? key,
});

/** A player whose announcements finish only when the test says so. */
class ManualPlayer implements AnnouncementPlayer {
  readonly log: string[] = [];
  playing = 0;
  maxPlaying = 0;
  private finishers: (() => void)[] = [];

  play(a: Announcement): Promise<void> {
    this.log.push(`start ${a.text}`);
    this.playing++;
    this.maxPlaying = Math.max(this.maxPlaying, this.playing);
    return new Promise((resolve) => {
      this.finishers.push(() => {
        this.playing--;
        this.log.push(`end ${a.text}`);
        resolve();
      });
    });
  }

  async finishOne(): Promise<void> {
    const finish = this.finishers.shift();
    if (!finish) throw new Error("nothing is playing");
    finish();
    await flush();
  }
}

const flush = () => new Promise<void>((r) => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
});

/** A queue with a 15 s age bound on a clock the test moves; A-001 and then B-001 called at 0. */
function twoCallsBounded() {
  const clock = { now: 0 };
  const player = new ManualPlayer();
  const q = new AnnouncementQueue(player, { now: () => clock.now, maxAgeMs: 15_000 });
  q.enqueue(ann("A-001@loket-1"));
  q.enqueue(ann("B-001@loket-2"));
  return { clock, player, q };
}

/** A queue on a manual player that records what it drops, as `<key> <why>`. */
function droppingQueue(options: ConstructorParameters<typeof AnnouncementQueue>[1] = {}) {
  const player = new ManualPlayer();
  const dropped: string[] = [];
  const q = new AnnouncementQueue(player, {
    ...options,
    onDrop: (a, why) => dropped.push(`${a.key} ${why}`),
  });
  return { player, dropped, q };
}

describe("AnnouncementQueue", () => {
  it("plays one announcement at a time, in order", async () => {
    const player = new ManualPlayer();
    const q = new AnnouncementQueue(player);
    q.enqueue(ann("A-001@loket-1"));
    q.enqueue(ann("A-002@loket-2"));
    q.enqueue(ann("B-001@loket-3"));
    await flush();
    expect(player.log).toEqual(["start say A-001@loket-1"]);
    expect(q.speaking?.key).toBe("A-001@loket-1");
    expect(q.pending.map((a) => a.key)).toEqual(["A-002@loket-2", "B-001@loket-3"]);
    await player.finishOne();
    await player.finishOne();
    await player.finishOne();
    await q.idle();
    expect(player.maxPlaying).toBe(1);
    expect(player.log).toEqual([
      "start say A-001@loket-1",
      "end say A-001@loket-1",
      "start say A-002@loket-2",
      "end say A-002@loket-2",
      "start say B-001@loket-3",
      "end say B-001@loket-3",
    ]);
    expect(q.speaking).toBeNull();
  });

  it("announces a recall again after the call being spoken", async () => {
    const player = new ManualPlayer();
    const spoken: string[] = [];
    const q = new AnnouncementQueue(player, { onStart: (a) => spoken.push(a.text) });
    q.enqueue(ann("A-001@loket-1"));
    await flush();
    q.enqueue({ ...ann("A-001@loket-1"), recall: true });
    await player.finishOne();
    await player.finishOne();
    await q.idle();
    expect(spoken).toEqual(["say A-001@loket-1", "say A-001@loket-1"]);
  });

  it("merges a recall into the same call still waiting its turn: spoken once, as a recall", async () => {
    const { player, dropped, q } = droppingQueue();
    q.enqueue(ann("A-001@loket-1"));
    q.enqueue(ann("A-002@loket-2"));
    q.enqueue({ ...ann("A-002@loket-2"), recall: true });
    expect(q.pending.map((a) => [a.key, a.recall])).toEqual([["A-002@loket-2", true]]);
    expect(dropped).toEqual(["A-002@loket-2 superseded"]);
    await player.finishOne();
    await player.finishOne();
    await q.idle();
    expect(player.log.filter((l) => l.startsWith("start"))).toHaveLength(2);
  });

  it("replaces a counter's pending call by its newer call, in the same turn", async () => {
    const { player, dropped, q } = droppingQueue();
    q.enqueue(ann("A-001@loket-1"));
    q.enqueue(ann("B-001@loket-2"));
    q.enqueue(ann("C-001@loket-3"));
    // Loket 2 finished B-001 and called the next one before B-001 was ever spoken.
    q.enqueue(ann("B-002@loket-2"));
    expect(q.pending.map((a) => a.key)).toEqual(["B-002@loket-2", "C-001@loket-3"]);
    expect(dropped).toEqual(["B-001@loket-2 superseded"]);
    for (let i = 0; i < 3; i++) await player.finishOne();
    await q.idle();
    expect(player.log.filter((l) => l.startsWith("start"))).toEqual([
      "start say A-001@loket-1",
      "start say B-002@loket-2",
      "start say C-001@loket-3",
    ]);
  });

  it("drops announcements that waited longer than the bound, so the voice never lags the screen by more", async () => {
    let now = 0;
    const { player, dropped, q } = droppingQueue({ now: () => now, maxAgeMs: 15_000 });
    q.enqueue(ann("A-001@loket-1"));
    now = 1_000;
    q.enqueue(ann("B-001@loket-2"));
    q.enqueue(ann("C-001@loket-3"));
    now = 8_000;
    q.enqueue(ann("D-001@loket-4"));
    // A-001 took 16 s (a slow voice): B and C waited 15 s + 1 ms, D only 9 s.
    now = 16_001;
    await player.finishOne();
    expect(q.speaking?.key).toBe("D-001@loket-4");
    expect(dropped).toEqual(["B-001@loket-2 stale", "C-001@loket-3 stale"]);
    await player.finishOne();
    await q.idle();
    expect(player.log.filter((l) => l.startsWith("start"))).toEqual([
      "start say A-001@loket-1",
      "start say D-001@loket-4",
    ]);
  });

  it("keeps an announcement that waited exactly the bound", async () => {
    const { clock, player, q } = twoCallsBounded();
    clock.now = 15_000;
    await player.finishOne();
    expect(q.speaking?.key).toBe("B-001@loket-2");
    await player.finishOne();
    await q.idle();
  });

  it("a recall waits the bound from when it was pressed, not from the first call", async () => {
    const { clock, player, q } = twoCallsBounded();
    clock.now = 10_000;
    q.enqueue({ ...ann("B-001@loket-2"), recall: true });
    clock.now = 20_000;
    await player.finishOne();
    expect(q.speaking).toMatchObject({ key: "B-001@loket-2", recall: true });
    await player.finishOne();
    await q.idle();
  });

  it("keeps going after a player failure", async () => {
    const errors: string[] = [];
    const played: string[] = [];
    const player: AnnouncementPlayer = {
      play(a) {
        played.push(a.key);
        return a.key === "bad" ? Promise.reject(new Error("no audio device")) : Promise.resolve();
      },
    };
    const q = new AnnouncementQueue(player, { onError: (e) => errors.push((e as Error).message) });
    q.enqueue(ann("bad"));
    q.enqueue(ann("good"));
    await q.idle();
    expect(played).toEqual(["bad", "good"]);
    expect(errors).toEqual(["no audio device"]);
  });

  it("gives up on a player that never finishes, then plays the next", async () => {
    vi.useFakeTimers();
    const played: string[] = [];
    const player: AnnouncementPlayer = {
      play(a) {
        played.push(a.key);
        return a.key === "stuck" ? new Promise<void>(() => undefined) : Promise.resolve();
      },
    };
    const errors: unknown[] = [];
    const q = new AnnouncementQueue(player, { timeoutMs: 5_000, onError: (e) => errors.push(e) });
    q.enqueue(ann("stuck"));
    q.enqueue(ann("next"));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(played).toEqual(["stuck"]);
    await vi.advanceTimersByTimeAsync(1);
    await q.idle();
    expect(played).toEqual(["stuck", "next"]);
    expect(errors).toHaveLength(1);
  });

  it("bounds the backlog by dropping the oldest pending announcement", async () => {
    const player = new ManualPlayer();
    const q = new AnnouncementQueue(player, { maxPending: 2 });
    for (const k of ["1", "2", "3", "4"]) q.enqueue(ann(k));
    await flush();
    expect(q.speaking?.key).toBe("1");
    expect(q.pending.map((a) => a.key)).toEqual(["3", "4"]);
    q.clearPending();
    await player.finishOne();
    await q.idle();
    expect(player.log).toEqual(["start say 1", "end say 1"]);
  });

  it("starts again after going idle", async () => {
    const played: string[] = [];
    const q = new AnnouncementQueue({ play: (a) => (played.push(a.key), Promise.resolve()) });
    q.enqueue(ann("1"));
    await q.idle();
    q.enqueue(ann("2"));
    await q.idle();
    expect(played).toEqual(["1", "2"]);
  });
});
