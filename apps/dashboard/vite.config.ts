import { defineConfig } from "vite";

// Served by the hub under /dashboard/; React's automatic JSX runtime through Vite's built-in transform.
export default defineConfig({
  base: "/dashboard/",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
});
