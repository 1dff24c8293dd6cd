/** The parts of Electron's `app` this module uses. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: "second-instance", listener: () => void): unknown;
}

/**
 * Two kiosk processes would fight over the printer and the touch screen. A
 * second start quits and brings the running kiosk to the front instead.
 * Returns false when this process should not go on.
 */
export function ensureSingleInstance(app: SingleInstanceApp, bringToFront: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on("second-instance", bringToFront);
  return true;
}
