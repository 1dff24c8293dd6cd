// Bundles the hub into dist/ so production and benchmarks run plain Node:
// no TypeScript compiler in memory (tsx alone costs ~100 MB at start-up).
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
rmSync(`${here}dist`, { recursive: true, force: true });
mkdirSync(`${here}dist`, { recursive: true });
await build({
  // The report worker is a thread of its own with its own entry; src/reports/service.ts looks for it beside main.js.
  entryPoints: { main: `${here}src/main.ts`, cli: `${here}src/cli.ts`, "report-worker": `${here}src/reports/worker.ts` },
  outdir: `${here}dist`,
  bundle: true,
  platform: "node",
  format: "esm",
  // The printer stack is imported lazily (see src/printing.ts): keep it in its own chunk.
  splitting: true,
  target: "node20",
  sourcemap: true,
  // Native addon: loaded from node_modules at run time.
  external: ["better-sqlite3"],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: "warning",
});
// The store reads its numbered migrations next to the code.
cpSync(`${here}../../packages/store/src/migrations`, `${here}dist/migrations`, { recursive: true });
