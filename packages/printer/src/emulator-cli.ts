// `pnpm printer:emulator --port 9100 --out DIR [--paper 58mm|80mm] [--paper-end]
//  [--cover-open] [--no-answer] [--control FILE]`: a network receipt printer for
// kiosks and demos without hardware. Commands on stdin (or lines in the control
// file) change its state while it runs; Ctrl-C closes it.
import { readFile, stat } from "node:fs/promises";
import { unwatchFile, watchFile } from "node:fs";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { startPrinterEmulator } from "./emulator";
import { describeState, EMULATOR_COMMAND_HELP, parseEmulatorCommand } from "./emulator-control";
import type { PaperWidth } from "./paper";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "9100" },
    host: { type: "string", default: "127.0.0.1" },
    out: { type: "string", default: "printer-out" },
    paper: { type: "string", default: "80mm" },
    "paper-end": { type: "boolean", default: false },
    "cover-open": { type: "boolean", default: false },
    "no-answer": { type: "boolean", default: false },
    control: { type: "string" },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  console.log(
    "printer:emulator --port 9100 --out DIR [--paper 58mm|80mm] [--paper-end] [--cover-open] [--no-answer] [--control FILE]",
  );
  console.log(`commands (stdin or control file):\n${EMULATOR_COMMAND_HELP}`);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got ${values.port}`);
if (values.paper !== "58mm" && values.paper !== "80mm")
  fail(`--paper must be 58mm or 80mm, got ${values.paper}`);
const paper: PaperWidth = values.paper;

const emulator = await startPrinterEmulator({
  port,
  host: values.host,
  outDir: values.out,
  paper,
  state: { paperEnd: values["paper-end"], coverOpen: values["cover-open"], noAnswer: values["no-answer"] },
}).catch((error: unknown) => fail(`cannot listen on ${values.host}:${port}: ${String(error)}`));

console.log(
  `printer emulator on ${emulator.host}:${emulator.port}, ${paper}, jobs in ${values.out} (${describeState(emulator.state)})`,
);

emulator.on("job", (job) => {
  const accepted = job.bytes.length > 0 ? `${job.bytes.length} bytes printed` : "nothing printed";
  const dropped = job.discarded
    ? `, ${job.discarded.bytes.length} bytes discarded (${job.discarded.reason})`
    : "";
  const firstLine =
    job.text
      .split("\n")
      .find((line) => line.trim().length > 0)
      ?.trim() ?? "";
  console.log(
    `job ${job.name}: ${accepted}${dropped}, ended by ${job.endedBy}${firstLine ? ` | ${firstLine}` : ""}`,
  );
});

function apply(line: string, source: string): void {
  const command = parseEmulatorCommand(line);
  if (command === undefined) return;
  if (command instanceof Error) {
    console.error(`${source}: ${command.message}`);
    return;
  }
  if (command.kind === "help") console.log(EMULATOR_COMMAND_HELP);
  if (command.kind === "set") emulator.setState(command.state);
  console.log(`state: ${describeState(emulator.state)}`);
}

const input = readline.createInterface({ input: process.stdin });
input.on("line", (line) => apply(line, "stdin"));

const controlFile = values.control;
if (controlFile) {
  // Re-read the whole file on every change; its commands are idempotent switches.
  const load = async () => {
    const text = await readFile(controlFile, "utf8").catch(() => "");
    for (const line of text.split("\n")) apply(line, controlFile);
  };
  if (await stat(controlFile).catch(() => undefined)) await load();
  watchFile(controlFile, { interval: 300 }, () => void load());
}

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  if (controlFile) unwatchFile(controlFile);
  input.close();
  await emulator.close();
  console.log("printer emulator closed");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());

function fail(message: string): never {
  console.error(`printer:emulator: ${message}`);
  process.exit(2);
}
