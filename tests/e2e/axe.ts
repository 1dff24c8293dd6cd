import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/**
 * axe-core run inside the page Playwright drives, the screen exactly as a
 * citizen or officer sees it. Its source is injected as a script (the pages'
 * CSP allows no foreign scripts to be loaded, but Playwright's evaluation is
 * not subject to it).
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the offending elements. */
  nodes: string[];
}

/** WCAG 2.1 A and AA plus axe's best practices (heading order, one h1, focusable scroll regions). */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** The page's accessibility violations; `[]` on a good screen. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const injected = await page.evaluate<boolean>("typeof window.axe === 'object'");
  if (!injected) await page.evaluate(AXE_SOURCE);
  // A string, not a function: this folder is typechecked without the DOM library.
  return page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(TAGS)} } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  })()`);
}
