import { execFileSync } from "node:child_process";
import { build } from "esbuild";

const ROOT = new URL("../../", import.meta.url).pathname;

export interface BenchServers {
  hub: string;
  /** Group-committed bare server: the honest limit (limit-server.ts). */
  limit: string;
  /** One fsync per command: the old floor (baseline-server.ts). */
  baseline: string;
}

/**
 * Every server runs as bundled JavaScript on plain Node, as in production: a
 * TypeScript loader in the process would inflate memory and warm-up for all.
 */
export async function buildServers(): Promise<BenchServers> {
  execFileSync(process.execPath, ["apps/hub/build.mjs"], { cwd: ROOT, stdio: "inherit" });
  const bare = async (name: string) => {
    const outfile = `${ROOT}tests/bench/.build/${name}.js`;
    await build({
      entryPoints: [`${ROOT}tests/bench/${name}.ts`],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      external: ["better-sqlite3"],
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      logLevel: "warning",
    });
    return outfile;
  };
  return { hub: `${ROOT}apps/hub/dist/main.js`, limit: await bare("limit-server"), baseline: await bare("baseline-server") };
}
