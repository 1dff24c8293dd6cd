/**
 * What `pnpm start` and the hub itself check before starting anything: a
 * readable, valid kiosk-config and a writable data folder. A failure is one
 * clear sentence and a non-zero exit, with nothing half-started.
 */
import { accessSync, constants, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError, loadConfig, type LayanConfig } from "@layan/config";

export function die(message: string): never {
  process.stderr.write(`layan: ${message}\n`);
  process.exit(1);
}

/** `refused` says what did not happen, e.g. "hub tidak dijalankan". */
export function loadOfficeConfig(dir: string, refused: string): LayanConfig {
  try {
    return loadConfig(dir);
  } catch (err) {
    if (err instanceof ConfigError) die(`konfigurasi tidak valid (invalid kiosk-config), ${refused}:\n${err.message}`);
    die(`cannot read kiosk-config at ${dir}: ${(err as Error).message}`);
  }
}

export function writableDataDir(path: string): string {
  const dir = resolve(path);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch {
    die(`data folder ${dir} is not writable (folder data tidak bisa ditulisi)`);
  }
  return dir;
}
