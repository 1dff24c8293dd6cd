import { describe, expect, it, vi } from "vitest";
import type { PairingView } from "../shared/bridge";
import { createPairing } from "./pairing";

// What is not a hub's answer is acted on as no hub at all: nothing from it reaches the screen or the settings file.
// (Pairing against a real hub: pairing-hub.test.ts.)
describe("Electron pairing: answers that are not the hub's", () => {
  it("a malformed code or a page from something else is retried, never shown", async () => {
    const answers: unknown[] = [
      { ok: true, data: { code: "<img src=x>", secret: "s".repeat(32), expiresAt: 1, pollMs: 2_000 } },
      "<html>captive portal</html>",
    ];
    const shown: PairingView[] = [];
    const stored = vi.fn(() => ({ ok: true as const }));
    const pairing = createPairing({
      hubUrl: "http://127.0.0.1:9",
      settingsFile: "/unused.json",
      publish: (view) => shown.push(view),
      paired: () => {},
      fetch: () => {
        const next = answers.shift();
        return Promise.resolve(new Response(typeof next === "string" ? next : JSON.stringify(next ?? { ok: false, error: { code: "TOO_MANY_REQUESTS", message: "Terlalu banyak permintaan dari perangkat ini." } })));
      },
      backoff: { firstMs: 1, maxMs: 2 },
      probe: () => ({ ok: true }),
      store: stored,
    });
    pairing.start();
    // The third answer is a real refusal: the hub's own Indonesian message is shown.
    await vi.waitFor(() => expect(pairing.view()).toMatchObject({ status: "waiting", message: "Terlalu banyak permintaan dari perangkat ini." }));
    pairing.stop();
    expect(shown.filter((v) => v.status === "waiting").map((v) => (v as { message: string }).message.slice(0, 38))).toEqual([
      "Tidak dapat terhubung ke server antrea",
      "Tidak dapat terhubung ke server antrea",
      "Terlalu banyak permintaan dari perangk",
    ]);
    expect(shown.some((v) => v.status === "showing")).toBe(false);
    expect(stored).not.toHaveBeenCalled();
  });
});
