import { describe, expect, it } from "vitest";
import { formatPairingCode, mayManageDevices, normalizePairingCode, PAIRING_ALPHABET, PAIRING_CODE_LENGTH } from "./admin-devices";

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
