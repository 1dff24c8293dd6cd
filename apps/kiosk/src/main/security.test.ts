import { describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./csp";
import { FakeWebContents } from "./fake-electron.test-support";
import { isBlockedShortcut, lockDownContents, preventClose, type KeyInput } from "./lockdown";
import { isAllowedUrl, lockNavigation } from "./navigation";
import { denyAllPermissions } from "./permissions";
import { ensureSingleInstance } from "./single-instance";
import { kioskWebPreferences, kioskWindowOptions } from "./window";

const ORIGIN = "app://layan";

describe("window", () => {
  it("isolates, sandboxes and keeps Node out of the renderer", () => {
    const prefs = kioskWebPreferences("/app/preload.cjs", false);
    expect(prefs).toMatchObject({
      preload: "/app/preload.cjs",
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it("opens a fullscreen, frameless kiosk window that waits until painted", () => {
    const options = kioskWindowOptions({ preloadPath: "/p.cjs", devTools: false, kiosk: true });
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, show: false });
    expect(options.webPreferences?.devTools).toBe(false);
  });
});

describe("navigation allow-list", () => {
  it.each([
    ["app://layan/kiosk/", true],
    ["app://layan/kiosk/assets/index.js", true],
    ["app://layan.evil/kiosk/", false],
    ["app://evil/kiosk/", false],
    ["http://layan/kiosk/", false],
    ["https://example.com/", false],
    ["file:///etc/passwd", false],
    ["javascript:alert(1)", false],
    ["app://user:pw@layan/kiosk/", false],
    ["not a url", false],
  ])("%s allowed: %s", (url, allowed) => {
    expect(isAllowedUrl(url, ORIGIN)).toBe(allowed);
  });

  it("stops navigation and redirects off the app's origin and lets its own through", () => {
    const contents = new FakeWebContents();
    const blocked: string[] = [];
    lockNavigation(contents, ORIGIN, (m) => blocked.push(m));
    expect(contents.fire("will-navigate", "https://phishing.example/")).toBe(true);
    expect(contents.fire("will-redirect", "http://10.0.0.1/")).toBe(true);
    expect(contents.fire("will-navigate", "app://layan/kiosk/")).toBe(false);
    expect(blocked).toHaveLength(2);
  });

  it("denies window.open even for the app's own origin, and refuses <webview>", () => {
    const contents = new FakeWebContents();
    lockNavigation(contents, ORIGIN);
    expect(contents.windowOpenHandler?.({ url: "https://example.com/" })).toEqual({ action: "deny" });
    expect(contents.windowOpenHandler?.({ url: "app://layan/kiosk/" })).toEqual({ action: "deny" });
    expect(contents.fire("will-attach-webview")).toBe(true);
  });
});

describe("permissions", () => {
  it("refuses every permission request, check and device", () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | null = null;
    let check: ((c: unknown, p: string) => boolean) | null = null;
    let device: ((d: unknown) => boolean) | null = null;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => void (request = h),
      setPermissionCheckHandler: (h: typeof check) => void (check = h),
      setDevicePermissionHandler: (h: typeof device) => void (device = h),
    };
    denyAllPermissions(session);
    for (const permission of [
      "media",
      "geolocation",
      "notifications",
      "clipboard-read",
      "hid",
      "serial",
      "usb",
    ]) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!({}, permission)).toBe(false);
    }
    expect(device!({ deviceType: "usb" })).toBe(false);
  });
});

describe("content security policy", () => {
  it("allows scripts only from the app and network only to the hub", () => {
    const csp = contentSecurityPolicy("http://10.0.0.2:8080");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    // 'wasm-unsafe-eval' (WebAssembly compile, for the bundled eSpeak-NG) is allowed; JS eval is not.
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("connect-src 'self' http://10.0.0.2:8080 ws://10.0.0.2:8080");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy("https://hub.example.go.id")).toContain("wss://hub.example.go.id");
    expect(securityHeaders(csp)["content-security-policy"]).toBe(csp);
  });
});

describe("lockdown", () => {
  const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
    type: "keyDown",
    key: k,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...mods,
  });

  it("swallows devtools, reload, zoom and close shortcuts; lets typing through", () => {
    expect(isBlockedShortcut(key("F12"), false)).toBe(true);
    expect(isBlockedShortcut(key("I", { control: true, shift: true }), false)).toBe(true);
    expect(isBlockedShortcut(key("r", { control: true }), false)).toBe(true);
    expect(isBlockedShortcut(key("F5"), false)).toBe(true);
    expect(isBlockedShortcut(key("w", { control: true }), false)).toBe(true);
    expect(isBlockedShortcut(key("=", { control: true }), false)).toBe(true);
    expect(isBlockedShortcut(key("F4", { alt: true }), false)).toBe(true);
    expect(isBlockedShortcut(key("ArrowLeft", { alt: true }), false)).toBe(true);
    expect(isBlockedShortcut(key("a"), false)).toBe(false);
    expect(isBlockedShortcut(key("5"), false)).toBe(false);
    // Development builds may open devtools, never reload by shortcut.
    expect(isBlockedShortcut(key("F12"), true)).toBe(false);
    expect(isBlockedShortcut(key("r", { control: true }), true)).toBe(true);
  });

  it("closes devtools that open anyway in production and pins the zoom", () => {
    const contents = new FakeWebContents();
    lockDownContents(contents, false);
    contents.emit("devtools-opened");
    expect(contents.devToolsClosed).toBe(1);
    expect(contents.zoomLimits).toEqual([1, 1]);
    expect(contents.fire("before-input-event", key("F12"))).toBe(true);
    expect(contents.fire("before-input-event", key("x"))).toBe(false);
  });

  it("keeps the window open until the admin exit allows closing", () => {
    const window = new FakeWebContents();
    let allowed = false;
    preventClose(window, () => allowed);
    expect(window.fire("close")).toBe(true);
    allowed = true;
    expect(window.fire("close")).toBe(false);
  });
});

describe("single instance", () => {
  it("quits a second kiosk process and brings the first to the front", () => {
    const first = {
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      handlers: [] as (() => void)[],
      on(_e: "second-instance", l: () => void) {
        this.handlers.push(l);
      },
    };
    const focus = vi.fn();
    expect(ensureSingleInstance(first, focus)).toBe(true);
    first.handlers[0]!();
    expect(focus).toHaveBeenCalledOnce();
    expect(first.quit).not.toHaveBeenCalled();

    const second = { requestSingleInstanceLock: () => false, quit: vi.fn(), on: vi.fn() };
    expect(ensureSingleInstance(second, focus)).toBe(false);
    expect(second.quit).toHaveBeenCalledOnce();
    expect(second.on).not.toHaveBeenCalled();
  });
});
