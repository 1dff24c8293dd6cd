import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { createSynthesizer } from "./espeak-synth";

// The real eSpeak-NG build the kiosk ships, read from disk where the kiosk fetches it from the hub.
const WASM = new URL("../../../node_modules/espeak-ng/dist/espeak-ng.wasm", import.meta.url);

function countingFetch() {
  let fetches = 0;
  return {
    fetchWasm: async () => {
      fetches++;
      return new Uint8Array(await readFile(WASM));
    },
    fetches: () => fetches,
  };
}

/** A RIFF/WAVE file with some samples after its 44-byte header. */
function isWav(bytes: Uint8Array): boolean {
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  return tag(0) === "RIFF" && tag(8) === "WAVE" && bytes.length > 44 + 1_000;
}

describe("eSpeak-NG kept loaded between readings", () => {
  it("fetches and compiles the .wasm once, and every reading after the warm-up finds an instance loaded", async () => {
    const source = countingFetch();
    const synth = createSynthesizer(source.fetchWasm);
    await synth.warm();
    expect(source.fetches()).toBe(1);

    const first = await synth.speak("id", "Nomor antrean A, dua belas.");
    expect(first.warm).toBe(true);
    expect(isWav(first.wav)).toBe(true);

    // The next instance is readied behind the reading: wait for it as an idle kiosk would.
    await synth.warm();
    const second = await synth.speak("en", "Please go to counter three.");
    expect(second.warm).toBe(true);
    expect(isWav(second.wav)).toBe(true);
    // A second run of main() on a used instance would ignore its options: a different text gives a different WAV.
    expect(second.wav.length).not.toBe(first.wav.length);

    expect(source.fetches()).toBe(1);
    expect(synth.compiles).toBe(1);
  });

  it("reads without a warm-up too (loading on the first tap), and tries the fetch again after a failure", async () => {
    let fail = true;
    const source = countingFetch();
    const synth = createSynthesizer(async () => {
      if (fail) throw new Error("hub unreachable");
      return source.fetchWasm();
    });
    await expect(synth.speak("id", "Satu.")).rejects.toThrow("hub unreachable");
    fail = false;
    const spoken = await synth.speak("id", "Layanan Perekaman KTP-el.");
    expect(spoken.warm).toBe(false);
    expect(isWav(spoken.wav)).toBe(true);
    expect(synth.compiles).toBe(1);
  });
});
