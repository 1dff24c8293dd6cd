import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { HUB_NODE_FLAGS, HUB_PROCESS_ENV } from "../../apps/hub/src/options";
import { startListening } from "../support/listening";

export interface Spawned {
  child: ChildProcess;
  port: number;
  /** Peak resident memory (VmHWM) in MB, read from /proc while the process lives. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/**
 * Starts an entry point in its own process and waits for its "listening" log
 * line (JSON, with a port): tests/support/listening.ts. Bounded: gives up after 60 s.
 */
export async function startProcess(
  entry: string,
  args: string[],
  env: Record<string, string> = {},
  shippedNodeArgs: readonly string[] = [],
): Promise<Spawned> {
  // LAYAN_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the processes under load.
  const nodeArgs = [...shippedNodeArgs, ...(process.env.LAYAN_BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean)];
  const { child, port } = await startListening(entry, args, { env, nodeArgs });
  return {
    child,
    port,
    peakRssMb: () => peakRss(child.pid),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      }),
  };
}

/** The built hub as it ships: the node flags and malloc settings of the systemd unit and `pnpm start`. */
export function startShippedHub(entry: string, args: string[], env: Record<string, string> = {}): Promise<Spawned> {
  return startProcess(entry, args, { ...HUB_PROCESS_ENV, ...env }, HUB_NODE_FLAGS);
}

function peakRss(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
