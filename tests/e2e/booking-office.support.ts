import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPrinterEmulator, type PrinterEmulator } from "@layan/printer";
import { sampleConfigWithBooking } from "../support/booking-config";
import { startTestHub, type TestHub } from "../support/test-hub";

/**
 * An office that takes bookings, for browser tests whose acts happen at
 * different times of the day: a copy of the sample config with booking on,
 * one data folder on which the hub is started again at each act's time
 * (LAYAN_TEST_NOW), and the lobby kiosk printing to a printer emulator.
 */
export class BookingOffice {
  private lastHub: TestHub | null = null;

  private constructor(
    readonly configDir: string,
    readonly dataDir: string,
    private readonly jobsDir: string,
    readonly emulator: PrinterEmulator,
  ) {}

  static async open(prefix: string, config: Parameters<typeof sampleConfigWithBooking>[0]): Promise<BookingOffice> {
    const configDir = sampleConfigWithBooking(config);
    const dataDir = mkdtempSync(join(tmpdir(), `${prefix}data-`));
    const jobsDir = mkdtempSync(join(tmpdir(), `${prefix}jobs-`));
    return new BookingOffice(configDir, dataDir, jobsDir, await startPrinterEmulator({ port: 0, outDir: jobsDir }));
  }

  /** A hub on the office's data at `now`, office hours as configured; stop the one before first. */
  async startAt(now: string): Promise<TestHub> {
    this.lastHub = await startTestHub({
      configDir: this.configDir,
      dataDir: this.dataDir,
      now,
      realHours: true,
      kioskPrinters: { "kiosk-lobi": `127.0.0.1:${this.emulator.port}` },
    });
    return this.lastHub;
  }

  /** Stops the last hub and the emulator, and removes the folders. */
  async close(): Promise<void> {
    await this.lastHub?.stop();
    await this.emulator.close();
    for (const dir of [this.configDir, this.dataDir, this.jobsDir]) rmSync(dir, { recursive: true, force: true });
  }
}
