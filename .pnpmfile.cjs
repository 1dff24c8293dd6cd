// pnpm hooks for the whole workspace.
//
// better-sqlite3 has no prebuilt binary for every platform; without one its
// install script runs node-gyp, which downloads Node's headers from the
// internet unless told where local ones are. Where the internet is closed (an
// office network, this project's CI) that download fails and so does
// `pnpm install`, although a Node installed from Debian's packages
// (`/usr/include/node`) or from nodejs.org's tarballs (`<prefix>/include/node`)
// has the very headers on disk. A committed .npmrc cannot say "use them only
// when they are there and match", so this hook does: it points node-gyp at
// them (npm_config_nodedir, through pnpm's extraEnv for the scripts it runs)
// when they belong to the Node that runs the build, and changes nothing
// otherwise (a machine without them downloads as before).
"use strict";

const { existsSync, readFileSync } = require("node:fs");
const { dirname, join } = require("node:path");

/** The headers' version, from node_version.h: "20.20.2", or null. */
function headersVersion(includeDir) {
  try {
    const h = readFileSync(join(includeDir, "node_version.h"), "utf8");
    const part = (name) => new RegExp(`#define ${name} (\\d+)`).exec(h)?.[1];
    const [major, minor, patch] = ["NODE_MAJOR_VERSION", "NODE_MINOR_VERSION", "NODE_PATCH_VERSION"].map(part);
    return major && minor && patch ? `${major}.${minor}.${patch}` : null;
  } catch {
    return null;
  }
}

/**
 * The prefix whose include/node holds headers for this very Node (the hook
 * runs on the same `node` as the build scripts), or null. node-gyp reads
 * common.gypi from there too; a version mismatch would build an addon the
 * running Node refuses to load.
 */
function localNodeDir(execPath = process.execPath, version = process.versions.node) {
  const prefix = dirname(dirname(execPath));
  const include = join(prefix, "include", "node");
  if (!existsSync(join(include, "node.h")) || !existsSync(join(include, "common.gypi"))) return null;
  return headersVersion(include) === version ? prefix : null;
}

function updateConfig(config, nodeDir = localNodeDir, env = process.env) {
  // Someone who set it knows better: an export, or an .npmrc's nodedir (which
  // pnpm does not hand to build scripts by itself).
  if (env.npm_config_nodedir || config.extraEnv?.npm_config_nodedir) return config;
  const nodedir = typeof config.nodedir === "string" && config.nodedir !== "" ? config.nodedir : nodeDir();
  if (nodedir === null) return config;
  return { ...config, extraEnv: { ...config.extraEnv, npm_config_nodedir: nodedir } };
}

module.exports = { hooks: { updateConfig: (config) => updateConfig(config) }, updateConfig, localNodeDir };
