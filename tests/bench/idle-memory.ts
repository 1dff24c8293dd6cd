/**
 * The built hub at rest: `node apps/hub/dist/main.js` with the sample office
 * (kiosk-config/) and a fresh data folder, without `--demo` (demo seeding
 * hashes several PINs with scrypt, whose blocks glibc keeps: it would count
 * seeding, not the hub), no clients. The figure is VmRSS once start-up has
 * settled: sampled every 250 ms until it moved less than 0.25 MB over 2 s,
 * or 10 s after start at most.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startShippedHub } from "./processes";
import type { Results } from "./rounds";
import { round } from "./stats";

export function rssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function benchIdleMemory(entry: string): Promise<Results> {
  const data = mkdtempSync(join(tmpdir(), "layan-idle-"));
  const hub = await startShippedHub(entry, ["--port", "0", "--host", "127.0.0.1", "--data", data, "--log-level", "warn"]);
  try {
    const started = performance.now();
    const window: number[] = [];
    let settled = false;
    while (performance.now() - started < 10_000) {
      window.push(rssMb(hub.child.pid));
      if (window.length > 8) window.shift();
      if (window.length === 8 && Math.max(...window) - Math.min(...window) < 0.25) {
        settled = true;
        break;
      }
      await sleep(250);
    }
    return {
      hub_idle_rss_mb: round(window[window.length - 1] ?? Number.NaN, 1),
      hub_idle_settle_s: settled ? round((performance.now() - started) / 1000, 1) : "not settled in 10 s",
      hub_idle_peak_rss_mb: round(hub.peakRssMb(), 1),
    };
  } finally {
    await hub.stop();
    rmSync(data, { recursive: true, force: true });
  }
}
