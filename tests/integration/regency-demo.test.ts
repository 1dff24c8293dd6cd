/**
 * `pnpm demo:regency`'s pieces end to end on the run's PostgreSQL: two
 * simulated offices of different performance, two days each, real hubs
 * joined to a real central server, shipping; the central league shows both,
 * the better-run office above. A second run resumes: nothing simulated,
 * enrolled or shipped twice.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RegencyLeague } from "@layan/protocol";
import { afterAll, describe, expect, it } from "vitest";
import { openPool, type Pool } from "../../apps/regency/src/index";
import { runDemo, type DemoOptions, type DemoRun } from "../../apps/regency/src/demo/run";
import { freshDatabase } from "../support/postgres";
import { centralEvents, eventually, projectionCurrent } from "../support/regency-server";

const FROM = "2026-11-16";
const TO = "2026-11-17";
const root = mkdtempSync(join(tmpdir(), "layan-regency-demo-"));
let demo: DemoRun | null = null;
let pool: Pool | null = null;

afterAll(async () => {
  await demo?.stop();
  await pool?.end();
  rmSync(root, { recursive: true, force: true });
}, 60_000);

async function league(run: DemoRun): Promise<RegencyLeague> {
  const res = await fetch(`${run.centralUrl}/api/v1/regency/league?from=${FROM}&to=${TO}`, { headers: { authorization: `Bearer ${run.viewerToken}` } });
  const body = (await res.json()) as { ok: boolean; data: RegencyLeague };
  expect(res.status).toBe(200);
  return body.data;
}

async function caughtUp(run: DemoRun): Promise<void> {
  await eventually(async () => (await run.catchUp()).every((r) => r.hubSeq > 0 && r.centralSeq === r.hubSeq), "every office's log at the central server", 180_000);
  await projectionCurrent(pool!, run.offices.map((o) => o.office.id), 180_000);
}

describe("the demo regency (pnpm demo:regency)", () => {
  it("two simulated offices of different performance ship to the central server; the league shows both, and a second run resumes", async () => {
    const database = await freshDatabase();
    pool = openPool(database);
    const lines: string[] = [];
    const options: DemoOptions = { dataDir: root, database, offices: 2, days: 2, port: 0, startDay: FROM, hubNow: "2026-11-18T09:30:00+07:00", say: (l) => lines.push(l) };

    demo = await runDemo(options);
    expect(demo.offices.map((o) => o.office.id)).toEqual(["disdukcapil", "rsud-pendaftaran"]);
    await caughtUp(demo);
    const first = await league(demo);
    expect(first.rows.map((r) => [r.key, r.name, r.agency])).toEqual([
      ["disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Pesawaran", "Disdukcapil"],
      ["rsud-pendaftaran", "RSUD Pesawaran, Loket Pendaftaran", "RSUD"],
    ]);
    const [good, poor] = first.rows;
    expect(good!.served).toBeGreaterThan(100);
    expect(poor!.served).toBeGreaterThan(100);
    expect(good!.waitMet.pct!).toBeGreaterThan(poor!.waitMet.pct!);
    expect(good!.serviceMet.pct!).toBeGreaterThan(poor!.serviceMet.pct!);
    // The demo logins of the regency dashboard: the regency's reads every office, the office manager's their own.
    for (const [login, offices] of [
      [demo.logins.find((l) => l.role === "regency")!, ["disdukcapil", "rsud-pendaftaran"]],
      [demo.logins.find((l) => l.role === "office")!, ["disdukcapil"]],
    ] as const) {
      const session = await fetch(`${demo.centralUrl}/api/v1/regency/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: login.username, password: login.password }),
      });
      expect(session.status).toBe(200);
      const cookie = session.headers.get("set-cookie")!.split(";")[0]!;
      const res = await fetch(`${demo.centralUrl}/api/v1/regency/league?from=${FROM}&to=${TO}`, { headers: { cookie } });
      expect(((await res.json()) as { data: RegencyLeague }).data.rows.map((r) => r.key)).toEqual(offices);
    }
    // The office's own name in its kiosk-config copy: its dashboard and tickets say it.
    expect(readFileSync(join(root, "rsud-pendaftaran", "kiosk-config", "office.yaml"), "utf8")).toMatch(/^name: "RSUD Pesawaran, Loket Pendaftaran"$/m);
    expect(demo.offices.every((o) => o.manager !== null)).toBe(true);
    const firstLogins = demo.logins;
    const events = await Promise.all(demo.offices.map((o) => centralEvents(pool!, o.office.id)));
    const simulated = lines.filter((l) => /simulating/.test(l)).length;
    expect(simulated).toBe(2);
    const store = join(root, "disdukcapil", "data", "layan.db");
    const madeAt = statSync(store).mtimeMs;
    await demo.stop();
    demo = null;

    // The second run: the same offices, credentials and viewer; no new history, nothing doubled centrally.
    lines.length = 0;
    demo = await runDemo(options);
    await caughtUp(demo);
    expect(lines.filter((l) => /simulating/.test(l))).toEqual([]);
    expect(statSync(store).mtimeMs).toBeGreaterThanOrEqual(madeAt);
    const again = await Promise.all(demo.offices.map((o) => centralEvents(pool!, o.office.id)));
    for (const [i, list] of again.entries()) {
      expect(list.slice(0, events[i]!.length)).toEqual(events[i]);
      expect(new Set(list.map((e) => `${e.stream}/${e.seq}`)).size).toBe(list.length);
    }
    expect((await league(demo)).rows.map((r) => r.served)).toEqual(first.rows.map((r) => r.served));
    const offices = await pool.query<{ n: string }>("SELECT count(*) AS n FROM offices");
    expect(Number(offices.rows[0]!.n)).toBe(2);
    expect(demo.logins).toEqual(firstLogins);
  }, 420_000);
});
