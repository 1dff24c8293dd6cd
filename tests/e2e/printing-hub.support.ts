/**
 * A test hub whose lobby kiosk (kiosk-lobi) prints to a printer emulator, the
 * way a browser kiosk is deployed (printVia "hub"); the emulator writes its
 * jobs into a fresh temporary folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPrinterEmulator, type PrinterEmulator } from "@layan/printer";
import { startTestHub, type TestHub } from "../support/test-hub";

export interface PrintingHub {
  readonly hub: TestHub;
  readonly emulator: PrinterEmulator;
  /** Stops the hub and the emulator and removes the jobs folder. */
  stop(): Promise<void>;
}

/**
 * `prefix` names the jobs folder; `printerPreview` has the hub serve those jobs at /printer/;
 * `configDir` and `now` are startTestHub's (another office, another start time).
 */
export async function startPrintingHub(
  prefix: string,
  options: { printerPreview?: boolean; configDir?: string; now?: string | number } = {},
): Promise<PrintingHub> {
  const jobsDir = mkdtempSync(join(tmpdir(), prefix));
  let emulator: PrinterEmulator | undefined;
  let hub: TestHub | undefined;
  // As far as the start got: a hub that failed to start leaves no emulator or folder behind.
  const stop = async () => {
    await hub?.stop();
    await emulator?.close();
    rmSync(jobsDir, { recursive: true, force: true });
  };
  try {
    emulator = await startPrinterEmulator({ port: 0, outDir: jobsDir });
    hub = await startTestHub({
      kioskPrinters: { "kiosk-lobi": `127.0.0.1:${emulator.port}` },
      ...(options.printerPreview ? { printerPreview: jobsDir } : {}),
      ...(options.configDir ? { configDir: options.configDir } : {}),
      ...(options.now !== undefined ? { now: options.now } : {}),
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { hub, emulator, stop };
}
