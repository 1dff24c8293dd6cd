/**
 * Keyboard and window lockdown for a public touch screen that may have a
 * keyboard plugged in: no devtools, no reload, no zoom, no closing the window
 * with a shortcut. Leaving kiosk mode is by admin PIN only.
 */

export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export interface LockdownContents {
  on(
    event: "before-input-event",
    listener: (event: { preventDefault(): void }, input: KeyInput) => void,
  ): unknown;
  on(event: "devtools-opened", listener: () => void): unknown;
  closeDevTools(): void;
  setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void>;
}

/** Shortcuts a kiosk must swallow; true when the key combination is blocked. */
export function isBlockedShortcut(input: KeyInput, allowDevTools: boolean): boolean {
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (
    key === "f12" ||
    (mod && input.shift && ["i", "j", "c"].includes(key)) ||
    (input.meta && input.alt && key === "i")
  ) {
    return !allowDevTools;
  }
  if (
    key === "f5" ||
    key === "f11" ||
    (mod && ["r", "w", "q", "p", "s", "o", "n", "t", "l", "f", "g", "u"].includes(key))
  )
    return true;
  // Zoom would push the main action off screen.
  if (mod && ["+", "-", "=", "0"].includes(key)) return true;
  if (input.alt && (key === "f4" || key === "arrowleft" || key === "arrowright" || key === "home"))
    return true;
  return false;
}

export function lockDownContents(
  contents: LockdownContents,
  allowDevTools: boolean,
  log: (message: string) => void = () => {},
): void {
  contents.on("before-input-event", (event, input) => {
    if (input.type === "keyDown" && isBlockedShortcut(input, allowDevTools)) event.preventDefault();
  });
  if (!allowDevTools) {
    // webPreferences.devTools=false already refuses; this is the belt to those braces.
    contents.on("devtools-opened", () => {
      log("devtools opened in production; closing");
      contents.closeDevTools();
    });
  }
  void contents.setVisualZoomLevelLimits(1, 1).catch(() => {});
}

/** The parts of BrowserWindow this module uses. */
export interface ClosableWindow {
  on(event: "close", listener: (event: { preventDefault(): void }) => void): unknown;
}

/** The window closes only when the admin exit (or the OS shutting down) says so. */
export function preventClose(window: ClosableWindow, mayClose: () => boolean): void {
  window.on("close", (event) => {
    if (!mayClose()) event.preventDefault();
  });
}
