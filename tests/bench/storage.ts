/**
 * Storage benchmark: what a ticket costs on disk, everything included, and
 * how long the documented backup (`pnpm hub backup`: SQLite's online backup
 * API through better-sqlite3) takes for a year of it.
 *
 * It simulates STORAGE_DAYS days of the regency-size office (report-data.ts:
 * ~4,000 tickets per open day) through the real core and store, WITH the
 * idempotency ledger a real hub fills: one row per client command that wrote
 * events, keyed and answered as the hub's engine does (the counter's snapshot
 * from the hub's own Views, the kiosk's IssuedTicket with its print-out), and
 * pruned as the hub's ledger check does: every 30 s of the office's clock, at
 * most 200 answers older than REQUEST_ANSWER_KEEP_MS.
 *
 * - storage_bytes_per_ticket: the database file after a checkpoint, over a
 *   year: what grows with the history (the file minus the ledger's live
 *   answers and the free pages earlier answers left) per ticket, plus those
 *   two spread over a year's tickets (a day or two of answers is all the
 *   ledger holds at any moment, however old the store).
 * - storage_bytes_per_ticket_measured: the file ÷ tickets of the N-day store
 *   itself, where that one day of answers weighs 365/N times more.
 * - storage_<table or index>_bytes_per_ticket: dbstat's bytes per ticket.
 * - backup_year_ms: the backup of the N-day store, scaled by bytes to the
 *   year's file (the backup copies pages: its time goes with the size).
 *
 * `pnpm exec tsx tests/bench/storage.ts` runs it alone and prints JSON;
 * `LAYAN_STORAGE_KEEP=<file>` keeps a copy of the simulated store.
 */
import { createHash, randomUUID } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, toOfficeRules } from "@layan/config";
import { estimateWait, type QueueCommand, type QueueState } from "@layan/core";
import { openStore, REQUEST_ANSWER_KEEP_MS, type CommitEntry, type Store } from "@layan/store";
import { setupFromConfig } from "../../apps/hub/src/config-setup";
import { printableTicket } from "../../apps/hub/src/printing";
import { feedbackSetupOf, simulateOffice, type LedgerWriter } from "../../apps/hub/src/simulate/simulate";
import { Views } from "../../apps/hub/src/views";
import { MILLION, regencyOffice } from "./report-data";

const ROOT = new URL("../../", import.meta.url).pathname;
export const STORAGE_DAYS = Number(process.env.LAYAN_STORAGE_DAYS ?? 21);
const YEAR_DAYS = 365;

/** The hub's payload hash (engine.ts) is a base64url SHA-256: the same 43 characters. */
function payloadHash(command: QueueCommand): string {
  return createHash("sha256").update(JSON.stringify(command)).digest("base64url");
}

/** The hub's ledger check (hub.ts pruneLedger): its period and its page. */
const LEDGER_CHECK_MS = 30_000;
const LEDGER_PRUNE_PER_CHECK = 200;
/**
 * Events per commit: the hub commits a few per event-loop turn; a simulated
 * day in one transaction would keep a day of answers unpruned until it commits.
 */
const BATCH_EVENTS = 200;

function ledgerLikeTheHub(config: ReturnType<typeof regencyOffice>, clock: { now: number }, store: Store): LedgerWriter {
  const setup = setupFromConfig(config, { alwaysOpen: false });
  const views = new Views((id) => id);
  const answerOf = (command: QueueCommand, state: QueueState, now: number, seq: number): { namespace: string; response: unknown } | null => {
    switch (command.type) {
      case "closeServiceDay":
        return null;
      case "issueTicket": {
        const t = state.tickets.get(command.ticketId);
        if (!t) return null;
        const estimate = estimateWait(state, t.segment.serviceId, t.priority, now);
        const base = {
          ticket: { id: t.id, number: t.number, serviceId: t.segment.serviceId, priority: t.priority, issuedAt: t.issuedAt, serviceDay: t.serviceDay },
          peopleAhead: estimate.peopleAhead,
          estimate,
          statusUrl: `https://layan.mpp.example.go.id/t/${t.id}`,
        };
        return { namespace: `kiosk:${command.kioskId ?? "kiosk"}`, response: { ok: true, data: { ...base, printed: false, print: printableTicket(setup, base) } } };
      }
      case "cancel":
      case "reinstate":
        return { namespace: "kiosk:kiosk-lobi", response: { ok: true, data: { number: state.tickets.get(command.ticketId)?.number ?? "" } } };
      default: {
        const counterId = "counterId" in command ? command.counterId : null;
        if (counterId === null) return null;
        // The hub's namespace is the officer's user id (a UUID).
        const officer = state.counters.get(counterId)?.officerId ?? "";
        const namespace = `counter:${createHash("md5").update(officer).digest("hex").replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-")}`;
        return { namespace, response: { ok: true, data: views.counterSnapshot(state, counterId, seq, now) } };
      }
    }
  };
  let checkedAt = Number.NEGATIVE_INFINITY;
  return (command, state, now, seq) => {
    clock.now = now;
    if (now - checkedAt >= LEDGER_CHECK_MS) {
      checkedAt = now;
      store.pruneRequests(now - REQUEST_ANSWER_KEEP_MS, LEDGER_PRUNE_PER_CHECK);
    }
    const answer = answerOf(command, state, now, seq);
    if (!answer) return null;
    const request: NonNullable<CommitEntry["request"]> = {
      id: `${answer.namespace}:${randomUUID()}`,
      namespace: answer.namespace,
      response: answer.response,
      payloadHash: payloadHash(command),
    };
    return request;
  };
}

export interface TableBytes {
  name: string;
  bytes: number;
}

/** Bytes per table and index, from SQLite's dbstat (pages, so free space inside them counts). */
export function bytesByTable(store: Store): TableBytes[] {
  return store.db
    .prepare<[], TableBytes>("SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC")
    .all();
}

export async function benchStorage(log: (msg: string) => void = () => undefined): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), "layan-bench-storage-"));
  try {
    const path = join(dir, "layan.db");
    const config = regencyOffice(loadConfig(join(ROOT, "kiosk-config")));
    const rules = toOfficeRules(config);
    // The ledger's time stamps are the hub's clock: here the simulated one.
    const clock = { now: 0 };
    const store = openStore(path, { clock: () => clock.now });
    // A generated file, as write.ts: no fsync per batch.
    store.db.pragma("synchronous = OFF");
    const t0 = performance.now();
    const startDay = MILLION.startDay;
    const sim = simulateOffice({
      rules,
      store,
      startDay,
      days: STORAGE_DAYS,
      ticketsPerDay: MILLION.ticketsPerDay,
      seed: MILLION.seed,
      kioskIds: config.devices.kiosks.map((k) => k.id),
      feedback: feedbackSetupOf(config),
      batchEvents: BATCH_EVENTS,
      ledger: ledgerLikeTheHub(config, clock, store),
    });
    log(`  simulated ${sim.tickets.toLocaleString("en")} tickets in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    store.db.pragma("synchronous = FULL");
    store.db.pragma("wal_checkpoint(TRUNCATE)");

    const fileBytes = statSync(path).size;
    const tables = bytesByTable(store);
    const ledgerAnswers = tables.filter((t) => t.name === "requests" || t.name === "sqlite_autoindex_requests_1" || t.name === "requests_at");
    const liveLedgerBytes = ledgerAnswers.reduce((a, t) => a + t.bytes, 0);
    const ledgerRows = (store.db.prepare("SELECT count(*) AS n FROM requests").get() as { n: number }).n;
    // 6 bytes a forgotten id (tombstones.ts).
    const tombstones = (store.db.prepare("SELECT coalesce(sum(length(hashes)), 0) / 6 AS n FROM request_tombstones").get() as { n: number }).n;
    // Pages the pruned answers left: the next day's answers fill them again, so
    // like the live answers they are a constant, not something that grows with the history.
    const freeBytes = Number(store.db.pragma("freelist_count", { simple: true })) * Number(store.db.pragma("page_size", { simple: true }));
    const tickets = sim.tickets;
    const yearTickets = (tickets * YEAR_DAYS) / STORAGE_DAYS;
    const constantBytes = liveLedgerBytes + freeBytes;
    const historyPerTicket = (fileBytes - constantBytes) / tickets;
    const yearPerTicket = historyPerTicket + constantBytes / yearTickets;

    const out = join(dir, "backup.db");
    const b0 = performance.now();
    await store.db.backup(out);
    const backupMs = performance.now() - b0;
    const yearFileBytes = yearPerTicket * yearTickets;
    store.close();
    // For reading the store by hand afterwards (dbstat, EXPLAIN QUERY PLAN).
    const keep = process.env.LAYAN_STORAGE_KEEP;
    if (keep) copyFileSync(path, keep);

    const result: Record<string, number | string> = {
      storage_days: STORAGE_DAYS,
      storage_tickets: tickets,
      storage_events: sim.events,
      storage_ledger_rows_live: ledgerRows,
      storage_ledger_tombstones: tombstones,
      storage_bytes_per_ticket: Math.round(yearPerTicket),
      storage_bytes_per_ticket_measured: Math.round(fileBytes / tickets),
      storage_file_mb: Math.round(fileBytes / 1e5) / 10,
      storage_ledger_live_and_free_mb: Math.round(constantBytes / 1e5) / 10,
      storage_year_file_mb_estimate: Math.round(yearFileBytes / 1e6),
      backup_ms: Math.round(backupMs),
      backup_year_ms: Math.round((backupMs * yearFileBytes) / fileBytes),
    };
    for (const t of tables) {
      if (t.bytes / tickets >= 1) result[`storage_${t.name}_bytes_per_ticket`] = Math.round((t.bytes / tickets) * 10) / 10;
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) {
  const result = await benchStorage((m) => console.error(m));
  console.log(JSON.stringify(result, null, 2));
}
