/// <reference lib="webworker" />
import ESpeakNg from "espeak-ng";

/**
 * eSpeak-NG (WebAssembly, bundled with the kiosk: GPL-3.0, see docs/licences.md)
 * off the main thread: synthesizing a service page takes long enough to freeze
 * the touch screen. Each request runs the program once and answers the WAV it
 * wrote; the voice data is inside the .wasm, so nothing is fetched but that file.
 */
export interface SpeakRequest {
  id: number;
  voice: "id" | "en";
  text: string;
}
export type SpeakAnswer = { id: number; wav: ArrayBuffer } | { id: number; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<SpeakRequest>) => {
  const { id, voice, text } = event.data;
  try {
    // -s 150: a little slower than eSpeak's default 175 words a minute, for listeners who read with difficulty.
    const espeak = await ESpeakNg({ arguments: ["-v", voice, "-s", "150", "-w", "/out.wav", text] });
    const bytes = espeak.FS.readFile("/out.wav");
    const wav = bytes.slice().buffer;
    scope.postMessage({ id, wav } satisfies SpeakAnswer, [wav]);
  } catch (error) {
    scope.postMessage({ id, error: String(error) } satisfies SpeakAnswer);
  }
};
