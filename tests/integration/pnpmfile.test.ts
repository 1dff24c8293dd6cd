import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

interface PnpmConfig {
  nodedir?: string;
  extraEnv?: Record<string, string>;
  [key: string]: unknown;
}
interface Pnpmfile {
  hooks: { updateConfig(config: PnpmConfig): PnpmConfig };
  updateConfig(config: PnpmConfig, nodeDir: () => string | null, env: Record<string, string | undefined>): PnpmConfig;
  localNodeDir(execPath: string, version: string): string | null;
}
const pnpmfile = createRequire(import.meta.url)("../../.pnpmfile.cjs") as Pnpmfile;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "layan-nodedir-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A Node installed under `prefix` the way Debian and nodejs.org lay it out: bin/node, include/node/. */
function nodeInstall(prefix: string, headers: string | null): string {
  mkdirSync(join(prefix, "bin"), { recursive: true });
  writeFileSync(join(prefix, "bin", "node"), "");
  if (headers !== null) {
    const [major, minor, patch] = headers.split(".");
    mkdirSync(join(prefix, "include", "node"), { recursive: true });
    writeFileSync(join(prefix, "include", "node", "node.h"), "");
    writeFileSync(join(prefix, "include", "node", "common.gypi"), "{}");
    writeFileSync(
      join(prefix, "include", "node", "node_version.h"),
      `#define NODE_MAJOR_VERSION ${major}\n#define NODE_MINOR_VERSION ${minor}\n#define NODE_PATCH_VERSION ${patch}\n`,
    );
  }
  return join(prefix, "bin", "node");
}

describe(".pnpmfile.cjs: node-gyp builds against local headers instead of downloading them", () => {
  it("finds the headers of the very Node that runs the build", () => {
    const node = nodeInstall(join(dir, "usr"), "20.20.2");
    expect(pnpmfile.localNodeDir(node, "20.20.2")).toBe(join(dir, "usr"));
  });

  it("ignores headers of another Node version, and a Node without headers", () => {
    expect(pnpmfile.localNodeDir(nodeInstall(join(dir, "old"), "20.11.0"), "20.20.2")).toBeNull();
    expect(pnpmfile.localNodeDir(nodeInstall(join(dir, "bare"), null), "20.20.2")).toBeNull();
  });

  it("hands the scripts npm_config_nodedir, keeping what the user set", () => {
    const found = () => "/usr";
    const none = () => null;
    const fresh = {};
    expect(pnpmfile.updateConfig({ extraEnv: { A: "1" } }, found, fresh).extraEnv).toEqual({ A: "1", npm_config_nodedir: "/usr" });
    // An .npmrc's nodedir wins over the guess; pnpm alone would not pass it on.
    expect(pnpmfile.updateConfig({ nodedir: "/opt/node" }, found, fresh).extraEnv).toEqual({ npm_config_nodedir: "/opt/node" });
    // An exported npm_config_nodedir reaches the scripts by itself: left alone.
    expect(pnpmfile.updateConfig({}, found, { npm_config_nodedir: "/srv/node" })).toEqual({});
    // No local headers: nothing changes, node-gyp or prebuild-install download as on any machine.
    expect(pnpmfile.updateConfig({ registry: "x" }, none, fresh)).toEqual({ registry: "x" });
  });
});
