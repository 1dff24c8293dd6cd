/**
 * A config file's version is the sha256 of its bytes, not a counter the hub
 * keeps: an edit made on disk (an editor, a `git pull`) moves it as surely as
 * an apply from the browser, so a browser that read the old text cannot
 * overwrite either.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** What a file that does not exist yet reads as (a new service file). */
export const ABSENT = "absent";

export function textVersion(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function fileVersion(dir: string, file: string): string {
  const path = join(dir, file);
  return existsSync(path) ? textVersion(readFileSync(path, "utf8")) : ABSENT;
}

/** The files whose version is no longer the one given. */
export function staleFiles(dir: string, versions: Readonly<Record<string, string>>): string[] {
  return Object.entries(versions)
    .filter(([file, version]) => fileVersion(dir, file) !== version)
    .map(([file]) => file)
    .sort();
}

/** The YAML files the loader reads: the folder's own and services/, relative names, sorted. */
export function configFiles(dir: string): string[] {
  const out: string[] = [];
  const list = (folder: string, prefix: string) => {
    if (!existsSync(folder)) return;
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith(".")) continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        if (prefix === "" && name === "services") list(path, "services/");
      } else if (/\.ya?ml$/.test(name)) out.push(`${prefix}${name}`);
    }
  };
  list(dir, "");
  return out;
}
