/**
 * Issue #6: a short day at the office, end to end. Two browser kiosks printing
 * to two emulated printers, three officers at three counters, two displays
 * with different groups and a manager, driven through priority and regular
 * tickets, calls, a recall, a no-show, a transfer, a paper-out at one kiosk
 * and a hub killed at midday. The test counts what happened itself and ends
 * with the hub's reports agreeing, and with no ticket lost or duplicated.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPrinterEmulator, type PrinterEmulator } from "@layan/printer";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { launchChromium, hubContext } from "./browser";
import { CounterPage } from "./page-models/counter";
import { DashboardPage } from "./page-models/dashboard";
import { DisplayPage } from "./page-models/display";
import { KioskPage } from "./page-models/kiosk";

const SEEN = { timeout: 8_000, interval: 50 };
const RECOVERED = { timeout: 40_000, interval: 200 };

let hub: TestHub;
let browser: Browser;
let lobbyPrinter: PrinterEmulator;
let samsatPrinter: PrinterEmulator;
const printerDir = mkdtempSync(join(tmpdir(), "layan-day-printers-"));

beforeAll(async () => {
  // Vitest sets NODE_ENV=test; Vite would then bundle React's development build.
  execFileSync("pnpm", ["--filter", "@layan/kiosk", "--filter", "@layan/counter", "--filter", "@layan/display", "--filter", "@layan/dashboard", "build"], {
    cwd: ROOT,
    stdio: "pipe",
    env: { ...process.env, NODE_ENV: "production" },
  });
  lobbyPrinter = await startPrinterEmulator({ port: 0, outDir: join(printerDir, "lobi") });
  samsatPrinter = await startPrinterEmulator({ port: 0, outDir: join(printerDir, "samsat"), paper: "58mm" });
  hub = await startTestHub({
    kioskPrinters: {
      "kiosk-lobi": `127.0.0.1:${lobbyPrinter.port}`,
      "kiosk-samsat": `127.0.0.1:${samsatPrinter.port}`,
    },
  });
  browser = await launchChromium(["--autoplay-policy=no-user-gesture-required"]);
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  await lobbyPrinter?.close();
  await samsatPrinter?.close();
  rmSync(printerDir, { recursive: true, force: true });
});

async function page(width: number, height: number): Promise<Page> {
  const context = await hubContext(browser, hub, { viewport: { width, height } });
  return context.newPage();
}

interface Summary {
  issued: number | null;
  served: number;
  outcomes: Record<string, number>;
}

async function todaysTotals(token: string): Promise<Summary> {
  const res = await fetch(`${hub.url}/api/reports/summary?by=all`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { ok: boolean; data: { rows: Summary[] } };
  expect(body.ok).toBe(true);
  const [all] = body.data.rows;
  if (!all) throw new Error("no summary row");
  return all;
}

it("a day at the office: nothing lost, nothing duplicated, the reports agree", async () => {
  const counted = { issued: 0, served: 0, noShow: 0, transferred: 0, printed: 0 };
  const numbers: string[] = [];

  const lobby = new KioskPage(await page(1080, 1920), hub.url);
  await lobby.open(hub.kioskTokens["kiosk-lobi"]!);
  const samsat = new KioskPage(await page(1920, 1080), hub.url);
  await samsat.open(hub.kioskTokens["kiosk-samsat"]!);

  const take = async (kiosk: KioskPage, serviceId: string, priority: "lansia" | null = null) => {
    const n = await kiosk.takeTicket(serviceId, priority);
    numbers.push(n);
    counted.issued++;
    await kiosk.goHome();
    return n;
  };

  // Morning: citizens take numbers at both kiosks.
  expect(await take(lobby, "ktp-el")).toBe("A-001");
  expect(await take(lobby, "ktp-el")).toBe("A-002");
  expect(await take(lobby, "ktp-el", "lansia")).toBe("A-003");
  expect(await take(lobby, "kartu-keluarga")).toBe("B-001");
  expect(await take(samsat, "stnk-tahunan")).toBe("H-001");
  await expect.poll(() => lobbyPrinter.jobs.length, SEEN).toBe(4);
  await expect.poll(() => samsatPrinter.jobs.length, SEEN).toBe(1);
  expect(lobbyPrinter.jobs.at(-1)?.text).toContain("B-001");

  // The Samsat kiosk runs out of paper: it says so and issues nothing.
  samsatPrinter.setState({ paperEnd: true });
  await samsat.openService("stnk-tahunan");
  await samsat.blocker.waitFor();
  expect(await samsat.blocker.textContent()).toContain("Kertas printer habis");
  expect(await samsat.takeButton.isDisabled()).toBe(true);
  samsatPrinter.setState({ paperEnd: false });
  await samsat.blocker.waitFor({ state: "detached", timeout: 15_000 });
  await samsat.goHome();
  expect(await take(samsat, "stnk-tahunan")).toBe("H-002");

  // Officers open three counters; two screens watch.
  const loket1 = new CounterPage(await page(1366, 768), hub.url);
  await loket1.signInAt("loket-1", hub.user("officer", 0).username, hub.user("officer", 0).secret);
  const loket3 = new CounterPage(await page(1366, 768), hub.url);
  await loket3.signInAt("loket-3", hub.user("officer", 1).username, hub.user("officer", 1).secret);
  const loket7 = new CounterPage(await page(1366, 768), hub.url);
  await loket7.signInAt("loket-7", hub.user("officer", 2).username, hub.user("officer", 2).secret);
  const hall = new DisplayPage(await page(1920, 1080), hub.url);
  await hall.open(hub.displayTokens["display-utama"]!, { sound: false });
  const dukcapil = new DisplayPage(await page(1920, 1080), hub.url);
  await dukcapil.open(hub.displayTokens["display-disdukcapil"]!, { sound: false });

  // The elderly citizen goes first (priority lane), on both screens that show loket 1.
  expect(await loket1.callNext()).toBe("A-003");
  await expect.poll(() => hall.currentNumber(), SEEN).toBe("A-003");
  await expect.poll(() => dukcapil.currentNumber(), SEEN).toBe("A-003");
  await loket1.start();
  await loket1.complete();
  counted.served++;

  // A-001 does not come: recalled, then marked no-show.
  expect(await loket1.callNext()).toBe("A-001");
  // Recalls a little apart: the counter app drops a repeat of the same action within 0.7 s (double clicks).
  await loket1.recall();
  await new Promise((r) => setTimeout(r, 800));
  await loket1.recall();
  await loket1.noShow();
  counted.noShow++;

  // A-002 brought papers for another service: transferred, same number.
  expect(await loket1.callNext()).toBe("A-002");
  await loket1.start();
  await loket1.transferTo("kartu-keluarga");
  counted.transferred++;

  // Samsat calls H-001: the main hall shows it, the Disdukcapil screen does not.
  expect(await loket7.callNext()).toBe("H-001");
  await expect.poll(() => hall.currentNumber(), SEEN).toBe("H-001");
  await new Promise((r) => setTimeout(r, 500));
  expect(await dukcapil.currentNumber()).toBe("A-002");
  await loket7.start();
  await loket7.complete();
  counted.served++;

  // Midday: the hub is killed (a power cut) and started again.
  await hub.kill();
  await expect.poll(() => hall.connection(), RECOVERED).toBe("reconnecting");
  await hub.restart();
  for (const screen of [hall, dukcapil]) await expect.poll(() => screen.connection(), RECOVERED).toBe("online");
  for (const counter of [loket1, loket3, loket7]) await expect.poll(() => counter.connection(), RECOVERED).toBe("online");
  // Nothing acknowledged was lost: the waiting counts are what they were.
  await expect.poll(() => loket3.waitingFor("kartu-keluarga"), RECOVERED).toBe(2);

  // Afternoon.
  expect(await loket3.callNext()).toBe("B-001");
  await expect.poll(() => dukcapil.currentNumber(), SEEN).toBe("B-001");
  await loket3.complete();
  counted.served++;
  expect(await loket3.callNext()).toBe("A-002");
  await loket3.start();
  await loket3.complete();
  counted.served++;
  expect(await loket7.callNext()).toBe("H-002");
  await loket7.complete();
  counted.served++;
  expect(await take(lobby, "kartu-keluarga")).toBe("B-002");
  expect(await loket3.callNext()).toBe("B-002");
  await loket3.complete();
  counted.served++;

  // The manager's numbers are the test's own count.
  const manager = await (
    await fetch(`${hub.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(hub.user("manager")),
    })
  ).json() as { data: { token: string } };
  const totals = await todaysTotals(manager.data.token);
  expect(totals.issued).toBe(counted.issued);
  expect(totals.served).toBe(counted.served);
  expect(totals.outcomes.no_show ?? 0).toBe(counted.noShow);
  expect(totals.outcomes.transferred ?? 0).toBe(counted.transferred);

  // ... and on the manager's screen.
  const dashboard = new DashboardPage(await page(1440, 900), hub.url);
  await dashboard.goto();
  await dashboard.loginAs(hub.user("manager").username, hub.user("manager").secret);
  await dashboard.open("laporan");
  await dashboard.settled();
  expect((await dashboard.kpi("kpi-issued")).value).toBe(String(counted.issued));
  expect((await dashboard.kpi("kpi-served")).value).toBe(String(counted.served));
  expect((await dashboard.kpi("kpi-noshow")).value).toBe(String(counted.noShow));

  // No ticket lost or duplicated: every number once, every ticket accounted for.
  expect(new Set(numbers).size).toBe(numbers.length);
  // Pulled out mid-flight again: what is on disk is what was acknowledged.
  await hub.kill();
  const db = new Database(join(hub.dataDir, "layan.db"));
  try {
    const rows = db.prepare("SELECT number, status FROM tickets ORDER BY number").all() as { number: string; status: string }[];
    expect(rows.map((r) => r.number)).toEqual([...numbers].sort());
    expect(rows.filter((r) => r.status === "done")).toHaveLength(counted.served);
    expect(rows.filter((r) => r.status === "no_show").map((r) => r.number)).toEqual(["A-001"]);
    expect(rows.filter((r) => r.status === "waiting" || r.status === "called")).toEqual([]);
  } finally {
    db.close();
  }
});
