import { mergeConfig, type UserConfig } from "vite";

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

/** The shared config, with `extra` (an app's own plugins, worker options…) merged over it. */
export function webAppConfig({ base, hubProxy = false }: WebAppOptions, extra: UserConfig = {}): UserConfig {
  const hub = process.env.LAYAN_HUB ?? "http://127.0.0.1:8080";
  const shared: UserConfig = {
    base,
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
