import { defineConfig } from "vite";

// Served by the hub under /display/; React's automatic JSX runtime through Vite's built-in transform.
export default defineConfig({
  base: "/display/",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
});
