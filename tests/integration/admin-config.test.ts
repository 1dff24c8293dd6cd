/**
 * The configuration screen's routes over real HTTP against a real hub
 * process on its own copy of the sample kiosk-config (issue 16): the role
 * matrix for every route, check answering exactly `pnpm config:check`'s
 * lines, apply writing with comments kept and a backup, audited, a stale
 * version refused with 409, and invalid or refused candidates changing
 * nothing on disk or in the running hub.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry, AuditPage, Catalog, ConfigApplyResult, ConfigPreview, ConfigBackupEntry, ConfigCheckResult, ConfigFileView, ConfigOverview } from "@layan/protocol";
import { ROOT, startTestHub, type TestHub } from "../support/test-hub";
import { adminClient } from "./admin.support";

let hub: TestHub;
let root: string;
let dir: string;
const tokens: Record<"officer" | "supervisor" | "manager" | "admin", string> = { officer: "", supervisor: "", manager: "", admin: "" };
const KTP = "services/ktp-el.yaml";
const { call, login } = adminClient(() => hub.url);

const admin = <T>(method: "GET" | "POST", path: string, body?: object) => call<T>(method, path, tokens.admin, body);
const onDisk = (file: string) => readFileSync(join(dir, file), "utf8");
const read = async (file: string) => (await admin<ConfigFileView>("GET", `/api/admin/config/file?name=${encodeURIComponent(file)}`)).body.data;
const configVersion = async () => (await admin<ConfigOverview>("GET", "/api/admin/config")).body.data.status.version;
const backupDir = () => join(hub.dataDir, "config-backups");
const backupNames = () => (existsSync(backupDir()) ? readdirSync(backupDir()).sort() : []);

async function audit(): Promise<AuditEntry[]> {
  return (await admin<AuditPage>("GET", "/api/admin/audit?action=config.apply")).body.data.entries;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "layan-admin-config-"));
  dir = join(root, "kiosk-config");
  cpSync(join(ROOT, "kiosk-config"), dir, { recursive: true });
  hub = await startTestHub({ configDir: dir });
  for (const role of ["officer", "supervisor", "manager", "admin"] as const) tokens[role] = await login(hub.user(role).username, hub.user(role).secret);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("the role matrix", () => {
  const ROUTES: [method: "GET" | "POST", path: string, body?: object][] = [
    ["GET", "/api/admin/config"],
    ["GET", `/api/admin/config/file?name=${encodeURIComponent(KTP)}`],
    ["POST", "/api/admin/config/check", { edits: [{ file: "office.yaml", text: "x: 1\n" }] }],
    ["POST", "/api/admin/config/apply", { edits: [{ file: "office.yaml", text: "x: 1\n" }], versions: { "office.yaml": "absent" } }],
    ["GET", "/api/admin/config/backups"],
    ["POST", "/api/admin/config/restore", { backup: "20261118T023000-000Z" }],
    ["POST", "/api/admin/config/preview", { edits: [{ file: "office.yaml", text: "x: 1\n" }] }],
  ];

  it("refuses officers, supervisors, managers and devices on every route, and lets admins in", async () => {
    const before = onDisk("office.yaml");
    const refusedTokens = { officer: tokens.officer, supervisor: tokens.supervisor, manager: tokens.manager, kiosk: hub.kioskToken, display: Object.values(hub.displayTokens)[0] ?? "" };
    for (const [method, path, body] of ROUTES) {
      expect((await call(method, path, null, body)).status, `${method} ${path} without a token`).toBe(401);
      for (const [who, token] of Object.entries(refusedTokens)) {
        const answer = await call(method, path, token, body);
        expect([answer.status, answer.body.error?.code], `${who}: ${method} ${path}`).toEqual([403, "ADMIN_FORBIDDEN"]);
      }
      const answer = await call(method, path, tokens.admin, body);
      expect([401, 403], `admin: ${method} ${path}`).not.toContain(answer.status);
    }
    expect(onDisk("office.yaml")).toBe(before);
  });
});

describe("reading", () => {
  it("lists every service file with its six Standar Pelayanan components", async () => {
    const overview = (await admin<ConfigOverview>("GET", "/api/admin/config")).body.data;
    expect(overview.files).toContain("office.yaml");
    const ktp = overview.services.find((s) => s.id === "ktp-el");
    expect(ktp).toMatchObject({ file: KTP, agency: "disdukcapil", complete: true, components: { persyaratan: true, pengaduan: true } });
    expect(overview.services).toHaveLength(readdirSync(join(dir, "services")).length);
  });

  it("reads a file's text with a version that is its content hash", async () => {
    const file = await read(KTP);
    expect(file.text).toBe(onDisk(KTP));
    expect(file.version).toMatch(/^[0-9a-f]{64}$/);
    expect((await admin("GET", "/api/admin/config/file?name=..%2Fsecret.yaml")).status).toBe(400);
    expect((await admin("GET", "/api/admin/config/file?name=services%2Fnone.yaml")).status).toBe(404);
  });
});

describe("check", () => {
  it("answers exactly the lines `pnpm config:check` prints for the same broken file, and writes nothing", async () => {
    const before = onDisk(KTP);
    const broken = before.replace("persyaratan:\n", "persyaratan:\n  - tulisan: tanpa text\n").replace(/^prefix: .*$/m, "prefix: 12x");
    const other = mkdtempSync(join(tmpdir(), "layan-config-check-cli-"));
    try {
      cpSync(dir, join(other, "kiosk-config"), { recursive: true });
      writeFileSync(join(other, "kiosk-config", KTP), broken);
      const cli = spawnSync("pnpm", ["exec", "tsx", join(ROOT, "packages/config/src/cli.ts"), join(other, "kiosk-config")], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, LAYAN_TEST_NOW: new Date(hub.now()).toISOString() },
      });
      expect(cli.status).toBe(1);
      const cliLines = cli.stderr.split("\n").filter((l) => /^kiosk-config\/\S+:\d+/.test(l));
      expect(cliLines.length).toBeGreaterThan(1);

      const answer = await admin<ConfigCheckResult>("POST", "/api/admin/config/check", { edits: [{ file: KTP, text: broken }] });
      expect(answer.status).toBe(200);
      expect(answer.body.data).toMatchObject({ valid: false, applicable: false });
      expect(answer.body.data.lines).toEqual(cliLines);
      expect(answer.body.data.issues[0]).toMatchObject({ file: `kiosk-config/${KTP}` });
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    expect(onDisk(KTP)).toBe(before);
  });

  it("says what takes effect now and what is refused", async () => {
    const ktp = await admin<ConfigCheckResult>("POST", "/api/admin/config/check", { edits: [{ file: KTP, set: [{ path: ["persyaratan", 1, "text"], value: "Fotokopi KK terbaru" }] }] });
    expect(ktp.body.data).toMatchObject({ valid: true, applicable: true, changes: [{ kind: "service.changed", subject: "ktp-el", effect: "now" }] });
    const tz = await admin<ConfigCheckResult>("POST", "/api/admin/config/check", { edits: [{ file: "office.yaml", set: [{ path: ["timezone"], value: "Asia/Makassar" }] }] });
    expect(tz.body.data).toMatchObject({ valid: true, applicable: false, changes: [{ kind: "office.timezone", effect: "refused" }] });
    expect(tz.body.data.changes[0]?.reason).toMatch(/Zona waktu kantor/);
  });
});

describe("kiosk preview", () => {
  it("keeps a valid candidate's catalog under a random id, read-only and unable to print, and writes nothing", async () => {
    const before = onDisk(KTP);
    const answer = await admin<ConfigPreview>("POST", "/api/admin/config/preview", { edits: [{ file: KTP, set: [{ path: ["persyaratan", 1, "text"], value: "Fotokopi KK (pratinjau)" }] }] });
    expect(answer.status).toBe(200);
    const catalog = await call<Catalog>("GET", `/api/config-preview/${answer.body.data.id}`, null);
    expect(catalog.status).toBe(200);
    const ktp = catalog.body.data.services.find((s) => s.id === "ktp-el");
    expect(JSON.stringify(ktp)).toContain("Fotokopi KK (pratinjau)");
    expect(catalog.body.data.kiosk).toMatchObject({ canPrint: false });
    expect(onDisk(KTP)).toBe(before);
    expect((await call("GET", "/api/config-preview/AAAAAAAAAAAAAAAAAAAAAA", null)).status).toBe(404);
    const invalid = await admin("POST", "/api/admin/config/preview", { edits: [{ file: KTP, text: before.replace(/^prefix: .*$/m, "prefix: 12x") }] });
    expect([invalid.status, invalid.body.error?.code]).toEqual([422, "CONFIG_INVALID"]);
  });
});

describe("apply", () => {
  it("writes the edit with the file's comments kept and a backup of the old one, applies it and audits it", async () => {
    const file = await read(KTP);
    const versionBefore = await configVersion();
    const answer = await admin<ConfigApplyResult>("POST", "/api/admin/config/apply", {
      edits: [{ file: KTP, set: [{ path: ["persyaratan", 1, "text"], value: "Fotokopi Kartu Keluarga terbaru" }] }],
      versions: { [KTP]: file.version },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ files: [KTP], applied: [{ kind: "service.changed", subject: "ktp-el", effect: "now" }] });
    const after = onDisk(KTP);
    expect(after).toBe(file.text.replace("  - text: Fotokopi Kartu Keluarga\n", "  - text: Fotokopi Kartu Keluarga terbaru\n"));
    expect(after.split("\n")[0]).toBe("# Standar Pelayanan: Perekaman dan Pencetakan KTP-el (Disdukcapil).");
    const backup = answer.body.data.backup;
    expect(backup).toMatch(/^\d{8}T\d{6}-\d{3}Z$/);
    expect(readFileSync(join(backupDir(), backup ?? "", KTP), "utf8")).toBe(file.text);
    expect(await configVersion()).toBe(versionBefore + 1);

    const [entry] = await audit();
    expect(entry).toMatchObject({ action: "config.apply", actor: { kind: "user", name: hub.user("admin").username }, target: KTP, after: { files: KTP, backup } });
    const changes = JSON.parse(String(entry?.after?.changes)) as { kind: string; subject: string }[];
    expect(changes).toEqual([expect.objectContaining({ kind: "service.changed", subject: "ktp-el", effect: "now" })]);

    const backups = (await admin<ConfigBackupEntry[]>("GET", "/api/admin/config/backups")).body.data;
    expect(backups[0]).toMatchObject({ name: backup, files: [KTP] });
  });

  it("refuses a version that moved since it was read, by another admin or on disk, with 409 and writes nothing", async () => {
    const first = await read(KTP);
    const second = await read(KTP);
    const edit = (text: string) => ({ file: KTP, set: [{ path: ["persyaratan", 0, "text"], value: text }] });
    expect((await admin("POST", "/api/admin/config/apply", { edits: [edit("Berusia 17 tahun")], versions: { [KTP]: first.version } })).status).toBe(200);
    const afterFirst = onDisk(KTP);
    const backups = backupNames();
    const stale = await admin("POST", "/api/admin/config/apply", { edits: [edit("Berusia tujuh belas tahun")], versions: { [KTP]: second.version } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "CONFIG_STALE", lines: [KTP] });
    expect(stale.body.error?.message).toMatch(/sudah diubah orang lain/);
    expect(onDisk(KTP)).toBe(afterFirst);
    expect(backupNames()).toEqual(backups);

    // Someone edits the file on the hub's machine between the read and the apply.
    const third = await read(KTP);
    writeFileSync(join(dir, KTP), `${afterFirst}# disunting di server\n`);
    const onServer = onDisk(KTP);
    const moved = await admin("POST", "/api/admin/config/apply", { edits: [edit("Berusia tujuh belas tahun")], versions: { [KTP]: third.version } });
    expect([moved.status, moved.body.error?.code]).toEqual([409, "CONFIG_STALE"]);
    expect(onDisk(KTP)).toBe(onServer);
  });

  it("refuses an invalid candidate and a refused one: nothing changes on disk or in the running hub", async () => {
    const ktp = await read(KTP);
    const office = await read("office.yaml");
    const version = await configVersion();
    const backups = backupNames();
    const entries = (await audit()).length;

    const invalid = await admin("POST", "/api/admin/config/apply", { edits: [{ file: KTP, text: ktp.text.replace(/^prefix: .*$/m, "prefix: 12x") }], versions: { [KTP]: ktp.version } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error?.code).toBe("CONFIG_INVALID");
    expect(invalid.body.error?.lines?.[0]).toMatch(/^kiosk-config\/services\/ktp-el\.yaml:\d+ prefix: /);

    const refused = await admin("POST", "/api/admin/config/apply", { edits: [{ file: "office.yaml", set: [{ path: ["timezone"], value: "Asia/Makassar" }] }], versions: { "office.yaml": office.version } });
    expect([refused.status, refused.body.error?.code]).toEqual([409, "CONFIG_REFUSED"]);
    expect(refused.body.error?.lines?.[0]).toMatch(/Zona waktu kantor/);

    const unversioned = await admin("POST", "/api/admin/config/apply", { edits: [{ file: KTP, text: ktp.text }], versions: {} });
    expect(unversioned.status).toBe(400);

    expect(onDisk(KTP)).toBe(ktp.text);
    expect(onDisk("office.yaml")).toBe(office.text);
    expect(backupNames()).toEqual(backups);
    expect(await configVersion()).toBe(version);
    expect((await audit()).length).toBe(entries);
    const health = (await (await fetch(`${hub.url}/healthz`)).json()) as { config: { version: number; lastRefusal: { code: string } | null } };
    expect(health.config.version).toBe(version);
  });

  it("restores a backup through the same path as an edit, audited with where it came from", async () => {
    const oldest = (await admin<ConfigBackupEntry[]>("GET", "/api/admin/config/backups")).body.data.at(-1);
    if (!oldest) throw new Error("no backup to restore");
    const kept = readFileSync(join(backupDir(), oldest.name, KTP), "utf8");
    const answer = await admin<ConfigApplyResult>("POST", "/api/admin/config/restore", { backup: oldest.name });
    expect(answer.status).toBe(200);
    expect(onDisk(KTP)).toBe(kept);
    const [entry] = await audit();
    expect(entry?.after).toMatchObject({ restoredFrom: oldest.name, backup: answer.body.data.backup });
    expect((await admin("POST", "/api/admin/config/restore", { backup: "20200101T000000-000Z" })).status).toBe(404);
  });
});

describe("reports after an apply", () => {
  it("the report worker names services by the applied config, not the one it started with", async () => {
    const meta = async () => (await call<{ services: { id: string; name: string }[] }>("GET", "/api/reports/meta", tokens.manager)).body.data.services.find((s) => s.id === "ktp-el")?.name;
    expect(await meta()).toBe("Perekaman dan Pencetakan KTP-el");
    const file = await read(KTP);
    const answer = await admin("POST", "/api/admin/config/apply", { edits: [{ file: KTP, set: [{ path: ["name", "id"], value: "Perekaman KTP-el (baru)" }] }], versions: { [KTP]: file.version } });
    expect(answer.status).toBe(200);
    expect(await meta()).toBe("Perekaman KTP-el (baru)");
  });
});
