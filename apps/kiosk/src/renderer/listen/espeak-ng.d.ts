// The npm build (Emscripten) ships no types: only what the worker calls.
declare module "espeak-ng" {
  interface ESpeakModule {
    FS: { readFile(path: string): Uint8Array };
  }
  export default function ESpeakNg(options: { arguments: string[] }): Promise<ESpeakModule>;
}
