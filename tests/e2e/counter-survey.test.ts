/**
 * The counter's screen turned to the citizen (survey.atCounter), end to end:
 * a real hub process with that office setting, the built counter app in
 * Chromium, a ticket issued over a real kiosk socket. The officer serves it,
 * the citizen answers the nine unsur on the officer's screen, and the
 * manager's IKM report counts the answer; a skipped offer records nothing.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { hubContext, launchChromium } from "./browser";
import { buildCounterAndDisplay, KioskClient, signIn, tearDown } from "./counter-display.support";
import { CounterPage } from "./page-models/counter";

const SHOTS = join(ROOT, "docs/screenshots");
const SEEN = { timeout: 10_000, interval: 100 };

let hub: TestHub;
let browser: Browser;
let kiosk: KioskClient;
let configDir: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  buildCounterAndDisplay();
  mkdirSync(SHOTS, { recursive: true });
  configDir = mkdtempSync(join(tmpdir(), "layan-counter-survey-config-"));
  cpSync(join(ROOT, "kiosk-config"), configDir, { recursive: true });
  const office = join(configDir, "office.yaml");
  const yaml = readFileSync(office, "utf8");
  if (!/atCounter: false/.test(yaml))
    throw new Error("the sample office.yaml no longer says survey.atCounter: false");
  writeFileSync(office, yaml.replace("atCounter: false", "atCounter: true"));
  hub = await startTestHub({ configDir });
  browser = await launchChromium();
  kiosk = await KioskClient.connect(hub.url, hub.kioskToken);
});

afterAll(async () => {
  await tearDown({ kiosk, contexts, browser, hub });
  rmSync(configDir, { recursive: true, force: true });
});

async function respondents(): Promise<number> {
  const { username, secret } = hub.user("manager");
  const token = await signIn(hub.url, username, secret);
  const res = await fetch(`${hub.url}/api/reports/ikm?by=all`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as {
    ok: boolean;
    data: { total: { respondents: number; ikm: number | null } };
  };
  expect(body.ok).toBe(true);
  return body.data.total.respondents;
}

describe("counter: the survey on the screen turned to the citizen", () => {
  it("offers the survey after a served ticket, records the citizen's answers once, and records nothing when skipped", async () => {
    await kiosk.issue("ktp-el");
    await kiosk.issue("ktp-el");
    const context = await hubContext(browser, hub, { viewport: { width: 1366, height: 768 } });
    contexts.push(context);
    const page = await context.newPage();
    const counter = new CounterPage(page, hub.url);
    const officer = hub.user("officer");
    await counter.signInAt("loket-1", officer.username, officer.secret);

    const first = await counter.callNext();
    await counter.start();
    await counter.complete();
    await expect.poll(() => counter.surveyOffer.textContent(), SEEN).toContain(first);
    expect(await respondents()).toBe(0);

    // The officer's keys stay off while the citizen holds the screen: "P" would call the next ticket.
    await counter.surveyOffer.getByRole("button", { name: "Tawarkan survei ke warga" }).click();
    await counter.survey.waitFor();
    await page.keyboard.press("p");
    const send = counter.survey.getByRole("button", { name: /^Kirim/ });
    await expect.poll(() => send.textContent(), SEEN).toBe("Kirim (9 pertanyaan belum dijawab)");
    expect(await send.isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, "counter-survey.png"), fullPage: true });
    await counter.survey.getByRole("button", { name: "Lewati" }).click();
    await counter.survey.waitFor({ state: "detached" });
    // Nothing was called while the citizen held the screen.
    expect(await counter.currentNumber()).toBe("");

    // Skipped: the next ticket's offer comes, this one's answers are never taken.
    const second = await counter.callNext();
    expect(second).not.toBe(first);
    await counter.start();
    await counter.complete();
    await expect.poll(() => counter.surveyOffer.textContent(), SEEN).toContain(second);
    await counter.surveyAnswers([4, 3, 2, 4, 3, 4, 4, 3, 3], "P");
    await counter.survey.waitFor({ state: "detached" });
    await expect.poll(() => counter.surveyOffer.count(), SEEN).toBe(0);
    expect(await respondents()).toBe(1);
  });
});
