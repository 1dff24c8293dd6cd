import { defineConfig } from "vitest/config";

// One run for unit tests (beside the code) and hub integration tests.
// Browser end-to-end tests live in tests/e2e and run through `pnpm test:e2e`.
export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts", "tests/integration/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: "forks",
    // One throwaway PostgreSQL cluster for the run (the regency tests take a database each).
    globalSetup: ["tests/support/postgres-global.ts"],
  },
});
