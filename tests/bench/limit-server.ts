/**
 * The honest limit the hub is measured against, in the same run: a bare
 * socket.io server that stores each `issue` as one row with the hub's
 * durability (WAL, synchronous=FULL) and shares one transaction among all
 * inserts that arrive in one event-loop turn, scheduled exactly as the hub's
 * group committer (packages/store/src/group-commit.ts): commit on
 * setImmediate, at most 1,000 per transaction, each ack only after its
 * commit. `call` is a bare `io.to("displays").emit(...)` of a payload shaped
 * and sized as the hub's call, with no commit before it. No validation, no
 * rules, no read models, no idempotency ledger: what socket.io and SQLite
 * allow on this machine, so a hub figure over it says what the hub's own work
 * costs.
 */
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Server } from "socket.io";

const MAX_BATCH = 1_000;

// LAYAN_LIMIT_DB: a file the caller keeps (the crash test reads it after a SIGKILL).
const kept = process.env.LAYAN_LIMIT_DB;
const dir = kept ? null : mkdtempSync(join(tmpdir(), "layan-limit-"));
const db = new Database(kept ?? join(dir!, "limit.db"));
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.exec("CREATE TABLE tickets (seq INTEGER PRIMARY KEY, service TEXT NOT NULL, at INTEGER NOT NULL, payload TEXT NOT NULL)");
const insert = db.prepare("INSERT INTO tickets (service, at, payload) VALUES (?, ?, ?)");

interface Pending {
  serviceId: string;
  payload: string;
  ack: (answer: unknown) => void;
}

const stats = { batches: 0, entries: 0, largestBatch: 0 };
const writeBatch = db.transaction((batch: Pending[]) => batch.map((p) => Number(insert.run(p.serviceId, Date.now(), p.payload).lastInsertRowid)));
let queue: Pending[] = [];
let scheduled: NodeJS.Immediate | null = null;

function flush(): void {
  scheduled = null;
  while (queue.length > 0) {
    const batch = queue.length <= MAX_BATCH ? queue : queue.slice(0, MAX_BATCH);
    queue = queue.length <= MAX_BATCH ? [] : queue.slice(MAX_BATCH);
    stats.batches += 1;
    stats.entries += batch.length;
    stats.largestBatch = Math.max(stats.largestBatch, batch.length);
    let seqs: number[];
    try {
      seqs = writeBatch(batch);
    } catch (error) {
      // Rolled back as a whole: nobody in the batch may hear it was stored.
      for (const p of batch) p.ack({ ok: false, error: { code: "STORAGE_FAILED", message: String(error) } });
      continue;
    }
    batch.forEach((p, i) => p.ack({ ok: true, data: { seq: seqs[i] } }));
  }
}

const http = createServer();
const io = new Server(http, { serveClient: false });
io.on("connection", (socket) => {
  if (socket.handshake.auth && (socket.handshake.auth as { role?: string }).role === "display") void socket.join("displays");
  socket.on("issue", (payload: { serviceId: string }, ack: (a: unknown) => void) => {
    queue.push({ serviceId: payload.serviceId, payload: JSON.stringify(payload), ack });
    scheduled ??= setImmediate(flush);
  });
  socket.on("call", (payload: { n: number }, ack: (a: unknown) => void) => {
    // The hub's CallView, field for field: the comparison is per byte as well as per socket.
    io.to("displays").emit("called", {
      seq: 100_000 + payload.n,
      at: Date.now(),
      number: `A-${payload.n}`,
      serviceId: "kartu-keluarga",
      counterId: "loket-1",
      counterName: "Loket 1",
      counterNumber: 1,
      recalls: 0,
      priority: false,
    });
    ack({ ok: true });
  });
  socket.on("stats", (_payload: unknown, ack: (a: unknown) => void) => ack({ ok: true, data: stats }));
});
http.listen(0, "127.0.0.1", () => {
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : 0;
  console.log(JSON.stringify({ msg: "listening", port }));
});
process.on("SIGTERM", () => {
  if (scheduled !== null) clearImmediate(scheduled);
  flush();
  void io.close();
  db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
