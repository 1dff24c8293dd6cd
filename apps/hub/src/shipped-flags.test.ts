import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HUB_NODE_FLAGS, HUB_PROCESS_ENV } from "./options";

const ROOT = join(import.meta.dirname, "../../..");

/** The unit's `Key=value` lines (a key may repeat, as Environment= does). */
function unitLines(key: string): string[] {
  const text = readFileSync(join(ROOT, "deploy/layan-hub.service"), "utf8");
  return text
    .split("\n")
    .filter((line) => line.startsWith(`${key}=`))
    .map((line) => line.slice(key.length + 1));
}

// The memory figures in docs/benchmarks.md hold only for a hub started this way.
describe("the built hub is started with its memory settings where it ships", () => {
  it("systemd: node's flags come before the bundle", () => {
    const [exec] = unitLines("ExecStart");
    const words = exec?.split(/\s+/) ?? [];
    const bundle = words.findIndex((w) => w.endsWith("apps/hub/dist/main.js"));
    expect(bundle).toBeGreaterThan(0);
    expect(words.slice(1, bundle)).toEqual([...HUB_NODE_FLAGS]);
  });

  it("systemd: the allocator's settings are in the environment", () => {
    const pairs = unitLines("Environment").flatMap((line) => line.split(/\s+/));
    for (const [name, value] of Object.entries(HUB_PROCESS_ENV)) expect(pairs).toContain(`${name}=${value}`);
  });

  it("the production command lines in the docs carry the same flags", () => {
    for (const doc of ["README.md", "docs/operations.md"]) {
      const text = readFileSync(join(ROOT, doc), "utf8");
      const runs = text.split("\n").filter((line) => /node(\.exe)?"? .*apps[\\/]hub[\\/]dist[\\/]main\.js/.test(line));
      expect(runs.length, doc).toBeGreaterThan(0);
      for (const line of runs) for (const flag of HUB_NODE_FLAGS) expect(line, `${doc}: ${line}`).toContain(flag);
    }
  });
});
