import { z } from "zod";
import { idSchema, isCalendarDate, localizedText, text } from "./schema-parts";
import type { FacilityKind } from "./types";

/*
 * The office.yaml blocks an Ombudsman assessment looks for: the signed maklumat,
 * visi/misi/motto and facilities, the survey, complaint handling, and the monthly
 * report's letterhead and signatories.
 */

/** Text an admin must write, with a message that says what to write when it is missing. */
function requiredText(whenMissing: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? whenMissing : undefined) })
    .trim()
    .min(1);
}

/** The pledge is only valid signed and dated, so every part is required; the old text-only shorthand is refused. */
export function maklumatSchema(whenMissing: string) {
  return z.strictObject(
    {
      text: requiredText(
        'state the pledge itself, like "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan ..."',
      ),
      signedBy: requiredText('state who signed the maklumat, by name, like "Drs. Nama Pejabat, M.Si."'),
      position: requiredText(
        'state the signatory\'s position, like "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"',
      ),
      adoptedOn: z
        .string({
          error: (issue) =>
            issue.input === undefined
              ? 'state the date the maklumat was signed, "YYYY-MM-DD", like "2026-01-05"'
              : undefined,
        })
        .refine(isCalendarDate, { error: 'expected a date "YYYY-MM-DD", like "2026-01-05"' }),
    },
    {
      error: (issue) => {
        if (issue.code !== "invalid_type") return undefined;
        if (issue.input === undefined) return whenMissing;
        if (typeof issue.input === "string") {
          return 'the text alone is not enough: write maklumat as a mapping with text, signedBy (who signed), position (as what) and adoptedOn ("YYYY-MM-DD")';
        }
        return undefined;
      },
    },
  );
}

// Keyed by kind so that the compiler flags a FacilityKind added to types.ts but not here.
const FACILITY_KINDS = {
  "priority-lane": "priority-lane",
  "priority-seats": "priority-seats",
  ramp: "ramp",
  "nursing-room": "nursing-room",
  wheelchair: "wheelchair",
  "accessible-toilet": "accessible-toilet",
  "play-area": "play-area",
  other: "other",
} as const satisfies Record<FacilityKind, FacilityKind>;

export const officeInfo = z
  .strictObject({
    visi: localizedText.optional(),
    misi: z.array(localizedText).default([]),
    motto: localizedText.optional(),
    facilities: z
      .array(z.strictObject({ kind: z.enum(FACILITY_KINDS), description: localizedText }))
      .default([]),
  })
  .prefault({});

/** Days a personal detail may be kept: at least a month (time to handle it), at most ten years. */
const retentionDays = z.int().min(30).max(3650);

export const survey = z
  .strictObject({
    enabled: z.boolean().default(true),
    atCounter: z.boolean().default(false),
    profileRetentionDays: retentionDays.default(365),
  })
  .prefault({});

/** The categories citizens pick from; ids are stored with each complaint, so keep them stable. */
const DEFAULT_COMPLAINT_CATEGORIES = [
  { id: "pelayanan", label: { id: "Prosedur dan persyaratan", en: "Procedure and requirements" } },
  { id: "waktu", label: { id: "Waktu pelayanan dan antrean", en: "Service time and queue" } },
  { id: "biaya", label: { id: "Biaya atau pungutan", en: "Fees or illegal charges" } },
  { id: "petugas", label: { id: "Sikap petugas", en: "Officers' conduct" } },
  { id: "sarana", label: { id: "Sarana dan prasarana", en: "Facilities" } },
  { id: "saran", label: { id: "Saran dan masukan", en: "Suggestions" } },
  { id: "lainnya", label: { id: "Lainnya", en: "Other" } },
] as const;

const DEFAULT_ELSEWHERE = [
  { name: "SP4N-LAPOR!", contact: "lapor.go.id · SMS 1708" },
  { name: "Ombudsman RI", contact: "ombudsman.go.id · 137" },
] as const;

const complaintCategories = z
  .array(z.strictObject({ id: idSchema, label: localizedText }))
  .min(1)
  .superRefine((categories, ctx) => {
    const seen = new Set<string>();
    categories.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({ code: "custom", path: [i, "id"], message: `category id "${c.id}" is used twice` });
      seen.add(c.id);
    });
  });

export const complaints = z
  .strictObject({
    responseTargetWorkingDays: z.int().min(1).max(60).default(5),
    contactRetentionDays: retentionDays.default(365),
    // Copies, so that a caller changing its config never changes the next one's defaults.
    categories: complaintCategories.default(() =>
      DEFAULT_COMPLAINT_CATEGORIES.map((c) => ({ id: c.id, label: { ...c.label } })),
    ),
    elsewhere: z
      .array(z.strictObject({ name: text, contact: text }))
      .default(() => DEFAULT_ELSEWHERE.map((e) => ({ ...e }))),
  })
  .prefault({});

/** NIPs are 18 digits; written with spaces on letters ("19800101 200501 1 001"), stored without. */
const nip = z
  .string({
    error: (issue) =>
      typeof issue.input === "number"
        ? 'put the NIP in quotes, like "19800101 200501 1 001": unquoted, YAML reads it as a number and loses digits'
        : undefined,
  })
  .transform((value) => value.replace(/\s+/g, ""))
  .refine((value) => /^\d{18}$/.test(value), {
    error: 'expected a NIP of 18 digits, like "19800101 200501 1 001"',
  });

/** Checked for existence, size and content by the loader, which knows the folder; here only its form. */
const logoPath = z
  .string()
  .trim()
  .regex(/\.(png|svg)$/i, { error: 'expected a .png or .svg file in kiosk-config, like "assets/logo.svg"' });

export const report = z.strictObject(
  {
    place: requiredText('state where the report is signed, like "Gedong Tataan"'),
    letterhead: z.array(text).min(1),
    logo: logoPath.optional(),
    signatories: z.array(z.strictObject({ title: text, name: text, nip: nip.optional() })).min(1),
  },
  {
    error: (issue) =>
      issue.code === "invalid_type" && issue.input === undefined
        ? "the monthly report needs place, letterhead and a signatory: add report: with place, letterhead (lines) and signatories (title, name, nip)"
        : undefined,
  },
);

export const SURVEY_URL_GONE =
  "surveyUrl is no longer used: Layan runs the Survei Kepuasan Masyarakat itself (see survey:)";
