/**
 * What "tell me when I am near" costs the hub per call (issue 17): the
 * NotifyWatcher's work on each committed `ticket.called`, with 0, 100, 1,000
 * and 5,000 of the waiting tickets subscribed, in a service with 50,000
 * waiting. Real parts: the core's state driven by its own rules, a real
 * SQLite store (migrated) behind NotifyQueries, the watcher as the hub runs
 * it. The push sender is a counting sink: what the watcher hands it is the
 * whole of its work on the queue's turn (sending runs later, off the turn,
 * four at a time: apps/hub/src/notify/push.ts).
 *
 * Each subscription asks for "3 ahead" and sits far back in the lane, so
 * every call makes the watcher re-check all pending tickets of the service
 * (the worst case of checkAhead) without sending. The figure is the
 * watcher's CPU per call (µs, the median of ROUNDS rounds of CALLS calls, after one round not counted),
 * next to the core's own decide+apply of the same call measured in the same
 * run: `notify_watcher_ratio_to_call_*` says how much the watcher adds to
 * the call itself.
 *
 * `pnpm exec tsx tests/bench/notify-watcher.ts [--quick]` prints JSON.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drive, serviceDayOf, type QueueEvent } from "@layan/core";
import { createNotifyQueries, openStore } from "@layan/store";
import type { CommittedEvent } from "../../apps/hub/src/engine";
import type { PushSender } from "../../apps/hub/src/notify/push";
import { NotifyWatcher } from "../../apps/hub/src/notify/watcher";
import { jakarta, TestQueue } from "../../packages/core/src/testing/fixtures";
import { nowMs, percentile, round } from "./stats";

const SUBSCRIBED = [0, 100, 1_000, 5_000];
const CALLS = 500;
const ROUNDS = 5;
const DAY = "2026-12-07";

export function benchNotifyWatcher(log: (msg: string) => void, options: { quick?: boolean } = {}): Record<string, number> {
  const waiting = options.quick ? 10_000 : 50_000;
  const out: Record<string, number> = { notify_watcher_waiting: waiting };
  for (const subscribed of SUBSCRIBED) {
    const dir = mkdtempSync(join(tmpdir(), "layan-bench-notify-"));
    const store = openStore(join(dir, "hub.sqlite"));
    try {
      const q = new TestQueue();
      let at = jakarta(`${DAY} 08:00`);
      const ids: string[] = [];
      for (let i = 0; i < waiting + (ROUNDS + 1) * CALLS; i++) ids.push(q.issue("info", (at += 10)).id);
      q.open("loket-3", (at += 10));
      const queries = createNotifyQueries(store.db);
      const serviceDay = serviceDayOf(at, q.state.rules.timezone);
      // Far back in the lane, spread out: none reaches "3 ahead" during the run.
      const back = ids.slice((ROUNDS + 1) * CALLS + 1_000);
      for (let i = 0; i < subscribed; i++) {
        const ticketId = back[Math.floor((i * back.length) / Math.max(1, subscribed))]!;
        queries.subscribe({ ticketId, serviceDay, endpoint: `https://push.example/${i}`, keys: { p256dh: "B".padEnd(87, "A"), auth: "A".padEnd(22, "A") }, ahead: 3, at });
      }
      let handed = 0;
      const sink: PushSender = {
        send: () => void (handed += 1),
        idle: () => Promise.resolve(),
        stats: () => ({ sent: handed, failed: 0, gone: 0, dropped: 0, queued: 0 }),
        close: () => Promise.resolve(),
      };
      const watcher = new NotifyWatcher({
        queries,
        state: () => q.state,
        now: () => at,
        config: () => ({ webPush: { enabled: true }, aheadChoices: [3, 5, 10] }),
        push: () => sink,
        webhookOn: () => false,
        ticketUrl: (id) => `https://antrean.example/t/${id}`,
        officeName: () => "Kantor",
        serviceName: () => "Informasi",
      });
      const watcherUs: number[] = [];
      const callUs: number[] = [];
      let seq = 0;
      // Round 0 warms the JIT and is not counted: each level is a fresh state.
      for (let r = 0; r <= ROUNDS; r++) {
        let watcherMs = 0;
        let callMs = 0;
        for (let i = 0; i < CALLS; i++) {
          const t0 = nowMs();
          const called = drive(q.state, { type: "callNext", counterId: "loket-3", officerId: "siti" }, (at += 10));
          callMs += nowMs() - t0;
          if (!called.ok) throw new Error(called.error.code);
          const batch: CommittedEvent[] = called.events.map((event: QueueEvent) => ({ seq: ++seq, event }));
          const t1 = nowMs();
          watcher.onBatch(batch);
          watcherMs += nowMs() - t1;
          const done = drive(q.state, { type: "complete", counterId: "loket-3", outcome: "selesai" }, (at += 10));
          if (!done.ok) throw new Error(done.error.code);
          watcher.onBatch(done.events.map((event: QueueEvent) => ({ seq: ++seq, event })));
        }
        if (r === 0) continue;
        watcherUs.push((watcherMs * 1000) / CALLS);
        callUs.push((callMs * 1000) / CALLS);
      }
      if (handed !== 0) throw new Error(`the watcher sent ${handed} messages; the subscriptions were meant to stay far back`);
      const w = percentile(watcherUs, 50);
      const c = percentile(callUs, 50);
      out[`notify_watcher_us_per_call_${subscribed}_subscribed`] = round(w, 2);
      out[`notify_call_us_${subscribed}_subscribed`] = round(c, 2);
      out[`notify_watcher_ratio_to_call_${subscribed}_subscribed`] = round(w / c, 3);
      log(`  notify watcher: ${subscribed} subscribed of ${waiting.toLocaleString("en")} waiting: ${round(w, 2)} µs per call (the call itself ${round(c, 2)} µs)`);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

if (process.argv[1]?.endsWith("tests/bench/notify-watcher.ts")) {
  try {
    const r = benchNotifyWatcher((m) => process.stderr.write(`${m}\n`), { quick: process.argv.includes("--quick") });
    process.stdout.write(`${JSON.stringify(r)}\n`);
  } catch (err: unknown) {
    process.stderr.write(`notify bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  }
}
