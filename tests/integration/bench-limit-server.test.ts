/**
 * The bench's honest limit (tests/bench/limit-server.ts) must be as durable
 * as the hub, or every ratio over it flatters the hub: it acks only after the
 * commit, shares one transaction among what arrived together, and loses no
 * acknowledged insert on SIGKILL.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { call, connect } from "../bench/clients";
import { median, ratio, summarizeRounds } from "../bench/rounds";
import { startListening } from "../support/listening";

const dir = mkdtempSync(join(tmpdir(), "layan-limit-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("acks each issue after its group commit and keeps every acked row through a SIGKILL", async () => {
  const file = join(dir, "limit.db");
  const { child, port } = await startListening("tests/bench/limit-server.ts", [], { env: { LAYAN_LIMIT_DB: file } });
  try {
    const kiosks = await Promise.all(Array.from({ length: 10 }, () => connect(`http://127.0.0.1:${port}`, {})));
    const seqs: number[] = [];
    // Ten kiosks, twenty in flight each: arrivals in one event-loop turn share a transaction.
    await Promise.all(
      kiosks.map(async (k) => {
        for (let round = 0; round < 5; round++) {
          const acks = await Promise.all(Array.from({ length: 20 }, (_, i) => call<{ seq: number }>(k, "issue", { serviceId: "ktp-el", i })));
          seqs.push(...acks.map((a) => a.seq));
        }
      }),
    );
    const stats = await call<{ batches: number; entries: number; largestBatch: number }>(kiosks[0]!, "stats", {});
    expect(stats.entries).toBe(1_000);
    expect(stats.batches).toBeLessThan(stats.entries);
    expect(stats.largestBatch).toBeGreaterThan(1);
    for (const k of kiosks) k.disconnect();
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const db = new Database(file, { readonly: true });
    const stored = new Set((db.prepare("SELECT seq FROM tickets").all() as { seq: number }[]).map((r) => r.seq));
    db.close();
    expect(seqs.filter((s) => !stored.has(s))).toEqual([]);
    expect(new Set(seqs).size).toBe(1_000);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
});

it("reports a figure over rounds as its median with min and max, ratios taken inside each round", () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  const rounds = [
    { hub: 10, limit: 20, r: ratio(10, 20), machine: "a" },
    { hub: 30, limit: 30, r: ratio(30, 30), machine: "b" },
    { hub: 12, limit: 10, r: ratio(12, 10), machine: "c" },
  ];
  expect(summarizeRounds(rounds)).toEqual({
    hub: 12,
    hub_min: 10,
    hub_max: 30,
    limit: 20,
    limit_min: 10,
    limit_max: 30,
    // median(0.5, 1, 1.2): not median(hub) / median(limit) = 0.6
    r: 1,
    r_min: 0.5,
    r_max: 1.2,
    machine: "a",
  });
  expect(summarizeRounds([{ hub: 10 }])).toEqual({ hub: 10 });
  expect(ratio(1, 0)).toBeNaN();
});
