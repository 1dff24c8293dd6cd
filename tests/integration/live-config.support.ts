import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@layan/config";
import { setupFromConfig } from "../../apps/hub/src/config-setup";
import { startLiveConfig, type LiveConfig } from "../../apps/hub/src/live-config";
import { startHub, type StartOptions, type TestHubHandle } from "../../apps/hub/src/testing/harness";
import { ROOT } from "../support/test-hub";

export interface LiveOffice {
  hub: TestHubHandle;
  live: LiveConfig;
  /** The office's own copy of the sample kiosk-config. */
  dir: string;
  backups: string;
  /** Reads a file of the config, changes its text, writes it back as an editor would. */
  edit(file: string, change: (text: string) => string): void;
  close(): Promise<void>;
}

/**
 * A real hub (real SQLite, real sockets) on its own copy of the sample
 * office's kiosk-config, with live configuration running on that folder, as
 * main.ts wires it.
 */
export async function liveOffice(options: StartOptions & { watch?: boolean; debounceMs?: number } = {}): Promise<LiveOffice> {
  const root = mkdtempSync(join(tmpdir(), "layan-live-config-"));
  const dir = join(root, "kiosk-config");
  cpSync(join(ROOT, "kiosk-config"), dir, { recursive: true });
  const hub = await startHub({ dbPath: join(root, "layan.db"), ...options });
  const initial = loadConfig(dir);
  const backups = join(root, "config-backups");
  const live = startLiveConfig({
    hub: hub.hub,
    dir,
    initial,
    toSetup: (config) => setupFromConfig(config, { alwaysOpen: options.alwaysOpen ?? true }),
    logger: hub.hub.context.logger,
    backupDir: backups,
    watch: options.watch ?? false,
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
  });
  return {
    hub,
    live,
    dir,
    backups,
    edit(file, change) {
      const path = join(dir, file);
      writeFileSync(path, change(readFileSync(path, "utf8")));
    },
    async close() {
      live.close();
      await hub.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Waits for a condition the hub reaches by itself (a watched save, a new service day); bounded. */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
