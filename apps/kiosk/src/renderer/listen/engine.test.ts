import { describe, expect, it } from "vitest";
import { chooseEngine, readWithSystem, type SynthesisLike } from "./engine";

function voice(lang: string, localService: boolean, name = lang, isDefault = false): SpeechSynthesisVoice {
  return { lang, localService, name, voiceURI: name, default: isDefault };
}

/** A speechSynthesis that "speaks" each utterance when told to, recording what it was given. */
function fakeSynthesis(voices: SpeechSynthesisVoice[]) {
  const spoken: { text: string; voice: string | undefined }[] = [];
  let current: SpeechSynthesisUtterance | null = null;
  let cancelled = 0;
  const synthesis: SynthesisLike = {
    getVoices: () => voices,
    speak: (u) => {
      current = u;
      spoken.push({ text: u.text, voice: u.voice?.name });
    },
    cancel: () => {
      cancelled++;
      current = null;
    },
  };
  const finishCurrent = () => {
    const u = current;
    current = null;
    u?.onend?.call(u, {} as SpeechSynthesisEvent);
  };
  return { synthesis, spoken, finishCurrent, cancelled: () => cancelled };
}

const utterance = (text: string) => ({ text }) as SpeechSynthesisUtterance;

describe("chooseEngine", () => {
  it("takes a local system voice for the kiosk's language", () => {
    const { synthesis } = fakeSynthesis([voice("en-US", true, "en"), voice("id-ID", true, "Damayanti")]);
    expect(chooseEngine(synthesis, "id")).toMatchObject({ kind: "system", voice: { name: "Damayanti" } });
    expect(chooseEngine(synthesis, "en")).toMatchObject({ kind: "system", voice: { name: "en" } });
  });

  it("never a network voice: with only a cloud Indonesian voice it falls back to the bundled synthesizer", () => {
    const { synthesis } = fakeSynthesis([voice("id-ID", false, "Google Bahasa Indonesia"), voice("en-US", true)]);
    expect(chooseEngine(synthesis, "id")).toEqual({ kind: "bundled", voice: "id" });
  });

  it("falls back to the bundled synthesizer with no voices or no speechSynthesis at all (headless Chromium, Linux kiosks)", () => {
    expect(chooseEngine(fakeSynthesis([]).synthesis, "en")).toEqual({ kind: "bundled", voice: "en" });
    expect(chooseEngine(undefined, "id")).toEqual({ kind: "bundled", voice: "id" });
  });

  it("accepts an underscore locale and prefers the default voice", () => {
    const { synthesis } = fakeSynthesis([voice("id_ID", true, "a"), voice("id", true, "b", true)]);
    expect(chooseEngine(synthesis, "id")).toMatchObject({ voice: { name: "b" } });
  });
});

describe("readWithSystem", () => {
  it("reads the phrases in order with the chosen voice, and settles when the last one ends", async () => {
    const fake = fakeSynthesis([]);
    const v = voice("id-ID", true, "Damayanti");
    const reading = readWithSystem(fake.synthesis, v, ["satu", "dua"], utterance);
    fake.finishCurrent();
    fake.finishCurrent();
    await reading.done;
    expect(fake.spoken).toEqual([
      { text: "satu", voice: "Damayanti" },
      { text: "dua", voice: "Damayanti" },
    ]);
  });

  it("stops at once: cancels the voice and reads nothing more", async () => {
    const fake = fakeSynthesis([]);
    const reading = readWithSystem(fake.synthesis, voice("id-ID", true), ["satu", "dua", "tiga"], utterance);
    reading.stop();
    fake.finishCurrent();
    await reading.done;
    expect(fake.cancelled()).toBe(1);
    expect(fake.spoken.map((s) => s.text)).toEqual(["satu"]);
  });
});
