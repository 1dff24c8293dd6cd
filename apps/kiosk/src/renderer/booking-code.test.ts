import { describe, expect, it } from "vitest";
import { BOOKING_CODE } from "@layan/protocol";
import { CODE_KEY_ROWS, codeOf, codeShown, scanKey, typeCodeKey } from "./booking-code";

const typeAll = (keys: string) => [...keys].reduce(typeCodeKey, "");

describe("typing a booking code at the kiosk", () => {
  it("offers only the code's letters and digits", () => {
    const keys = CODE_KEY_ROWS.join("");
    expect(keys).toHaveLength(32);
    for (const never of "ILOU") expect(keys).not.toContain(never);
    expect(CODE_KEY_ROWS[0]).toBe("1234567890");
  });

  it("puts the dash in by itself and stops at six", () => {
    expect(codeShown(typeAll("7k"))).toBe("7K");
    expect(codeShown(typeAll("7kq"))).toBe("7KQ-");
    expect(codeShown(typeAll("7kqm4"))).toBe("7KQ-M4");
    expect(codeOf(typeAll("7kqm4"))).toBeNull();
    expect(codeOf(typeAll("7kqm4pzz"))).toBe("7KQ-M4P");
    expect(BOOKING_CODE.test(codeOf(typeAll("7kqm4p")) ?? "")).toBe(true);
  });

  it("reads what is misread the forgiving way and ignores what no code has", () => {
    expect(typeAll("o1l-i u")).toBe("0111");
    expect(typeAll("A B")).toBe("AB");
  });
});

describe("a USB QR scanner at the code screen", () => {
  const scan = (text: string) => {
    let buffer = "";
    for (const key of [...text, "Enter"]) {
      const next = scanKey(buffer, key);
      if (key === "Enter") return next.code;
      buffer = next.buffer;
    }
    return null;
  };

  it("reads the receipt's link and a typed code", () => {
    expect(scan("https://antrean.example.go.id/reservasi/AbCdEfGhIjKlMnOp?kode=7KQ-M4P")).toBe("7KQ-M4P");
    expect(scan("7kq m4p")).toBe("7KQ-M4P");
    expect(scan("https://example.com/something-else")).toBeNull();
  });

  it("ignores keys that type nothing and starts over after Enter", () => {
    expect(scanKey("7KQ", "Shift")).toEqual({ buffer: "7KQ", code: null });
    expect(scanKey("", "Enter")).toEqual({ buffer: "", code: null });
    expect(scanKey("x".repeat(300), "y").buffer).toHaveLength(300);
  });
});
