import { z } from "zod";

/*
 * In browsers, zod must not probe for eval (`new Function`) when it builds
 * its object schemas: the hub serves the apps with a CSP without
 * 'unsafe-eval', and Chromium reports the caught probe as a violation. The
 * hub (Node, no CSP) keeps zod's compiled fast path. Imported before any
 * schema is built (the first import of schemas.ts and commands.ts).
 */
if ("document" in globalThis) z.config({ jitless: true });
