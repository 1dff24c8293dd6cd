/**
 * Live configuration in Chromium against a real hub process: a requirement
 * edited in the office's YAML file appears on the kiosk page a citizen is
 * reading, without a hub restart, while an officer at Loket 1 keeps serving.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { hubContext, launchChromium } from "./browser";
import { buildCounterAndDisplay, KioskClient, tearDown } from "./counter-display.support";
import { CounterPage } from "./page-models/counter";
import { buildKiosk, KioskPage } from "./page-models/kiosk";

const OLD = "Fotokopi Kartu Keluarga";
const NEW = "Fotokopi Kartu Keluarga terbaru (dilegalisir)";

let hub: TestHub;
let browser: Browser;
let kiosk: KioskClient;
let configDir: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  buildKiosk(ROOT);
  buildCounterAndDisplay();
  configDir = join(mkdtempSync(join(tmpdir(), "layan-live-config-e2e-")), "kiosk-config");
  cpSync(join(ROOT, "kiosk-config"), configDir, { recursive: true });
  hub = await startTestHub({ configDir });
  browser = await launchChromium();
  kiosk = await KioskClient.connect(hub.url, hub.kioskToken);
});

afterAll(async () => {
  await tearDown({ kiosk, contexts, browser, hub });
  rmSync(join(configDir, ".."), { recursive: true, force: true });
});

async function newPage(width: number, height: number) {
  const context = await hubContext(browser, hub, { viewport: { width, height }, locale: "id-ID", timezoneId: "Asia/Jakarta" });
  contexts.push(context);
  return context.newPage();
}

describe("changing the configuration while the office is open", () => {
  it("a requirement saved in the YAML file appears on the open kiosk page, no restart, while Loket 1 keeps calling", async () => {
    for (let i = 0; i < 3; i++) await kiosk.issue("ktp-el");
    const counter = new CounterPage(await newPage(1366, 768), hub.url);
    await counter.signInAt("loket-1", hub.user("officer").username, hub.user("officer").secret);
    expect(await counter.callNext()).toBe("A-001");
    // Marks this page: a reload of the counter app would lose it.
    await counter.page.evaluate(() => Object.assign(window, { __sameCounterPage: true }));

    const citizen = new KioskPage(await newPage(1080, 1920), hub.url);
    await citizen.open(hub.kioskToken);
    await citizen.openService("ktp-el");
    const requirements = citizen.servicePage.locator(".requirements");
    await requirements.getByText(OLD, { exact: true }).waitFor();

    const before = (await (await fetch(`${hub.url}/healthz`)).json()) as { uptimeMs: number; config: { version: number } };
    const file = join(configDir, "services/ktp-el.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(`  - text: ${OLD}\n`, `  - text: ${NEW}\n`));

    // Where the citizen is reading, without a tap.
    await requirements.getByText(NEW, { exact: true }).waitFor({ timeout: 15_000 });
    await expect(requirements.getByText(OLD, { exact: true }).count()).resolves.toBe(0);
    const after = (await (await fetch(`${hub.url}/healthz`)).json()) as { uptimeMs: number; config: { version: number; lastRefusal: unknown } };
    expect(after.config.version).toBe(before.config.version + 1);
    expect(after.config.lastRefusal).toBeNull();
    // The same hub process: its uptime went on.
    expect(after.uptimeMs).toBeGreaterThan(before.uptimeMs);

    // The officer never noticed: same page, same ticket in hand, and the next call follows on.
    expect(await counter.currentNumber()).toBe("A-001");
    await counter.start();
    await counter.complete();
    expect(await counter.callNext()).toBe("A-002");
    await expect(counter.page.evaluate(() => (window as unknown as { __sameCounterPage?: boolean }).__sameCounterPage)).resolves.toBe(true);

    // A citizen who comes to the page afresh reads the new list too.
    await citizen.goHome();
    await citizen.openService("ktp-el");
    await requirements.getByText(NEW, { exact: true }).waitFor();
  });

  it("an invalid save is refused with its file:line; kiosk and counter go on with the config they had", async () => {
    const file = join(configDir, "services/ktp-el.yaml");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace(/^prefix: A$/m, "prefix: a-1"));
    let lines: string[] = [];
    // Bounded by count (150 × 100 ms), not by reading the clock.
    for (let attempt = 0; lines.length === 0 && attempt < 150; attempt++) {
      const health = (await (await fetch(`${hub.url}/healthz`)).json()) as { config: { lastRefusal: { lines: string[] } | null } };
      lines = health.config.lastRefusal?.lines ?? [];
      if (lines.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(lines).toEqual([expect.stringMatching(/services\/ktp-el\.yaml:4 prefix: /)]);
    expect(await kiosk.issue("ktp-el")).toMatch(/^A-\d{3}$/);
    writeFileSync(file, good);
  });
});
