import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { newCredential } from "./offices";

describe("newCredential", () => {
  it("never starts with a dash, so `pnpm hub regency join --credential C` takes it as the value", () => {
    const credentials = Array.from({ length: 2_000 }, () => newCredential().text);
    expect(credentials.filter((c) => c.startsWith("-"))).toEqual([]);
    expect(new Set(credentials).size).toBe(credentials.length);
    for (const c of credentials.slice(0, 50)) expect(c).toMatch(/^[A-Za-z0-9_-]{8,32}\.[A-Za-z0-9_-]{32,128}$/);
    // The parser the hub's CLI uses, with one of them.
    for (const c of credentials.slice(0, 200)) {
      expect(parseArgs({ args: ["--credential", c], options: { credential: { type: "string" } } }).values.credential).toBe(c);
    }
  });
});
