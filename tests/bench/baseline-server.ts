/**
 * The bare baseline the hub is measured against, in the same run: a socket.io
 * server that acks after one SQLite insert with the same durability (WAL,
 * synchronous=FULL, one transaction per command), and a bare broadcast.
 * No validation, no rules, no read models: the floor, not a competitor.
 * It pays one fsync per command, which the hub's group commit beats by design:
 * the honest comparison is limit-server.ts; this one stays for the old figures.
 */
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Server } from "socket.io";

const dir = mkdtempSync(join(tmpdir(), "layan-baseline-"));
const db = new Database(join(dir, "baseline.db"));
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.exec("CREATE TABLE tickets (seq INTEGER PRIMARY KEY, service TEXT NOT NULL, at INTEGER NOT NULL, payload TEXT NOT NULL)");
const insert = db.prepare("INSERT INTO tickets (service, at, payload) VALUES (?, ?, ?)");

let commands = 0;
const http = createServer();
const io = new Server(http, { serveClient: false });
io.on("connection", (socket) => {
  if (socket.handshake.auth && (socket.handshake.auth as { role?: string }).role === "display") void socket.join("displays");
  socket.on("issue", (payload: { serviceId: string }, ack: (a: unknown) => void) => {
    const info = insert.run(payload.serviceId, Date.now(), JSON.stringify(payload));
    commands += 1;
    ack({ ok: true, data: { seq: Number(info.lastInsertRowid) } });
  });
  socket.on("call", (payload: { n: number }, ack: (a: unknown) => void) => {
    io.to("displays").emit("called", { number: `A-${payload.n}`, counter: "Loket 1" });
    ack({ ok: true });
  });
  socket.on("stats", (_payload: unknown, ack: (a: unknown) => void) =>
    ack({ ok: true, data: { batches: commands, entries: commands, largestBatch: commands > 0 ? 1 : 0 } }),
  );
});
http.listen(0, "127.0.0.1", () => {
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : 0;
  console.log(JSON.stringify({ msg: "listening", port }));
});
process.on("SIGTERM", () => {
  void io.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
