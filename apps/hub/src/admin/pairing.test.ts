import { describe, expect, it } from "vitest";
import { PAIRING_MAX_PENDING, PAIRING_TTL_MS, PairingBook } from "./pairing";

/** The book on a clock the test moves: ten minutes pass without waiting ten minutes. */
function book() {
  let now = 1_800_000_000_000;
  return { book: new PairingBook(() => now), pass: (ms: number) => (now += ms) };
}

const must = <T extends { ok: boolean }>(r: T): T & { ok: true } => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as T & { ok: true };
};

describe("PairingBook", () => {
  it("refuses an expired code to the admin and to the device, and says expired rather than unknown", () => {
    const { book: b, pass } = book();
    const started = must(b.start("kiosk", "10.0.0.7", null));
    pass(PAIRING_TTL_MS - 1);
    expect(b.lookup(started.code).ok).toBe(true);
    pass(1);
    expect(b.lookup(started.code)).toEqual({ ok: false, code: "DEVICE_PAIRING_EXPIRED" });
    expect(b.collect(started.secret)).toEqual({ ok: false, code: "DEVICE_PAIRING_EXPIRED" });
    // Long after, the code is simply unknown again.
    pass(PAIRING_TTL_MS);
    expect(b.lookup(started.code)).toEqual({ ok: false, code: "DEVICE_PAIRING_UNKNOWN" });
  });

  it("hands an approved token out once, to the secret only, and calls the code used afterwards", () => {
    const { book: b } = book();
    const started = must(b.start("display", "10.0.0.8", "Chromium"));
    b.approve(started.code, { token: "dev_x", deviceId: "display-1", name: "Layar 1" });
    expect(b.lookup(started.code)).toEqual({ ok: false, code: "DEVICE_PAIRING_USED" });
    expect(b.collect(started.code).ok).toBe(false);
    expect(b.collect(started.secret)).toMatchObject({ ok: true, status: "approved", token: "dev_x", kind: "display" });
    expect(b.collect(started.secret).ok).toBe(false);
    expect(b.lookup(started.code)).toEqual({ ok: false, code: "DEVICE_PAIRING_USED" });
  });

  it("holds a bounded number of pending codes; an expired one frees its place", () => {
    const { book: b, pass } = book();
    for (let i = 0; i < PAIRING_MAX_PENDING; i += 1) must(b.start("kiosk", `10.0.${i}.1`, null));
    expect(b.start("kiosk", "10.9.9.9", null)).toEqual({ ok: false, code: "DEVICE_PAIRING_FULL" });
    pass(PAIRING_TTL_MS);
    expect(b.start("kiosk", "10.9.9.9", null).ok).toBe(true);
  });
});
