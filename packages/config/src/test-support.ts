import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach } from "vitest";
import { formatIssue } from "./issues";
import { inspectConfig } from "./load";

/** Repository root (tests spawn the CLI from there, as `pnpm config:check` does). */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const SAMPLE_DIR = join(REPO_ROOT, "kiosk-config");

/** Hands every test of the file a fresh copy (through `use`) and disposes of it afterwards. */
export function freshCopyEachTest(use: (copy: ConfigCopy) => void): void {
  let current: ConfigCopy | undefined;
  beforeEach(() => {
    current = new ConfigCopy();
    use(current);
  });
  afterEach(() => {
    current?.dispose();
  });
}

/** A config folder's errors, one line each, as `pnpm config:check` prints them. */
export function configErrors(dir: string): string[] {
  return inspectConfig(dir).issues.map(formatIssue);
}

/**
 * A copy of the sample kiosk-config in a temp folder named `kiosk-config`, so that
 * messages read `kiosk-config/...` exactly as they do for the real folder.
 */
export class ConfigCopy {
  readonly root: string;
  readonly dir: string;

  constructor() {
    this.root = mkdtempSync(join(tmpdir(), "layan-config-"));
    this.dir = join(this.root, "kiosk-config");
    cpSync(SAMPLE_DIR, this.dir, { recursive: true });
  }

  read(file: string): string {
    return readFileSync(join(this.dir, file), "utf8");
  }

  write(file: string, content: string | Buffer): void {
    writeFileSync(join(this.dir, file), content);
  }

  /** Replaces one exact occurrence; fails loudly if the sample no longer contains it. */
  replace(file: string, from: string, to: string): void {
    const text = this.read(file);
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`${file}: expected exactly one "${from}", found ${count}`);
    this.write(file, text.replace(from, to));
  }

  /** Deletes a top-level `key:` and everything indented under it. */
  removeBlock(file: string, key: string): void {
    const lines = this.read(file).split("\n");
    const start = lines.findIndex((l) => l.startsWith(`${key}:`));
    if (start < 0) throw new Error(`${file}: no top-level "${key}:"`);
    const after = lines.findIndex((l, i) => i > start && /^[^\s#]/.test(l));
    lines.splice(start, (after < 0 ? lines.length : after) - start);
    this.write(file, lines.join("\n"));
  }

  remove(file: string): void {
    rmSync(join(this.dir, file));
  }

  /** 1-based line of the first line containing `needle`, found by plain text search. */
  lineOf(file: string, needle: string): number {
    const index = this.read(file)
      .split("\n")
      .findIndex((l) => l.includes(needle));
    if (index < 0) throw new Error(`${file}: no line contains "${needle}"`);
    return index + 1;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * A small, complete service file whose line numbers the tests rely on. Line 14 is
 * `minutes: 10` of sop.steps[2]; line 21 is biaya.
 */
export const KTP_FIXTURE_LINES = [
  "id: ktp-el", // 1
  "agency: disdukcapil", // 2
  "prefix: A", // 3
  "name: Perekaman KTP-el", // 4
  "description: Perekaman dan pencetakan KTP-el.", // 5
  "icon: id-card", // 6
  "sop:", // 7
  "  waitMinutes: 30", // 8
  "  serviceMinutes: 25", // 9
  "  steps:", // 10
  "    - { id: ambil-nomor, actor: Pemohon, description: Mengambil nomor antrean., minutes: 2 }", // 11
  "    - { id: verifikasi, actor: Petugas Loket, description: Memeriksa berkas., minutes: 5, timed: true }", // 12
  "    - id: perekaman", // 13
  "      minutes: 10", // 14
  "      actor: Operator", // 15
  "      description: Merekam foto, sidik jari dan iris mata.", // 16
  "      timed: true", // 17
  "persyaratan:", // 18
  "  - Fotokopi Kartu Keluarga", // 19
  "jangkaWaktu: { value: 1, unit: hari kerja, text: Selesai di tempat }", // 20
  "biaya: { amount: 0, text: Tidak dipungut biaya }", // 21
  "produk: KTP-el", // 22
  "pengaduan:", // 23
  "  - { name: SP4N-LAPOR!, contact: lapor.go.id atau SMS 1708 }", // 24
] as const;

/** The fixture with some lines replaced (1-based line -> new text; null deletes the line). */
export function ktpFixture(changes: Record<number, string | null> = {}): string {
  return (
    KTP_FIXTURE_LINES.flatMap((line, i) => {
      const change = changes[i + 1];
      if (change === null) return [];
      return [change ?? line];
    }).join("\n") + "\n"
  );
}
