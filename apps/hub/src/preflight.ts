/**
 * What `pnpm start` and the hub itself check before starting anything: a
 * readable, valid kiosk-config, a writable data folder and, when TLS is on,
 * a certificate and key that belong together. A failure is one
 * clear sentence and a non-zero exit, with nothing half-started.
 */
import { accessSync, constants, mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createSecureContext } from "node:tls";
import { ConfigError, formatIssue, loadConfigWithWarnings, type ConfigIssue, type LayanConfig } from "@layan/config";

export function die(message: string): never {
  process.stderr.write(`layan: ${message}\n`);
  process.exit(1);
}

/**
 * `refused` says what did not happen, e.g. "hub tidak dijalankan". With `now`,
 * what the config check only warns about (a holiday list running out) is
 * handed to `warn`, so the hub's log says it every start, not just `config:check`.
 */
export function loadOfficeConfig(
  dir: string,
  refused: string,
  now?: number,
  warn: (issue: ConfigIssue, text: string) => void = () => undefined,
): LayanConfig {
  try {
    const { config, warnings } = loadConfigWithWarnings(dir, now === undefined ? {} : { now });
    for (const w of warnings) warn(w, formatIssue(w));
    return config;
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

/**
 * Reads the hub's certificate and key and checks they belong together, so a
 * wrong file is one sentence at start-up rather than a hub that cannot
 * answer a single browser.
 */
export function readTlsFiles(tls: { certFile: string; keyFile: string }): { cert: Buffer; key: Buffer } {
  const read = (file: string, what: string): Buffer => {
    try {
      return readFileSync(resolve(file));
    } catch (err) {
      die(`cannot read the TLS ${what} ${file} (berkas TLS tidak bisa dibaca): ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  };
  const cert = read(tls.certFile, "certificate");
  const key = read(tls.keyFile, "key");
  try {
    createSecureContext({ cert, key });
  } catch (err) {
    die(`the TLS key ${tls.keyFile} does not fit the certificate ${tls.certFile} (sertifikat dan kunci TLS tidak cocok): ${(err as Error).message}`);
  }
  return { cert, key };
}
