/// <reference lib="webworker" />
import wasmUrl from "espeak-ng/dist/espeak-ng.wasm?url";
import { createSynthesizer } from "./espeak-synth";

/**
 * eSpeak-NG (WebAssembly, bundled with the kiosk: GPL-3.0, see docs/licences.md)
 * off the main thread: synthesizing a service page takes long enough to freeze
 * the touch screen. The voice data is inside the .wasm, so nothing is fetched
 * but that file, once (espeak-synth.ts keeps it loaded).
 */
export type SynthRequest = { kind: "warm" } | { kind: "speak"; id: number; voice: "id" | "en"; text: string };
export type SynthAnswer =
  | { kind: "warmed"; compiles: number }
  | { kind: "spoken"; id: number; wav: ArrayBuffer; warm: boolean; compiles: number }
  | { kind: "failed"; id: number | null; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

const synthesizer = createSynthesizer(async () => {
  const response = await fetch(wasmUrl, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`eSpeak-NG: ${response.status} for ${wasmUrl}`);
  return response.arrayBuffer();
});

scope.onmessage = async (event: MessageEvent<SynthRequest>) => {
  const request = event.data;
  if (request.kind === "warm") {
    try {
      await synthesizer.warm();
      scope.postMessage({ kind: "warmed", compiles: synthesizer.compiles } satisfies SynthAnswer);
    } catch (error) {
      scope.postMessage({ kind: "failed", id: null, error: String(error) } satisfies SynthAnswer);
    }
    return;
  }
  try {
    const { wav: bytes, warm } = await synthesizer.speak(request.voice, request.text);
    const wav = bytes.slice().buffer;
    scope.postMessage(
      { kind: "spoken", id: request.id, wav, warm, compiles: synthesizer.compiles } satisfies SynthAnswer,
      [wav],
    );
  } catch (error) {
    scope.postMessage({ kind: "failed", id: request.id, error: String(error) } satisfies SynthAnswer);
  }
};
