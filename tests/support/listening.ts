/**
 * Starts a Node entry point in its own process (a TypeScript one through
 * tsx), in the repository root, and waits for its JSON "listening" log line
 * with the port. Bounded: gives up after 60 s. The test hub and the
 * benchmarks' servers both start this way.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export const ROOT = new URL("../../", import.meta.url).pathname;

export interface ListeningOptions {
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** Node's own flags, before the entry point. */
  nodeArgs?: string[];
  /** What errors call the process (default: the entry point). */
  name?: string;
}

export function startListening(
  entry: string,
  args: string[],
  options: ListeningOptions = {},
): Promise<{ child: ChildProcess; port: number }> {
  const name = options.name ?? entry;
  const tsx = entry.endsWith(".ts") ? ["--import", "tsx"] : [];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...tsx, entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} did not start in 60 s:\n${stderr}`));
    }, 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${stderr}`));
    });
    createInterface({ input: child.stdout }).on("line", (line) => {
      let msg: { msg?: string; port?: number };
      try {
        msg = JSON.parse(line) as { msg?: string; port?: number };
      } catch {
        return; // not a log line
      }
      if (msg.msg === "listening" && typeof msg.port === "number") {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        resolve({ child, port: msg.port });
      }
    });
  });
}
