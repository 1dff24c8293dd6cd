import { constants } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { STATUS_QUERIES } from "./commands";
import { PrinterError } from "./errors";
import { assertPrinterReady, combineStatus, isStatusByte, READY_STATUS, type PrinterStatus } from "./status";
import type { PrinterTransport } from "./transport";

export interface DeviceTransportOptions {
  /** A printer class device, e.g. /dev/usb/lp0 on Linux. */
  path?: string;
  /** How long to poll for the status answer before assuming the printer is fine. */
  answerTimeoutMs?: number;
  writeTimeoutMs?: number;
  checkStatusBeforePrint?: boolean;
}

const POLL_MS = 20;

/**
 * A USB printer through the kernel's printer class driver. Many printers answer
 * DLE EOT over the USB bulk-in pipe, which usblp exposes as reads on the same
 * device; some never do, and then the status is reported as assumed.
 */
export function createDeviceTransport(options: DeviceTransportOptions = {}): PrinterTransport {
  const path = options.path ?? "/dev/usb/lp0";
  const answerTimeoutMs = options.answerTimeoutMs ?? 1000;
  const writeTimeoutMs = options.writeTimeoutMs ?? 15_000;
  const checkStatusBeforePrint = options.checkStatusBeforePrint ?? true;
  let closed = false;

  async function openDevice(flags: number): Promise<FileHandle> {
    if (closed) throw new PrinterError("PRINTER_OFFLINE", "transport closed");
    try {
      return await open(path, flags);
    } catch (error) {
      // ENOENT / ENODEV / ENXIO: unplugged or switched off; EACCES / EBUSY: not ours to use.
      throw new PrinterError("PRINTER_OFFLINE", `cannot open ${path}: ${errorCode(error)}`, { cause: error });
    }
  }

  async function status(): Promise<PrinterStatus> {
    // Non-blocking, so a device that never answers cannot pin a libuv thread in read().
    const handle = await openDevice(constants.O_RDWR | constants.O_NONBLOCK);
    try {
      if (!(await handle.stat()).isCharacterDevice()) return assumed();
      try {
        await handle.write(STATUS_QUERIES);
      } catch (error) {
        throw new PrinterError("PRINTER_OFFLINE", `cannot write to ${path}: ${errorCode(error)}`, {
          cause: error,
        });
      }
      const answer = await readAnswer(handle, answerTimeoutMs);
      const [b1, b2, b3, b4] = answer;
      if (b1 === undefined || b2 === undefined || b3 === undefined || b4 === undefined) return assumed();
      return combineStatus([b1, b2, b3, b4]);
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  async function print(bytes: Uint8Array): Promise<void> {
    if (checkStatusBeforePrint) assertPrinterReady(await status());
    // No O_CREAT: a missing device must fail, not turn into a regular file in /dev.
    const handle = await openDevice(constants.O_WRONLY | constants.O_APPEND);
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new PrinterError("PRINTER_TIMEOUT", `${path} did not take the job within ${writeTimeoutMs} ms`),
            ),
          writeTimeoutMs,
        );
      });
      // writeFile loops over partial writes, which a character device may return.
      const write = handle.writeFile(bytes).catch((error: unknown) => {
        throw new PrinterError("PRINTER_OFFLINE", `write to ${path} failed: ${errorCode(error)}`, {
          cause: error,
        });
      });
      await Promise.race([write, timeout]);
    } finally {
      clearTimeout(timer);
      // A write stuck in the driver keeps the handle busy; close waits for it in the background.
      handle.close().catch(() => undefined);
    }
  }

  return {
    status,
    print,
    close: () => {
      closed = true;
      return Promise.resolve();
    },
  };
}

async function readAnswer(handle: FileHandle, timeoutMs: number): Promise<number[]> {
  const answer: number[] = [];
  const buffer = Buffer.alloc(16);
  const deadline = Date.now() + timeoutMs;
  while (answer.length < 4 && Date.now() < deadline) {
    try {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      for (const byte of buffer.subarray(0, bytesRead)) if (isStatusByte(byte)) answer.push(byte);
      if (bytesRead > 0) continue;
    } catch (error) {
      // EAGAIN: nothing yet. Anything else: this device cannot be read at all.
      if (errorCode(error) !== "EAGAIN") return answer;
    }
    await sleep(POLL_MS);
  }
  return answer;
}

function assumed(): PrinterStatus {
  return { ...READY_STATUS, assumed: true };
}

function errorCode(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}
