/**
 * Electron main: composes the small modules beside this file. Nothing here is
 * clever; each module names the threat it closes. Order matters only where
 * Electron says so (privileged schemes and the sandbox before `ready`).
 */
import { join } from "node:path";
import { app, BrowserWindow, ipcMain, protocol, session } from "electron";
import { createAdminExit } from "./admin-exit";
import { APP_ORIGIN, APP_SCHEME, serveRenderer, START_URL } from "./app-protocol";
import { recoverFromCrashes } from "./crash-recovery";
import { contentSecurityPolicy } from "./csp";
import { IPC_PUSH } from "../shared/bridge";
import { registerBridge } from "./ipc";
import { lockDownContents, preventClose } from "./lockdown";
import { lockNavigation } from "./navigation";
import { createPairing } from "./pairing";
import { denyAllPermissions } from "./permissions";
import { createKioskPrinter, transportFor } from "./printer";
import { loadSettings, runtimeSettings, settingsPath } from "./settings";
import { ensureSingleInstance } from "./single-instance";
import { kioskWindowOptions } from "./window";

const log = (message: string) => console.log(`[kiosk] ${message}`);

// Every renderer in Chromium's sandbox, whatever a window asks for.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
let quitting = false;

if (ensureSingleInstance(app, () => mainWindow?.show())) {
  void app.whenReady().then(start);
  app.on("before-quit", () => {
    quitting = true;
  });
  app.on("window-all-closed", () => app.quit());
}

function start(): void {
  const file = settingsPath(process.env, app.getPath("userData"));
  const loaded = loadSettings(file);
  let settings = loaded.ok ? loaded.settings : null;
  if (!loaded.ok) log(`settings: ${loaded.error}`);
  const devTools = !app.isPackaged && (settings?.devTools ?? false);
  const distDir = join(__dirname, "..", "dist");
  const csp = contentSecurityPolicy(settings?.hubUrl ?? "http://127.0.0.1:8080");

  protocol.handle(APP_SCHEME, (request) => serveRenderer(request, distDir, csp));
  denyAllPermissions(session.defaultSession, log);
  // Downloads would write files from the public screen.
  session.defaultSession.on("will-download", (event) => event.preventDefault());

  const printer = settings ? createKioskPrinter(transportFor(settings.printer), settings.paper) : null;
  const adminExit = createAdminExit({
    stored: settings?.adminPin ?? null,
    quit: () => {
      quitting = true;
      app.quit();
    },
  });
  // No token yet, or the hub refused it: pair by code; the token goes into the file, then the renderer starts over with it.
  const pairing = settings
    ? createPairing({
        hubUrl: settings.hubUrl,
        settingsFile: file,
        publish: (view) => {
          const contents = mainWindow?.webContents;
          if (contents && !contents.isDestroyed()) contents.send(IPC_PUSH.pairingView, view);
        },
        paired: (token) => {
          if (settings) settings = { ...settings, deviceToken: token };
          mainWindow?.webContents.reload();
        },
        log,
      })
    : null;
  if (settings && settings.deviceToken === undefined) pairing?.start();
  registerBridge(
    ipcMain,
    {
      settings: () => {
        if (!settings) throw new Error(loaded.ok ? "no settings" : loaded.error);
        return runtimeSettings(settings);
      },
      printerStatus: () =>
        printer?.status() ??
        Promise.resolve({ ready: false, problem: "PRINTER_OFFLINE", paperNearEnd: false }),
      printTicket: (ticket) =>
        printer?.print(ticket) ?? Promise.resolve({ ok: false, problem: "PRINTER_OFFLINE" }),
      printComplaint: (receipt) =>
        printer?.printComplaint(receipt) ?? Promise.resolve({ ok: false, problem: "PRINTER_OFFLINE" }),
      adminExit: (pin) => adminExit.attempt(pin),
      pairing: () => {
        if (!pairing) throw new Error(loaded.ok ? "no settings" : loaded.error);
        return pairing.start();
      },
    },
    APP_ORIGIN,
    log,
  );

  const window = new BrowserWindow(
    kioskWindowOptions({
      preloadPath: join(__dirname, "preload.cjs"),
      devTools,
      kiosk: app.isPackaged || !devTools,
    }),
  );
  mainWindow = window;
  const contents = window.webContents;
  lockNavigation(contents, APP_ORIGIN, log);
  lockDownContents(contents, devTools, log);
  recoverFromCrashes(contents, { log });
  preventClose(window, () => quitting);
  window.once("ready-to-show", () => window.show());
  window.on("closed", () => {
    mainWindow = null;
  });
  void window.loadURL(START_URL);
}
