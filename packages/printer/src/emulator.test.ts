import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rawSession } from "./__fixtures__/sockets";
import { startPrinterEmulator, type PrinterEmulator } from "./emulator";
import { describeState, parseEmulatorCommand } from "./emulator-control";

const DLE_EOT = (n: number) => Buffer.from([0x10, 0x04, n]);
const CUT = Buffer.from([0x1d, 0x56, 0x00]);
const text = (value: string) => Buffer.from(value, "latin1");

let outDir: string;
let emulator: PrinterEmulator;

beforeEach(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), "layan-emulator-"));
  emulator = await startPrinterEmulator({ port: 0, outDir });
});

afterEach(async () => {
  await emulator.close();
  await rm(outDir, { recursive: true, force: true });
});

describe("printer emulator", () => {
  it("answers DLE EOT 1-4 from its state, even when a query arrives split across packets", async () => {
    expect([...(await rawSession(emulator.port, [DLE_EOT(1), DLE_EOT(2), DLE_EOT(3), DLE_EOT(4)]))]).toEqual([
      0x12, 0x12, 0x12, 0x12,
    ]);
    emulator.setState({ coverOpen: true, paperNearEnd: true });
    const split = [Buffer.from([0x10]), Buffer.from([0x04]), Buffer.from([0x02]), DLE_EOT(1), DLE_EOT(4)];
    expect([...(await rawSession(emulator.port, split))]).toEqual([0x12 | 0x04, 0x12 | 0x08, 0x12 | 0x0c]);
  });

  it("swallows queries while noAnswer is set", async () => {
    emulator.setState({ noAnswer: true });
    expect((await rawSession(emulator.port, [DLE_EOT(1)])).length).toBe(0);
  });

  it("makes no job of a status-only connection", async () => {
    await rawSession(emulator.port, [DLE_EOT(1), DLE_EOT(4)]);
    await rawSession(emulator.port, [text("cetak\n"), CUT]);
    const jobs = await emulator.waitForJobs(1);
    expect(jobs.map((job) => [job.name, job.text])).toEqual([["0001", "cetak\n[cut]"]]);
  });

  it("ends a job at each cut, and at the close when there is no cut", async () => {
    await rawSession(emulator.port, [text("satu\n"), CUT, text("dua\n"), CUT, text("tiga\n")]);
    const jobs = await emulator.waitForJobs(3);
    expect(jobs.map((job) => [job.name, job.endedBy, job.text])).toEqual([
      ["0001", "cut", "satu\n[cut]"],
      ["0002", "cut", "dua\n[cut]"],
      ["0003", "close", "tiga"],
    ]);
    expect((await readdir(outDir)).filter((file) => file.endsWith(".png"))).toHaveLength(3);
  });

  it("treats 0x10 0x04 inside QR data as data, not as a query", async () => {
    const data = Buffer.from([0x31, 0x50, 0x30, 0x61, 0x10, 0x04, 0x01, 0x62]);
    const store = Buffer.concat([Buffer.from([0x1d, 0x28, 0x6b, data.length, 0]), data]);
    const answer = await rawSession(emulator.port, [
      store,
      Buffer.from([0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30]),
      CUT,
    ]);
    expect(answer.length).toBe(0);
    const [job] = await emulator.waitForJobs(1);
    expect(job?.bytes.includes(data)).toBe(true);
    expect(job?.text).toContain("[QR: a\u0010\u0004\u0001b]");
  });

  it("discards what arrives while the cover is open and prints again once it is closed", async () => {
    emulator.setState({ coverOpen: true });
    await rawSession(emulator.port, [text("hilang\n"), CUT]);
    emulator.setState({ coverOpen: false });
    await rawSession(emulator.port, [text("tercetak\n"), CUT]);
    const [lost, printed] = await emulator.waitForJobs(2);
    expect(lost).toMatchObject({ name: "0001", text: "", discarded: { reason: "COVER_OPEN" } });
    expect(lost?.files.map((file) => path.basename(file))).toEqual(["0001.discarded.bin"]);
    expect(printed).toMatchObject({ name: "0002", text: "tercetak\n[cut]", discarded: null });
  });

  it("numbers on after the jobs already in its folder", async () => {
    await writeFile(path.join(outDir, "0041.bin"), "");
    const second = await startPrinterEmulator({ port: 0, outDir });
    try {
      await rawSession(second.port, [text("x\n"), CUT]);
      expect((await second.waitForJobs(1))[0]?.name).toBe("0042");
    } finally {
      await second.close();
    }
  });
});

describe("emulator control commands", () => {
  it("parses the switches the CLI accepts", () => {
    expect(parseEmulatorCommand("paper-end on")).toEqual({ kind: "set", state: { paperEnd: true } });
    expect(parseEmulatorCommand("  Cover-Open OFF ")).toEqual({ kind: "set", state: { coverOpen: false } });
    expect(parseEmulatorCommand("no-answer on")).toEqual({ kind: "set", state: { noAnswer: true } });
    expect(parseEmulatorCommand("online")).toMatchObject({
      kind: "set",
      state: { online: true, paperEnd: false, noAnswer: false },
    });
    expect(parseEmulatorCommand("status")).toEqual({ kind: "show" });
    expect(parseEmulatorCommand("# comment")).toBeUndefined();
    expect(parseEmulatorCommand("")).toBeUndefined();
    expect(parseEmulatorCommand("paper-end maybe")).toBeInstanceOf(Error);
    expect(parseEmulatorCommand("jam")).toBeInstanceOf(Error);
  });

  it("describes the state in one line", () => {
    expect(describeState(emulator.state)).toBe("online, ready");
    emulator.setState({ paperEnd: true, noAnswer: true });
    expect(describeState(emulator.state)).toBe("paper-end, no-answer");
  });
});
