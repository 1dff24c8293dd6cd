import { describe, expect, it, vi } from "vitest";
import { createAdminExit, hashPin, LOCKOUT_MS, MAX_FAILURES, verifyPin } from "./admin-exit";
import { loadSettings, runtimeSettings, settingsPath } from "./settings";

const valid = {
  hubUrl: "http://10.0.0.2:8080",
  deviceToken: "dev_abcdefghijkl",
  printer: { kind: "network", host: "10.0.0.30" },
};

describe("settings file", () => {
  it("reads a valid file and fills defaults", () => {
    const result = loadSettings("/k.json", () => JSON.stringify(valid));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.printer).toEqual({ kind: "network", host: "10.0.0.30", port: 9100 });
    expect(result.settings.paper).toBe("80mm");
    expect(result.settings.devTools).toBe(false);
    expect(result.settings.adminPin).toBeNull();
  });

  it("takes a file without a token (the kiosk pairs by code), but not one without the hub's address", () => {
    const { deviceToken: _token, ...unpaired } = valid;
    const result = loadSettings("/k.json", () => JSON.stringify(unpaired));
    if (!result.ok) throw new Error(result.error);
    expect(runtimeSettings(result.settings).deviceToken).toBeNull();
    const { hubUrl: _hub, ...nowhere } = unpaired;
    const bad = loadSettings("/k.json", () => JSON.stringify(nowhere));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain("hubUrl");
  });

  it("names what is wrong instead of throwing", () => {
    const missing = loadSettings("/none.json", () => {
      throw Object.assign(new Error("no"), { code: "ENOENT" });
    });
    expect(missing).toEqual({ ok: false, error: "/none.json: cannot read (ENOENT)" });
    expect(loadSettings("/k.json", () => "{oops").ok).toBe(false);
    const bad = loadSettings("/k.json", () => JSON.stringify({ ...valid, hubUrl: "ftp://x", extra: 1 }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error).toContain("hubUrl");
      expect(bad.error).toContain("extra");
    }
  });

  it("gives the renderer neither the PIN hash nor the printer address", () => {
    const result = loadSettings("/k.json", () => JSON.stringify({ ...valid, adminPin: hashPin("2468") }));
    if (!result.ok) throw new Error(result.error);
    const seen = runtimeSettings(result.settings);
    expect(Object.keys(seen).sort()).toEqual(["deviceToken", "hubUrl", "inactivityResetSeconds", "paper"]);
  });

  it("is found through LAYAN_KIOSK_SETTINGS or in userData", () => {
    expect(settingsPath({ LAYAN_KIOSK_SETTINGS: "/etc/layan.json" }, "/home/k/.config/Layan")).toBe(
      "/etc/layan.json",
    );
    expect(settingsPath({}, "/home/k/.config/Layan/")).toBe("/home/k/.config/Layan/kiosk-settings.json");
  });
});

describe("admin exit", () => {
  const stored = hashPin("2468", "00112233445566778899aabbccddeeff");

  it("checks the PIN against its scrypt hash", () => {
    expect(verifyPin("2468", stored)).toBe(true);
    expect(verifyPin("2469", stored)).toBe(false);
    expect(verifyPin("", stored)).toBe(false);
  });

  it("quits on the right PIN only", () => {
    const quit = vi.fn();
    const exit = createAdminExit({ stored, quit });
    expect(exit.attempt("1111")).toBe(false);
    expect(exit.attempt(42)).toBe(false);
    expect(quit).not.toHaveBeenCalled();
    expect(exit.attempt("2468")).toBe(true);
    expect(quit).toHaveBeenCalledOnce();
  });

  it("locks after repeated failures, even against the right PIN", () => {
    let now = 1_000;
    const quit = vi.fn();
    const exit = createAdminExit({ stored, quit, now: () => now });
    for (let i = 0; i < MAX_FAILURES; i++) exit.attempt("0000");
    expect(exit.attempt("2468")).toBe(false);
    now += LOCKOUT_MS + 1;
    expect(exit.attempt("2468")).toBe(true);
  });

  it("cannot be left at all without a PIN in the settings", () => {
    const quit = vi.fn();
    expect(createAdminExit({ stored: null, quit }).attempt("2468")).toBe(false);
    expect(quit).not.toHaveBeenCalled();
  });
});
