import type { Lang } from "../i18n";

/**
 * Which synthesizer reads the screen. Never one that needs the network: a
 * cloud voice (`localService === false`) would go silent the moment the
 * office's internet does, which is exactly when citizens crowd the kiosk.
 */
export type SpeechEngine =
  | { kind: "system"; voice: SpeechSynthesisVoice }
  /** The eSpeak-NG build shipped with the kiosk: works with nothing but the kiosk itself. */
  | { kind: "bundled"; voice: "id" | "en" };

/** The parts of `window.speechSynthesis` the kiosk uses: a fake stands in for it in Node tests. */
export type SynthesisLike = Pick<SpeechSynthesis, "getVoices" | "speak" | "cancel">;

const LOCALE: Record<Lang, string> = { id: "id", en: "en" };

export function chooseEngine(synthesis: SynthesisLike | undefined, lang: Lang): SpeechEngine {
  const voices = synthesis?.getVoices() ?? [];
  const wanted = LOCALE[lang];
  const local = voices.filter((v) => v.localService && v.lang.toLowerCase().replace("_", "-").split("-")[0] === wanted);
  // An exact regional match ("id-ID") before a bare language one; the default voice first among equals.
  const voice =
    local.find((v) => v.lang.toLowerCase().replace("_", "-") === (lang === "id" ? "id-id" : "en-gb") && v.default) ??
    local.find((v) => v.default) ??
    local[0];
  return voice ? { kind: "system", voice } : { kind: "bundled", voice: lang };
}

/** A reading that can be stopped; `done` settles when it ends, stopped or not. */
export interface Reading {
  stop: () => void;
  done: Promise<void>;
}

type UtteranceFactory = (text: string) => SpeechSynthesisUtterance;

/** Reads the phrases one utterance each, so a stop between phrases is immediate and the order is kept. */
export function readWithSystem(
  synthesis: SynthesisLike,
  voice: SpeechSynthesisVoice,
  phrases: string[],
  makeUtterance: UtteranceFactory = (text) => new SpeechSynthesisUtterance(text),
): Reading {
  let stopped = false;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let index = 0;
  const next = () => {
    const text = phrases[index++];
    if (stopped || text === undefined) return finish();
    const utterance = makeUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = next;
    // A voice that fails mid-list must not leave the kiosk "speaking" forever (the inactivity reset waits on it).
    utterance.onerror = () => finish();
    synthesis.speak(utterance);
  };
  next();
  return {
    stop: () => {
      stopped = true;
      synthesis.cancel();
      finish();
    },
    done,
  };
}
