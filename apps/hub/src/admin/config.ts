/**
 * The configuration screen's routes (docs/api.md "Configuration"), over live
 * configuration (../live-config): admins only (mayEditConfig), a session
 * token in the Authorization header, JSON bodies checked by the schemas of
 * packages/protocol/src/admin-config.ts.
 *   GET  /api/admin/config                 files, services with their Standar Pelayanan, status
 *   GET  /api/admin/config/file?name=…     one file's text and version
 *   POST /api/admin/config/check           a candidate's config:check lines and classification; writes nothing
 *   POST /api/admin/config/apply           writes and applies; 409 CONFIG_STALE when a file moved since read
 *   GET  /api/admin/config/backups         the kept previous versions
 *   POST /api/admin/config/restore         a backup applied through the same path as an edit
 *   POST /api/admin/config/preview         a valid candidate kept for the kiosk preview; answers its id
 *   GET  /api/config-preview/<id>          that candidate's kiosk catalog, no token (config-preview.ts)
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ServerResponse } from "node:http";
import { formatIssue, type ConfigEdit } from "@layan/config";
import {
  ApplyConfigSchema,
  CheckConfigSchema,
  ConfigFileQuerySchema,
  PreviewConfigSchema,
  RestoreConfigSchema,
  mayEditConfig,
  type ConfigApplyResult,
  type ConfigBackupEntry,
  type ConfigCheckResult,
  type ConfigFileView,
  type ConfigOverview,
  type ConfigPreview,
  type ErrorCode,
} from "@layan/protocol";
import type { AuditActor, Store } from "@layan/store";
import type { HubContext } from "../context";
import { bodyReader, issuesOf, refuser, staffCaller } from "./route-kit";
import { sendJson, type Route } from "../http";
import type { ConfigResult, LiveConfig } from "../live-config";
import { configFiles, fileVersion, textVersion } from "../live-config/versions";
import { PREVIEW_TTL_MS, previewStore } from "./config-preview";
import { configServices, fileDetails, statusView } from "./config-view";

/** Whole YAML files travel in these bodies; the rest of the API keeps its small limit. */
const MAX_CONFIG_BODY = 512 * 1024;

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_PAYLOAD: 400,
  UNAUTHORIZED: 401,
  ADMIN_FORBIDDEN: 403,
  CONFIG_FILE_NOT_FOUND: 404,
  CONFIG_BACKUP_NOT_FOUND: 404,
  CONFIG_PREVIEW_NOT_FOUND: 404,
  CONFIG_STALE: 409,
  CONFIG_REFUSED: 409,
  CONFIG_INVALID: 422,
  CONFIG_UNAVAILABLE: 503,
};

const refused = refuser(STATUS);


const PREVIEW_PATH = /^\/api\/config-preview\/([A-Za-z0-9_-]{22})$/;

const BACKUP_NAME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})-(\d{3})Z(-\d+)?$/;

function listFiles(folder: string, prefix = ""): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => (statSync(join(folder, name)).isDirectory() ? listFiles(join(folder, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
}

function backups(backupDir: string): ConfigBackupEntry[] {
  if (!existsSync(backupDir)) return [];
  return readdirSync(backupDir)
    .map((name) => ({ name, m: BACKUP_NAME.exec(name) }))
    .filter((b): b is { name: string; m: RegExpExecArray } => b.m !== null)
    .map(({ name, m }) => ({
      name,
      at: Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7])),
      files: listFiles(join(backupDir, name)),
    }))
    .sort((a, b) => (a.name < b.name ? 1 : -1));
}

const changeList = (result: Extract<ConfigResult, { ok: true }>) => JSON.stringify([...result.data.applied, ...result.data.pending]);

/** Mounted from main.ts next to adminRoutes; `live` is read per request (live configuration starts after the hub). */
export function configRoutes(store: Store, live: () => LiveConfig | undefined): (ctx: HubContext) => Route {
  return (ctx) => {
    const log = ctx.logger.child({ part: "admin-config" });
    const previews = previewStore();

    const caller = staffCaller(ctx, store, refused, mayEditConfig);

    const body = bodyReader(ctx, refused, MAX_CONFIG_BODY);

    /** Applies and audits in one transaction: an apply the audit trail does not show never happened. */
    const apply = (res: ServerResponse, config: LiveConfig, actor: AuditActor, edits: ConfigEdit[], versions: Record<string, string>, restoredFrom: string | null) => {
      const at = ctx.engine.now();
      const result = store.audited(() => {
        const outcome = config.applyConfig(edits, { versions });
        if (outcome.ok && outcome.data.files.length > 0) {
          store.recordAudit({
            at,
            actor,
            action: "config.apply",
            target: outcome.data.files.join(", "),
            after: {
              files: outcome.data.files.join(", "),
              changes: changeList(outcome),
              backup: outcome.data.backup === null ? null : outcome.data.backup.split(/[\\/]/).pop() ?? null,
              restoredFrom,
              version: outcome.data.version,
            },
          });
        }
        return outcome;
      });
      if (!result.ok) {
        const code = result.error.code;
        sendJson(res, STATUS[code] ?? 500, { ok: false, error: { ...result.error } });
        return;
      }
      log.info({ by: actor.name, files: result.data.files, backup: result.data.backup, restoredFrom }, "configuration applied from the browser");
      const data: ConfigApplyResult = { ...result.data, backup: result.data.backup === null ? null : (result.data.backup.split(/[\\/]/).pop() ?? null) };
      sendJson(res, 200, { ok: true, data });
    };

    return async (req, res, url) => {
      const path = url.pathname;
      const previewMatch = PREVIEW_PATH.exec(path);
      if (previewMatch && req.method === "GET") {
        const catalog = previews.get(previewMatch[1] ?? "", ctx.engine.now());
        if (!catalog) return refused(res, "CONFIG_PREVIEW_NOT_FOUND");
        sendJson(res, 200, { ok: true, data: catalog });
        return true;
      }
      if (path !== "/api/admin/config" && !path.startsWith("/api/admin/config/")) return false;
      const actor = caller(req, res);
      if (!actor) return true;
      const config = live();
      if (!config) return refused(res, "CONFIG_UNAVAILABLE");

      if (path === "/api/admin/config" && req.method === "GET") {
        const overview: ConfigOverview = { files: configFiles(config.dir), services: configServices(config.dir), status: statusView(config.status()) };
        sendJson(res, 200, { ok: true, data: overview });
        return true;
      }

      if (path === "/api/admin/config/file" && req.method === "GET") {
        const parsed = ConfigFileQuerySchema.safeParse(Object.fromEntries(url.searchParams));
        if (!parsed.success) return refused(res, "INVALID_PAYLOAD", issuesOf(parsed.error));
        const file = parsed.data.name;
        if (!configFiles(config.dir).includes(file)) return refused(res, "CONFIG_FILE_NOT_FOUND");
        const text = readFileSync(join(config.dir, file), "utf8");
        const view: ConfigFileView = { file, text, version: textVersion(text), ...fileDetails(config.dir, file) };
        sendJson(res, 200, { ok: true, data: view });
        return true;
      }

      if (path === "/api/admin/config/check" && req.method === "POST") {
        const input = await body(req, res, CheckConfigSchema);
        if (!input) return true;
        const checked = config.check(input.edits);
        const refusedChange = checked.changes.some((c) => c.effect === "refused");
        const result: ConfigCheckResult = {
          valid: checked.config !== undefined,
          lines: checked.issues.map(formatIssue),
          issues: checked.issues.map((i) => ({ file: i.file, line: i.line, path: i.path, message: i.message })),
          warnings: checked.warnings.map(formatIssue),
          changes: checked.changes,
          applicable: checked.config !== undefined && !refusedChange,
        };
        sendJson(res, 200, { ok: true, data: result });
        return true;
      }

      if (path === "/api/admin/config/apply" && req.method === "POST") {
        const input = await body(req, res, ApplyConfigSchema);
        if (!input) return true;
        // Every edited file must come with the version it was read at: an apply without one could overwrite an edit it never saw.
        const unversioned = input.edits.filter((e) => input.versions[e.file] === undefined).map((e) => ({ path: `versions.${e.file}`, message: "versi berkas wajib" }));
        if (unversioned.length > 0) return refused(res, "INVALID_PAYLOAD", unversioned);
        apply(res, config, actor, input.edits, input.versions, null);
        return true;
      }

      if (path === "/api/admin/config/preview" && req.method === "POST") {
        const input = await body(req, res, PreviewConfigSchema);
        if (!input) return true;
        const checked = config.check(input.edits);
        if (!checked.config) return refused(res, "CONFIG_INVALID", checked.issues.map((i) => ({ path: `${i.file}:${i.line}${i.path ? ` ${i.path}` : ""}`, message: i.message })));
        const now = ctx.engine.now();
        const preview: ConfigPreview = { id: previews.add(config.setupOf(checked.config), now), until: now + PREVIEW_TTL_MS };
        sendJson(res, 200, { ok: true, data: preview });
        return true;
      }

      if (path === "/api/admin/config/backups" && req.method === "GET") {
        sendJson(res, 200, { ok: true, data: backups(config.backupDir) });
        return true;
      }

      if (path === "/api/admin/config/restore" && req.method === "POST") {
        const input = await body(req, res, RestoreConfigSchema);
        if (!input) return true;
        const backup = backups(config.backupDir).find((b) => b.name === input.backup);
        if (!backup) return refused(res, "CONFIG_BACKUP_NOT_FOUND");
        const files = backup.files.filter((f) => /\.ya?ml$/.test(f));
        const edits: ConfigEdit[] = files.map((file) => ({ file, text: readFileSync(join(config.backupDir, backup.name, file), "utf8") }));
        const versions = Object.fromEntries(files.map((f) => [f, fileVersion(config.dir, f)]));
        apply(res, config, actor, edits, versions, backup.name);
        return true;
      }

      return false;
    };
  };
}
