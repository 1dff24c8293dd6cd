import type { Reading } from "./engine";
import type { SynthAnswer, SynthRequest } from "./espeak.worker";

let worker: Worker | null = null;
let nextId = 1;

function synthesizer(): Worker {
  worker ??= new Worker(new URL("./espeak.worker.ts", import.meta.url), { type: "module" });
  return worker;
}

/** What a reading's answer says about the synthesizer (exposed on the page for support and the e2e test). */
export interface SynthesisInfo {
  /** An instance was already loaded when the reading was asked for. */
  warm: boolean;
  /** How many times the worker fetched and compiled the .wasm since the kiosk started. */
  compiles: number;
}

/**
 * Loads eSpeak-NG before anyone taps "Dengarkan": the kiosk calls this once,
 * when idle after start, so the first reading does not wait for 18 MB to load.
 */
export function warmBundled(onWarm: (compiles: number) => void): void {
  const w = synthesizer();
  const onMessage = (event: MessageEvent<SynthAnswer>) => {
    const answer = event.data;
    if (answer.kind === "warmed") onWarm(answer.compiles);
    if (answer.kind === "warmed" || (answer.kind === "failed" && answer.id === null))
      w.removeEventListener("message", onMessage);
  };
  w.addEventListener("message", onMessage);
  w.postMessage({ kind: "warm" } satisfies SynthRequest);
}

/** Root mean square of the samples: support (and the e2e test) can see the synthesizer was not silent. */
export function rms(buffer: AudioBuffer): number {
  let sum = 0;
  let count = 0;
  for (let c = 0; c < buffer.numberOfChannels; c++) {
    const data = buffer.getChannelData(c);
    for (const x of data) sum += x * x;
    count += data.length;
  }
  return count === 0 ? 0 : Math.sqrt(sum / count);
}

/**
 * Reads the phrases with the kiosk's own eSpeak-NG through Web Audio. One
 * synthesis for the whole list: eSpeak pauses at each full stop, and a single
 * source stops at once on a tap.
 */
export function readWithBundled(
  voice: "id" | "en",
  phrases: string[],
  onSamples: (rmsValue: number) => void,
  onSynthesized: (info: SynthesisInfo) => void = () => undefined,
): Reading {
  const id = nextId++;
  const context = new AudioContext();
  let stopped = false;
  let source: AudioBufferSourceNode | null = null;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = () => {
      void context.close().catch(() => undefined);
      resolve();
    };
  });
  const w = synthesizer();
  const onMessage = (event: MessageEvent<SynthAnswer>) => {
    const answer = event.data;
    if (answer.kind === "warmed" || answer.id !== id) return;
    w.removeEventListener("message", onMessage);
    if (answer.kind === "failed") return finish();
    onSynthesized({ warm: answer.warm, compiles: answer.compiles });
    if (stopped) return finish();
    void context.decodeAudioData(answer.wav).then((buffer) => {
      onSamples(rms(buffer));
      if (stopped) return finish();
      source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(context.destination);
      source.onended = () => finish();
      source.start();
    }, finish);
  };
  w.addEventListener("message", onMessage);
  w.postMessage({ kind: "speak", id, voice, text: phrases.join("\n") } satisfies SynthRequest);
  return {
    stop: () => {
      stopped = true;
      source?.stop();
      finish();
    },
    done,
  };
}
