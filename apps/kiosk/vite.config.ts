import { defineConfig } from "vite";

// Served by the hub under /kiosk/; React's automatic JSX runtime through Vite's built-in transform.
export default defineConfig({
  base: "/kiosk/",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
});
