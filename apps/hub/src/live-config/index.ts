/**
 * Configuration that takes effect without a restart. The hub watches its
 * config folder and reloads it with the loader `pnpm config:check` uses; the
 * admin screens call applyConfig(), which writes their edits back to the YAML
 * files first. Either way one function decides what happens:
 * load -> diff against what runs -> classify against the live queue
 * (classify.ts) -> refuse, or apply in one synchronous step, so no command
 * ever sees half a config -> tell kiosks, displays, counters and dashboards.
 */
import { existsSync, watch, type FSWatcher } from "node:fs";
import { join } from "node:path";
import {
  commitConfigWrite,
  diffConfig,
  formatIssue,
  inspectConfig,
  planConfigWrite,
  type ConfigEdit,
  type ConfigIssue,
  type LayanConfig,
} from "@layan/config";
import { fail, type AckError, type ConfigChanged } from "@layan/protocol";
import type { Logger } from "pino";
import type { Hub } from "../hub";
import { namespaceOf } from "../namespaces/common";
import { regroupDisplays } from "../namespaces/display";
import type { HubSetup } from "../setup";
import { classifyChanges, todaysConfig, type ClassifiedChange } from "./classify";
import { staleFiles } from "./versions";

export type { ClassifiedChange } from "./classify";

/** Saves within this long of each other are one reload (an editor writes a file in several steps). */
export const RELOAD_DEBOUNCE_MS = 300;

export interface ChangeReport {
  kind: ClassifiedChange["change"]["kind"];
  /** The service or counter it concerns, when it concerns one. */
  subject: string | null;
  effect: ClassifiedChange["effect"];
  reason: string;
  reasonEn: string;
}

/** What /healthz shows under `config` (and the admin screen later). */
export interface ConfigStatus {
  dir: string;
  /** Configs applied by this hub process: 1 at start. */
  version: number;
  appliedAt: number;
  /** Changes in the files that wait for the next service day. */
  pending: ChangeReport[];
  /** The last reload or apply that was refused, kept until one succeeds. */
  lastRefusal: { at: number; code: "CONFIG_INVALID" | "CONFIG_REFUSED"; lines: string[] } | null;
}

export type ConfigResult =
  | { ok: true; data: { version: number; applied: ChangeReport[]; pending: ChangeReport[]; backup: string | null; files: string[] } }
  | { ok: false; error: AckError & { lines: string[] } };

export interface LiveConfigOptions {
  hub: Hub;
  dir: string;
  /** The config the hub started with. */
  initial: LayanConfig;
  /** The same turn of a config into a HubSetup as at start (options such as --always-open included). */
  toSetup: (config: LayanConfig) => HubSetup;
  logger: Logger;
  /** Where applyConfig keeps the previous versions of the files it writes. */
  backupDir: string;
  /** Watch the folder (default true). */
  watch?: boolean;
  debounceMs?: number;
}

/** What a candidate would do, written nowhere (the admin screen's Periksa). */
export interface ConfigCheck {
  /** Present when the candidate validates. */
  config?: LayanConfig;
  issues: ConfigIssue[];
  warnings: ConfigIssue[];
  changes: ChangeReport[];
}

export interface LiveConfig {
  readonly dir: string;
  readonly backupDir: string;
  /** The candidate validated as a folder and classified against the running queue; nothing is written. */
  check(edits: readonly ConfigEdit[]): ConfigCheck;
  /** A config turned into what the hub would run, as at start (the screen's kiosk preview). */
  setupOf(config: LayanConfig): HubSetup;
  /** Loads the folder as it is on disk and applies it (what the watcher calls). */
  reload(): ConfigResult;
  /** Writes the edits back to the YAML files and applies them; nothing is written when refused. */
  applyConfig(edits: readonly ConfigEdit[], options?: { versions?: Readonly<Record<string, string>> }): ConfigResult;
  status(): ConfigStatus;
  close(): void;
}

function report(c: ClassifiedChange): ChangeReport {
  const subject = "serviceId" in c.change ? c.change.serviceId : "counterId" in c.change ? c.change.counterId : null;
  return { kind: c.change.kind, subject, effect: c.effect, reason: c.reason.id, reasonEn: c.reason.en };
}

function refusal(code: "CONFIG_INVALID" | "CONFIG_REFUSED", lines: string[], issues?: ConfigIssue[]): ConfigResult {
  const base = fail(code, issues?.map((i) => ({ path: `${i.file}:${i.line}${i.path ? ` ${i.path}` : ""}`, message: i.message })));
  return { ok: false, error: { ...base.error, lines } };
}

export function startLiveConfig(options: LiveConfigOptions): LiveConfig {
  const { hub, dir, logger, toSetup } = options;
  const ctx = hub.context;
  const log = logger.child({ part: "live-config" });
  /** What the hub runs today: the files' config, less what waits for the next service day. */
  let running = options.initial;
  let version = 1;
  let appliedAt = hub.engine.now();
  let pending: ChangeReport[] = [];
  let lastRefusal: ConfigStatus["lastRefusal"] = null;

  const refuse = (result: ConfigResult & { ok: false }): ConfigResult => {
    lastRefusal = { at: hub.engine.now(), code: result.error.code as "CONFIG_INVALID" | "CONFIG_REFUSED", lines: result.error.lines };
    log.warn({ code: result.error.code, lines: result.error.lines }, `kiosk-config not applied, the hub keeps the previous one:\n${result.error.lines.join("\n")}`);
    return result;
  };

  /** Classifies `next` against what runs; applies it unless refused. `commit` runs first (the write-back). */
  const consider = (next: LayanConfig, commit: () => string | null, files: string[] = []): ConfigResult => {
    const now = hub.engine.now();
    const classified = classifyChanges(running, diffConfig(running, next), hub.engine.state, now);
    const refused = classified.filter((c) => c.effect === "refused");
    if (refused.length > 0) return refuse(refusal("CONFIG_REFUSED", refused.map((c) => c.reason.id)) as ConfigResult & { ok: false });
    const backup = commit();
    const today = todaysConfig(running, next, classified);
    const applied = classified.filter((c) => c.effect === "now").map(report);
    pending = classified.filter((c) => c.effect === "next_day").map(report);
    lastRefusal = null;
    if (diffConfig(running, today).length > 0) {
      // One synchronous step: between two commands, never inside one.
      const setup = toSetup(today);
      hub.engine.replaceRules(setup.rules);
      Object.assign(ctx.setup, setup);
      running = today;
      version += 1;
      appliedAt = now;
      regroupDisplays(ctx);
      const push: ConfigChanged = { version, at: now };
      namespaceOf(ctx.io, "kiosk").emit("config:changed", push);
      namespaceOf(ctx.io, "display").emit("config:changed", push);
      namespaceOf(ctx.io, "counter").emit("config:changed", push);
      namespaceOf(ctx.io, "dashboard").emit("config:changed", push);
      log.info({ version, applied, pending }, "kiosk-config applied without a restart");
    } else if (pending.length > 0) {
      log.info({ pending }, "kiosk-config changes wait for the next service day");
    }
    return { ok: true, data: { version, applied, pending, backup, files } };
  };

  const reload = (): ConfigResult => {
    const inspection = inspectConfig(dir, { now: hub.engine.now() });
    if (!inspection.config) {
      return refuse(refusal("CONFIG_INVALID", inspection.issues.map(formatIssue), inspection.issues) as ConfigResult & { ok: false });
    }
    return consider(inspection.config, () => null);
  };

  const applyConfig: LiveConfig["applyConfig"] = (edits, applyOptions = {}) => {
    // Checked in the same synchronous step as the write: no other apply can come between.
    const stale = staleFiles(dir, applyOptions.versions ?? {});
    if (stale.length > 0) return { ok: false, error: { ...fail("CONFIG_STALE").error, lines: stale } };
    const plan = planConfigWrite(dir, edits, { now: hub.engine.now() });
    if (!plan.ok) return refuse(refusal("CONFIG_INVALID", plan.issues.map(formatIssue), plan.issues) as ConfigResult & { ok: false });
    const files = plan.files.map((f) => f.file);
    return consider(plan.config, () => commitConfigWrite(plan, { backupDir: options.backupDir, now: hub.engine.now() }).backup, files);
  };

  const check = (edits: readonly ConfigEdit[]): ConfigCheck => {
    const plan = planConfigWrite(dir, edits, { now: hub.engine.now() });
    if (!plan.ok) return { issues: plan.issues, warnings: plan.warnings ?? [], changes: [] };
    const changes = classifyChanges(running, diffConfig(running, plan.config), hub.engine.state, hub.engine.now()).map(report);
    return { config: plan.config, issues: [], warnings: plan.warnings, changes };
  };

  // ---- watching the folder ----
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const schedule = (file: string | null) => {
    // Editors' swap and backup files, and the write-back's own temp files, are no config.
    if (file !== null && (file.startsWith(".") || !/\.ya?ml$/.test(file))) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (closed) return;
      try {
        reload();
      } catch (err) {
        log.error({ err }, "kiosk-config reload failed; the hub keeps the previous one");
      }
      arm();
    }, options.debounceMs ?? RELOAD_DEBOUNCE_MS);
    timer.unref();
  };
  /**
   * The folder and services/ are watched, not the files: an editor that saves
   * by writing a new file and renaming it over the old one replaces the file
   * a file watch would hold. Armed again after each reload, in case services/
   * itself was replaced (a `git checkout`).
   */
  const arm = () => {
    if (closed || options.watch === false) return;
    for (const w of watchers.splice(0)) w.close();
    for (const folder of [dir, join(dir, "services")]) {
      if (!existsSync(folder)) continue;
      try {
        const w = watch(folder, { persistent: false }, (_event, file) => schedule(file === null ? null : String(file)));
        w.on("error", (err) => log.warn({ err, folder }, "kiosk-config folder watch failed; it is armed again at the next reload"));
        watchers.push(w);
      } catch (err) {
        log.warn({ err, folder }, "cannot watch the kiosk-config folder: changes need a restart until it can");
      }
    }
  };
  arm();

  const offDay = hub.onServiceDay(() => {
    // What waited for the next service day, and a change refused while tickets were open, get their turn.
    try {
      reload();
    } catch (err) {
      log.error({ err }, "kiosk-config reload at the new service day failed");
    }
  });

  const live: LiveConfig = {
    dir,
    backupDir: options.backupDir,
    check,
    setupOf: toSetup,
    reload,
    applyConfig,
    status: () => ({ dir, version, appliedAt, pending, lastRefusal }),
    close() {
      closed = true;
      offDay();
      if (timer) clearTimeout(timer);
      for (const w of watchers.splice(0)) w.close();
    },
  };
  ctx.liveConfig = live;
  return live;
}
