import type { KioskBridge } from "../shared/bridge";

declare global {
  interface Window {
    /** Present only inside the Electron shell (the preload's one bridge object). */
    layanKiosk?: KioskBridge;
  }
}

/** Where the kiosk runs, and so who prints. */
export type Runtime =
  | {
      mode: "electron";
      bridge: KioskBridge;
      hubUrl: string;
      /** null until the main process has paired the kiosk (it then reloads the renderer). */
      token: string | null;
      idleOverrideSeconds: number | null;
    }
  | { mode: "browser"; hubUrl: string; token: string | null; idleOverrideSeconds: number | null };

export const TOKEN_KEY = "layan.kiosk.token";
/** Below this a citizen cannot read the SOP before the screen resets; above it the next one finds a stale screen. */
const IDLE_BOUNDS = { min: 2, max: 600 } as const;

/**
 * Electron: settings come from the main process (the settings file).
 * Browser (served by the hub at /kiosk/?token=dev_...): the token is taken
 * from the address once, kept in localStorage, and removed from the address
 * bar so it is not left on screen or in the history.
 */
export async function resolveRuntime(win: Window): Promise<Runtime> {
  const bridge = win.layanKiosk;
  if (bridge) {
    const settings = await bridge.settings();
    return {
      mode: "electron",
      bridge,
      hubUrl: settings.hubUrl.replace(/\/$/, ""),
      token: settings.deviceToken,
      idleOverrideSeconds: settings.inactivityResetSeconds,
    };
  }
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get("token");
  let token: string | null;
  try {
    if (fromUrl) win.localStorage.setItem(TOKEN_KEY, fromUrl);
    token = win.localStorage.getItem(TOKEN_KEY);
  } catch {
    // Storage disabled (private mode): the address still carries the token.
    token = fromUrl;
  }
  if (fromUrl && token === fromUrl) {
    url.searchParams.delete("token");
    win.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }
  return {
    mode: "browser",
    hubUrl: "",
    token,
    idleOverrideSeconds: idleSeconds(url.searchParams.get("idle")),
  };
}

function idleSeconds(raw: string | null): number | null {
  if (raw === null) return null;
  const n = Number(raw);
  return Number.isFinite(n) && n >= IDLE_BOUNDS.min && n <= IDLE_BOUNDS.max ? n : null;
}

/** Default 60 s; the hub's office config (kiosk.inactivityResetSeconds) rules once it sends it. */
export const DEFAULT_IDLE_SECONDS = 60;

export function inactivitySeconds(override: number | null, catalog: unknown): number {
  if (override !== null) return override;
  const fromHub = (catalog as { kiosk?: { inactivityResetSeconds?: unknown } } | null)?.kiosk
    ?.inactivityResetSeconds;
  return typeof fromHub === "number" && fromHub >= IDLE_BOUNDS.min && fromHub <= IDLE_BOUNDS.max
    ? fromHub
    : DEFAULT_IDLE_SECONDS;
}
