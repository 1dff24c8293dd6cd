import type { Reading } from "./engine";
import type { SpeakAnswer, SpeakRequest } from "./espeak.worker";

let worker: Worker | null = null;
let nextId = 1;

function synthesizer(): Worker {
  worker ??= new Worker(new URL("./espeak.worker.ts", import.meta.url), { type: "module" });
  return worker;
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
  const onMessage = (event: MessageEvent<SpeakAnswer>) => {
    if (event.data.id !== id) return;
    w.removeEventListener("message", onMessage);
    if (stopped || !("wav" in event.data)) return finish();
    void context.decodeAudioData(event.data.wav).then((buffer) => {
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
  w.postMessage({ id, voice, text: phrases.join("\n") } satisfies SpeakRequest);
  return {
    stop: () => {
      stopped = true;
      source?.stop();
      finish();
    },
    done,
  };
}
