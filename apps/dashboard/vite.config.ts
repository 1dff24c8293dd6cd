import { defineConfig } from "vite";
import { webAppConfig } from "../../packages/ui/src/vite.ts";

// `pnpm --filter @layan/dashboard dev` proxies the API and socket.io to a running hub (LAYAN_HUB).
export default defineConfig(webAppConfig({ base: "/dashboard/", hubProxy: true }));
