import { defineConfig } from "vite";
import { webAppConfig } from "../../packages/ui/src/vite.ts";

// The central server serves the built app at "/" (apps/regency/src/server.ts).
// `pnpm --filter @layan/regency-web dev` proxies /api to a running central
// server (LAYAN_HUB, e.g. http://127.0.0.1:8443 from `pnpm regency serve`).
export default defineConfig(webAppConfig({ base: "/", hubProxy: true }));
