import type { Lang } from "../i18n";
import { readWithBundled, warmBundled } from "./bundled";
import { chooseEngine, readWithSystem, type Reading } from "./engine";
import { buildPhrases, type ListenScreen } from "./phrases";

/*
 * The listen engine, loaded with a dynamic import (ListenButton.tsx) so the
 * kiosk's first screen does not wait for it: phrase building, the engine
 * choice and the eSpeak-NG worker. What it does is written on the root
 * element for support and the e2e tests: the phrases, the engine, the
 * samples' RMS, and whether the synthesizer was already loaded.
 */

const systemSynthesis = () => (typeof speechSynthesis === "undefined" ? undefined : speechSynthesis);

/**
 * Readies the kiosk's own synthesizer, unless Indonesian (the language every
 * citizen starts in) has a local system voice that will read instead.
 */
export function warmUp(): void {
  if (chooseEngine(systemSynthesis(), "id").kind !== "bundled") return;
  const root = document.documentElement;
  warmBundled((compiles) => {
    root.dataset.listenReady = "true";
    root.dataset.listenCompiles = String(compiles);
  });
}

export function startReading(screen: ListenScreen, lang: Lang): Reading {
  const phrases = buildPhrases(screen, lang);
  const root = document.documentElement;
  root.dataset.listenPhrases = JSON.stringify(phrases);
  const engine = chooseEngine(systemSynthesis(), lang);
  root.dataset.listenEngine = engine.kind;
  delete root.dataset.listenRms;
  delete root.dataset.listenWarm;
  if (engine.kind === "system") return readWithSystem(speechSynthesis, engine.voice, phrases);
  return readWithBundled(
    engine.voice,
    phrases,
    (value) => {
      root.dataset.listenRms = value.toFixed(5);
    },
    ({ warm, compiles }) => {
      root.dataset.listenWarm = String(warm);
      root.dataset.listenCompiles = String(compiles);
    },
  );
}
