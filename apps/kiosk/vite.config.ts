import { defineConfig } from "vite";

// Served by the hub under /kiosk/ (browser kiosks) and by the Electron shell's
// app:// protocol under the same path. React's automatic JSX runtime through
// Vite's built-in transform.
export default defineConfig({
  base: "/kiosk/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    rolldownOptions: {
      onwarn(warning, warn) {
        // lucide-react marks its modules "use client" for React Server Components; meaningless here.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
});
