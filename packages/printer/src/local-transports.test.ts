import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDeviceTransport } from "./device-transport";
import { PrinterError } from "./errors";
import { createFileTransport } from "./file-transport";
import { READY_STATUS } from "./status";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "layan-transport-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const codeOf = async (promise: Promise<unknown>) => {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  return error instanceof PrinterError ? error.code : `not a PrinterError: ${String(error)}`;
};

describe("file transport", () => {
  it("appends each job and reports the status the test sets", async () => {
    const file = path.join(dir, "jobs.bin");
    const transport = createFileTransport({ path: file });
    await transport.print(Buffer.from("satu"));
    await transport.print(Buffer.from("dua"));
    expect(await readFile(file, "latin1")).toBe("satudua");
    expect(await transport.status()).toEqual(READY_STATUS);

    transport.setStatus({ paperEnd: true });
    expect(await codeOf(transport.print(Buffer.from("tiga")))).toBe("PAPER_END");
    transport.setStatus({ paperEnd: false, coverOpen: true });
    expect(await codeOf(transport.print(Buffer.from("tiga")))).toBe("COVER_OPEN");
    expect(await readFile(file, "latin1")).toBe("satudua");

    await transport.close();
    expect(await codeOf(transport.status())).toBe("PRINTER_OFFLINE");
  });
});

describe("device transport", () => {
  it("a missing device (unplugged printer) is PRINTER_OFFLINE and is never created", async () => {
    const missing = path.join(dir, "lp0");
    const transport = createDeviceTransport({ path: missing });
    expect(await codeOf(transport.status())).toBe("PRINTER_OFFLINE");
    expect(await codeOf(transport.print(Buffer.from("x")))).toBe("PRINTER_OFFLINE");
    expect(
      await codeOf(
        createDeviceTransport({ path: missing, checkStatusBeforePrint: false }).print(Buffer.from("x")),
      ),
    ).toBe("PRINTER_OFFLINE");
    await expect(readFile(missing)).rejects.toThrow(/ENOENT/);
  });

  it("a character device that never answers is assumed online, after the answer timeout", async () => {
    const started = performance.now();
    const status = await createDeviceTransport({ path: "/dev/null", answerTimeoutMs: 150 }).status();
    expect(status).toEqual({ ...READY_STATUS, assumed: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("writes the job to the device file as is", async () => {
    const device = path.join(dir, "lp0");
    await writeFile(device, "");
    const transport = createDeviceTransport({ path: device });
    expect(await transport.status()).toEqual({ ...READY_STATUS, assumed: true });
    await transport.print(Buffer.from([0x1b, 0x40, 0x41, 0x0a]));
    // No status query was written into a file that is not a device.
    expect([...(await readFile(device))]).toEqual([0x1b, 0x40, 0x41, 0x0a]);
  });
});
