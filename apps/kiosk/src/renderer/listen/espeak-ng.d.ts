// The npm build (Emscripten) ships no types: only what the kiosk's synthesizer calls.
declare module "espeak-ng" {
  export interface ESpeakModule {
    FS: { readFile(path: string): Uint8Array };
    /** The program's main(argc, argv): argv points into the instance's memory. */
    _main(argc: number, argv: number): number;
  }
  export interface ESpeakOptions {
    arguments?: string[];
    /** Load without running main(), so the caller runs it when a reading is asked for. */
    noInitialRun?: boolean;
    /** Instantiate from a module compiled once, instead of fetching and compiling the .wasm again. */
    instantiateWasm?: (
      imports: WebAssembly.Imports,
      receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => WebAssembly.Exports,
    ) => object;
  }
  export default function ESpeakNg(options: ESpeakOptions): Promise<ESpeakModule>;
}
