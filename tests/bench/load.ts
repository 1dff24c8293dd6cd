/**
 * The client load every server gets, the same for the hub and the bare
 * servers (limit and baseline): one kiosk issuing one after another, 20
 * kiosks in a closed loop, an officer's call fanned out to 200 displays.
 * Every loop is bounded by count; every wait by time.
 */
import type { Socket } from "socket.io-client";
import { call, connect, waitForAll } from "./clients";
import { startProcess } from "./processes";
import type { Results } from "./rounds";
import { nowMs, percentile, round } from "./stats";

export interface LoadSizes {
  sequential: number;
  kiosks: number;
  perKiosk: number;
  displays: number;
  calls: number;
}

export interface LoadSamples {
  seq: number[];
  conc: { samples: number[]; perSecond: number };
  fan: number[];
}

export async function sequentialIssue(send: () => Promise<void>, n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = nowMs();
    await send();
    samples.push(nowMs() - t0);
  }
  return samples;
}

export async function concurrentIssue(senders: (() => Promise<void>)[], perSender: number): Promise<{ samples: number[]; perSecond: number }> {
  const samples: number[] = [];
  const t0 = nowMs();
  await Promise.all(
    senders.map(async (send) => {
      for (let i = 0; i < perSender; i++) {
        const s = nowMs();
        await send();
        samples.push(nowMs() - s);
      }
    }),
  );
  const seconds = (nowMs() - t0) / 1000;
  return { samples, perSecond: samples.length / seconds };
}

/** The figures the servers are compared on, named with `prefix`: ack latencies, throughput, fan-out. */
export function loadFigures(prefix: string, s: LoadSamples): Results {
  return {
    [`${prefix}issue_ack_p50_ms`]: round(percentile(s.seq, 50)),
    [`${prefix}issue_ack_p99_ms`]: round(percentile(s.seq, 99)),
    [`${prefix}issue_ack_p99_ms_20_kiosks`]: round(percentile(s.conc.samples, 99)),
    [`${prefix}durable_commands_per_s`]: Math.round(s.conc.perSecond),
    [`${prefix}fanout_200_displays_p50_ms`]: round(percentile(s.fan, 50)),
    [`${prefix}fanout_200_displays_p99_ms`]: round(percentile(s.fan, 99)),
  };
}

/**
 * Load on a bare server (tests/bench/limit-server.ts, baseline-server.ts):
 * `issue` acks after its insert is durable, `call` is a bare broadcast.
 */
export async function loadBare(entry: string, sizes: LoadSizes, prefix: string): Promise<Results> {
  const server = await startProcess(entry, []);
  const url = `http://127.0.0.1:${server.port}`;
  try {
    const kiosk = await connect(url, {});
    const issue = (s: Socket) => async () => {
      await call(s, "issue", { serviceId: "ktp-el" });
    };
    await sequentialIssue(issue(kiosk), 100);
    const seq = await sequentialIssue(issue(kiosk), sizes.sequential);
    const kiosks = await Promise.all(Array.from({ length: sizes.kiosks }, () => connect(url, {})));
    const conc = await concurrentIssue(kiosks.map(issue), sizes.perKiosk);
    const displays = await Promise.all(Array.from({ length: sizes.displays }, () => connect(url, { role: "display" })));
    const fan: number[] = [];
    for (let i = 0; i < sizes.calls + 5; i++) {
      const number = `A-${i}`;
      const wait = waitForAll(displays, "called", (p) => (p as { number: string }).number === number, 10_000);
      const t0 = nowMs();
      await call(kiosk, "call", { n: i });
      const arrivals = await wait.done;
      if (i >= 5) fan.push(...arrivals.map((t) => t - t0));
    }
    // Only the limit server counts its transactions; the baseline has one per command.
    const stats = await call<{ batches: number; entries: number; largestBatch: number }>(kiosk, "stats", {}).catch(() => null);
    for (const s of [kiosk, ...kiosks, ...displays]) s.disconnect();
    return {
      ...loadFigures(prefix, { seq, conc, fan }),
      ...(stats ? { [`${prefix}commits_per_batch_avg`]: round(stats.entries / Math.max(1, stats.batches), 2), [`${prefix}largest_batch`]: stats.largestBatch } : {}),
      [`${prefix}peak_rss_mb`]: round(server.peakRssMb(), 1),
    };
  } finally {
    await server.stop();
  }
}
