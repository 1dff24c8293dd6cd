import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildAnnouncement, CLIP_IDS, type CallToAnnounce } from "./announcement";

const call = (over: Partial<CallToAnnounce> = {}): CallToAnnounce => ({
  number: "A-012",
  counterName: "Loket 3",
  counterNumber: 3,
  counterId: "loket-3",
  recalls: 0,
  ...over,
});

describe("buildAnnouncement", () => {
  it("reads the number digit by digit", () => {
    const a = buildAnnouncement(call(), "digits");
    expect(a.text).toBe("Nomor antrean A nol satu dua, silakan menuju loket tiga");
    expect(a.clips).toEqual(["nomor-antrean", "a", "nol", "satu", "dua", "silakan-menuju", "loket", "tiga"]);
  });

  it("reads the number as a number", () => {
    const a = buildAnnouncement(call(), "number");
    expect(a.text).toBe("Nomor antrean A dua belas, silakan menuju loket tiga");
    expect(a.clips).toEqual(["nomor-antrean", "a", "dua", "belas", "silakan-menuju", "loket", "tiga"]);
  });

  it("handles two-letter prefixes, the special words and two-digit counters", () => {
    const a = buildAnnouncement(
      call({ number: "SK-111", counterName: "Loket 12", counterNumber: 12, counterId: "loket-12" }),
      "number",
    );
    expect(a.text).toBe("Nomor antrean S K seratus sebelas, silakan menuju loket dua belas");
    expect(a.clips).toEqual([
      "nomor-antrean",
      "s",
      "k",
      "seratus",
      "sebelas",
      "silakan-menuju",
      "loket",
      "dua",
      "belas",
    ]);
    expect(
      buildAnnouncement(call({ number: "B-100", counterName: "Loket 10", counterNumber: 10 }), "number").text,
    ).toBe("Nomor antrean B seratus, silakan menuju loket sepuluh");
  });

  it("keeps a counter's own label in speech", () => {
    const a = buildAnnouncement(call({ counterName: "Meja 2", counterNumber: 2 }), "number");
    expect(a.text).toBe("Nomor antrean A dua belas, silakan menuju meja dua");
    expect(a.clips.slice(-2)).toEqual(["loket", "dua"]);
    expect(buildAnnouncement(call({ counterName: "Informasi", counterNumber: 13 }), "number").text).toBe(
      "Nomor antrean A dua belas, silakan menuju informasi",
    );
  });

  it("marks recalls and keys by ticket and counter", () => {
    const first = buildAnnouncement(call(), "number");
    const again = buildAnnouncement(call({ recalls: 1 }), "number");
    expect(first.recall).toBe(false);
    expect(again.recall).toBe(true);
    expect(again.key).toBe(first.key);
    expect(again.text).toBe(first.text);
  });

  it("has a clip for every word of every ticket 0-999 in both styles", () => {
    const known = new Set(CLIP_IDS);
    for (const style of ["digits", "number"] as const) {
      for (let n = 0; n <= 999; n++) {
        const a = buildAnnouncement(
          call({ number: `M-${String(n).padStart(3, "0")}`, counterName: `Loket ${n}`, counterNumber: n }),
          style,
        );
        for (const clip of a.clips) expect(known.has(clip), `${style} ${n}: ${clip}`).toBe(true);
      }
    }
  });

  it("ships every clip, small", () => {
    const dir = join(import.meta.dirname, "../../public/audio");
    let total = 0;
    for (const id of CLIP_IDS) {
      const file = join(dir, `${id}.mp3`);
      expect(existsSync(file), file).toBe(true);
      total += statSync(file).size;
    }
    expect(total).toBeLessThan(1024 * 1024);
  });
});
