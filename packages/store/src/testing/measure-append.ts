/**
 * How long one append takes on a real file with synchronous=FULL (one fsync
 * per transaction): 1 event, and 100 events in one transaction.
 *
 *   pnpm exec tsx packages/store/src/testing/measure-append.ts [dir]
 *
 * Not a test: the numbers depend on the disk. `dir` defaults to the OS temp
 * folder; point it at the data folder's disk to measure what the hub will get.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { QueueEvent } from "@layan/core";
import { openStore, type Store } from "../store";

const ROUNDS_SINGLE = 500;
const ROUNDS_BATCH = 100;

let nextTicket = 1;
function issued(): QueueEvent {
  const n = nextTicket++;
  return {
    type: "ticket.issued",
    at: 1_795_740_900_000 + n * 1_000,
    ticketId: `t${n}`,
    serviceId: "info",
    number: `C-${String(n % 1000).padStart(3, "0")}`,
    sequence: n,
    serviceDay: "2026-11-27",
    priority: null,
    kioskId: "kiosk-1",
  };
}

function time(store: Store, rounds: number, eventsPerAppend: number): number[] {
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const events = Array.from({ length: eventsPerAppend }, issued);
    const t0 = process.hrtime.bigint();
    store.append([
      {
        events,
        request: {
          id: `req-${r}-${eventsPerAppend}-${nextTicket}`,
          namespace: "kiosk",
          response: { ok: true },
        },
      },
    ]);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return ms;
}

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  return `median ${q(0.5).toFixed(3)} ms, p95 ${q(0.95).toFixed(3)} ms, mean ${mean.toFixed(3)} ms (n=${ms.length})`;
}

const base = mkdtempSync(join(process.argv[2] ?? tmpdir(), "layan-measure-"));
try {
  for (const synchronous of ["FULL", "NORMAL"] as const) {
    const store = openStore(join(base, `layan-${synchronous}.db`));
    store.db.pragma(`synchronous = ${synchronous}`);
    time(store, 20, 1); // warm up: page cache, statement caches, WAL file growth
    const one = time(store, ROUNDS_SINGLE, 1);
    const hundred = time(store, ROUNDS_BATCH, 100);
    console.log(`synchronous=${synchronous}`);
    console.log(`  append(1 event):    ${summary(one)}`);
    console.log(
      `  append(100 events): ${summary(hundred)}  -> ${(100 / (hundred.reduce((a, b) => a + b, 0) / hundred.length)).toFixed(0)} events/ms`,
    );
    store.close();
  }
} finally {
  rmSync(base, { recursive: true, force: true });
}
