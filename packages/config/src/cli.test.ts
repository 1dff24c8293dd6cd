import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { runConfigCheck } from "./report";
import { ConfigCopy, ktpFixture, REPO_ROOT } from "./test-support";

/** Runs the CLI the way `pnpm config:check` does: tsx, from the repository root. */
function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("pnpm", ["exec", "tsx", "packages/config/src/cli.ts", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 30_000,
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

  it("exits 1 when the folder does not exist", () => {
    const { status, stderr } = cli("no-such-config");
    expect(status).toBe(1);
    expect(stderr).toContain("no-such-config: config folder not found");
  });
});

describe("runConfigCheck", () => {
  function run(args: string[]): { code: number; out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    const code = runConfigCheck(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
    return { code, out, err };
  }

  it("prints usage for --help and rejects extra arguments", () => {
    expect(run(["--help"])).toMatchObject({
      code: 0,
      out: [expect.stringContaining("usage: pnpm config:check")],
    });
    expect(run(["a", "b"])).toMatchObject({ code: 1, err: [expect.stringContaining("usage:")] });
    expect(run(["--verbose"])).toMatchObject({ code: 1 });
  });
});
