import { execFileSync } from "node:child_process";
import { build } from "esbuild";

const ROOT = new URL("../../", import.meta.url).pathname;

/**
 * Both servers run as bundled JavaScript on plain Node, as in production: a
 * TypeScript loader in the process would inflate memory and warm-up for both.
 */
export async function buildServers(): Promise<{ hub: string; baseline: string }> {
  execFileSync(process.execPath, ["apps/hub/build.mjs"], { cwd: ROOT, stdio: "inherit" });
  const baseline = `${ROOT}tests/bench/.build/baseline-server.js`;
  await build({
    entryPoints: [`${ROOT}tests/bench/baseline-server.ts`],
    outfile: baseline,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["better-sqlite3"],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: "warning",
  });
  return { hub: `${ROOT}apps/hub/dist/main.js`, baseline };
}
