/**
 * The hub under the same client load as the bare servers (load.ts), through
 * its real namespaces: /kiosk `ticket:issue`, /counter `ticket:call_next`,
 * /display `ticket:called`.
 */
import type { Socket } from "socket.io-client";
import { call, connect, login, rid, waitForAll } from "./clients";
import { counterServing, healthz, role, servicesWithoutQuota, startDemoHub } from "./hub-process";
import { concurrentIssue, loadFigures, sequentialIssue, type LoadSizes } from "./load";
import type { Results } from "./rounds";
import { nowMs, round } from "./stats";

export async function loadHub(entry: string, sizes: LoadSizes, log: (msg: string) => void): Promise<Results> {
  const hub = await startDemoHub(entry);
  const { base, creds } = hub;
  try {
    const memory = async (phase: string) => {
      const h = await healthz<{ memoryMb: unknown }>(base);
      log(`    ${phase}: ${JSON.stringify(h.memoryMb)} peak ${round(hub.process.peakRssMb(), 1)} MB`);
    };
    await memory("started");
    const kioskToken = creds.kiosks[0]!.token;
    const kiosk = await connect(`${base}/kiosk`, { token: kioskToken });
    const open = await servicesWithoutQuota(kiosk);
    let n = 0;
    const issue = (s: Socket) => async () => {
      await call(s, "ticket:issue", { requestId: rid(), serviceId: open[n++ % open.length]!, priority: null });
    };

    await sequentialIssue(issue(kiosk), 100);
    const seq = await sequentialIssue(issue(kiosk), sizes.sequential);
    const kiosks = await Promise.all(Array.from({ length: sizes.kiosks }, () => connect(`${base}/kiosk`, { token: kioskToken })));
    const conc = await concurrentIssue(kiosks.map(issue), sizes.perKiosk);
    await memory("after concurrent issue");

    const officer = role(creds, "officer");
    const counter = await connect(`${base}/counter`, { token: await login(base, officer.username, officer.secret) });
    const { counterId, serviceId } = await counterServing(counter, open);
    await call(counter, "counter:open", { requestId: rid(), counterId });
    for (let i = 0; i < sizes.calls + 5; i++) await call(kiosk, "ticket:issue", { requestId: rid(), serviceId, priority: null });
    const displayToken = creds.displays[0]!.token;
    const displays = await Promise.all(Array.from({ length: sizes.displays }, () => connect(`${base}/display`, { token: displayToken })));
    const fan: number[] = [];
    for (let i = 0; i < sizes.calls + 5; i++) {
      const wait = waitForAll(displays, "ticket:called", (p) => (p as { counterId: string }).counterId === counterId, 10_000);
      const t0 = nowMs();
      await call(counter, "ticket:call_next", { requestId: rid(), counterId });
      const arrivals = await wait.done;
      if (i >= 5) fan.push(...arrivals.map((t) => t - t0));
      await call(counter, "ticket:complete", { requestId: rid(), counterId, outcome: "selesai" });
    }
    await memory("after fan-out");
    for (const s of [kiosk, counter, ...kiosks, ...displays]) s.disconnect();
    const health = await healthz<{ commits: { batches: number; entries: number; largestBatch: number } | null }>(base);
    return {
      commits_per_batch_avg: health.commits ? round(health.commits.entries / Math.max(1, health.commits.batches), 2) : "n/a",
      largest_batch: health.commits?.largestBatch ?? "n/a",
      ...loadFigures("", { seq, conc, fan }),
      hub_load_peak_rss_mb: round(hub.process.peakRssMb(), 1),
    };
  } finally {
    await hub.stop();
  }
}
