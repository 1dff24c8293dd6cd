import { describe, expect, it } from "vitest";
import {
  combineStatus,
  parseStatus,
  printerReady,
  READY_STATUS,
  statusAnswer,
  statusProblems,
  type PrinterStatus,
  type StatusQuery,
} from "./status";

/** Every answer byte carries bit 1 and bit 4; tests add the bits under test on top. */
const BASE = 0x12;

describe("parseStatus", () => {
  // DLE EOT 1 to 3 answer four flags each, on bits 2, 3, 5 and 6 (0x04, 0x08, 0x20, 0x40). Only
  // "online" reads the other way round: its bit set means offline.
  it.each([
    {
      n: 1,
      title: "printer status bits",
      kind: "printer",
      flags: ["drawerPin3High", "online", "waitingForOnlineRecovery", "feedButtonPressed"],
    },
    {
      n: 2,
      title: "offline cause bits",
      kind: "offlineCause",
      flags: ["coverOpen", "feedingByFeedButton", "stoppedByPaperEnd", "errorOccurred"],
    },
    {
      n: 3,
      title: "error cause bits",
      kind: "errorCause",
      flags: ["recoverable", "cutter", "unrecoverable", "autoRecoverable"],
    },
  ] as const)("DLE EOT $n: $title", ({ n, kind, flags }) => {
    const clear = (flag: string) => flag === "online";
    expect(parseStatus(n, BASE)).toEqual({
      kind,
      valid: true,
      ...Object.fromEntries(flags.map((f) => [f, clear(f)])),
    });
    [0x04, 0x08, 0x20, 0x40].forEach((bit, i) => {
      const flag = flags[i]!;
      expect(parseStatus(n, BASE | bit), flag).toMatchObject({ [flag]: !clear(flag) });
    });
  });

  it("DLE EOT 4: paper near end on bits 2-3, paper end on bits 5-6", () => {
    expect(parseStatus(4, BASE)).toEqual({ kind: "paperSensor", valid: true, nearEnd: false, end: false });
    expect(parseStatus(4, BASE | 0x0c)).toMatchObject({ nearEnd: true, end: false });
    expect(parseStatus(4, BASE | 0x04).nearEnd).toBe(true);
    expect(parseStatus(4, BASE | 0x08).nearEnd).toBe(true);
    expect(parseStatus(4, BASE | 0x60)).toMatchObject({ nearEnd: false, end: true });
    expect(parseStatus(4, BASE | 0x20).end).toBe(true);
    expect(parseStatus(4, BASE | 0x40).end).toBe(true);
  });

  it("flags bytes without the fixed bits as not a status answer", () => {
    for (const byte of [0x00, 0xff, 0x10, 0x02, 0x13, 0x92]) expect(parseStatus(1, byte).valid).toBe(false);
  });
});

describe("combined status", () => {
  it("reads a healthy printer as ready with no problems", () => {
    const status = combineStatus([BASE, BASE, BASE, BASE]);
    expect(status).toEqual(READY_STATUS);
    expect(printerReady(status)).toBe(true);
    expect(statusProblems(status)).toEqual([]);
  });

  it("paper end (either source) stops printing with 'Kertas habis', not a generic offline", () => {
    const fromSensor = combineStatus([BASE | 0x08, BASE, BASE, BASE | 0x60]);
    const fromOfflineCause = combineStatus([BASE | 0x08, BASE | 0x20, BASE, BASE]);
    for (const status of [fromSensor, fromOfflineCause]) {
      expect(status).toMatchObject({ online: false, paperEnd: true });
      expect(printerReady(status)).toBe(false);
      expect(statusProblems(status).map((problem) => problem.message)).toEqual(["Kertas habis"]);
    }
  });

  it("cover open says 'Penutup printer terbuka'", () => {
    const status = combineStatus([BASE | 0x08, BASE | 0x04, BASE, BASE]);
    expect(status.coverOpen).toBe(true);
    expect(statusProblems(status)).toEqual([
      { code: "COVER_OPEN", severity: "error", message: "Penutup printer terbuka" },
    ]);
  });

  it("offline without a known cause says 'Printer tidak merespons'", () => {
    const status = combineStatus([BASE | 0x08, BASE, BASE, BASE]);
    expect(statusProblems(status)).toEqual([
      { code: "PRINTER_OFFLINE", severity: "error", message: "Printer tidak merespons" },
    ]);
  });

  it("any error cause bit is an error", () => {
    for (const bit of [0x04, 0x08, 0x20, 0x40]) {
      const status = combineStatus([BASE | 0x08, BASE | 0x40, BASE | bit, BASE]);
      expect(status.error).toBe(true);
      expect(printerReady(status)).toBe(false);
    }
  });

  it("paper near end is a warning only: still ready", () => {
    const status = combineStatus([BASE, BASE, BASE, BASE | 0x0c]);
    expect(status.paperNearEnd).toBe(true);
    expect(printerReady(status)).toBe(true);
    expect(statusProblems(status)).toEqual([
      { code: "PAPER_NEAR_END", severity: "warning", message: "Kertas hampir habis" },
    ]);
  });

  it("statusAnswer is what combineStatus reads back (the emulator relies on it)", () => {
    const flags = ["online", "coverOpen", "paperEnd", "paperNearEnd", "error"] as const;
    for (let mask = 0; mask < 1 << flags.length; mask++) {
      const status = Object.fromEntries(
        flags.map((flag, i) => [flag, ((mask >> i) & 1) === 1]),
      ) as unknown as PrinterStatus;
      const answers = ([1, 2, 3, 4] as StatusQuery[]).map((n) => statusAnswer(n, status));
      const back = combineStatus(answers as [number, number, number, number]);
      const offline = !status.online || status.coverOpen || status.paperEnd || status.error;
      expect(back).toEqual({ ...status, online: !offline });
    }
  });
});
