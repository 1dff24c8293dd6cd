import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOOKING_KEY_FILE, keyedHash, loadOrCreateBookingKey, normalizePhone } from "./identity";
import { BookingLimits, type BookingLimitSettings } from "./limits";
import { newBookingCode, newBookingId } from "./service";
import { BOOKING_CODE, BOOKING_ID } from "@layan/protocol";

const LIMITS: BookingLimitSettings = { perContactPerDay: 1, perContactOpen: 2, perDevicePerDay: 2, perAddressPerHour: 3 };
const HOUR = 60 * 60_000;

describe("the calo limits", () => {
  let now = 0;
  let limits: BookingLimits;
  beforeEach(() => {
    now = 10 * HOUR;
    limits = new BookingLimits(() => now);
  });

  it("lets a device hold its day's share, then refuses, and counts an ended booking no more", () => {
    expect(limits.refuseHold(LIMITS, "dev", "2026-11-19")).toBeNull();
    limits.held("b1", "2026-11-19", "dev");
    limits.held("b2", "2026-11-19", "dev");
    expect(limits.refuseHold(LIMITS, "dev", "2026-11-19")).toBe("BOOKING_LIMIT_DEVICE");
    // Open in all: max(perDevicePerDay, perContactOpen) = 2, so another day is refused too.
    expect(limits.refuseHold(LIMITS, "dev", "2026-11-20")).toBe("BOOKING_LIMIT_DEVICE");
    expect(limits.refuseHold(LIMITS, "other", "2026-11-19")).toBeNull();
    limits.ended("b1");
    expect(limits.refuseHold(LIMITS, "dev", "2026-11-19")).toBeNull();
    expect(limits.size).toBe(1);
  });

  it("counts a contact's open bookings per day and in all, never the booking being confirmed", () => {
    limits.held("b1", "2026-11-19", "d1");
    expect(limits.refuseConfirm(LIMITS, "b1", "phone")).toBeNull();
    limits.confirmed("b1", "phone");
    // Confirming the same booking again is not a second one.
    expect(limits.refuseConfirm(LIMITS, "b1", "phone")).toBeNull();
    limits.held("b2", "2026-11-19", "d2");
    expect(limits.refuseConfirm(LIMITS, "b2", "phone")).toBe("BOOKING_LIMIT_CONTACT");
    limits.held("b3", "2026-11-20", "d3");
    limits.confirmed("b3", "phone");
    limits.held("b4", "2026-11-21", "d4");
    expect(limits.refuseConfirm(LIMITS, "b4", "phone")).toBe("BOOKING_LIMIT_CONTACT");
    // A confirm that did not commit is taken back.
    limits.unconfirmed("b3");
    expect(limits.refuseConfirm(LIMITS, "b4", "phone")).toBeNull();
    expect(limits.refuseConfirm(LIMITS, "b4", null)).toBeNull();
  });

  it("counts holds per address in hourly windows", () => {
    expect([1, 2, 3, 4].map(() => limits.takeAddressHold(LIMITS, "10.0.0.9"))).toEqual([true, true, true, false]);
    expect(limits.takeAddressHold(LIMITS, "10.0.0.10")).toBe(true);
    now += HOUR;
    expect(limits.takeAddressHold(LIMITS, "10.0.0.9")).toBe(true);
  });
});

describe("what the limits count by", () => {
  let dir = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "layan-booking-key-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads one phone number however it is written, and refuses what is none", () => {
    for (const written of ["0812-3456-7890", "+62 812 3456 7890", "6281234567890", " 0812 3456 7890 "]) {
      expect(normalizePhone(written)).toBe("081234567890");
    }
    expect(normalizePhone("12345")).toBeNull();
    expect(normalizePhone("0812345678901234")).toBeNull();
  });

  it("makes the booking key once (0600) and keeps it across starts; a broken file stops the hub", () => {
    const key = loadOrCreateBookingKey(dir);
    const file = join(dir, BOOKING_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateBookingKey(dir).equals(key)).toBe(true);
    expect(readFileSync(file, "utf8").trim()).toBe(key.toString("hex"));
    expect(keyedHash(key, "phone", "081234567890")).toBe(keyedHash(loadOrCreateBookingKey(dir), "phone", "081234567890"));
    // The same value as a device and as a phone are different keys: one cannot stand for the other.
    expect(keyedHash(key, "device", "x")).not.toBe(keyedHash(key, "phone", "x"));
    writeFileSync(file, "rusak\n");
    expect(() => loadOrCreateBookingKey(dir)).toThrow(/not a booking key/);
  });

  it("draws ids and codes in the wire's shapes", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newBookingCode()));
    for (const code of codes) expect(code).toMatch(BOOKING_CODE);
    expect(codes.size).toBeGreaterThan(190);
    expect(newBookingId()).toMatch(BOOKING_ID);
  });
});
