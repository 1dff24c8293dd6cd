import { describe, expect, it } from "vitest";
import { BOOKING_STATUSES } from "@layan/protocol";
import { BOOKING_STATUS_LABELS, cancellable, contactText, reasonProblem, slotRange } from "./bookings";

describe("Administrasi → Reservasi", () => {
  it("writes a slot in the office's time, whatever the browser's zone", () => {
    const start = Date.UTC(2026, 11, 9, 2, 30); // 09.30 WIB
    expect(slotRange(start, start + 30 * 60_000, "Asia/Jakarta")).toBe("09.30–10.00");
    expect(slotRange(start, start + 30 * 60_000, "Asia/Jayapura")).toBe("11.30–12.00");
  });

  it("shows staff only what is kept of the citizen", () => {
    expect(contactText({ name: "Budi Santoso", phoneLast4: "1234" })).toBe("Budi Santoso · HP …1234");
    expect(contactText({ name: null, phoneLast4: "9876" })).toBe("HP …9876");
    // Deleted with the visit: nothing left to show.
    expect(contactText({ name: null, phoneLast4: null })).toBe("–");
  });

  it("offers cancel only for an open booking, and asks for a reason the hub accepts", () => {
    expect(BOOKING_STATUSES.filter((status) => cancellable({ status }))).toEqual(["held", "confirmed"]);
    for (const s of BOOKING_STATUSES) expect(BOOKING_STATUS_LABELS[s]).toBeTruthy();
    expect(reasonProblem("  ab ")).toMatch(/minimal 3/);
    expect(reasonProblem("Pemohon meminta lewat telepon")).toBeNull();
    expect(reasonProblem("x".repeat(201))).toMatch(/200/);
  });
});
