import { runInNewContext, Script } from "node:vm";
import { bookingCodeFromScan, type BookingReceipt } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import { BOOKING_TIME_SCRIPT, type BookingTimeFunctions } from "./page-format";
import { bookingPageHtml } from "./page-booking";
import { bookingQrText } from "./page-qr";
import { receiptHtml, receiptNotFoundHtml } from "./page-receipt";
import { BOOKING_PAGE_WORDS } from "./page-words";

// The very script the pages ship, run here: what is tested is what the phone runs.
const time = runInNewContext(
  `${BOOKING_TIME_SCRIPT}; ({ officeTime, officeDay, slotText, dayButtonText, officeYmd, countdownText, refusalText })`,
) as BookingTimeFunctions;

// 2026-12-09 09:30 WIB (UTC+7) = 02:30 UTC.
const NINE_THIRTY = Date.UTC(2026, 11, 9, 2, 30);
const TEN = NINE_THIRTY + 30 * 60_000;

const receipt: BookingReceipt = {
  bookingId: "AbCdEfGhIjKlMnOp",
  code: "7KQ-M4P",
  status: "confirmed",
  serviceId: "ktp-el",
  serviceName: "Perekaman KTP-el",
  slotStart: NINE_THIRTY,
  slotEnd: TEN,
  checkInFrom: NINE_THIRTY - 30 * 60_000,
  checkInUntil: NINE_THIRTY + 15 * 60_000,
  holdExpiresAt: null,
  url: "https://antrean.example.go.id/reservasi/AbCdEfGhIjKlMnOp",
  ticketUrl: null,
  timeZone: "Asia/Jakarta",
  timeZoneName: "WIB",
};

const scriptsOf = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");

describe("the booking pages' office time", () => {
  it("writes a slot the way a government letter does, in the office's zone", () => {
    expect(time.slotText(NINE_THIRTY, TEN, "Asia/Jakarta", "WIB", "id")).toBe("Rabu, 9 Desember 2026, 09.30–10.00 WIB");
    expect(time.slotText(NINE_THIRTY, TEN, "Asia/Jakarta", "WIB", "en")).toBe("Wednesday, 9 December 2026, 09:30–10:00 WIB");
    // The same instant in Makassar is an hour later, whatever zone the phone is in.
    expect(time.slotText(NINE_THIRTY, TEN, "Asia/Makassar", "WITA", "id")).toBe("Rabu, 9 Desember 2026, 10.30–11.00 WITA");
    // Just after midnight office time is still that office's date, not UTC's previous day.
    expect(time.officeDay(Date.UTC(2026, 11, 8, 17, 5), "Asia/Jakarta", "id")).toBe("Rabu, 9 Desember 2026");
    expect(time.officeTime(Date.UTC(2026, 11, 8, 17, 5), "Asia/Jakarta", "id")).toBe("00.05");
    expect(time.officeYmd(Date.UTC(2026, 11, 8, 17, 5), "Asia/Jakarta")).toBe("2026-12-09");
  });

  it("names a day button and counts a hold down without going below zero", () => {
    expect(time.dayButtonText("2026-12-09", "id")).toBe("Rabu, 9 Des");
    expect(time.dayButtonText("2027-01-01", "en")).toBe("Friday, 1 Jan");
    expect(time.dayButtonText("not a day", "id")).toBe("not a day");
    expect(time.countdownText(10 * 60_000)).toBe("10:00");
    expect(time.countdownText(65_400)).toBe("1:06");
    expect(time.countdownText(-5000)).toBe("0:00");
  });

  it("shows a refusal in the hub's own Indonesian sentence, English behind the switch", () => {
    const body = { ok: false, error: { code: "BOOKING_SLOT_FULL", message: "Jam ini sudah penuh.", messageEn: "This time is full." } };
    expect(time.refusalText(body, "id")).toBe("Jam ini sudah penuh.");
    expect(time.refusalText(body, "en")).toBe("This time is full.");
    expect(time.refusalText({ ok: false }, "id")).toBe("Terjadi kesalahan. Silakan coba lagi.");
  });
});

describe("the booking and receipt pages", () => {
  it("have every sentence in both languages", () => {
    expect(Object.keys(BOOKING_PAGE_WORDS.en).sort()).toEqual(Object.keys(BOOKING_PAGE_WORDS.id).sort());
    for (const text of [...Object.values(BOOKING_PAGE_WORDS.id), ...Object.values(BOOKING_PAGE_WORDS.en)]) expect(text.length).toBeGreaterThan(0);
  });

  it("ship scripts that parse and no inline event handler (the CSP's promise)", () => {
    const pages = [bookingPageHtml("Mal Pelayanan Publik", NINE_THIRTY), receiptHtml("Mal Pelayanan Publik", receipt, ["KTP asli"])];
    for (const html of pages) {
      const scripts = scriptsOf(html);
      expect(scripts).toHaveLength(1);
      for (const s of scripts) expect(() => new Script(s)).not.toThrow();
      expect(html).not.toMatch(/\son[a-z]+=/i);
      // Every [data-t] names a word the table has.
      for (const [, key] of html.matchAll(/data-t="([^"]+)"/g)) expect(BOOKING_PAGE_WORDS.id).toHaveProperty(key ?? "");
    }
  });

  it("puts the code, a QR the kiosk's scanner reads back, and the requirements on the receipt", () => {
    const html = receiptHtml("Mal <Pelayanan>", receipt, ["KTP asli", "Kartu Keluarga </script><b>"]);
    expect(html).toContain('<div class="code" id="code">7KQ-M4P</div>');
    const qr = /<svg class="qr"[^>]*data-qr="([^"]+)"[^>]*>.*?<path d="([^"]+)"/.exec(html);
    expect(qr?.[2]?.length).toBeGreaterThan(1000);
    const text = (qr?.[1] ?? "").replace(/&amp;/g, "&");
    expect(text).toBe(`${receipt.url}?kode=7KQ-M4P`);
    expect(bookingCodeFromScan(text)).toBe("7KQ-M4P");
    // Office text cannot end the script or inject markup.
    expect(html).toContain("Mal &lt;Pelayanan&gt;");
    expect(html).not.toContain("</script><b>");
  });

  it("adds the code to a URL that already has a query", () => {
    expect(bookingQrText("https://x.go.id/reservasi/abc?a=1", "7KQ-M4P")).toBe("https://x.go.id/reservasi/abc?a=1&kode=7KQ-M4P");
  });

  it("answers an unknown booking with a plain page and no script", () => {
    const html = receiptNotFoundHtml("Mal Pelayanan Publik");
    expect(html).toContain("Reservasi tidak ditemukan");
    expect(html).not.toContain("<script");
  });
});
