import { defineConfig } from "vite";

const hub = process.env.LAYAN_HUB ?? "http://127.0.0.1:8080";

// Served by the hub under /dashboard/; React's automatic JSX runtime through Vite's built-in transform.
// `pnpm --filter @layan/dashboard dev` proxies the API and socket.io to a running hub (LAYAN_HUB).
export default defineConfig({
  base: "/dashboard/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    rolldownOptions: {
      onLog(level, log, handler) {
        // lucide-react marks its modules "use client" (a React Server Components hint); irrelevant in a SPA.
        if (log.code === "MODULE_LEVEL_DIRECTIVE") return;
        handler(level, log);
      },
    },
  },
  server: {
    proxy: {
      "/api": hub,
      "/socket.io": { target: hub, ws: true },
    },
  },
});
