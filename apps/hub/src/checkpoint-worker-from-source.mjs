// The checkpoint thread from source (pnpm start from source, tests): a worker
// thread does not inherit the TypeScript loader of the thread that started
// it, so register tsx here, then load the real entry. The bundled hub runs
// dist/checkpoint-worker.js.
import { register } from "tsx/esm/api";

register();
await import("./checkpoint-worker.ts");
