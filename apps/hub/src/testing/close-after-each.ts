import { afterEach } from "vitest";

/**
 * For a test file's top level: returns `track`, which hands back what it is given and
 * closes it after each test (the last opened first).
 */
export function closeAfterEach(): <T extends { close(): unknown }>(x: T) => T {
  const open: { close(): unknown }[] = [];
  afterEach(async () => {
    while (open.length) await open.pop()!.close();
  });
  return (x) => {
    open.push(x);
    return x;
  };
}
