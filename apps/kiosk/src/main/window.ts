import type { BrowserWindowConstructorOptions, WebPreferences } from "electron";

/**
 * The one kiosk window. Every option here closes a door the Electron security
 * checklist names (https://www.electronjs.org/docs/latest/tutorial/security):
 * the renderer talks to the network (the hub) and shows configurable text, so
 * it is treated as untrusted.
 */
export function kioskWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    // Checklist 3: the preload's world and the page's world stay apart.
    contextIsolation: true,
    // Checklist 4: the renderer runs in Chromium's sandbox; the preload only gets contextBridge/ipcRenderer.
    sandbox: true,
    // Checklist 2: no require() or process in the page.
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Checklist 6/8: same-origin policy stays on; no mixed content, no experimental features.
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // Checklist 12: no <webview> to load arbitrary pages.
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools,
    // A kiosk keeps its timers running behind the idle screen.
    backgroundThrottling: false,
  };
}

export function kioskWindowOptions(options: {
  preloadPath: string;
  devTools: boolean;
  kiosk: boolean;
}): BrowserWindowConstructorOptions {
  return {
    show: false,
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    frame: !options.kiosk,
    autoHideMenuBar: true,
    backgroundColor: "#0a4a8c",
    title: "Layan Kios Antrean",
    width: 1080,
    height: 1920,
    webPreferences: kioskWebPreferences(options.preloadPath, options.devTools),
  };
}
