import { builtinModules } from "node:module";
import { defineConfig } from "vite";

// Electron main and preload as CommonJS in dist-electron/, one build each
// (`--mode main`, `--mode preload`): a sandboxed preload can require nothing
// but `electron`, so it must be one self-contained file with no shared chunk.
// Our workspace packages (TypeScript source) and their npm dependencies are
// bundled, which keeps the packaged app self-contained.
export default defineConfig(({ mode }) => {
  const entry = mode === "preload" ? "preload" : "main";
  return {
    build: {
      outDir: "dist-electron",
      emptyOutDir: entry === "main",
      target: "node22",
      ssr: true,
      minify: false,
      lib: {
        entry: { [entry]: `src/${entry}/index.ts` },
        formats: ["cjs"],
        fileName: () => `${entry}.cjs`,
      },
      rolldownOptions: {
        external: ["electron", ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      },
    },
    ssr: { noExternal: true },
  };
});
