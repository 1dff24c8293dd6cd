/**
 * Flat cost per command: a fresh hub, one service (without a daily quota),
 * its queue held at an empty level, then at 10,000, then at 50,000 tickets
 * waiting. At each level one kiosk issues one after another into that service
 * (`ticket:issue` p50/p99) and an officer at a counter serving it calls and
 * completes (`ticket:call_next` p50/p99, the call alone timed). The levels are
 * filled through the kiosk namespace by 20 kiosks in a closed loop, as a real
 * hub would get them. A level's figures are taken with L to L + ISSUE_SAMPLES
 * waiting (the measured issues add to the queue, the calls take from it).
 * Every level is measured the same way: SETTLE_MS after what came before it
 * (the warm-up, or the fill), so a ratio compares the cost per command at two
 * queue lengths, not a command after a 20-kiosk burst with one after a quiet
 * warm-up. The same samples taken straight after the fill are reported too
 * (`*_after_fill`): the young generation still holds the burst's survivors
 * for a few seconds (docs/benchmarks.md, "Memory (session 21)").
 * The hub process's VmHWM here is the bench's largest queue: 50,000+ waiting.
 */
import type { Socket } from "socket.io-client";
import { call, connect, login, rid } from "./clients";
import { counterServing, role, servicesWithoutQuota, startDemoHub } from "./hub-process";
import { concurrentIssue, sequentialIssue } from "./load";
import type { Results } from "./rounds";
import { nowMs, percentile, round } from "./stats";

export interface FlatCostSizes {
  /** Tickets waiting at each level; the first is the reference (0). */
  levels: number[];
  issueSamples: number;
  callSamples: number;
  fillKiosks: number;
}

export const FLAT_COST_FULL: FlatCostSizes = { levels: [0, 10_000, 50_000], issueSamples: 1_000, callSamples: 300, fillKiosks: 20 };
export const FLAT_COST_QUICK: FlatCostSizes = { levels: [0, 2_000, 5_000], issueSamples: 200, callSamples: 60, fillKiosks: 20 };

/** 10000 -> "10k", 2500 -> "2.5k", 0 -> "empty". */
export function levelName(level: number): string {
  return level === 0 ? "empty" : `${level / 1000}k`;
}

const WARMUP = 300;
/** What a level waits before it is measured; the burst's survivors were gone after ~8 s in one run, and most within 5. */
const SETTLE_MS = 5_000;

export async function benchFlatCost(entry: string, sizes: FlatCostSizes, log: (msg: string) => void): Promise<Results> {
  const hub = await startDemoHub(entry);
  const { base, creds } = hub;
  try {
    const kioskToken = creds.kiosks[0]!.token;
    const kiosk = await connect(`${base}/kiosk`, { token: kioskToken });
    const officer = role(creds, "officer");
    const counter = await connect(`${base}/counter`, { token: await login(base, officer.username, officer.secret) });
    const { counterId, serviceId } = await counterServing(counter, await servicesWithoutQuota(kiosk));
    await call(counter, "counter:open", { requestId: rid(), counterId });
    const fillers = await Promise.all(Array.from({ length: sizes.fillKiosks }, () => connect(`${base}/kiosk`, { token: kioskToken })));
    const issue = (s: Socket) => async () => {
      await call(s, "ticket:issue", { requestId: rid(), serviceId, priority: null });
    };
    // The empty level comes first, when the process is coldest: warm it up well
    // (then back to empty), or the reference p99 is JIT time and every ratio
    // over it reads flatter than the hub is.
    await sequentialIssue(issue(kiosk), WARMUP);
    for (let i = 0; i < WARMUP; i++) {
      await call(counter, "ticket:call_next", { requestId: rid(), counterId });
      await call(counter, "ticket:complete", { requestId: rid(), counterId, outcome: "selesai" });
    }
    let waiting = 0;
    const out: Results = { flat_cost_service: serviceId };
    const p99: Record<string, { issue: number; call: number }> = {};
    for (const level of sizes.levels) {
      const name = levelName(level);
      const missing = level - waiting;
      if (missing > 0) {
        const perKiosk = Math.ceil(missing / fillers.length);
        const t0 = nowMs();
        const fill = await concurrentIssue(fillers.map(issue), perKiosk);
        waiting += perKiosk * fillers.length;
        log(`    filled to ${waiting.toLocaleString("en")} waiting at ${Math.round(fill.perSecond)}/s in ${round((nowMs() - t0) / 1000, 1)} s`);
        out[`flat_fill_commands_per_s_to_${name}`] = Math.round(fill.perSecond);
      }
      const sample = async () => {
        const issues = await sequentialIssue(issue(kiosk), sizes.issueSamples);
        waiting += sizes.issueSamples;
        const calls: number[] = [];
        for (let i = 0; i < sizes.callSamples; i++) {
          const t0 = nowMs();
          await call(counter, "ticket:call_next", { requestId: rid(), counterId });
          calls.push(nowMs() - t0);
          await call(counter, "ticket:complete", { requestId: rid(), counterId, outcome: "selesai" });
        }
        waiting -= sizes.callSamples;
        return { issues, calls };
      };
      const prefix = level === 0 ? "empty_queue" : `${name}_waiting`;
      if (missing > 0) {
        const right = await sample();
        out[`issue_p99_ms_${prefix}_after_fill`] = round(percentile(right.issues, 99));
        out[`call_p99_ms_${prefix}_after_fill`] = round(percentile(right.calls, 99));
      }
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const { issues, calls } = await sample();
      p99[name] = { issue: percentile(issues, 99), call: percentile(calls, 99) };
      out[`issue_p50_ms_${prefix}`] = round(percentile(issues, 50));
      out[`issue_p99_ms_${prefix}`] = round(percentile(issues, 99));
      out[`call_p50_ms_${prefix}`] = round(percentile(calls, 50));
      out[`call_p99_ms_${prefix}`] = round(percentile(calls, 99));
      log(`    ${name}: issue p99 ${round(p99[name].issue)} ms, call_next p99 ${round(p99[name].call)} ms`);
    }
    const empty = p99[levelName(sizes.levels[0]!)]!;
    for (const level of sizes.levels.slice(1)) {
      const name = levelName(level);
      out[`issue_p99_ratio_${name}_waiting`] = round(p99[name]!.issue / empty.issue);
      out[`call_p99_ratio_${name}_waiting`] = round(p99[name]!.call / empty.call);
      const afterFill = out[`issue_p99_ms_${name}_waiting_after_fill`];
      if (typeof afterFill === "number") out[`issue_p99_ratio_${name}_waiting_after_fill`] = round(afterFill / empty.issue);
    }
    for (const s of [kiosk, counter, ...fillers]) s.disconnect();
    out.flat_cost_waiting_at_end = waiting;
    out.hub_flat_cost_peak_rss_mb = round(hub.process.peakRssMb(), 1);
    return out;
  } finally {
    await hub.stop();
  }
}
