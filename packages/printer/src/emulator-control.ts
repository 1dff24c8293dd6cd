import { HEALTHY_PRINTER, type EmulatorState } from "./emulator";

/** Operator commands for the emulator, one per line (stdin or a control file). */
export type EmulatorCommand =
  { kind: "set"; state: Partial<EmulatorState> } | { kind: "show" } | { kind: "help" };

const SWITCHES: Readonly<Record<string, keyof EmulatorState>> = {
  "paper-end": "paperEnd",
  "near-end": "paperNearEnd",
  "cover-open": "coverOpen",
  "no-answer": "noAnswer",
  error: "error",
};

export const EMULATOR_COMMAND_HELP = [
  "paper-end on|off    near-end on|off    cover-open on|off",
  "no-answer on|off    error on|off       offline",
  "online (all problems cleared)          status",
].join("\n");

/** Parses one command line; undefined for blank lines and comments. */
export function parseEmulatorCommand(line: string): EmulatorCommand | Error | undefined {
  const [word, value, ...extra] = line.trim().toLowerCase().split(/\s+/);
  if (!word || word.startsWith("#")) return undefined;
  if (extra.length > 0) return new Error(`too many words: ${line.trim()}`);
  if (word === "online") return { kind: "set", state: { ...HEALTHY_PRINTER } };
  if (word === "offline") return { kind: "set", state: { online: false } };
  if (word === "status") return { kind: "show" };
  if (word === "help") return { kind: "help" };
  const key = SWITCHES[word];
  if (!key) return new Error(`unknown command "${word}" (try: help)`);
  if (value !== "on" && value !== "off") return new Error(`${word} needs on or off`);
  return { kind: "set", state: { [key]: value === "on" } };
}

export function describeState(state: EmulatorState): string {
  const problems = Object.entries(SWITCHES)
    .filter(([, key]) => state[key])
    .map(([name]) => name);
  if (!state.online) problems.unshift("offline");
  return problems.length === 0 ? "online, ready" : problems.join(", ");
}
