import ESpeakNg, { type ESpeakModule } from "espeak-ng";

/**
 * eSpeak-NG kept loaded between readings, so a tap on "Dengarkan" starts
 * speaking instead of first fetching and compiling 18 MB of WebAssembly.
 *
 * The .wasm is fetched and compiled once. The build is eSpeak's command-line
 * program, and its main() runs only once per instance: getopt and eSpeak's own
 * globals keep the first run's state, so a second main() on the same instance
 * ignores its options (measured: no WAV is written). Each reading therefore
 * takes the instance made ready before it and a fresh one is prepared behind
 * it, from the compiled module (no fetch, no compile), while the kiosk is idle.
 */
export interface Synthesizer {
  /** Fetches, compiles and readies an instance; the kiosk calls it once at start. */
  warm(): Promise<void>;
  /** `warm`: an instance was already loaded when the request came. */
  speak(voice: "id" | "en", text: string): Promise<{ wav: Uint8Array; warm: boolean }>;
  /** How many times the .wasm was fetched and compiled (support and tests: once per kiosk start). */
  readonly compiles: number;
}

interface Loaded {
  module: ESpeakModule;
  exports: WebAssembly.Exports;
}

/** The main() of a run that calls exit(0) throws Emscripten's ExitStatus rather than returning. */
function exitStatus(error: unknown): number | null {
  if (typeof error === "object" && error !== null && (error as { name?: unknown }).name === "ExitStatus") {
    const status = (error as { status?: unknown }).status;
    return typeof status === "number" ? status : null;
  }
  return null;
}

function runMain(loaded: Loaded, args: string[]): number {
  const { exports } = loaded;
  const malloc = exports.malloc as (size: number) => number;
  const memory = exports.memory as WebAssembly.Memory;
  const encoder = new TextEncoder();
  const all = ["espeak-ng", ...args];
  const pointers = all.map((arg) => {
    const bytes = encoder.encode(`${arg}\0`);
    const at = malloc(bytes.length);
    new Uint8Array(memory.buffer).set(bytes, at);
    return at;
  });
  const argv = malloc(4 * (pointers.length + 1));
  // Views made after every malloc: a malloc may grow the memory and detach older views.
  const table = new Uint32Array(memory.buffer, argv, pointers.length + 1);
  pointers.forEach((p, i) => (table[i] = p));
  table[pointers.length] = 0;
  try {
    return loaded.module._main(all.length, argv);
  } catch (error) {
    const status = exitStatus(error);
    if (status === null) throw error;
    return status;
  }
}

export function createSynthesizer(fetchWasm: () => Promise<ArrayBuffer | Uint8Array<ArrayBuffer>>): Synthesizer {
  let compiled: Promise<WebAssembly.Module> | null = null;
  let next: Promise<Loaded> | null = null;
  let compiles = 0;

  let nextLoaded = false;

  const compile = () => {
    if (compiled) return compiled;
    const compiling = fetchWasm().then((bytes) => {
      compiles++;
      return WebAssembly.compile(bytes);
    });
    // A failed fetch (kiosk started while the hub was down) is tried again on the next reading.
    compiling.catch(() => {
      if (compiled === compiling) compiled = null;
    });
    compiled = compiling;
    return compiling;
  };

  const instantiate = (): Promise<Loaded> =>
    compile().then(
      (wasm) =>
        new Promise<Loaded>((resolve, reject) => {
          let exports: WebAssembly.Exports | null = null;
          ESpeakNg({
            noInitialRun: true,
            instantiateWasm: (imports, receive) => {
              WebAssembly.instantiate(wasm, imports).then((instance) => {
                exports = receive(instance, wasm);
              }, reject);
              return {};
            },
          }).then((module) => {
            if (exports === null) reject(new Error("eSpeak-NG started without its WebAssembly exports"));
            else resolve({ module, exports });
          }, reject);
        }),
    );

  const prepare = () => {
    const loading = instantiate();
    loading.then(
      () => {
        if (next === loading) nextLoaded = true;
      },
      () => {
        if (next === loading) next = null;
      },
    );
    next = loading;
    nextLoaded = false;
    return loading;
  };

  return {
    get compiles() {
      return compiles;
    },
    warm: async () => {
      await (next ?? prepare());
    },
    speak: async (voice, text) => {
      const warm = nextLoaded;
      const loaded = await (next ?? prepare());
      next = null;
      nextLoaded = false;
      try {
        const path = "/out.wav";
        // -s 150: a little slower than eSpeak's default 175 words a minute, for listeners who read with difficulty.
        const status = runMain(loaded, ["-v", voice, "-s", "150", "-w", path, text]);
        if (status !== 0) throw new Error(`eSpeak-NG exited with status ${status}`);
        return { wav: loaded.module.FS.readFile(path), warm };
      } finally {
        // The used instance is dropped (its memory goes with it); the next citizen's is readied now.
        void prepare().catch(() => undefined);
      }
    },
  };
}
