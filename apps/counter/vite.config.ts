import { defineConfig } from "vite";

// Served by the hub under /counter/; React's automatic JSX runtime through Vite's built-in transform.
export default defineConfig({
  base: "/counter/",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
});
