/**
 * Navigation stays on the app's own origin (Electron security checklist 13
 * and 14): a link in a service description, an injected script or a redirect
 * must never turn the kiosk into a public web browser.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of Electron's WebContents this module uses. */
export interface NavigationContents {
  on(event: "will-navigate", listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: "will-redirect", listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: "will-attach-webview", listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: "deny" }): void;
}

export function isAllowedUrl(url: string, allowedOrigin: string): boolean {
  try {
    const parsed = new URL(url);
    // URL.origin is "null" for non-special schemes Chromium registered as standard; compare by parts.
    const allowed = new URL(allowedOrigin);
    return (
      parsed.protocol === allowed.protocol &&
      parsed.host === allowed.host &&
      parsed.username === "" &&
      parsed.password === ""
    );
  } catch {
    return false;
  }
}

export function lockNavigation(
  contents: NavigationContents,
  allowedOrigin: string,
  log: (message: string) => void = () => {},
): void {
  const guard = (kind: string) => (event: PreventableEvent, url: string) => {
    if (isAllowedUrl(url, allowedOrigin)) return;
    event.preventDefault();
    log(`blocked ${kind} to ${url}`);
  };
  contents.on("will-navigate", guard("navigation"));
  contents.on("will-redirect", guard("redirect"));
  contents.on("will-attach-webview", (event) => {
    event.preventDefault();
    log("blocked a <webview>");
  });
  // Checklist 14: window.open and target=_blank open nothing, not even on our origin.
  contents.setWindowOpenHandler(({ url }) => {
    log(`denied window.open(${url})`);
    return { action: "deny" };
  });
}
