import { z } from "zod";

/* The building blocks every kiosk-config file's schema shares. */

export const text = z.string().trim().min(1);

export const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'expected an id of lowercase letters, digits and dashes, like "ktp-el"',
});

export const iconKey = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'expected an icon key of lowercase letters, digits and dashes, like "id-card"',
});

export const positiveInt = z.int().min(1);

/** A plain string is shorthand for `{ <key>: string }` — friendlier to write by hand. */
export function stringAs<T extends z.ZodType>(key: string, schema: T) {
  return z.preprocess((value) => (typeof value === "string" ? { [key]: value } : value), schema);
}

export const localizedText = stringAs("id", z.strictObject({ id: text, en: text.optional() }));

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y ?? 0, (m ?? 0) - 1, d ?? 0));
  return date.getUTCFullYear() === y && date.getUTCMonth() + 1 === m && date.getUTCDate() === d;
}

export const dateString = z
  .string()
  .refine(isCalendarDate, { error: 'expected a date "YYYY-MM-DD", like "2026-08-17"' });
