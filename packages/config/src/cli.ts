import { checkTime, runConfigCheck } from "./report";

// Entry point of `pnpm config:check [dir]`; all logic lives in report.ts so tests can call it in-process.
process.exitCode = runConfigCheck(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  },
  { now: checkTime(process.env) },
);
