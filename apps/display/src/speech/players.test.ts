import { describe, expect, it } from "vitest";
import type { Announcement } from "./announcement";
import { AutoPlayer, indonesianVoice, type AudioOutput } from "./players";

type Voice = Pick<SpeechSynthesisVoice, "lang" | "localService" | "default" | "name">;

const voice = (name: string, lang: string, localService: boolean, isDefault = false): Voice => ({
  name,
  lang,
  localService,
  default: isDefault,
});

const synth = (voices: Voice[]) =>
  ({ getVoices: () => voices as SpeechSynthesisVoice[] }) as unknown as SpeechSynthesis;

describe("indonesianVoice", () => {
  it("takes a locally installed Indonesian voice (id-ID, id_ID, legacy in-ID)", () => {
    expect(
      indonesianVoice(synth([voice("English", "en-US", true), voice("Andika", "id-ID", true)]))?.name,
    ).toBe("Andika");
    expect(indonesianVoice(synth([voice("Android", "id_ID", true)]))?.name).toBe("Android");
    expect(indonesianVoice(synth([voice("Old Android", "in-ID", true)]))?.name).toBe("Old Android");
  });

  it("never a network voice: it falls silent when the office internet does", () => {
    expect(indonesianVoice(synth([voice("Google Bahasa Indonesia", "id-ID", false)]))).toBeNull();
  });

  it("prefers the device's default among several", () => {
    expect(indonesianVoice(synth([voice("A", "id-ID", true), voice("B", "id-ID", true, true)]))?.name).toBe(
      "B",
    );
  });

  it("is null without speech synthesis or an Indonesian voice", () => {
    expect(indonesianVoice(undefined)).toBeNull();
    expect(
      indonesianVoice(synth([voice("Deutsch", "de-DE", true), voice("Indian English", "en-IN", true)])),
    ).toBeNull();
  });
});

describe("AutoPlayer", () => {
  // The clip path is exercised in the browser tests; here only the choice matters.
  const output = {} as AudioOutput;
  const withVoice = synth([voice("Andika", "id-ID", true)]);
  const withoutVoice = synth([voice("Google Bahasa Indonesia", "id-ID", false)]);

  it("speaks with Web Speech when a local Indonesian voice exists, else plays the clips", () => {
    expect(new AutoPlayer(output, "auto", withVoice).via()).toBe("webspeech");
    expect(new AutoPlayer(output, "auto", withoutVoice).via()).toBe("clips");
    expect(new AutoPlayer(output, "auto", undefined).via()).toBe("clips");
  });

  it("follows a forced mode", () => {
    expect(new AutoPlayer(output, "clips", withVoice).via()).toBe("clips");
    expect(new AutoPlayer(output, "webspeech", withoutVoice).via()).toBe("webspeech");
    expect(new AutoPlayer(output, "off", withVoice).via()).toBe("off");
  });

  it("plays nothing when off", async () => {
    const a: Announcement = { key: "k", text: "t", clips: [], recall: false, counterId: "loket-1" };
    await expect(new AutoPlayer(output, "off", withVoice).play(a)).resolves.toBeUndefined();
  });
});
