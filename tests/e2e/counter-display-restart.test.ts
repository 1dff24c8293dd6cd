/**
 * Issue #4: the hub is killed (SIGKILL, like a power cut) and started again
 * mid-session. The display and the counter reconnect by themselves, show a
 * reconnecting state meanwhile, resync from their last sequence number, and
 * end up showing exactly what the hub holds; nothing already announced is
 * announced again.
 */
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../support/test-hub";
import { launchChromium, hubContext } from "./browser";
import { buildCounterAndDisplay, KioskClient, OfficerClient } from "./counter-display.support";
import { CounterPage } from "./page-models/counter";
import { DisplayPage } from "./page-models/display";

const SEEN = { timeout: 5_000, interval: 50 };
/** socket.io's back-off tops out at 5 s between attempts; a restart takes a few seconds more. */
const RECOVERED = { timeout: 30_000, interval: 100 };

let hub: TestHub;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(width: number, height: number) {
  const context = await hubContext(browser, hub, { viewport: { width, height } });
  contexts.push(context);
  return context.newPage();
}

async function hubSeq(): Promise<number> {
  const res = await fetch(`${hub.url}/healthz`);
  return ((await res.json()) as { seq: number }).seq;
}

beforeAll(async () => {
  buildCounterAndDisplay();
  hub = await startTestHub();
  browser = await launchChromium(["--autoplay-policy=no-user-gesture-required"]);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
});

it("display and counter recover from a hub killed and restarted mid-session", async () => {
  const kiosk = await KioskClient.connect(hub.url, hub.kioskToken);
  for (let i = 0; i < 3; i++) await kiosk.issue("ktp-el");
  kiosk.close();

  const display = new DisplayPage(await newPage(1920, 1080), hub.url);
  await display.open(hub.displayTokens["display-disdukcapil"]!, { sound: false });
  const counter = new CounterPage(await newPage(1366, 768), hub.url);
  await counter.signInAt("loket-1", hub.user("officer").username, hub.user("officer").secret);

  expect(await counter.callNext()).toBe("A-001");
  await expect.poll(() => display.currentNumber(), SEEN).toBe("A-001");
  await expect
    .poll(() => display.spokenTexts(), SEEN)
    .toEqual(["Nomor antrean A satu, silakan menuju loket satu"]);

  await hub.kill();
  await expect.poll(() => display.connection(), RECOVERED).toBe("reconnecting");
  await expect.poll(() => counter.connection(), RECOVERED).toBe("reconnecting");
  await counter.page.getByTestId("offline-banner").waitFor();
  expect(await counter.button("callNext").isDisabled()).toBe(true);
  expect(await counter.workspace.getAttribute("class")).toContain("app--work");
  // Left without the hub, the big number is dimmed rather than passed off as current.
  await expect
    .poll(() => display.currentCallPanel.getAttribute("data-stale"), { timeout: 25_000, interval: 200 })
    .toBe("true");

  await hub.restart();
  // Another officer calls as soon as the hub is back: the display gets it live
  // or through its resync, whichever comes first; either way it becomes current.
  const otherLogin = hub.user("officer", 1);
  const other = await OfficerClient.login(hub.url, otherLogin.username, otherLogin.secret);
  try {
    await other.open("loket-2");
    expect(await other.callNext("loket-2")).toBe("A-002");
  } finally {
    other.close();
  }

  await expect.poll(() => display.connection(), RECOVERED).toBe("online");
  await expect
    .poll(() => display.currentCall(), SEEN)
    .toEqual({ number: "A-002", counterId: "loket-2", counterName: "Loket 2" });
  expect(await display.lastCalls()).toEqual(["A-001"]);
  expect(await display.counterNumber("loket-1")).toBe("A-001");
  await expect.poll(() => display.seq(), SEEN).toBe(await hubSeq());
  // A-001 was announced before the crash and is not announced again.
  const spoken = await display.spokenTexts();
  expect(spoken.filter((t) => t.includes("A satu"))).toHaveLength(1);
  expect(spoken.filter((t) => t.includes("A dua")).length).toBeLessThanOrEqual(1);

  // The counter is back with the ticket still in hand and carries on.
  await expect.poll(() => counter.connection(), RECOVERED).toBe("online");
  expect(await counter.currentNumber()).toBe("A-001");
  expect(await counter.currentStatus()).toBe("called");
  await counter.recall();
  await expect.poll(() => display.currentNumber(), SEEN).toBe("A-001");
  await expect
    .poll(async () => (await display.spokenTexts()).filter((t) => t.includes("A satu")), SEEN)
    .toHaveLength(2);
  await counter.start();
  await counter.complete();
  expect(await counter.currentNumber()).toBe("");
  await expect.poll(() => display.counterNumber("loket-1"), SEEN).toBe("");

  // A reload after the restart keeps the session and the counter.
  await counter.page.reload();
  await counter.page.locator(`[data-testid="workspace"][data-counter-status="open"]`).waitFor();
  expect(await counter.callNext()).toBe("A-003");
  await expect.poll(() => display.currentNumber(), SEEN).toBe("A-003");
});
