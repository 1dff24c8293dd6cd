import { defineConfig } from "vite";
import { webAppConfig } from "../../packages/ui/src/vite.ts";

// Served by the hub under /kiosk/ (browser kiosks) and by the Electron shell's
// app:// protocol under the same path, so one absolute base fits both.
// Workers as ES modules: the bundled eSpeak-NG finds its .wasm through import.meta.url.
export default defineConfig(webAppConfig({ base: "/kiosk/" }, { worker: { format: "es" } }));
