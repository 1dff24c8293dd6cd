/**
 * Item 24 end to end: the hub serves HTTPS (--tls-cert/--tls-key) and the
 * built counter and display apps work over it in Chromium: the officer's PIN
 * goes over HTTPS, the call over wss, the waiting room shows it. The
 * certificate is a throwaway self-signed one, so Chromium is told to accept
 * it as an office PC with the office CA installed would.
 */
import { rmSync } from "node:fs";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { selfSignedCertificate, type TestCertificate } from "../../apps/hub/src/testing/tls";
import { startTestHub, type TestHub } from "../support/test-hub";
import { hubContext, launchChromium } from "./browser";
import { buildCounterAndDisplay, KioskClient } from "./counter-display.support";
import { CounterPage } from "./page-models/counter";
import { DisplayPage } from "./page-models/display";

const SEEN = { timeout: 5_000, interval: 50 };

let cert: TestCertificate;
let hub: TestHub;
let browser: Browser;
let kiosk: KioskClient;
const contexts: BrowserContext[] = [];

async function newPage() {
  const context = await hubContext(browser, hub, { locale: "id-ID", timezoneId: "Asia/Jakarta" });
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  buildCounterAndDisplay();
  cert = selfSignedCertificate();
  hub = await startTestHub({ tls: { certFile: cert.certFile, keyFile: cert.keyFile } });
  browser = await launchChromium(["--ignore-certificate-errors"]);
  kiosk = await KioskClient.connect(hub.url, hub.kioskToken, cert.cert);
});
afterAll(async () => {
  kiosk?.close();
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
  if (cert) rmSync(cert.dir, { recursive: true, force: true });
});

it("over HTTPS an officer logs in and calls a ticket, and the waiting room shows the call", async () => {
  expect(hub.url).toMatch(/^https:\/\//);
  await kiosk.issue("ktp-el");
  const display = new DisplayPage(await newPage(), hub.url);
  await display.open(hub.displayTokens["display-utama"]!, { sound: false });

  const counter = new CounterPage(await newPage(), hub.url);
  await counter.signInAt("loket-1", hub.user("officer").username, hub.user("officer").secret);
  expect(new URL(counter.page.url()).protocol).toBe("https:");
  expect(await counter.callNext()).toBe("A-001");
  await expect.poll(() => display.currentCall(), SEEN).toMatchObject({ number: "A-001", counterId: "loket-1" });
});
