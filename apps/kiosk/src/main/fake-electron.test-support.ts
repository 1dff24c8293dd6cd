import { EventEmitter } from "node:events";

/**
 * Plain stand-ins for the Electron objects the main modules take (WebContents,
 * Session, BrowserWindow, app, ipcMain): event emitters plus the few methods
 * used, recording what was called. Not fakes of our own code.
 */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: "deny" }) | null = null;
  reloads = 0;
  crashes = 0;
  devToolsClosed = 0;
  zoomLimits: [number, number] | null = null;
  destroyed = false;
  /** What main sent to the renderer (webContents.send). */
  sent: [string, ...unknown[]][] = [];

  setWindowOpenHandler(handler: (details: { url: string }) => { action: "deny" }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  reload(): void {
    this.reloads++;
  }
  forcefullyCrashRenderer(): void {
    this.crashes++;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  closeDevTools(): void {
    this.devToolsClosed++;
  }
  setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.zoomLimits = [min, max];
    return Promise.resolve();
  }

  /** Emits like Electron does and says whether a listener prevented the default. */
  fire(event: string, ...args: unknown[]): boolean {
    const e = new FakeEvent();
    this.emit(event, e, ...args);
    return e.defaultPrevented;
  }
}
