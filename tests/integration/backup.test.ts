import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { isDeepStrictEqual } from "node:util";
import type { IssuedTicket } from "@layan/protocol";
import { dumpReadModels, openStore, rebuildReadModels } from "@layan/store";
import { afterAll, expect, it } from "vitest";
import { connect, send, rid, startHub } from "../../apps/hub/src/testing/harness";
import { ROOT } from "../support/test-hub";

const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "layan-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("a backup taken while kiosks keep issuing restores every ticket acknowledged before it", async () => {
  const hub = await startHub({ dbPath: join(dir, "layan.db") });
  const kiosks = await Promise.all([0, 1, 2].map(() => connect(hub.url, "/kiosk", hub.tokens.kiosk)));
  const acked: { id: string; number: string; at: number }[] = [];
  let writing = true;
  const load = kiosks.map(async (kiosk, k) => {
    // Bounded: at most 2,000 tickets per kiosk, stops as soon as the backup is done.
    for (let i = 0; writing && i < 2_000; i++) {
      const answer = await send<IssuedTicket>(kiosk, "ticket:issue", { requestId: rid(), serviceId: ["nib-oss", "sppl", "stnk-tahunan"][k]! });
      if (answer.ok) acked.push({ id: answer.data.ticket.id, number: answer.data.ticket.number, at: performance.now() });
    }
  });
  // Wait for tickets, not for time: a loaded machine issues fewer per second.
  const untilAcked = async (n: number) => {
    for (let i = 0; acked.length < n && i < 2_000; i++) await new Promise((r) => setTimeout(r, 5));
  };
  await untilAcked(20);
  const backupStarted = performance.now();
  const out = join(dir, "backup", "layan-backup.db");
  await exec(process.execPath, ["--import", "tsx", "apps/hub/src/cli.ts", "backup", "--data", dir, "--out", out], { cwd: ROOT });
  // Some tickets after the backup too, so the test shows they are not in it by accident.
  await untilAcked(acked.length + 10);
  writing = false;
  await Promise.all(load);
  for (const k of kiosks) k.close();
  await hub.close();

  const before = acked.filter((a) => a.at < backupStarted);
  expect(before.length).toBeGreaterThan(10);
  expect(acked.length).toBeGreaterThan(before.length);

  const restored = openStore(out);
  try {
    expect(restored.db.pragma("integrity_check", { simple: true })).toBe("ok");
    for (const a of before) expect(restored.ticketById(a.id)?.number).toBe(a.number);
    // Consistent: the read models are exactly what the backed-up event log says.
    const live = dumpReadModels(restored);
    rebuildReadModels(restored);
    expect(isDeepStrictEqual(live, dumpReadModels(restored))).toBe(true);
    expect(restored.lastSeq()).toBeGreaterThanOrEqual(before.length);
  } finally {
    restored.close();
  }
});
