import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collectShipped, licenceAllowed, MARKER, renderList } from "../../scripts/licences";

const ROOT = join(import.meta.dirname, "../..");

describe("licences of what ships", () => {
  it("reads SPDX expressions: any allowed alternative of an OR, every part of an AND", () => {
    for (const ok of ["MIT", "Apache-2.0", "(MIT OR WTFPL)", "(AFL-2.1 OR BSD-3-Clause)", "MIT AND ISC", "Apache-2.0 WITH LLVM-exception", "(BSD-2-Clause OR MIT OR Apache-2.0)"]) {
      expect(licenceAllowed(ok), ok).toBe(true);
    }
    for (const refused of ["GPL-3.0-only", "AGPL-3.0-or-later", "LGPL-2.1", "MPL-2.0", "SSPL-1.0", "UNLICENSED", "CC-BY-NC-4.0", "MIT AND GPL-2.0", "(GPL-2.0 OR LGPL-3.0)"]) {
      expect(licenceAllowed(refused), refused).toBe(false);
    }
    expect(() => licenceAllowed("(MIT OR")).toThrow();
  });

  it("follows the shipped apps' dependencies only, never development tools", () => {
    const { packages, problems } = collectShipped();
    expect(problems).toEqual([]);
    const names = new Map(packages.map((p) => [p.name, p]));
    expect([...(names.get("react")?.apps ?? [])].sort()).toEqual(["counter", "dashboard", "display", "kiosk"]);
    expect([...(names.get("better-sqlite3")?.apps ?? [])]).toEqual(["hub"]);
    expect(names.get("electron")?.apps).toEqual(new Set(["kiosk"]));
    // Electron's installer dependencies and every dev tool stay out.
    for (const tool of ["vite", "vitest", "eslint", "typescript", "tsx", "@electron/get", "playwright-core", "esbuild"]) {
      expect(names.has(tool), tool).toBe(false);
    }
    // A package.json without a licence is listed only through its reviewed entry.
    expect(names.get("node-bitmap")).toMatchObject({ licence: "MIT", reviewed: true });
  });

  it("docs/licences.md holds the list as the script renders it", () => {
    const doc = readFileSync(join(ROOT, "docs/licences.md"), "utf8");
    expect(doc.slice(doc.indexOf(MARKER))).toBe(renderList(collectShipped().packages));
  });
});
