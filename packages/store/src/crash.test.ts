import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { apply, createState } from "@layan/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dumpReadModels, rebuildReadModels } from "./rebuild";
import { openStore } from "./store";
import type { CrashAck } from "./testing/crash-writer";
import { officeRules } from "./testing/office";

const WRITER = fileURLToPath(new URL("./testing/crash-writer.ts", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const KILL_AFTER_ACKS = 300;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "layan-crash-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  acks: CrashAck[];
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the writer and SIGKILLs it once it has acknowledged `killAfter` commands. */
function runWriterAndKill(dbPath: string, killAfter: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WRITER, dbPath], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
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
      if (acks.length >= killAfter && child.exitCode === null && child.signalCode === null)
        child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("close", (_code, signal) => resolve({ acks, signal, stderr }));
  });
}

describe("crash: SIGKILL in the middle of grouped commits", () => {
  it("every acknowledged seq is on disk with its event and answer; the read models equal a rebuild", async () => {
    const dbPath = join(dir, "layan.db");
    const run = await runWriterAndKill(dbPath, KILL_AFTER_ACKS);
    expect(run.signal, `writer ended by itself: ${run.stderr}`).toBe("SIGKILL");
    expect(run.acks.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    const store = openStore(dbPath);
    try {
      const acked = run.acks.flatMap((a) => a.seqs.map((seq, i) => ({ seq, event: a.events[i] })));
      const maxAcked = Math.max(...acked.map((a) => a.seq));
      expect(store.lastSeq()).toBeGreaterThanOrEqual(maxAcked);
      const stored = new Map(store.eventsAfter(0, store.lastSeq()).map((e) => [e.seq, e.event]));
      for (const { seq, event } of acked) expect(stored.get(seq), `acknowledged seq ${seq}`).toEqual(event);
      for (const a of run.acks) {
        if (a.requestId !== null)
          expect(store.findRequest(a.requestId), a.requestId).toMatchObject({ ok: true });
      }
      // The log has no holes: seqs are 1..lastSeq.
      expect([...stored.keys()]).toEqual(Array.from({ length: store.lastSeq() }, (_, i) => i + 1));

      // Whatever was written after the last ack was written whole, read models included.
      const live = dumpReadModels(store);
      rebuildReadModels(store);
      expect(dumpReadModels(store)).toEqual(live);

      // And the core can replay it.
      const state = createState(officeRules());
      for (const { event } of store.iterateEvents()) apply(state, event);
      expect(state.tickets.size).toBe(live.tickets.length);
    } finally {
      store.close();
    }
  }, 30_000);
});
