import { describe, expect, it } from "vitest";
import { formatPairingCode, mayManageDevices, normalizePairingCode, PAIRING_ALPHABET, PAIRING_CODE_LENGTH, PairingCollectedSchema, PairingStartedSchema } from "./admin-devices";

describe("pairing codes", () => {
  it("leave out the characters read or typed as others (0/O, 1/I/L)", () => {
    for (const ch of "01OIL") expect(PAIRING_ALPHABET).not.toContain(ch);
    expect(new Set(PAIRING_ALPHABET).size).toBe(PAIRING_ALPHABET.length);
  });

  it("read as typed: any case, with dash or spaces; anything else is no code", () => {
    expect(formatPairingCode("K7Q4MZ")).toBe("K7Q-4MZ");
    expect(normalizePairingCode("k7q-4mz")).toBe("K7Q4MZ");
    expect(normalizePairingCode(" K7Q 4MZ ")).toBe("K7Q4MZ");
    expect(normalizePairingCode("K7Q4M")).toBeNull();
    expect(normalizePairingCode("K7Q40Z")).toBeNull();
    expect(normalizePairingCode("K7Q4MZ".repeat(2))).toBeNull();
    expect(PAIRING_CODE_LENGTH).toBe(6);
  });

  it("are approved by admins only", () => {
    expect(["officer", "supervisor", "manager", "admin", "kiosk"].filter(mayManageDevices)).toEqual(["admin"]);
  });
});

describe("the hub's pairing answers, as a device checks them", () => {
  const started = { code: "K7Q4MZ", secret: "s".repeat(32), expiresAt: 1_800_000_000_000, pollMs: 2_000 };

  it("takes what the hub sends, and fields a newer hub may add", () => {
    expect(PairingStartedSchema.parse({ ...started, extra: 1 })).toMatchObject(started);
    expect(PairingCollectedSchema.parse({ status: "pending", expiresAt: 1 })).toEqual({ status: "pending", expiresAt: 1 });
    const approved = { status: "approved", token: "dev_0123456789", deviceId: "kiosk-lobi", kind: "kiosk", name: "Kios Lobi" };
    expect(PairingCollectedSchema.parse(approved)).toEqual(approved);
  });

  it("refuses a code it could not show, a poll rate that would flood the hub, a token that is not one", () => {
    expect(PairingStartedSchema.safeParse({ ...started, code: "K0Q4MZ" }).success).toBe(false);
    expect(PairingStartedSchema.safeParse({ ...started, code: "<b>hi</b>" }).success).toBe(false);
    expect(PairingStartedSchema.safeParse({ ...started, pollMs: 0 }).success).toBe(false);
    expect(PairingStartedSchema.safeParse({ ...started, secret: undefined }).success).toBe(false);
    expect(PairingCollectedSchema.safeParse({ status: "approved", token: "", deviceId: "k", kind: "kiosk", name: "" }).success).toBe(false);
    expect(PairingCollectedSchema.safeParse({ status: "approved", token: "dev_0123456789", deviceId: "k", kind: "printer", name: "" }).success).toBe(false);
  });
});
