import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, startListening } from "../../../tests/support/listening";

/**
 * Loaded before the hub (`node --import`): notes every call into ICU, the
 * Intl constructors and the locale-sensitive methods, made from the
 * repository's own code (not tsx's), with the stack that made it, to the
 * file named by ICU_CALLS.
 */
const RECORDER = `
import { appendFileSync } from "node:fs";
const note = (what) => {
  const stack = new Error().stack.split("\\n").slice(3);
  if (!stack.some((f) => /\\/(apps|packages)\\//.test(f) && !f.includes("node_modules/.pnpm/tsx"))) return;
  appendFileSync(process.env.ICU_CALLS, what + " " + stack.slice(0, 6).join(" <") + "\\n");
};
for (const name of ["DateTimeFormat", "NumberFormat", "Collator", "PluralRules", "RelativeTimeFormat", "ListFormat", "Segmenter", "DisplayNames"]) {
  const Original = Intl[name];
  const Noted = function (...args) { note("Intl." + name + " " + JSON.stringify(args)); return new Original(...args); };
  Noted.prototype = Original.prototype;
  Noted.supportedLocalesOf = Original.supportedLocalesOf;
  Intl[name] = Noted;
}
for (const [proto, method] of [[String.prototype, "localeCompare"], [String.prototype, "toLocaleLowerCase"], [String.prototype, "toLocaleUpperCase"], [Number.prototype, "toLocaleString"], [Date.prototype, "toLocaleString"], [Date.prototype, "toLocaleDateString"], [Date.prototype, "toLocaleTimeString"], [Array.prototype, "toLocaleString"]]) {
  const original = proto[method];
  proto[method] = function (...args) { note(method); return original.apply(this, args); };
}
`;

// The first Intl call maps ICU's data, ~8 MB of an idle hub's resident set (docs/benchmarks.md, "### Memory (session 21)").
describe("the hub at rest", () => {
  const data = mkdtempSync(join(tmpdir(), "layan-icu-"));
  const calls = join(data, "icu-calls.txt");
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it("starts with the sample office (WIB) and answers /healthz without touching ICU", async () => {
    const { child, port } = await startListening(
      "apps/hub/src/main.ts",
      [
        "--port",
        "0",
        "--host",
        "127.0.0.1",
        "--data",
        data,
        "--config",
        join(ROOT, "kiosk-config"),
        "--log-level",
        "warn",
      ],
      {
        nodeArgs: ["--import", `data:text/javascript,${encodeURIComponent(RECORDER)}`],
        env: { ICU_CALLS: calls },
        name: "the hub",
      },
    );
    try {
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await new Promise((done) => {
        child.once("exit", done);
        child.kill("SIGTERM");
      });
    }
    const made = existsSync(calls) ? readFileSync(calls, "utf8").split("\n").filter(Boolean) : [];
    expect(made).toEqual([]);
  });
});
