import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");

/**
 * The bundle as it ships (apps/hub/build.mjs). V8 keeps the source of every
 * chunk the hub loads for the process's life, and a bundled CommonJS module's
 * top level runs when its importer starts: what the hub never uses must not
 * be either (docs/benchmarks.md, "### Memory (session 21)").
 */
describe("the hub's bundle", () => {
  const out = mkdtempSync(join(tmpdir(), "layan-build-"));
  let chunks: Record<string, string> = {};
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, "apps/hub/build.mjs"), "--outdir", out], {
      cwd: ROOT,
      stdio: "pipe",
    });
    chunks = Object.fromEntries(
      readdirSync(out)
        .filter((f) => f.endsWith(".js"))
        .map((f) => [f, readFileSync(join(out, f), "utf8")]),
    );
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("carries zod's English messages only (the hub writes its own Indonesian ones)", () => {
    const all = Object.values(chunks).join("\n");
    // zod's own default, which the hub keeps.
    expect(all.includes("Invalid input: expected")).toBe(true);
    // zod's Indonesian and Dutch locales, which it never selects.
    expect(all.includes("diharapkan"), "zod's Indonesian locale").toBe(false);
    expect(all.includes("Ongeldige invoer"), "zod's Dutch locale").toBe(false);
  });

  it("does not build mime-db's table at start: engine.io's `accepts` looks a type up only when asked", () => {
    const main = chunks["main.js"]!;
    expect(main.includes("require_accepts")).toBe(true);
    // accepts' `var mime = require("mime-types")`, evaluated when engine.io loads.
    expect(/\bmime=require_mime_types\(\)/.test(main), "mime-types required at accepts' top level").toBe(
      false,
    );
    expect(/\(real\?\?=require_mime_types\(\)\)\.lookup\(/.test(main), "the lazy lookup").toBe(true);
  });

  it("requires Node's built-ins instead of importing them, so Node never builds their ESM facades", () => {
    // A facade reads every export once, lazy getters too: tls.rootCertificates, crypto.webcrypto, fs.promises.
    const builtin = new RegExp(`(?:from|import)\\s*"(?:node:)?(?:${builtinModules.join("|")})"`);
    for (const [file, text] of Object.entries(chunks)) expect(builtin.exec(text)?.[0], file).toBeUndefined();
    expect(chunks["main.js"]!.includes('__require("node:tls")')).toBe(true);
  });

  it("keeps its entry points and the store's migrations", () => {
    expect(Object.keys(chunks)).toEqual(expect.arrayContaining(["main.js", "cli.js", "report-worker.js"]));
    expect(readdirSync(join(out, "migrations")).some((f) => f.endsWith(".sql"))).toBe(true);
  });
});
