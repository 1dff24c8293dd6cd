import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";

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

export async function launchChromium(extraArgs: string[] = []): Promise<Browser & { cleanup(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "layan-chromium-"));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, ...extraArgs],
    headless: true,
  });
  return Object.assign(browser, {
    async cleanup() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  });
}
