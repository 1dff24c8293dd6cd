/**
 * The demo's parts run as the real commands, each in its own process: the
 * central server (`pnpm regency serve`), the simulator (`pnpm simulate`),
 * `pnpm hub regency join` and one hub per office. Nothing of the hub is
 * imported into the regency's code; the demo drives it as an office's IT
 * person would.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";

export const ROOT = resolve(import.meta.dirname, "../../../..");

/** A TypeScript entry point of the repository, run through tsx. */
function spawnTs(entry: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs a command to its end; its stderr lines go to `onLine` as they come (the simulator's progress). */
export function runTs(entry: string, args: string[], options: { env?: Record<string, string>; onLine?: (line: string) => void } = {}): Promise<string> {
  const child = spawnTs(entry, args, options.env ?? {});
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  createInterface({ input: child.stderr! }).on("line", (line) => {
    stderr += `${line}\n`;
    options.onLine?.(line);
  });
  return new Promise((done, fail) => {
    child.once("error", fail);
    child.once("exit", (code) => (code === 0 ? done(stdout) : fail(new Error(`${entry} ${args[0] ?? ""} exited with ${code}:\n${stderr.trim()}`))));
  });
}

export interface Running {
  readonly port: number;
  /** SIGTERM, then waits for the exit (SIGKILL after 15 s: a demo must end when asked). */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once("exit", () => done());
  });
}

/**
 * Starts a server and waits for its JSON "listening" line (hub and central
 * both print it); its output goes to `logFile`. Gives up after 60 s.
 */
export function startServer(name: string, entry: string, args: string[], options: { env?: Record<string, string>; logFile: string }): Promise<Running> {
  const child = spawnTs(entry, args, options.env ?? {});
  const log: WriteStream = createWriteStream(options.logFile, { flags: "a" });
  child.stderr?.pipe(log);
  let tail = "";
  child.stderr?.on("data", (d: Buffer) => (tail = (tail + d.toString()).slice(-4_000)));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`${name} did not start in 60 s (see ${options.logFile})`));
    }, 60_000);
    const early = (code: number | null) => {
      clearTimeout(timer);
      fail(new Error(`${name} exited with ${code} before listening:\n${tail.trim()}`));
    };
    child.once("exit", early);
    createInterface({ input: child.stdout! }).on("line", (line) => {
      log.write(`${line}\n`);
      let msg: { msg?: string; port?: number };
      try {
        msg = JSON.parse(line) as typeof msg;
      } catch {
        return;
      }
      if (msg.msg !== "listening" || typeof msg.port !== "number") return;
      clearTimeout(timer);
      child.off("exit", early);
      const port = msg.port;
      done({
        port,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill("SIGTERM");
          const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
          await exited(child);
          clearTimeout(killer);
          log.end();
        },
      });
    });
  });
}
