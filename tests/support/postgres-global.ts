/**
 * vitest globalSetup: one PostgreSQL cluster for the whole run (initdb costs a
 * second or two; a database per test file costs milliseconds).
 */
import type { TestProject } from "vitest/node";
import { startPostgres } from "./postgres";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres();
  project.provide("postgresUrl", cluster.url());
  return () => cluster.stop();
}
