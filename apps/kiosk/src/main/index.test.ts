import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { IPC } from "../shared/bridge";
import type { FakeWebContents } from "./fake-electron.test-support";

// The whole main process composed against plain Electron fakes: what it asks
// Electron for at start-up is what a real kiosk gets.
const dir = mkdtempSync(join(tmpdir(), "kiosk-main-"));
const settingsFile = join(dir, "kiosk-settings.json");
writeFileSync(
  settingsFile,
  JSON.stringify({
    hubUrl: "http://127.0.0.1:8080",
    deviceToken: "dev_0123456789",
    printer: { kind: "file", path: join(dir, "out.bin") },
  }),
);
process.env.LAYAN_KIOSK_SETTINGS = settingsFile;

interface Recorded {
  calls: string[];
  windows: { options: Record<string, unknown>; url: string | null; contents: unknown }[];
  ipc: Map<string, unknown>;
  schemes: unknown[];
  permissionRequest: unknown;
}
const recorded = vi.hoisted((): Recorded => ({
  calls: [],
  windows: [],
  ipc: new Map(),
  schemes: [],
  permissionRequest: null,
}));

vi.mock("electron", async () => {
  const { EventEmitter } = await import("node:events");
  const { FakeWebContents: Contents } = await import("./fake-electron.test-support");
  class BrowserWindow extends EventEmitter {
    webContents = new Contents();
    constructor(options: Record<string, unknown>) {
      super();
      recorded.windows.push({ options, url: null, contents: this.webContents });
    }
    loadURL(url: string) {
      recorded.windows.at(-1)!.url = url;
      return Promise.resolve();
    }
    show() {}
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    enableSandbox: () => recorded.calls.push("enableSandbox"),
    requestSingleInstanceLock: () => true,
    quit: () => recorded.calls.push("quit"),
    whenReady: () => Promise.resolve(),
    getPath: () => dir,
  });
  const session = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: (h: unknown) => (recorded.permissionRequest = h),
    setPermissionCheckHandler: () => {},
    setDevicePermissionHandler: () => {},
  });
  return {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string, listener: unknown) => recorded.ipc.set(channel, listener) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.schemes.push(...schemes),
      handle: (scheme: string) => recorded.calls.push(`protocol.handle:${scheme}`),
    },
    session: { defaultSession: session },
  };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("main process start-up", () => {
  it("sandboxes, serves app://, locks the window down and loads the kiosk", async () => {
    await import("./index");
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
    expect(recorded.calls).toContain("enableSandbox");
    expect(recorded.calls).toContain("protocol.handle:app");
    expect(recorded.schemes).toEqual([
      { scheme: "app", privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect([...recorded.ipc.keys()].sort()).toEqual(Object.values(IPC).sort());
    expect(typeof recorded.permissionRequest).toBe("function");

    const [window] = recorded.windows;
    expect(window!.url).toBe("app://layan/kiosk/");
    expect(window!.options).toMatchObject({
      kiosk: true,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false },
    });
    const contents = window!.contents as FakeWebContents;
    expect(contents.fire("will-navigate", "https://example.com/")).toBe(true);
    expect(contents.windowOpenHandler?.({ url: "https://example.com/" })).toEqual({ action: "deny" });
    expect(contents.listenerCount("render-process-gone")).toBe(1);
    expect(contents.listenerCount("before-input-event")).toBe(1);
  });
});
