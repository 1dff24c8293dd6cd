import { defineConfig } from "vite";
import { webAppConfig } from "../../packages/ui/src/vite.ts";

// Served by the hub under /kiosk/ (browser kiosks) and by the Electron shell's
// app:// protocol under the same path, so one absolute base fits both.
export default defineConfig(webAppConfig({ base: "/kiosk/" }));
