import "../zod-setup";
import { z } from "zod";
import { ComplaintFilingSchema, type ComplaintReceipt } from "./complaints";
import { SurveyResponseSchema } from "./survey";

/**
 * The kiosk's side of the Ombudsman loop: a complaint filed at the kiosk (with
 * a paper receipt), and the survey mode, where the citizen types the number
 * printed on their ticket instead of scanning its QR.
 */

/** As ticket:issue: a browser kiosk has the hub print, an Electron kiosk prints itself. */
export const KioskComplaintPayload = ComplaintFilingSchema.safeExtend({
  printVia: z.enum(["kiosk", "hub"]).default("kiosk"),
});

/**
 * "A-012" as printed; "a012", "A 012" and "a-12" are the same ticket, since a
 * citizen types what they read on an on-screen keyboard.
 */
export const ticketNumber = z
  .string()
  .max(16)
  .transform((raw, ctx) => {
    const m = /^([A-Z]{1,2})[\s-]*([0-9]{1,5})$/.exec(raw.trim().toUpperCase());
    if (!m?.[1] || !m[2]) {
      ctx.issues.push({ code: "custom", message: "tulis nomor antrean seperti A-012", input: raw });
      return z.NEVER;
    }
    return `${m[1]}-${m[2].padStart(3, "0")}`;
  });

export const SurveyFindPayload = z.strictObject({ number: ticketNumber });
export const KioskSurveyPayload = SurveyResponseSchema.safeExtend({ number: ticketNumber });

export type KioskComplaintInput = z.input<typeof KioskComplaintPayload>;
export type KioskComplaintRequest = z.output<typeof KioskComplaintPayload>;
export type SurveyFindInput = z.input<typeof SurveyFindPayload>;
export type KioskSurveyInput = z.input<typeof KioskSurveyPayload>;

const printed = (max: number) => z.string().max(max);

/**
 * What goes on the complaint receipt, built by the hub for every kind of
 * kiosk; the Electron kiosk's main process checks what its renderer hands it
 * with this schema before anything reaches the printer (the printer package's
 * ComplaintPrint is the same shape: layoutComplaint's parameter keeps them in step).
 */
export const PrintableComplaintSchema = z.strictObject({
  officeName: printed(200),
  officeAddress: printed(300).optional(),
  code: printed(16).min(1),
  categoryLabel: printed(200),
  serviceName: printed(200).nullable(),
  filedAt: z.number().int().nonnegative(),
  dueAt: z.number().int().nonnegative(),
  targetWorkingDays: z.number().int().nonnegative(),
  timeZone: printed(64).min(1),
  statusUrl: printed(500).nullable(),
  elsewhere: z.array(z.strictObject({ name: printed(200), contact: printed(300) })).max(10),
});
export type PrintableComplaint = z.output<typeof PrintableComplaintSchema>;

export interface KioskComplaintReceipt extends ComplaintReceipt {
  /** True when the hub printed it (printVia "hub"); an Electron kiosk prints `print` itself. */
  printed: boolean;
  print: PrintableComplaint;
}
