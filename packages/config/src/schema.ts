import { z } from "zod";
import { isTimeZone, type OpeningInterval, type Weekday, type WeeklyHours } from "@layan/core";
import type {
  AgencyConfig,
  ClosedDate,
  CounterConfig,
  DevicesConfig,
  OfficeConfig,
  ServiceDraft,
} from "./types";
import { complaints, maklumatSchema, officeInfo, report, SURVEY_URL_GONE, survey } from "./ombudsman-schema";
import { checkReach, kioskReachSchema, kioskScreenSchema } from "./schema-kiosk-screen";
import { officeBookingSchema, serviceBookingSchema } from "./schema-booking";
import { notifySchema } from "./schema-notify";
import { dateString, iconKey, idSchema, localizedText, positiveInt, stringAs, text } from "./schema-parts";

export { idSchema } from "./schema-parts";

/*
 * One schema per kiosk-config file. Keys are English; values and messages speak
 * the office's language where citizens will read them. Every object is strict so
 * that a typo ("pengadun:") is an error rather than a silently missing component.
 * Schemas that add their own message do so because the generic one ("expected
 * text") would not tell an admin what to write.
 */

// Mirrors WEEKDAYS in @layan/core (config uses core at run time only for its time zones: isTimeZone, serviceDayOf).
export const WEEKDAY_KEYS = [
  "mon",
  "tue",
  "wed",
  "thu",
  "fri",
  "sat",
  "sun",
] as const satisfies readonly Weekday[];

const closedDate: z.ZodType<ClosedDate> = stringAs(
  "date",
  z.strictObject({ date: dateString, name: text.optional() }),
);

const closedDates = z.array(closedDate).superRefine((dates, ctx) => {
  const seen = new Set<string>();
  dates.forEach((d, i) => {
    if (seen.has(d.date)) ctx.addIssue({ code: "custom", path: [i], message: `${d.date} is listed twice` });
    seen.add(d.date);
  });
});

/** "08:00" (or "08.00", as Indonesian notices write it) -> minutes since midnight. */
function parseClock(value: string): number | undefined {
  const match = /^(\d{2})[:.](\d{2})$/.exec(value);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minutes > 24 * 60) return undefined;
  return minutes;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

const interval = z.string().transform((value, ctx): OpeningInterval => {
  // "08:00–15:00" (en dash) too; escaped so the hub's bundle stays ASCII (apps/hub/build.mjs).
  const parts = value.split(/\s*[-\u2013]\s*/);
  const open = parts.length === 2 ? parseClock(parts[0]?.trim() ?? "") : undefined;
  const close = parts.length === 2 ? parseClock(parts[1]?.trim() ?? "") : undefined;
  if (open === undefined || close === undefined) {
    ctx.addIssue({ code: "custom", message: 'expected an interval "HH:MM-HH:MM", like "08:00-15:00"' });
    return z.NEVER;
  }
  if (open >= close) {
    ctx.addIssue({ code: "custom", message: `closes (${clock(close)}) before it opens (${clock(open)})` });
    return z.NEVER;
  }
  return { open: clock(open), close: clock(close) };
});

const dayIntervals = z.array(interval).superRefine((intervals, ctx) => {
  intervals.forEach((current, i) => {
    const previous = intervals[i - 1];
    if (previous && current.open < previous.close) {
      ctx.addIssue({
        code: "custom",
        path: [i],
        message: `overlaps or comes before ${previous.open}-${previous.close}; list intervals in order`,
      });
    }
  });
});

export const weeklyHours: z.ZodType<WeeklyHours> = z.strictObject(
  Object.fromEntries(WEEKDAY_KEYS.map((day) => [day, dayIntervals.optional()])) as Record<
    Weekday,
    z.ZodOptional<typeof dayIntervals>
  >,
);

const httpUrl = z.url({
  protocol: /^https?$/,
  error: 'expected an http(s) URL, like "https://antrean.pesawarankab.go.id"',
});

const priorityRatio = z.string().transform((value, ctx) => {
  const match = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(value);
  const priorityTurns = Number(match?.[1]);
  const regularTurns = Number(match?.[2]);
  if (!match || priorityTurns < 1 || regularTurns < 1) {
    ctx.addIssue({
      code: "custom",
      message: 'expected "priorityTurns:regularTurns", both at least 1, like "2:1"',
    });
    return z.NEVER;
  }
  return { priorityTurns, regularTurns };
});

// Defaults equal DEFAULT_*_POLICY in @layan/core; a test keeps them in step.
const queuePolicies = z
  .strictObject({
    priority: z
      .strictObject({
        ratio: priorityRatio.default({ priorityTurns: 2, regularTurns: 1 }),
        maxRegularWaitMinutes: positiveInt.default(45),
      })
      .prefault({})
      .transform(({ ratio, maxRegularWaitMinutes }) => ({ ...ratio, maxRegularWaitMinutes })),
    noShow: z
      .strictObject({
        recallsBeforeNoShow: z.int().min(0).default(2),
        reinstateWithinMinutes: z.int().min(0).default(30),
      })
      .prefault({}),
    estimate: z
      .strictObject({
        sampleSize: positiveInt.default(30),
        maxAgeMinutes: positiveInt.default(8 * 60),
      })
      .prefault({}),
  })
  .prefault({});

export const officeFileSchema: z.ZodType<OfficeConfig> = z.strictObject({
  name: text,
  shortName: text,
  address: text,
  timezone: z
    .string()
    .refine(isTimeZone, {
      error: 'expected an IANA timezone, like "Asia/Jakarta" (WIB), "Asia/Makassar" (WITA)',
    })
    .default("Asia/Jakarta"),
  hours: weeklyHours,
  closedDates: closedDates.default([]),
  runningText: z.array(text).default([]),
  maklumat: maklumatSchema(
    "state the Maklumat Pelayanan: text, signedBy, position and adoptedOn (UU 25/2009 art. 15)",
  ),
  info: officeInfo,
  survey,
  complaints,
  report,
  // Refused rather than ignored: an office that still sets it expects a link that is no longer printed.
  surveyUrl: z.never({ error: SURVEY_URL_GONE }).optional(),
  publicBaseUrl: httpUrl.optional(),
  queue: queuePolicies,
  kiosk: z.strictObject({ inactivityResetSeconds: z.int().min(10).max(3600).default(60) }).prefault({}),
  announcement: z
    .strictObject({
      style: z.enum(["digits", "number"]).default("number"),
      voicePack: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected a folder name like \"suara-kantor\" (a-z, 0-9, -)").optional(),
    })
    .prefault({}),
  notify: notifySchema,
  booking: officeBookingSchema,
});

export const agenciesFileSchema: z.ZodType<{ agencies: AgencyConfig[] }> = z.strictObject({
  agencies: z
    .array(
      z.strictObject({
        id: idSchema,
        name: text,
        shortName: text,
        icon: iconKey,
        color: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour "#RRGGBB", like "#1565c0"' }),
        maklumat: maklumatSchema("state the agency's Maklumat Pelayanan, or leave maklumat out").optional(),
      }),
    )
    .min(1),
});

/** Printed whole on the ticket's narrow column, so it has to stay short. */
export const MAX_CONDITION_CHARS = 80;

const requirement = stringAs(
  "text",
  z.strictObject({
    text,
    condition: text
      .max(MAX_CONDITION_CHARS, {
        error: `keep a condition under ${MAX_CONDITION_CHARS} characters, like "Hanya untuk KTP-el yang hilang": it is printed whole on the ticket`,
      })
      .optional(),
    note: text.optional(),
  }),
);

const sopStep = z
  .strictObject({
    id: idSchema,
    actor: text,
    description: text,
    minutes: z.number().positive().optional(),
    icon: iconKey.optional(),
    timed: z.boolean().default(false),
  })
  .superRefine((step, ctx) => {
    if (step.timed && step.minutes === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["minutes"],
        message: "a timed step needs minutes: they are its target",
      });
    }
  });

const sop = z
  .strictObject({
    waitMinutes: positiveInt,
    serviceMinutes: positiveInt,
    steps: z.array(sopStep).default([]),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.steps.forEach((step, i) => {
      if (seen.has(step.id))
        ctx.addIssue({
          code: "custom",
          path: ["steps", i, "id"],
          message: `step id "${step.id}" is used twice`,
        });
      seen.add(step.id);
    });
    // The step targets split the counter's service time; more than the whole would
    // make every ticket late on paper.
    const timed = value.steps.filter((s) => s.timed);
    const total = timed.reduce((sum, s) => sum + (s.minutes ?? 0), 0);
    if (total > value.serviceMinutes) {
      ctx.addIssue({
        code: "custom",
        path: ["serviceMinutes"],
        message: `is ${value.serviceMinutes} but the timed steps add up to ${total} minutes (${timed
          .map((s) => `${s.id} ${s.minutes ?? 0}`)
          .join(" + ")})`,
      });
    }
  });

const biaya = z
  .strictObject({ amount: z.int().min(0).optional(), text: text.optional() })
  .refine((b) => b.amount !== undefined || b.text !== undefined, {
    error: 'state the amount in Rupiah (0 when free) and/or a text like "Tidak dipungut biaya"',
  });

export const serviceFileSchema: z.ZodType<ServiceDraft> = z.strictObject({
  id: idSchema,
  agency: idSchema,
  prefix: z.string().regex(/^[A-Z]{1,2}$/, { error: 'expected 1-2 capital letters, like "A" or "SK"' }),
  name: localizedText,
  description: text,
  icon: iconKey,
  // Words citizens use for the service ("akta lahir", "pajak motor"): the kiosk's search finds it by them.
  keywords: z.array(text).default([]),
  hours: weeklyHours.optional(),
  closedDates: closedDates.default([]),
  dailyQuota: positiveInt.optional(),
  booking: serviceBookingSchema.optional(),
  sop,
  persyaratan: z.array(requirement).optional(),
  jangkaWaktu: z
    .strictObject({
      value: z.number().positive(),
      unit: z.enum(["menit", "jam", "hari kerja", "hari"]),
      text: text.optional(),
    })
    .optional(),
  biaya: biaya.optional(),
  produk: text.optional(),
  pengaduan: z.array(z.strictObject({ name: text, contact: text })).optional(),
  dasarHukum: z.array(text).default([]),
  internal: z
    .strictObject({
      sarana: z.array(text).optional(),
      kompetensiPelaksana: text.optional(),
      pengawasanInternal: text.optional(),
      jumlahPelaksana: text.optional(),
      jaminanPelayanan: text.optional(),
      jaminanKeamanan: text.optional(),
      evaluasiKinerja: text.optional(),
    })
    .default({}),
});

/** Keys of the six published components: an empty `biaya:` means "not stated", not a type error. */
export const STANDAR_KEYS = ["persyaratan", "jangkaWaktu", "biaya", "produk", "pengaduan"] as const;

export const countersFileSchema: z.ZodType<{ counters: CounterConfig[] }> = z.strictObject({
  counters: z
    .array(
      z.strictObject({
        id: idSchema,
        name: text,
        number: positiveInt,
        services: z.array(idSchema).min(1),
      }),
    )
    .min(1),
});

const paper = z.enum(["58mm", "80mm"]).default("80mm");

const printer = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("network"),
    host: text,
    port: z.int().min(1).max(65535).default(9100),
    paper,
  }),
  z.strictObject({ kind: z.literal("device"), path: text, paper }),
  z.strictObject({ kind: z.literal("none") }),
]);

function allOr<T extends z.ZodType>(selection: T, message: string) {
  return z.union([z.literal("all"), selection], { error: message });
}

const kioskShows = allOr(
  z
    .strictObject({ agencies: z.array(idSchema).default([]), services: z.array(idSchema).default([]) })
    .refine((s) => s.agencies.length + s.services.length > 0, {
      error: "name at least one agency or service",
    }),
  'expected "all" or a mapping with agencies and/or services',
);

const displayGroup = allOr(
  z
    .strictObject({ counters: z.array(idSchema).default([]), services: z.array(idSchema).default([]) })
    .refine((g) => g.counters.length + g.services.length > 0, {
      error: "name at least one counter or service",
    }),
  'expected "all" or a mapping with counters and/or services',
);

export const devicesFileSchema: z.ZodType<DevicesConfig> = z.strictObject({
  kiosks: z
    .array(
      z
        .strictObject({
          id: idSchema,
          name: text,
          location: text,
          shows: kioskShows,
          printer,
          screen: kioskScreenSchema,
          reach: kioskReachSchema,
        })
        .superRefine(checkReach),
    )
    .min(1),
  displays: z
    .array(z.strictObject({ id: idSchema, name: text, location: text.optional(), group: displayGroup }))
    .min(1),
});
