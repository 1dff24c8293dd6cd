import { describe, expect, it } from "vitest";
import { BookingQueue } from "../../../packages/core/src/testing/booking";
import { FRIDAY, jakarta, THURSDAY } from "../../../packages/core/src/testing/fixtures";
import { Views } from "./views";

const at = (day: string, hhmm: string) => jakarta(`${day} ${hhmm}`);

/**
 * The kiosk's "Kuota habis" comes from `service:status`'s quotaLeft. It must be
 * the count the hub's walk-in decision uses (docs/booking.md decision 4): a
 * kiosk that shows a place the hub then refuses sends a citizen to an error.
 */
describe("service status quotaLeft with open bookings", () => {
  it("is the quota less today's tickets and today's open bookings, and 0 exactly when a walk-in is refused", () => {
    const q = new BookingQueue(); // KTP quota 10
    const views = new Views(() => "Siti");
    q.book("ktp", at(FRIDAY, "09:00"), at(THURSDAY, "10:00"));
    q.book("ktp", at(FRIDAY, "10:00"), at(THURSDAY, "10:00"));
    for (let i = 0; i < 7; i++) q.issue("ktp", at(FRIDAY, "08:00"));
    expect(views.serviceStatus(q.state, "ktp", at(FRIDAY, "08:01")).quotaLeft).toBe(1);
    q.issue("ktp", at(FRIDAY, "08:02"));
    expect(views.serviceStatus(q.state, "ktp", at(FRIDAY, "08:03")).quotaLeft).toBe(0);
    const walkIn = { type: "issueTicket" as const, ticketId: "w", serviceId: "ktp", priority: null, kioskId: null };
    expect(q.refused(walkIn, at(FRIDAY, "08:03"))).toBe("QUOTA_REACHED");
  });
});
