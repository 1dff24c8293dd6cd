import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { diffConfig } from "./diff";
import { loadConfig } from "./load";
import { planConfigWrite, writeConfig } from "./write-back";

const SAMPLE = join(import.meta.dirname, "../../../kiosk-config");
const NOW = Date.UTC(2026, 10, 18, 2, 30, 0);
const dirs: string[] = [];

/** A real copy of the sample office in a temp folder, with a data folder beside it for backups. */
function office(): { config: string; backups: string } {
  const root = mkdtempSync(join(tmpdir(), "layan-write-back-"));
  dirs.push(root);
  cpSync(SAMPLE, join(root, "kiosk-config"), { recursive: true });
  return { config: join(root, "kiosk-config"), backups: join(root, "data", "config-backups") };
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("writing a change back to the YAML files", () => {
  it("sets a requirement in place: the comments around it and the rest of the file survive", () => {
    const { config, backups } = office();
    const file = join(config, "services/ktp-el.yaml");
    const before = readFileSync(file, "utf8");
    const result = writeConfig(config, [{ file: "services/ktp-el.yaml", set: [{ path: ["persyaratan", 1, "text"], value: "Fotokopi Kartu Keluarga (KK) terbaru" }] }], {
      backupDir: backups,
      now: NOW,
    });
    expect(result.ok).toBe(true);
    const after = readFileSync(file, "utf8");
    expect(after).toContain("  - text: Fotokopi Kartu Keluarga (KK) terbaru\n");
    // Every comment line of the file is still there, in order.
    const comments = (text: string) => text.split("\n").filter((l) => l.trimStart().startsWith("#"));
    expect(comments(after)).toEqual(comments(before));
    expect(comments(before).length).toBeGreaterThan(1);
    // Only that line changed.
    const changed = after.split("\n").filter((l, i) => l !== before.split("\n")[i]);
    expect(changed).toEqual(["  - text: Fotokopi Kartu Keluarga (KK) terbaru"]);
    expect(loadConfig(config).services.find((s) => s.id === "ktp-el")?.persyaratan[1]?.text).toBe("Fotokopi Kartu Keluarga (KK) terbaru");
  });

  it("keeps the previous version in a backup folder named by the write's time", () => {
    const { config, backups } = office();
    const original = readFileSync(join(config, "office.yaml"), "utf8");
    const result = writeConfig(config, [{ file: "office.yaml", set: [{ path: ["runningText", 0], value: "Selamat datang." }] }], { backupDir: backups, now: NOW });
    expect(result.ok && result.backup).toBe(join(backups, "20261118T023000-000Z"));
    expect(readFileSync(join(backups, "20261118T023000-000Z", "office.yaml"), "utf8")).toBe(original);
    // A second write in the same millisecond does not overwrite the first backup.
    const second = writeConfig(config, [{ file: "office.yaml", set: [{ path: ["runningText", 0], value: "Selamat pagi." }] }], { backupDir: backups, now: NOW });
    expect(second.ok && second.backup).toBe(join(backups, "20261118T023000-000Z-2"));
    expect(readFileSync(join(backups, "20261118T023000-000Z-2", "office.yaml"), "utf8")).toContain("Selamat datang.");
  });

  it("keeps only the newest backups", () => {
    const { config, backups } = office();
    for (let i = 0; i < 4; i++) {
      const r = writeConfig(config, [{ file: "office.yaml", set: [{ path: ["runningText", 0], value: `Pesan ${i}` }] }], { backupDir: backups, now: NOW + i * 1000, keep: 2 });
      expect(r.ok).toBe(true);
    }
    expect(readdirSync(backups).sort()).toEqual(["20261118T023002-000Z", "20261118T023003-000Z"]);
  });

  it("refuses a change that would not validate, with config:check's file:line, and leaves the file untouched", () => {
    const { config, backups } = office();
    const file = join(config, "services/ktp-el.yaml");
    const before = readFileSync(file, "utf8");
    // Two services with one prefix: the loader's cross-file check.
    const result = writeConfig(config, [{ file: "services/ktp-el.yaml", set: [{ path: ["prefix"], value: "B" }] }], { backupDir: backups, now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = before.split("\n").findIndex((l) => l.startsWith("prefix:")) + 1;
    expect(result.issues).toContainEqual(expect.objectContaining({ file: "kiosk-config/services/ktp-el.yaml", line, path: "prefix" }));
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(existsSync(backups)).toBe(false);
    expect(readdirSync(join(config, "services")).filter((n) => n.startsWith("."))).toEqual([]);
  });

  it("refuses a whole text with a syntax error the same way", () => {
    const { config } = office();
    const plan = planConfigWrite(config, [{ file: "counters.yaml", text: "counters:\n  - id: [loket-1\n" }]);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.issues[0]?.file).toBe("kiosk-config/counters.yaml");
  });

  it("refuses a path outside the config folder", () => {
    const { config } = office();
    const plan = planConfigWrite(config, [{ file: "../evil.yaml", text: "x: 1\n" }]);
    expect(plan.ok).toBe(false);
    expect(existsSync(join(config, "..", "evil.yaml"))).toBe(false);
  });
});

describe("diffing two configs", () => {
  it("names each changed item", () => {
    const { config, backups } = office();
    const before = loadConfig(config);
    const r = writeConfig(
      config,
      [
        { file: "services/ktp-el.yaml", set: [{ path: ["prefix"], value: "Q" }, { path: ["dailyQuota"], value: 90 }, { path: ["persyaratan", 0, "text"], value: "Berusia 17 tahun" }] },
        { file: "counters.yaml", set: [{ path: ["counters", 0, "name"], value: "Loket Satu" }] },
      ],
      { backupDir: backups, now: NOW },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(diffConfig(before, r.config)).toEqual([
      { kind: "service.prefix", serviceId: "ktp-el", before: "A", after: "Q" },
      { kind: "service.quota", serviceId: "ktp-el", before: 120, after: 90 },
      { kind: "service.changed", serviceId: "ktp-el", fields: ["persyaratan"] },
      { kind: "counter.changed", counterId: before.counters[0]!.id, fields: ["name"] },
    ]);
    expect(diffConfig(before, before)).toEqual([]);
  });
});
