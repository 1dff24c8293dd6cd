import { describe, expect, it } from "vitest";
import { currencyText } from "./currency";

const at = Date.UTC(2026, 10, 18, 3, 30); // 10:30 WIB
const office = (officeId: string, seq: number, when: number | null, pendingEvents = 0) => ({
  officeId,
  currentThrough: when === null ? null : { stream: 1, seq, at: when },
  pendingEvents,
});

describe("currencyText", () => {
  it("dates one office's figures and says what has not reached them yet", () => {
    expect(currencyText([office("a", 10, at, 1234)], new Map(), "Asia/Jakarta")).toBe(
      "Data sampai 18 November 2026 pukul 10.30. 1.234 peristiwa sudah diterima tetapi belum masuk laporan; angka akan bertambah.",
    );
    expect(currencyText([office("a", 10, at)], new Map(), "Asia/Jakarta")).toBe("Data sampai 18 November 2026 pukul 10.30.");
  });

  it("names the office whose figures are oldest, and counts the offices still being brought up to date", () => {
    const text = currencyText(
      [office("a", 10, at), office("b", 5, at - 86_400_000 * 3, 40), office("c", 7, null, 2)],
      new Map([["b", "Kecamatan Gedong Tataan"]]),
      "Asia/Jakarta",
    );
    expect(text).toBe("Data paling lama: Kecamatan Gedong Tataan, sampai 15 November 2026 pukul 10.30. 2 kantor sedang diperbarui (42 peristiwa belum masuk laporan).");
  });

  it("says the same in English, dated the British way", () => {
    expect(currencyText([office("a", 10, at, 1234)], new Map(), "Asia/Jakarta", "en")).toBe(
      "Figures up to 18 November 2026 at 10:30. 1,234 events received but not yet in the reports; the figures will rise.",
    );
    const text = currencyText([office("a", 10, at), office("b", 5, at - 86_400_000 * 3, 40)], new Map([["b", "Kecamatan Gedong Tataan"]]), "Asia/Jakarta", "en");
    expect(text).toBe("Oldest figures: Kecamatan Gedong Tataan, up to 15 November 2026 at 10:30. 1 office being brought up to date (40 events not yet in the reports).");
  });

  it("says nothing when there is nothing to date", () => {
    expect(currencyText([])).toBeNull();
    expect(currencyText([office("a", 0, null)])).toBeNull();
  });
});
