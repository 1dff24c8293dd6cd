import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./test-hub";

/**
 * A copy of the sample kiosk-config with booked visits switched on, for tests
 * that start the hub as its own process. The sample shows `booking:` off in
 * office.yaml and written for KTP-el (and KIA); this switches it on and sets
 * KTP-el's places per slot (and, when given, its daily quota), editing the
 * lines rather than appending a second `booking:` key (which the YAML check
 * refuses).
 */
export function sampleConfigWithBooking(options: { capacity: number; publicBaseUrl?: string; dailyQuota?: number }): string {
  const dir = mkdtempSync(join(tmpdir(), "layan-booking-config-"));
  cpSync(join(ROOT, "kiosk-config"), dir, { recursive: true });
  const edit = (file: string, from: string, to: string) => {
    const path = join(dir, file);
    const text = readFileSync(path, "utf8");
    if (!text.includes(from)) throw new Error(`${file} no longer holds "${from}"`);
    writeFileSync(path, text.replace(from, to));
  };
  edit("office.yaml", "booking:\n  enabled: false", "booking:\n  enabled: true");
  if (options.publicBaseUrl) edit("office.yaml", "\nbooking:\n", `\npublicBaseUrl: ${options.publicBaseUrl}\nbooking:\n`);
  edit(join("services", "ktp-el.yaml"), "  capacity: 6\n", `  capacity: ${options.capacity}\n`);
  if (options.dailyQuota !== undefined) edit(join("services", "ktp-el.yaml"), "\ndailyQuota: 120\n", `\ndailyQuota: ${options.dailyQuota}\n`);
  return dir;
}
