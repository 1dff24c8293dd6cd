import { mergeConfig, type Plugin, type UserConfig } from "vite";

/*
 * The Vite config every Layan web app starts from (kiosk renderer, counter,
 * display, dashboard). Node code for the apps' vite.config.ts, so it stays out
 * of the package's index (browser code). No React plugin: Vite's built-in
 * transform compiles JSX with the automatic runtime, which is all the apps use.
 *
 * The configs import it by relative path, not as "@layan/ui/vite": Vite bundles
 * a config file's relative imports but hands bare package imports to Node,
 * which (Node 20) cannot load this TypeScript source.
 */
export interface WebAppOptions {
  /** Where the hub serves the built app, e.g. "/counter/": asset URLs in index.html start with it. */
  base: string;
  /**
   * `vite dev` forwards the API and socket.io to a running hub (LAYAN_HUB,
   * default http://127.0.0.1:8080), so the app talks to real data while its
   * sources hot-reload.
   */
  hubProxy?: boolean;
}

/** The Layan "L" on the brand's yellow, as the tab and bookmark icon. */
const ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%23f5b700'/%3E%3Ctext x='16' y='23' font-family='Arial' font-weight='700' font-size='20' text-anchor='middle' fill='%230b2545'%3EL%3C/text%3E%3C/svg%3E";

/**
 * What every app's <head> carries, so each index.html says only its title and
 * its entry point: the charset, a viewport that phones and kiosks honour, and
 * the icon.
 */
function sharedHead(): Plugin {
  return {
    name: "layan-shared-head",
    transformIndexHtml: () => [
      { tag: "meta", attrs: { charset: "UTF-8" }, injectTo: "head-prepend" },
      { tag: "meta", attrs: { name: "viewport", content: "width=device-width, initial-scale=1" }, injectTo: "head" },
      { tag: "link", attrs: { rel: "icon", href: ICON }, injectTo: "head" },
    ],
  };
}

/** The shared config, with `extra` (an app's own plugins, worker options…) merged over it. */
export function webAppConfig({ base, hubProxy = false }: WebAppOptions, extra: UserConfig = {}): UserConfig {
  const hub = process.env.LAYAN_HUB ?? "http://127.0.0.1:8080";
  const shared: UserConfig = {
    base,
    plugins: [sharedHead()],
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
    server: hubProxy ? { proxy: { "/api": hub, "/socket.io": { target: hub, ws: true } } } : {},
  };
  return mergeConfig(shared, extra);
}
