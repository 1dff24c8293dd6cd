import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { checkTime, runConfigCheck } from "./report";
import { ConfigCopy, ktpFixture, REPO_ROOT } from "./test-support";

/** The whole-system tests' pinned time; the holiday warning must not depend on the day a test runs. */
const TEST_NOW = "2026-11-28T14:00:00+07:00";

/** Runs the CLI the way `pnpm config:check` does: tsx, from the repository root. */
function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return cliAt(TEST_NOW, ...args);
}

function cliAt(now: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("pnpm", ["exec", "tsx", "packages/config/src/cli.ts", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, LAYAN_TEST_NOW: now },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let copy: ConfigCopy | undefined;
afterEach(() => {
  copy?.dispose();
  copy = undefined;
});

describe("pnpm config:check", () => {
  it("exits 0 on the shipped kiosk-config (the default folder) and prints the table", () => {
    const { status, stdout, stderr } = cli();
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain("Standar Pelayanan — Mal Pelayanan Publik Kabupaten Pesawaran");
    expect(stdout).toMatch(/^A {2}ktp-el +✓ +✓ +✓ +✓ +✓ +✓ +✓$/m);
    expect(stdout).not.toContain("✗");
    expect(stdout).toMatch(
      /✓ kiosk-config: 13 layanan, 6 instansi, 12 loket, 3 kiosk, 3 display — Standar Pelayanan lengkap/,
    );
  });

  it("exits 1 with every file:line error, and marks the missing component", () => {
    copy = new ConfigCopy();
    copy.write("services/ktp-el.yaml", ktpFixture({ 21: null }));
    copy.replace("counters.yaml", "number: 12", "number: dua belas");
    const line = copy.lineOf("counters.yaml", "dua belas");
    const { status, stdout, stderr } = cli(copy.dir);
    expect(status).toBe(1);
    expect(stderr.split("\n")).toEqual([
      `kiosk-config/counters.yaml:${line} counters[11].number: expected a whole number`,
      'kiosk-config/services/ktp-el.yaml:1 biaya: Biaya/Tarif is not stated: write { amount: 0, text: "Tidak dipungut biaya" } when it is free',
      "",
      `✗ ${copy.dir}: 2 errors`,
      "",
    ]);
    expect(stdout).toMatch(/^A {2}ktp-el +✓ +✓ +✓ +✗ +✓ +✓ +✗$/m);
  });

  it("prints a holiday list running out as a warning and still exits 0", () => {
    copy = new ConfigCopy();
    copy.write("office.yaml", copy.read("office.yaml").replace(/ {2}- \{ date: "2027-.*\n/g, ""));
    const line = copy.lineOf("office.yaml", "closedDates:");
    const { status, stdout, stderr } = cliAt("2026-11-02T08:00:00+07:00", copy.dir);
    expect(stderr.split("\n")).toEqual([
      `⚠ kiosk-config/office.yaml:${line} closedDates: no holiday listed after 2026-12-25; add the 2027 national holidays and cuti bersama (SKB 3 Menteri) so working days and complaint deadlines are right`,
      "",
    ]);
    expect(stdout).toMatch(/Standar Pelayanan lengkap — 1 warning$/m);
    expect(status).toBe(0);
  });

  it("prints warnings after the errors when there are both", () => {
    copy = new ConfigCopy();
    copy.replace("counters.yaml", "number: 12", "number: dua belas");
    copy.write("office.yaml", copy.read("office.yaml").replace(/ {2}- \{ date: "2027-.*\n/g, ""));
    const { status, stderr } = cliAt("2026-11-02T08:00:00+07:00", copy.dir);
    expect(status).toBe(1);
    expect(stderr.split("\n")).toEqual([
      `kiosk-config/counters.yaml:${copy.lineOf("counters.yaml", "dua belas")} counters[11].number: expected a whole number`,
      expect.stringMatching(
        /^⚠ kiosk-config\/office\.yaml:\d+ closedDates: no holiday listed after 2026-12-25;/,
      ),
      "",
      `✗ ${copy.dir}: 1 error — 1 warning`,
      "",
    ]);
  });

  it("exits 1 when the folder does not exist", () => {
    const { status, stderr } = cli("no-such-config");
    expect(status).toBe(1);
    expect(stderr).toContain("no-such-config: config folder not found");
  });
});

describe("checkTime", () => {
  it("is the machine's time unless LAYAN_TEST_NOW pins it, and refuses a time without its offset", () => {
    expect(checkTime({}, () => 42)).toBe(42);
    expect(checkTime({ LAYAN_TEST_NOW: "" }, () => 42)).toBe(42);
    expect(checkTime({ LAYAN_TEST_NOW: "2026-11-02T00:30:00+07:00" })).toBe(
      Date.parse("2026-11-01T17:30:00Z"),
    );
    expect(() => checkTime({ LAYAN_TEST_NOW: "2026-11-02T00:30" })).toThrow(/with its offset/);
  });
});

describe("runConfigCheck", () => {
  function run(args: string[], now?: number): { code: number; out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    const code = runConfigCheck(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, { now });
    return { code, out, err };
  }

  it("judges the holiday list by the time it is given", () => {
    copy = new ConfigCopy();
    copy.write("office.yaml", copy.read("office.yaml").replace(/ {2}- \{ date: "2027-.*\n/g, ""));
    expect(run([copy.dir], Date.parse("2026-10-26T09:00:00+07:00"))).toMatchObject({ code: 0, err: [] });
    expect(run([copy.dir], Date.parse("2026-10-27T09:00:00+07:00"))).toMatchObject({
      code: 0,
      err: [expect.stringMatching(/^⚠ .*closedDates: no holiday listed after 2026-12-25; add the 2027/)],
    });
  });

  it("prints usage for --help and rejects extra arguments", () => {
    expect(run(["--help"])).toMatchObject({
      code: 0,
      out: [expect.stringContaining("usage: pnpm config:check")],
    });
    expect(run(["a", "b"])).toMatchObject({ code: 1, err: [expect.stringContaining("usage:")] });
    expect(run(["--verbose"])).toMatchObject({ code: 1 });
  });
});
