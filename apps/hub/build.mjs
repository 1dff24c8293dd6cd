// Bundles the hub into dist/ so production and benchmarks run plain Node:
// no TypeScript compiler in memory (tsx alone costs ~100 MB at start-up).
import { build } from "esbuild";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = fileURLToPath(new URL(".", import.meta.url));
// `--outdir` for the build's own test (src/build.test.ts); dist/ is what ships.
const { values } = parseArgs({ options: { outdir: { type: "string" } } });
const out = resolve(values.outdir ?? `${here}dist`);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/**
 * What the hub bundles but never runs, kept out of the heap of a hub at rest
 * (docs/benchmarks.md, "### Memory (session 21)"): V8 holds every loaded
 * chunk's source, and a CommonJS module's top level runs at start-up.
 * - zod's error messages in 40 languages (~290 KB of source): zod's `locales`
 *   namespace cannot be tree-shaken through `import { z }`, and the hub
 *   speaks only through its own messages (packages/config/src/zod-issues.ts,
 *   protocol's errors); every other locale is English here.
 * - `accepts` (engine.io's polling compression) requires mime-types, whose
 *   top level builds the 2,000-entry mime-db table; it only looks a type up
 *   when asked for one by extension, which engine.io never does.
 * - Node's built-in modules are required, not imported: the first ESM
 *   `import` of a built-in makes Node build its ESM facade, which reads every
 *   export once, lazy getters included (`tls.rootCertificates`: 140 PEM
 *   strings; `crypto.webcrypto`, `fs.promises`, ...).
 */
const builtin = new RegExp(`^(node:)?(${builtinModules.map((m) => m.replace(/[/]/g, "\\/")).join("|")})$`);
const resolveFrom = (from, name) => createRequire(from).resolve(name);
const acceptsIndex = resolveFrom(
  resolveFrom(resolveFrom(import.meta.url, "socket.io"), "engine.io"),
  "accepts",
);
/**
 * An ES module over `require(name)` with the built-in's plain data exports as
 * named bindings, so call sites stay direct references (no getter per access,
 * as esbuild's CommonJS interop would add on the hot path); getters are not
 * read, and importing one by name fails the build.
 */
function requiredBuiltin(name) {
  const mod = createRequire(import.meta.url)(name);
  const names = Object.keys(Object.getOwnPropertyDescriptors(mod)).filter(
    (key) =>
      key !== "default" &&
      /^[A-Za-z_$][\w$]*$/.test(key) &&
      "value" in Object.getOwnPropertyDescriptor(mod, key),
  );
  return `const m = require(${JSON.stringify(name)});\nexport default m;\nexport const { ${names.join(", ")} } = m;\n`;
}

const unused = {
  name: "layan-unused-at-rest",
  setup(b) {
    // esbuild's filters are Go regular expressions: no lookahead, hence the test in the callback.
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/][^\\/]+\.js$/ }, (args) =>
      /[\\/](en|index)\.js$/.test(args.path)
        ? undefined
        : { contents: 'export { default } from "./en.js";', loader: "js" },
    );
    b.onResolve({ filter: builtin }, (args) =>
      args.kind === "import-statement" ? { path: args.path, namespace: "required-builtin" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "required-builtin" }, (args) => ({
      contents: requiredBuiltin(args.path),
      loader: "js",
    }));
    b.onResolve({ filter: /^mime-types$/ }, (args) =>
      args.namespace === "file" && args.importer === acceptsIndex
        ? { path: args.importer, namespace: "lazy-mime-types", pluginData: args.resolveDir }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-mime-types" }, (args) => ({
      contents:
        'let real; module.exports = { lookup: (type) => (real ??= require("mime-types")).lookup(type) };',
      resolveDir: args.pluginData,
      loader: "js",
    }));
  },
};

await build({
  // The report worker is a thread of its own with its own entry; src/reports/service.ts looks for it beside main.js.
  entryPoints: {
    main: `${here}src/main.ts`,
    cli: `${here}src/cli.ts`,
    "report-worker": `${here}src/reports/worker.ts`,
  },
  outdir: out,
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
  // web-push (MPL-2.0) stays its own unmodified files: see docs/licences.md.
  external: ["better-sqlite3", "web-push"],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  plugins: [unused],
  logLevel: "warning",
});
// One character above U+00FF anywhere in a chunk (esbuild cannot escape it
// inside a regular expression literal) doubles that chunk's resident source.
for (const file of readdirSync(out).filter((f) => f.endsWith(".js"))) {
  const text = readFileSync(`${out}/${file}`, "utf8");
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) {
    throw new Error(
      `dist/${file} is not ASCII near ${JSON.stringify(text.slice(Math.max(0, at - 60), at + 20))}: write the character as \\uXXXX in the source`,
    );
  }
}
// The store reads its numbered migrations next to the code.
cpSync(`${here}../../packages/store/src/migrations`, `${out}/migrations`, { recursive: true });
