import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sampleTicket } from "./__fixtures__/sample-ticket";
import { readQrFromPng } from "./__fixtures__/read-qr";
import { closedPort } from "./__fixtures__/sockets";
import { startPrinterEmulator, type PrinterEmulator } from "./emulator";
import { PrinterError } from "./errors";
import { layoutTicket } from "./layout";
import { printerReady, READY_STATUS } from "./status";
import { createTcpTransport } from "./tcp-transport";

let outDir: string;
let emulator: PrinterEmulator;

beforeEach(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), "layan-printer-"));
  emulator = await startPrinterEmulator({ port: 0, outDir, paper: "58mm" });
});

afterEach(async () => {
  await emulator.close();
  await rm(outDir, { recursive: true, force: true });
});

const transportFor = (options: { answerTimeoutMs?: number; checkStatusBeforePrint?: boolean } = {}) =>
  createTcpTransport({ host: "127.0.0.1", port: emulator.port, answerTimeoutMs: 1000, ...options });

const rejection = async (promise: Promise<unknown>): Promise<PrinterError> => {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof PrinterError)) throw new Error(`expected a PrinterError, got ${String(error)}`);
  return error;
};

describe("TCP 9100 transport against the emulator", () => {
  it("prints a ticket: the emulator writes .bin, .txt and .png of exactly that job", async () => {
    const bytes = layoutTicket(sampleTicket, { paper: "58mm" });
    await transportFor().print(bytes);

    const [job] = await emulator.waitForJobs(1);
    expect(job).toMatchObject({ name: "0001", endedBy: "cut", discarded: null });
    expect((await readdir(outDir)).sort()).toEqual(["0001.bin", "0001.png", "0001.txt"]);
    // The status query sent first on the same connection is not part of the job.
    expect(await readFile(path.join(outDir, "0001.bin"))).toEqual(bytes);
    const golden = await readFile(new URL("./__fixtures__/ticket-58mm.txt", import.meta.url), "utf8");
    expect(await readFile(path.join(outDir, "0001.txt"), "utf8")).toBe(golden);
    expect(readQrFromPng(await readFile(path.join(outDir, "0001.png")))).toBe(sampleTicket.statusUrl);
  });

  it("reads a healthy printer's status as ready, and a status check makes no job", async () => {
    expect(await transportFor().status()).toEqual(READY_STATUS);
    await transportFor().print(Buffer.from("setelah\n\x1dV\x00", "latin1"));
    const jobs = await emulator.waitForJobs(1);
    expect(jobs.map((job) => job.name)).toEqual(["0001"]);
  });

  it("paper end: status says so, printerReady is false, print is refused with PAPER_END", async () => {
    emulator.setState({ paperEnd: true });
    const transport = transportFor();
    const status = await transport.status();
    expect(status).toMatchObject({ paperEnd: true, online: false });
    expect(printerReady(status)).toBe(false);

    const error = await rejection(transport.print(layoutTicket(sampleTicket, { paper: "58mm" })));
    expect(error.code).toBe("PAPER_END");
    expect(error.reason).toBe("Kertas habis");
  });

  it("paper end without a status check: the printer discards the job and the emulator records it", async () => {
    emulator.setState({ paperEnd: true });
    const bytes = layoutTicket(sampleTicket, { paper: "58mm" });
    await transportFor({ checkStatusBeforePrint: false }).print(bytes);
    const [job] = await emulator.waitForJobs(1);
    expect(job?.bytes.length).toBe(0);
    expect(job?.discarded?.reason).toBe("PAPER_END");
    expect(job?.discarded?.bytes).toEqual(bytes);
    expect(await readdir(outDir)).toEqual(["0001.discarded.bin"]);
  });

  it("cover open is refused with COVER_OPEN; paper near end still prints", async () => {
    emulator.setState({ coverOpen: true });
    expect((await rejection(transportFor().print(Buffer.from("x\n")))).code).toBe("COVER_OPEN");

    emulator.setState({ coverOpen: false, paperNearEnd: true });
    const status = await transportFor().status();
    expect(status).toMatchObject({ paperNearEnd: true, online: true });
    await transportFor().print(Buffer.from("x\n\x1dV\x00", "latin1"));
    expect((await emulator.waitForJobs(1))[0]?.discarded).toBeNull();
  });

  it("a printer that swallows status queries fails with PRINTER_TIMEOUT within the timeout", async () => {
    emulator.setState({ noAnswer: true });
    const started = performance.now();
    const error = await rejection(transportFor({ answerTimeoutMs: 300 }).status());
    const elapsed = performance.now() - started;
    expect(error.code).toBe("PRINTER_TIMEOUT");
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1500);
  });

  it("connection refused is PRINTER_OFFLINE, for status and print", async () => {
    const transport = createTcpTransport({ host: "127.0.0.1", port: await closedPort() });
    const statusError = await rejection(transport.status());
    expect(statusError.code).toBe("PRINTER_OFFLINE");
    expect(statusError.message).toContain("ECONNREFUSED");
    expect((await rejection(transport.print(Buffer.from("x")))).code).toBe("PRINTER_OFFLINE");
  });

  it("a printer that stops reading makes print fail with PRINTER_TIMEOUT", async () => {
    const stuck = net.createServer((socket) => socket.pause());
    await new Promise<void>((resolve) => stuck.listen(0, "127.0.0.1", resolve));
    const port = (stuck.address() as net.AddressInfo).port;
    try {
      const transport = createTcpTransport({
        host: "127.0.0.1",
        port,
        writeTimeoutMs: 300,
        checkStatusBeforePrint: false,
      });
      // Far more than the loopback socket buffers hold, so the write can never complete.
      const error = await rejection(transport.print(Buffer.alloc(64 * 1024 * 1024, 0x20)));
      expect(error.code).toBe("PRINTER_TIMEOUT");
    } finally {
      stuck.close();
    }
  });

  it("a closed transport refuses further work with PRINTER_OFFLINE", async () => {
    const transport = transportFor();
    await transport.close();
    expect((await rejection(transport.status())).code).toBe("PRINTER_OFFLINE");
  });
});
