/**
 * Changes made in the browser, written back to the YAML files: the files stay
 * the source of truth (an office may keep them in git), so a value is set in
 * place through the `yaml` Document API and every comment, blank line and key
 * order around it is kept.
 *
 * A write is planned first: the edited texts are validated as a whole folder
 * by the same loader as `pnpm config:check`, with the same file:line messages,
 * before a byte is written; a plan that does not validate writes nothing.
 * Committing keeps the previous version of each file in a backup folder, then
 * replaces each file atomically (temp file beside it, fsync, rename, fsync of
 * the folder), so a power cut leaves either the old file or the new one.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from "node:path";
import { Document, isScalar, parseDocument } from "yaml";
import type { ConfigIssue, PathSegment } from "./issues";
import { inspectConfig, type LoadOptions } from "./load";
import type { LayanConfig } from "./types";

/** One file's change: values set (or removed with `value: undefined`) at YAML paths, or the whole new text. */
export type ConfigEdit =
  | { file: string; set: { path: PathSegment[]; value: unknown }[] }
  | { file: string; text: string };

export type WritePlan =
  | {
      ok: true;
      dir: string;
      /** The config as it will load once written. */
      config: LayanConfig;
      files: { file: string; before: string | null; after: string }[];
      /** Advice that does not stop the hub, as `pnpm config:check` prints it after the table. */
      warnings: ConfigIssue[];
    }
  | { ok: false; issues: ConfigIssue[]; warnings?: ConfigIssue[] };

export interface CommitOptions {
  /** Where previous versions go; one folder per write, named by its time (UTC). */
  backupDir: string;
  /** How many writes' backups are kept (the oldest go first). Default BACKUPS_KEPT. */
  keep?: number;
  /** The time of the write, for the backup folder's name. */
  now: number;
}

export const BACKUPS_KEPT = 50;

/** Refuses paths that would leave the config folder or write where the loader never reads. */
function relativeFile(file: string): string {
  const norm = normalize(file).split(sep).join("/");
  if (isAbsolute(file) || norm.startsWith("../") || norm === ".." || !/\.ya?ml$/.test(norm)) {
    throw new Error(`not a YAML file inside the config folder: ${file}`);
  }
  return norm;
}

const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * Values set where they already stand as scalars are spliced into the text at
 * their node's range, so every other byte of the file stays as the office
 * wrote it (folded lines, flow maps, anchors). Anything else (a new key, a
 * list, a removal) goes through the Document API, which keeps comments but
 * prints the file anew.
 */
function applyEdit(before: string | null, edit: ConfigEdit): string {
  if ("text" in edit) return edit.text;
  const text = before ?? "";
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`${edit.file} does not parse: ${doc.errors[0]?.message ?? ""}`);
  const splices: { from: number; to: number; text: string }[] = [];
  for (const { path, value } of edit.set) {
    const node = doc.getIn(path, true);
    // A block scalar's range runs into the line break after it: those are printed anew.
    const block = isScalar(node) && (node.type === "BLOCK_FOLDED" || node.type === "BLOCK_LITERAL");
    if (!isScalar(node) || block || !node.range || value === undefined || (value !== null && typeof value === "object")) {
      splices.length = 0;
      break;
    }
    splices.push({ from: node.range[0], to: node.range[1], text: new Document(value).toString(STRINGIFY).trimEnd() });
  }
  if (splices.length === edit.set.length && splices.length > 0) {
    let out = text;
    for (const s of [...splices].sort((a, b) => b.from - a.from)) out = out.slice(0, s.from) + s.text + out.slice(s.to);
    return out;
  }
  for (const { path, value } of edit.set) {
    if (value === undefined) doc.deleteIn(path);
    else doc.setIn(path, value);
  }
  return doc.toString(STRINGIFY);
}

/**
 * The folder as it would be after the edits, for the loader to check: YAML
 * files copied (edited ones with their new text), everything else (the voice
 * pack, a report logo) linked, so nothing big is copied. Laid out so that
 * file names in messages read as they do for the real folder.
 */
function stagedCopy(dir: string, edited: Map<string, string>, displayRoot: string): { root: string; staged: string } {
  const root = mkdtempSync(join(tmpdir(), "layan-config-check-"));
  const shown = relative(displayRoot, dir);
  const staged = join(root, shown === "" ? "config" : shown);
  const copy = (from: string, to: string, rel: string) => {
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from)) {
      const src = join(from, name);
      const dst = join(to, name);
      const relName = rel === "" ? name : `${rel}/${name}`;
      if (statSync(src).isDirectory()) {
        if (name === "services") copy(src, dst, relName);
        else symlinkSync(src, dst);
      } else if (/\.ya?ml$/.test(name)) {
        writeFileSync(dst, edited.get(relName) ?? readFileSync(src, "utf8"));
      } else symlinkSync(src, dst);
    }
  };
  copy(dir, staged, "");
  for (const [rel, text] of edited) {
    const target = join(staged, rel);
    if (!existsSync(target)) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
  return { root, staged };
}

function displayRootOf(dir: string, options: LoadOptions): string {
  if (options.displayRoot) return options.displayRoot;
  const rel = relative(process.cwd(), dir);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel)) ? process.cwd() : dirname(dir);
}

/** Edits applied in memory and validated as a whole folder; nothing is written. */
export function planConfigWrite(configDir: string, edits: readonly ConfigEdit[], options: LoadOptions = {}): WritePlan {
  const dir = resolve(configDir);
  const files: { file: string; before: string | null; after: string }[] = [];
  const edited = new Map<string, string>();
  for (const edit of edits) {
    let file = edit.file;
    let after: string;
    let before: string | null;
    try {
      file = relativeFile(edit.file);
      const path = join(dir, file);
      before = edited.get(file) ?? (existsSync(path) ? readFileSync(path, "utf8") : null);
      after = applyEdit(before, edit);
    } catch (err) {
      return { ok: false, issues: [{ file, line: 0, path: "", message: (err as Error).message }] };
    }
    edited.set(file, after);
    const known = files.find((f) => f.file === file);
    if (known) known.after = after;
    else files.push({ file, before, after });
  }
  const displayRoot = displayRootOf(dir, options);
  const { root, staged } = stagedCopy(dir, edited, displayRoot);
  try {
    const shown = relative(displayRoot, dir);
    const result = inspectConfig(staged, { ...options, displayRoot: shown === "" ? staged : root });
    if (!result.config) return { ok: false, issues: result.issues, warnings: result.warnings };
    // The voice pack's folder is where the hub serves clips from: the real one, not the staged link.
    const config = result.config.voicePack
      ? { ...result.config, voicePack: { ...result.config.voicePack, dir: join(dir, relative(staged, result.config.voicePack.dir)) } }
      : result.config;
    return { ok: true, dir, config, files: files.filter((f) => f.before !== f.after), warnings: result.warnings };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Temp file in the same folder (rename is atomic only within one file system), fsynced, renamed, folder fsynced. */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  // A leading dot: the loader skips it if the hub reads the folder mid-write.
  const temp = join(dirname(path), `.${process.pid}-${Date.now()}.layan-tmp`);
  const fd = openSync(temp, "w", 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  fsyncPath(dirname(path));
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, "").replace(".", "-");
}

/** Writes a validated plan: backups first, then each file atomically. Returns the backup folder. */
export function commitConfigWrite(plan: Extract<WritePlan, { ok: true }>, options: CommitOptions): { backup: string | null } {
  if (plan.files.length === 0) return { backup: null };
  let backup: string | null = null;
  const previous = plan.files.filter((f) => f.before !== null);
  if (previous.length > 0) {
    backup = join(options.backupDir, stamp(options.now));
    for (let n = 2; existsSync(backup); n++) backup = join(options.backupDir, `${stamp(options.now)}-${n}`);
    for (const f of previous) writeFileAtomic(join(backup, f.file), f.before ?? "");
  }
  for (const f of plan.files) writeFileAtomic(join(plan.dir, f.file), f.after);
  pruneBackups(options.backupDir, options.keep ?? BACKUPS_KEPT);
  return { backup };
}

function pruneBackups(backupDir: string, keep: number): void {
  if (!existsSync(backupDir)) return;
  // The names are UTC stamps: sorted by name is sorted by time.
  const folders = readdirSync(backupDir).filter((n) => /^\d{8}T\d{6}-\d{3}Z(-\d+)?$/.test(n)).sort();
  for (const old of folders.slice(0, Math.max(0, folders.length - keep))) rmSync(join(backupDir, old), { recursive: true, force: true });
}

/** Plan and commit in one: refused (nothing written) when the result would not validate. */
export function writeConfig(
  configDir: string,
  edits: readonly ConfigEdit[],
  options: CommitOptions & LoadOptions,
): { ok: true; config: LayanConfig; files: string[]; backup: string | null } | { ok: false; issues: ConfigIssue[] } {
  const plan = planConfigWrite(configDir, edits, options);
  if (!plan.ok) return plan;
  const { backup } = commitConfigWrite(plan, options);
  return { ok: true, config: plan.config, files: plan.files.map((f) => f.file), backup };
}
