/**
 * Content-Security-Policy for the renderer (Electron security checklist 7):
 * scripts, styles and fonts only from the app itself, no eval, no inline
 * script, no frames, no plugins; network only to the hub (socket.io over
 * WebSocket or long-polling).
 */
export function contentSecurityPolicy(hubUrl: string): string {
  const hub = new URL(hubUrl);
  const ws = `${hub.protocol === "https:" ? "wss:" : "ws:"}//${hub.host}`;
  return [
    "default-src 'none'",
    // WebAssembly compile only, and workers from the app itself: the bundled eSpeak-NG for "Dengarkan".
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "font-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${hub.origin} ${ws}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "worker-src 'self'",
  ].join("; ");
}

/** Headers every renderer response carries. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
  };
}
