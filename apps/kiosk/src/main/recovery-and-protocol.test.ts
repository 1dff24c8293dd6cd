import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveRenderer, START_URL } from "./app-protocol";
import { recoverFromCrashes } from "./crash-recovery";
import { FakeWebContents } from "./fake-electron.test-support";

function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    setTimer: (fn: () => void) => {
      const id = next++;
      pending.set(id, fn);
      return id;
    },
    clearTimer: (id: unknown) => void pending.delete(id as number),
    runAll: () => {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
    },
    get count() {
      return pending.size;
    },
  };
}

describe("crash recovery", () => {
  it("reloads a renderer that crashed, after a pause", () => {
    const contents = new FakeWebContents();
    const timers = manualTimers();
    recoverFromCrashes(contents, timers);
    contents.emit("render-process-gone", {}, { reason: "oom", exitCode: 9 });
    expect(contents.reloads).toBe(0);
    timers.runAll();
    expect(contents.reloads).toBe(1);
  });

  it("kills and reloads a renderer that stays hung, not one that recovers", () => {
    const contents = new FakeWebContents();
    const timers = manualTimers();
    recoverFromCrashes(contents, timers);
    contents.emit("unresponsive");
    contents.emit("unresponsive");
    expect(timers.count).toBe(1);
    contents.emit("responsive");
    timers.runAll();
    expect(contents.crashes).toBe(0);

    contents.emit("unresponsive");
    timers.runAll();
    expect(contents.crashes).toBe(1);
    expect(contents.reloads).toBe(1);
  });

  it("does not touch a window that is gone", () => {
    const contents = new FakeWebContents();
    const timers = manualTimers();
    recoverFromCrashes(contents, timers);
    contents.emit("render-process-gone", {}, { reason: "clean-exit", exitCode: 0 });
    contents.destroyed = true;
    timers.runAll();
    expect(contents.reloads).toBe(0);
  });
});

describe("app:// protocol", () => {
  let dist: string;
  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), "kiosk-proto-"));
    dist = join(root, "dist");
    mkdirSync(join(dist, "assets"), { recursive: true });
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>kiosk</title>");
    writeFileSync(join(dist, "assets", "index-abc.js"), "console.log(1)");
    writeFileSync(join(root, "kiosk-settings.json"), '{"secret":true}');
  });
  afterAll(() => rmSync(join(dist, ".."), { recursive: true, force: true }));

  const get = (url: string) => serveRenderer(new Request(url), dist, "default-src 'none'");

  it("serves the built renderer with its CSP", async () => {
    const index = await get(START_URL);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toContain("text/html");
    expect(index.headers.get("content-security-policy")).toBe("default-src 'none'");
    const script = await get("app://layan/kiosk/assets/index-abc.js");
    expect(await script.text()).toBe("console.log(1)");
    expect(script.headers.get("content-type")).toContain("javascript");
  });

  it("never reads outside the renderer folder", async () => {
    for (const sneaky of [
      "app://layan/kiosk/..%2Fkiosk-settings.json",
      "app://layan/kiosk/%2e%2e/kiosk-settings.json",
      "app://layan/kiosk/..%5Ckiosk-settings.json",
    ]) {
      const answer = await get(sneaky);
      expect(answer.status, sneaky).toBeGreaterThanOrEqual(400);
      expect(await answer.text()).not.toContain("secret");
    }
    expect((await get("app://other/kiosk/index.html")).status).toBe(404);
    expect((await get("app://layan/elsewhere/index.html")).status).toBe(404);
    expect((await get("app://layan/kiosk/assets/missing.js")).status).toBe(404);
  });
});
