/**
 * Colours and base styles shared by the counter, display and dashboard.
 * High contrast first: waiting rooms are bright, TVs are seen from 10 m, and
 * many citizens read with tired eyes. Colours are never the only signal.
 */
export const THEME = {
  navy: "#0b2545",
  navyDeep: "#071a33",
  blue: "#1354a5",
  teal: "#0f766e",
  gold: "#f5b700",
  green: "#15803d",
  amber: "#b45309",
  amberBright: "#f59e0b",
  red: "#b91c1c",
  ink: "#0f172a",
  muted: "#475569",
  line: "#cbd5e1",
  paper: "#f1f5f9",
  white: "#ffffff",
  font: `"Atkinson Hyperlegible Next Variable", "Atkinson Hyperlegible Next", system-ui, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif`,
} as const;

export const BASE_CSS = `
:root {
  --navy: ${THEME.navy}; --navy-deep: ${THEME.navyDeep}; --blue: ${THEME.blue}; --teal: ${THEME.teal};
  --gold: ${THEME.gold}; --green: ${THEME.green}; --amber: ${THEME.amber}; --amber-bright: ${THEME.amberBright};
  --red: ${THEME.red}; --ink: ${THEME.ink}; --muted: ${THEME.muted}; --line: ${THEME.line};
  --paper: ${THEME.paper}; --white: ${THEME.white};
  --font: ${THEME.font};
}
*, *::before, *::after { box-sizing: border-box; }
html, body, #root { margin: 0; height: 100%; }
body { font-family: var(--font); color: var(--ink); background: var(--paper); -webkit-font-smoothing: antialiased; }
button, input, select { font: inherit; }
.layan-conn { display: inline-flex; align-items: center; gap: .5em; padding: .35em .8em; border-radius: 999px;
  font-weight: 700; font-size: .95rem; background: #e2e8f0; color: var(--ink); }
.layan-conn__dot { width: .7em; height: .7em; border-radius: 50%; background: currentColor; }
.layan-conn--online { background: #dcfce7; color: #14532d; }
.layan-conn--reconnecting, .layan-conn--refused { background: var(--red); color: #fff; }
.layan-conn--reconnecting .layan-conn__dot { animation: layan-pulse 1s ease-in-out infinite; }
.layan-conn--connecting { background: #fef3c7; color: #78350f; }
.layan-key { display: inline-block; min-width: 1.6em; padding: .05em .35em; border-radius: .3em; border: 1px solid currentColor;
  border-bottom-width: 3px; font: 700 .8em/1.3 ui-monospace, "DejaVu Sans Mono", monospace; text-align: center; opacity: .9; }
@keyframes layan-pulse { 50% { opacity: .25; } }
@media (prefers-reduced-motion: reduce) { *, *::before, *::after { animation: none !important; transition: none !important; } }
`;

const installed = new WeakSet<Document>();

/**
 * Adds the shared base styles once. They go in as a constructed stylesheet,
 * not a <style> element: the hub's Content-Security-Policy (style-src 'self')
 * refuses inline <style>, so that injected markup cannot restyle a screen,
 * while a stylesheet built by the page's own script is allowed. Adopted
 * sheets come after the apps' CSS files in the cascade, so the rules sit in
 * a cascade layer: layered rules lose to the apps' unlayered ones, as if they
 * came first.
 */
export function installBaseStyles(doc: Document = document): void {
  if (installed.has(doc)) return;
  installed.add(doc);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@layer layan-base {${BASE_CSS}}`);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
