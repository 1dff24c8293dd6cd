import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

const ROOT = new URL("../../", import.meta.url).pathname;

export interface Spawned {
  child: ChildProcess;
  port: number;
  /** Peak resident memory (VmHWM) in MB, read from /proc while the process lives. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/**
 * Starts a TypeScript entry point in its own process and waits for its
 * "listening" log line (JSON, with a port). Bounded: gives up after 60 s.
 */
export function startProcess(entry: string, args: string[], env: Record<string, string> = {}): Promise<Spawned> {
  const isTs = entry.endsWith(".ts");
  // LAYAN_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the processes under load.
  const nodeArgs = (process.env.LAYAN_BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...(isTs ? ["--import", "tsx"] : []), entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${entry} did not start in 60 s\n${stderr}`));
    }, 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}\n${stderr}`));
    });
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      let msg: { msg?: string; port?: number };
      try {
        msg = JSON.parse(line) as { msg?: string; port?: number };
      } catch {
        return;
      }
      if (msg.msg === "listening" && typeof msg.port === "number") {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        const port = msg.port;
        resolve({
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
        });
      }
    });
  });
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
