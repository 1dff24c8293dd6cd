/**
 * An office whose hub PC died is restored from the central copy of its
 * events (`pnpm hub restore --from-regency`): the office ships, its data
 * folder is deleted, the log comes back from the central server into a fresh
 * store, the hub's own reports are what they were, and the tickets it issues
 * next ship once, in the stream central opened at the restore.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { loadConfig } from "@layan/config";
import { MAX_HISTORY_PAGE, type HistoryPage, type IkmReport, type RegencyLeague } from "@layan/protocol";
import { openStore } from "@layan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedHash } from "../../apps/hub/src/shipping/index";
import { writeSimulatedStore } from "../../apps/hub/src/simulate/write";
import { login } from "../../apps/hub/src/testing/harness";
import { officeHistory } from "../../apps/regency/src/history";
import { addViewer, eventHash, ingest, openStream, position, type Pool } from "../../apps/regency/src/index";
import { freshDatabase } from "../support/postgres";
import { centralEvents, eventually, hubSeq, issueTickets, joinRegency, projectionCurrent, regencyDatabase, startRegencyProcess, type RegencyProcess } from "../support/regency-server";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";

const exec = promisify(execFile);
const FROM = "2026-11-16";
const TO = "2026-11-18";
const NOW = "2026-11-18T09:30:00+07:00";
const REPORTS = [`summary?by=service&from=${FROM}&to=${TO}`, `summary?by=all&from=${FROM}&to=${TO}`, `steps?from=${FROM}&to=${TO}`, `ikm?by=all&from=${FROM}&to=${TO}`, `complaints?from=${FROM}&to=${TO}`];

const root = mkdtempSync(join(tmpdir(), "layan-office-restore-"));
const dataDir = join(root, "samsat");
let pool: Pool;
let regency: RegencyProcess;
let credentials: Record<string, string>;
let viewer: string;
let hub: TestHub | null = null;

afterAll(async () => {
  await hub?.stop();
  await regency?.stop();
  await pool?.end();
  rmSync(root, { recursive: true, force: true });
}, 120_000);

async function hubReports(h: TestHub): Promise<unknown[]> {
  const token = await login(h.url, h.user("manager"));
  const out: unknown[] = [];
  for (const path of REPORTS) {
    const body = (await (await fetch(`${h.url}/api/reports/${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { ok: boolean; data: unknown };
    expect(body.ok).toBe(true);
    out.push(body.data);
  }
  return out;
}

async function leagueRow(): Promise<RegencyLeague["rows"][number]> {
  const res = await fetch(`${regency.url}/api/v1/regency/league?from=${FROM}&to=${TO}`, { headers: { authorization: `Bearer ${viewer}` } });
  return ((await res.json()) as { data: RegencyLeague }).data.rows.find((r) => r.key === "samsat")!;
}

function restore(credential: string): Promise<{ stdout: string; stderr: string }> {
  return exec(process.execPath, ["--import", "tsx", "apps/hub/src/cli.ts", "restore", "--from-regency", "--url", regency.url, "--credential", credential, "--data", dataDir], { cwd: ROOT });
}

function localLog(): { seq: number; hash: string }[] {
  const store = openStore(join(dataDir, "layan.db"));
  try {
    return [...store.iterateEvents()].map((e) => ({ seq: e.seq, hash: shippedHash(e) }));
  } finally {
    store.close();
  }
}

beforeAll(async () => {
  const database = await freshDatabase();
  ({ pool, credentials } = await regencyDatabase(database, ["samsat", "dinsos", "bapenda"]));
  viewer = (await addViewer(pool, { name: "Inspektorat", officeId: null }, Date.parse(NOW))).token;
  regency = await startRegencyProcess(database);
}, 60_000);

describe("restoring an office from the central copy (pnpm hub restore --from-regency)", () => {
  it("gives a dead hub its log back: same reports, and new tickets ship once in a new stream", async () => {
    // Two simulated days (surveys and complaints with their texts withheld when shipped) and live tickets.
    writeSimulatedStore({ config: loadConfig(join(ROOT, "kiosk-config")), out: join(dataDir, "layan.db"), startDay: FROM, days: 2, ticketsPerDay: 250, seed: 31 });
    joinRegency(dataDir, regency.url, credentials.samsat!);
    hub = await startTestHub({ dataDir, now: NOW });
    expect(await issueTickets(hub, 6, ["ktp-el", "stnk-tahunan"])).toBe(6);
    const shipped = await hubSeq(hub);
    // More than one page of central's history.
    expect(shipped).toBeGreaterThan(MAX_HISTORY_PAGE);
    await eventually(async () => (await centralEvents(pool, "samsat")).length === shipped, `central holds the hub's ${shipped} events`);
    await projectionCurrent(pool, ["samsat"]);
    const before = await hubReports(hub);
    const centralBefore = await leagueRow();
    const logBefore = localLog();
    expect(logBefore).toEqual((await centralEvents(pool, "samsat")).map(({ seq, hash }) => ({ seq, hash })));

    // The PC dies: its data folder is gone.
    await hub.kill();
    hub = null;
    rmSync(dataDir, { recursive: true, force: true });

    const { stdout } = await restore(credentials.samsat!);
    expect(stdout).toMatch(new RegExp(`Restored office "samsat": ${shipped.toLocaleString("en")} events`));
    expect(localLog()).toEqual(logBefore);
    expect(existsSync(join(dataDir, "regency.json"))).toBe(true);
    const { rows: streams } = await pool.query<{ stream: number; base_seq: number; closed: boolean }>(
      "SELECT stream, base_seq, closed_at IS NOT NULL AS closed FROM office_streams WHERE office_id = 'samsat' ORDER BY stream",
    );
    expect(streams).toEqual([
      { stream: 1, base_seq: 0, closed: true },
      { stream: 2, base_seq: shipped, closed: false },
    ]);

    // The restored hub: its reports as they were, the central figures unchanged.
    hub = await startTestHub({ dataDir, now: NOW });
    expect(await hubSeq(hub)).toBe(shipped);
    const restored = await hubReports(hub);
    // The survey profile (never in the log) and the suggestions' text (withheld when shipped) stay lost; every figure is as it was.
    const figures = (reports: unknown[]) => reports.map((r) => (typeof r === "object" && r !== null && "profile" in r ? { ...r, profile: null, suggestions: null } : r));
    expect(figures(restored)).toEqual(figures(before));
    const ikm = restored[3] as IkmReport;
    expect(ikm.profile.flatMap((p) => p.counts).every((c) => c.count === 0)).toBe(true);
    expect(ikm.suggestions).toEqual([]);
    expect((before[3] as IkmReport).total.respondents).toBeGreaterThan(0);
    expect(await leagueRow()).toEqual(centralBefore);

    // New tickets ship once, after the restored seq, in stream 2.
    expect(await issueTickets(hub, 4, ["ktp-el"])).toBe(4);
    const after = await hubSeq(hub);
    await eventually(async () => (await centralEvents(pool, "samsat")).length === after, `central holds the restored hub's ${after} events`);
    await projectionCurrent(pool, ["samsat"]);
    const central = await centralEvents(pool, "samsat");
    expect(central.filter((e) => e.stream === 1).map((e) => e.seq)).toEqual(logBefore.map((e) => e.seq));
    expect(central.filter((e) => e.stream === 2).map((e) => e.seq)).toEqual(Array.from({ length: after - shipped }, (_, i) => shipped + 1 + i));
    const row = await leagueRow();
    expect(row.issued).toBe(centralBefore.issued! + 4);
    expect(await hubReports(hub).then((r) => (r[1] as { rows: { issued: number }[] }).rows[0]!.issued)).toBe(row.issued);
  }, 300_000);

  it("reads the credential's own office only, refuses a folder that still has a store, and a wrong credential", async () => {
    const other = await fetch(`${regency.url}/api/v1/ingest/history?after=0`, { headers: { authorization: `Bearer ${credentials.dinsos}` } });
    const page = ((await other.json()) as { data: HistoryPage }).data;
    expect(page).toMatchObject({ office: "dinsos", lastSeq: 0, events: [], nextAfter: null });
    const wrong = await fetch(`${regency.url}/api/v1/ingest/history?after=0`, { headers: { authorization: "Bearer 0123456789abcdef.0123456789abcdef0123456789abcdef0123" } });
    expect(wrong.status).toBe(401);
    const bad = await fetch(`${regency.url}/api/v1/ingest/history?after=-1&limit=99999`, { headers: { authorization: `Bearer ${credentials.samsat}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "INVALID_PAYLOAD" });
    // Paged: small pages give the same events, consecutively.
    const small = ((await (await fetch(`${regency.url}/api/v1/ingest/history?after=10&limit=3`, { headers: { authorization: `Bearer ${credentials.samsat}` } })).json()) as { data: HistoryPage }).data;
    expect(small.events.map((e) => e.seq)).toEqual([11, 12, 13]);
    expect(small.nextAfter).toBe(13);
    // The restored hub's folder has its store: a second restore would overwrite what central may not have.
    await expect(restore(credentials.samsat!)).rejects.toThrow(/exists: a restore writes a fresh store/);
    // An office with nothing at the central server has nothing to restore.
    rmSync(join(root, "empty"), { recursive: true, force: true });
    await expect(
      exec(process.execPath, ["--import", "tsx", "apps/hub/src/cli.ts", "restore", "--from-regency", "--url", regency.url, "--credential", credentials.dinsos!, "--data", join(root, "empty")], { cwd: ROOT }),
    ).rejects.toThrow(/holds no events/);
  }, 120_000);

  it("pages an office's history in the open stream's view across streams (an earlier restore from a backup)", async () => {
    const at = Date.parse(NOW);
    const event = (seq: number, stream: number) => ({ type: "demo.marker", at: at + seq, n: seq, stream });
    const batch = async (stream: number, from: number, to: number, prev: { seq: number; stream: number } | null) => {
      const events = Array.from({ length: to - from + 1 }, (_, i) => ({ seq: from + i, event: event(from + i, stream) }));
      const prevHash = prev ? eventHash(prev.seq, event(prev.seq, prev.stream)).toString("hex") : null;
      await ingest(pool, "bapenda", { stream, firstSeq: from, lastSeq: to, prevHash, events }, at);
    };
    await position(pool, "bapenda", at);
    await batch(1, 1, 10, null);
    // A hub restored from a backup at seq 6: stream 2 holds 7.. with other content; stream 1's 7..10 are kept but are not the office's history any more.
    await openStream(pool, "bapenda", { fromStream: 1, baseSeq: 6 }, at);
    await batch(2, 7, 12, { seq: 6, stream: 1 });
    const seen: { seq: number; stream: number; hash: string }[] = [];
    for (let after = 0; ; ) {
      const page = await officeHistory(pool, "bapenda", after, 4);
      expect(page).toMatchObject({ office: "bapenda", stream: 2, lastSeq: 12 });
      seen.push(...page.events.map((e) => ({ seq: e.seq, stream: Number(e.event.stream), hash: e.hash })));
      if (page.nextAfter === null) break;
      after = page.nextAfter;
    }
    expect(seen.map((e) => [e.seq, e.stream])).toEqual([...[1, 2, 3, 4, 5, 6].map((q) => [q, 1]), ...[7, 8, 9, 10, 11, 12].map((q) => [q, 2])]);
    expect(seen.every((e) => e.hash === eventHash(e.seq, event(e.seq, e.stream)).toString("hex"))).toBe(true);
  });
});
