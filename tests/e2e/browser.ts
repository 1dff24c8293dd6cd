import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";

/** Debian's Chromium: Playwright cannot download its own browser on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags without which Chromium stalls on this machine's closed network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** A fresh headless Chromium (playwright-core gives every launch a new temporary profile). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

/**
 * A browser context whose clock is the test hub's: Playwright's clock starts at
 * the hub's pinned "now" and runs on, so the screens and the hub agree on the
 * day whatever day the test runs (see tests/support/test-hub.ts).
 */
export async function hubContext(
  browser: Browser,
  hub: { now(): number },
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.clock.install({ time: hub.now() });
  return context;
}

/**
 * A page in a context of its own, set as the office's screens are (Indonesian,
 * office time); the context goes into `contexts` so the suite can close it.
 */
export async function officePage(
  browser: Browser,
  hub: { now(): number },
  contexts: BrowserContext[],
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await hubContext(browser, hub, { locale: "id-ID", timezoneId: "Asia/Jakarta", ...options });
  contexts.push(context);
  return context.newPage();
}
