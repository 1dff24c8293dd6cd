// Bundles the hub into dist/ so production and benchmarks run plain Node:
// no TypeScript compiler in memory (tsx alone costs ~100 MB at start-up).
import { build } from "esbuild";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
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
  // Without comments and indentation the bundle's source, which V8 keeps in the
  // heap for the process's life, is a quarter of the size; and a single
  // non-Latin-1 character in a dependency's comment (socket.io has “”) made V8
  // store all of it as a two-byte string (3.8 MB for main.js). Names stay, so
  // stack traces still read; the source map has the rest.
  minifyWhitespace: true,
  minifySyntax: true,
  charset: "ascii",
  // Native addon: loaded from node_modules at run time.
  external: ["better-sqlite3"],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: "warning",
});
// One character above U+00FF anywhere in a chunk (esbuild cannot escape it
// inside a regular expression literal) doubles that chunk's resident source.
for (const file of readdirSync(`${here}dist`).filter((f) => f.endsWith(".js"))) {
  const text = readFileSync(`${here}dist/${file}`, "utf8");
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) {
    throw new Error(`dist/${file} is not ASCII near ${JSON.stringify(text.slice(Math.max(0, at - 60), at + 20))}: write the character as \\uXXXX in the source`);
  }
}
// The store reads its numbered migrations next to the code.
cpSync(`${here}../../packages/store/src/migrations`, `${here}dist/migrations`, { recursive: true });
