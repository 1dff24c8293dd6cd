/**
 * Issue 17: "the daily quota counts booked and walk-in tickets together with
 * no number twice" (docs/booking.md decision 4), in Chromium against a real
 * hub process. KTP-el has a daily quota of 6, bookings may take half of it:
 * three phones book, a fourth is refused with the hub's sentence. On the
 * morning of the visit (a new hub process on the same data, LAYAN_TEST_NOW)
 * walk-ins fill the other three places and the browser kiosk shows the
 * service full although three bookings are still open; one citizen cancels,
 * one walk-in place comes back and is taken; the two remaining bookings check
 * in at the kiosk, one typing the code, one scanning the receipt's QR (a USB
 * scanner types the link and Enter). Six tickets, six numbers, nothing more.
 */
import { randomUUID } from "node:crypto";
import { ERROR_MESSAGES } from "@layan/protocol";
import type { Browser, Page } from "playwright-core";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ROOT, type TestHub } from "../support/test-hub";
import { BookingOffice } from "./booking-office.support";
import { hubContext, launchChromium } from "./browser";
import { confirmBooking, openPhone, pickSlot } from "./page-models/booking-phone";
import { buildKiosk, KioskPage } from "./page-models/kiosk";

/** Wednesday 18 November 2026, 07:00 WIB: KTP-el opens at 08:00, bookings for today's slots are open. */
const BOOKING_TIME = "2026-11-18T07:00:00+07:00";
/** The visit's morning: inside the check-in windows of both the 08.30 slot (08.00–08.45) and the 09.00 one (08.30–09.15). */
const VISIT_TIME = "2026-11-18T08:35:00+07:00";
const SLOT_0830 = Date.parse("2026-11-18T08:30:00+07:00");
const SLOT_0900 = Date.parse("2026-11-18T09:00:00+07:00");
/** Later today: still a bookable slot at the visit time (more than minLeadMinutes ahead). */
const SLOT_1000 = Date.parse("2026-11-18T10:00:00+07:00");

let office: BookingOffice;
let hub: TestHub | null = null;
let browser: Browser;

const startHubAt = (now: string) => office.startAt(now);

beforeAll(async () => {
  buildKiosk(ROOT);
  // Quota 6, bookings at most floor(6 × 0.5) = 3; three places per slot so no slot fills before the share does.
  office = await BookingOffice.open("layan-quota-", { capacity: 3, dailyQuota: 6, publicBaseUrl: "https://antrean.example.go.id" });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await office?.close();
});

/** A phone of its own (its own device for the hub's limits) on the booking pages. */
const phone = (path?: string): Promise<Page> => {
  if (!hub) throw new Error("no hub");
  return openPhone(browser, hub, path ? { path } : {});
};

interface IssueAnswer {
  ok: boolean;
  data?: { ticket: { number: string } };
  error?: { code: string };
}

const walkIn = (socket: Socket) =>
  socket.timeout(10_000).emitWithAck("ticket:issue", { requestId: randomUUID(), serviceId: "ktp-el" }) as Promise<IssueAnswer>;

it("counts booked and walk-in tickets against one daily quota, and never gives a number twice", async () => {
  hub = await startHubAt(BOOKING_TIME);

  // Three citizens book from three phones; a fourth has picked a 09.00 place (still free) before the third booked.
  const first = await phone();
  await pickSlot(first, SLOT_0830);
  const cancelled = await confirmBooking(first, "Siti Aminah", "0812-1111-0001");
  const second = await phone();
  await pickSlot(second, SLOT_0900);
  const kept1 = await confirmBooking(second, "Budi Santoso", "0812-1111-0002");
  const fourth = await phone();
  await pickSlot(fourth, SLOT_0900);
  const third = await phone();
  await pickSlot(third, SLOT_0900);
  const kept2 = await confirmBooking(third, "Dewi Lestari", "0812-1111-0003");

  // The slot has a place left, the day's booking share has not: the hub's own sentence says so.
  await fourth.locator("#hold").click();
  await expect.poll(() => fourth.locator("#message").textContent()).toBe(ERROR_MESSAGES.BOOKING_QUOTA_SHARE_FULL.id);
  expect(await fourth.locator("#quota-full").isVisible()).toBe(true);
  expect(await fourth.locator("#step-details").isVisible()).toBe(false);
  for (const page of [first, second, third, fourth]) await page.context().close();

  // The morning of the visit: a new hub process on the same data, its clock at 08.35.
  await hub.stop();
  hub = await startHubAt(VISIT_TIME);
  const numbers: string[] = [];
  const socket = io(`${hub.url}/kiosk`, { auth: { token: hub.kioskToken }, transports: ["websocket"] });
  try {
    const kioskPage = await (await hubContext(browser, hub, { viewport: { width: 1080, height: 1920 } })).newPage();
    const kiosk = new KioskPage(kioskPage, hub.url);
    await kiosk.open(hub.kioskTokens["kiosk-lobi"]!);
    await kiosk.openService("ktp-el");
    const pill = kiosk.servicePage.getByTestId("open-pill");
    const quotaFact = kiosk.servicePage.locator('[data-fact="quota"] .fact-value');
    // Six places, three promised to bookings: three for walk-ins.
    await expect.poll(() => quotaFact.textContent()).toBe("3");

    for (let i = 0; i < 3; i++) {
      const answer = await walkIn(socket);
      expect(answer.ok).toBe(true);
      numbers.push(answer.data!.ticket.number);
    }
    const refused = await walkIn(socket);
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe("QUOTA_REACHED");

    // Three tickets issued and three bookings still open: the kiosk says full, and offers no number.
    await expect.poll(() => pill.textContent()).toBe("Kuota habis");
    await expect.poll(() => kiosk.blocker.textContent()).toContain("Kuota antrean hari ini sudah habis");
    expect(await quotaFact.textContent()).toBe("0");
    expect(await kiosk.takeButton.isDisabled()).toBe(true);

    // One citizen cancels from the receipt on their phone: the place goes back to walk-ins at once.
    const receipt = await phone(`/reservasi/${cancelled.bookingId}`);
    await receipt.locator("#cancel").click();
    await receipt.locator("#cancel-yes").click();
    await expect.poll(() => receipt.locator("#status").textContent()).toBe("Reservasi dibatalkan.");
    await receipt.context().close();

    await expect.poll(() => quotaFact.textContent()).toBe("1");
    expect(await pill.textContent()).not.toBe("Kuota habis");
    expect(await kiosk.blocker.count()).toBe(0);
    await kiosk.chooseTicket();
    await kiosk.confirmation.waitFor();
    numbers.push((await kiosk.ticketNumber.textContent())?.trim() ?? "");
    expect((await walkIn(socket)).error?.code).toBe("QUOTA_REACHED");

    // The two remaining bookings check in: their places were kept for them, the quota does not refuse them.
    // One types the code on the screen; the other holds the receipt's QR to the kiosk's USB scanner,
    // which types the link it reads and Enter, as a keyboard does.
    for (const [booking, by] of [[kept1, "keyboard"], [kept2, "scanner"]] as const) {
      await kiosk.goHome();
      await kioskPage.getByTestId("open-booking").click();
      await kioskPage.getByTestId("booking-page").waitFor();
      if (by === "keyboard") {
        await kiosk.typeOnKeyboard(booking.code.replace("-", ""));
        expect(await kioskPage.getByTestId("booking-code").textContent()).toBe(booking.code);
        await kioskPage.getByTestId("booking-check-in").click();
      } else {
        expect(booking.qr).toBe(`https://antrean.example.go.id/reservasi/${booking.bookingId}?kode=${booking.code}`);
        await kioskPage.keyboard.type(booking.qr);
        await kioskPage.keyboard.press("Enter");
      }
      await kiosk.confirmation.waitFor();
      expect(await kioskPage.getByTestId("ticket-reservation").textContent()).toBe("Reservasi 09.00");
      numbers.push((await kiosk.ticketNumber.textContent())?.trim() ?? "");
    }

    // Six tickets for KTP-el today, six different numbers, and not one more: not at the kiosk, not by a late booking.
    // Booked and walk-in tickets share KTP-el's one numbering, each once, none skipped.
    expect(numbers).toHaveLength(6);
    expect(new Set(numbers).size).toBe(6);
    expect([...numbers].sort()).toEqual(["A-001", "A-002", "A-003", "A-004", "A-005", "A-006"]);
    expect((await walkIn(socket)).error?.code).toBe("QUOTA_REACHED");
    await kiosk.goHome();
    await kiosk.openService("ktp-el");
    await expect.poll(() => pill.textContent()).toBe("Kuota habis");
    expect(await quotaFact.textContent()).toBe("0");
    expect(await kiosk.takeButton.isDisabled()).toBe(true);
    await kioskPage.context().close();

    // The booking page shows today full (and moves on to the next day), and the hub refuses a hold sent past the page.
    const late = await phone();
    await late.getByRole("button", { name: /KTP-el/ }).first().click();
    const today = late.locator("#days button").first();
    await expect.poll(() => today.textContent()).toMatch(/^Rabu.*Penuh$/);
    expect(await today.isDisabled()).toBe(true);
    const hold = await late.evaluate<IssueAnswer>(
      `fetch("/api/bookings/hold", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ serviceId: "ktp-el", slotStart: ${SLOT_1000} }) }).then((r) => r.json())`,
    );
    expect(hold.error?.code).toBe("BOOKING_QUOTA_SHARE_FULL");
    await late.context().close();
  } finally {
    socket.disconnect();
  }
});
