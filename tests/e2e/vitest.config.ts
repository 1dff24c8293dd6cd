import { defineConfig } from "vitest/config";

// Browser end-to-end tests: real hub processes, Debian Chromium through
// playwright-core. Files run one at a time: each starts its own hub and
// browser, and two cores do not take more in parallel without flaking.
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["tests/e2e/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    fileParallelism: false,
  },
});
