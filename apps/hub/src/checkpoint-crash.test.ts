import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { dumpReadModels, openStore, rebuildReadModels } from "@layan/store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CrashAck } from "../../../packages/store/src/testing/crash-writer";

const WRITER = fileURLToPath(new URL("./testing/checkpoint-crash-writer.ts", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "layan-checkpoint-crash-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the writer on `dbPath` and SIGKILLs it once it has acknowledged `killAfter` commands. */
function runWriterAndKill(dbPath: string, killAfter: number): Promise<{ acks: CrashAck[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WRITER, dbPath], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const acks: CrashAck[] = [];
    let buffered = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      // Only complete lines are acknowledgements; a torn last line was never fully sent.
      buffered = lines.pop() ?? "";
      for (const line of lines) acks.push(JSON.parse(line) as CrashAck);
      if (acks.length >= killAfter && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("close", (_code, signal) => resolve({ acks, signal, stderr }));
  });
}

describe("crash: SIGKILL while the checkpoint thread copies the WAL", () => {
  it("keeps every acknowledged command and leaves the database whole, killed at three moments", async () => {
    for (const killAfter of [300, 800, 1_500]) {
      const dbPath = join(dir, `layan-${killAfter}.db`);
      const run = await runWriterAndKill(dbPath, killAfter);
      expect(run.signal, `writer ended by itself: ${run.stderr}`).toBe("SIGKILL");
      const store = openStore(dbPath);
      try {
        expect(store.db.pragma("integrity_check", { simple: true })).toBe("ok");
        const stored = new Map(store.eventsAfter(0, store.lastSeq()).map((e) => [e.seq, e.event]));
        for (const a of run.acks) {
          a.seqs.forEach((seq, i) => expect(stored.get(seq), `acknowledged seq ${seq}`).toEqual(a.events[i]));
          if (a.requestId !== null) expect(store.findRequest(a.requestId), a.requestId).toMatchObject({ ok: true });
        }
        expect([...stored.keys()]).toEqual(Array.from({ length: store.lastSeq() }, (_, i) => i + 1));
        const live = dumpReadModels(store);
        rebuildReadModels(store);
        expect(dumpReadModels(store)).toEqual(live);
      } finally {
        store.close();
      }
    }
  }, 90_000);
});

describe("shutdown with the checkpoint thread", () => {
  it("waits for the thread to close its connection, then closes the store: the WAL is gone", async () => {
    const dbPath = join(dir, "layan.db");
    // Only the command's own work keeps the process up: nothing else may end it before the store is closed.
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ["--import", "tsx", WRITER, dbPath, "200"], { cwd: REPO_ROOT }, (err, out) => {
        if (err) reject(new Error(`the writer failed: ${err.message}`));
        else resolve(out);
      });
    });
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("closed");
    // The last connection to close checkpoints the WAL and removes it.
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
    const store = openStore(dbPath);
    try {
      expect(store.lastSeq()).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  }, 30_000);
});
