import "../zod-setup";
import { z } from "zod";
import { requestId } from "../schemas";

/**
 * Pengaduan, saran dan masukan: what a citizen files (kiosk, ticket page),
 * what they can read back by tracking code, and what staff do with it.
 * The contact is optional and kept apart from the event log (UU 27/2022):
 * the hub deletes it a configured time after the complaint is closed.
 */

export const MAX_COMPLAINT_CHARS = 2_000;
export const MAX_RESPONSE_CHARS = 4_000;

/** "PGD-" and 8 characters of Crockford's base32 (no I, L, O, U): read aloud and typed without mix-ups. */
export const COMPLAINT_CODE = /^PGD-[0-9A-HJKMNP-TV-Z]{8}$/;

const contact = z
  .strictObject({
    name: z.string().trim().max(100).optional(),
    /** Indonesian mobile numbers are written 08…, +62… or 62…; spaces and dashes allowed. */
    phone: z
      .string()
      .trim()
      .regex(/^(\+?62|0)[0-9 -]{7,16}$/, "nomor telepon seperti 0812-3456-7890")
      .optional(),
    email: z.email("alamat email tidak valid").max(200).optional(),
  })
  .refine((c) => c.phone !== undefined || c.email !== undefined, {
    error: "isi nomor telepon atau email, atau kosongkan kontak",
  });

export const ComplaintFilingSchema = z
  .strictObject({
    requestId,
    category: z.string().min(1).max(40),
    serviceId: z.string().min(1).max(64).nullish().transform((v) => v ?? null),
    text: z.string().trim().min(10, "tuliskan pengaduan paling sedikit 10 huruf").max(MAX_COMPLAINT_CHARS),
    contact: contact.nullish().transform((v) => v ?? null),
    /** The citizen read the notice and agrees that the contact is kept for the answer. */
    consent: z.boolean().default(false),
  })
  .refine((c) => c.contact === null || c.consent, {
    path: ["consent"],
    error: "setujui pemberitahuan data pribadi untuk meninggalkan kontak",
  });

export type ComplaintFilingInput = z.input<typeof ComplaintFilingSchema>;
export type ComplaintFilingRequest = z.output<typeof ComplaintFilingSchema>;
export type ComplaintContact = NonNullable<ComplaintFilingRequest["contact"]>;

export const COMPLAINT_CHANNELS = ["kiosk", "ticket_page", "staff"] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** baru: filed; diproses: an officer is assigned; dijawab: the office has answered; selesai: closed. */
export const COMPLAINT_STATUSES = ["baru", "diproses", "dijawab", "selesai"] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, { id: string; en: string }> = {
  baru: { id: "Diterima", en: "Received" },
  diproses: { id: "Sedang ditindaklanjuti", en: "Being handled" },
  dijawab: { id: "Sudah dijawab", en: "Answered" },
  selesai: { id: "Selesai", en: "Closed" },
};

export const ComplaintAssignSchema = z.strictObject({ requestId, assignee: z.string().min(1).max(64) });
export const ComplaintRespondSchema = z.strictObject({
  requestId,
  text: z.string().trim().min(1, "tuliskan jawaban").max(MAX_RESPONSE_CHARS),
});
export const ComplaintCloseSchema = z.strictObject({
  requestId,
  note: z.string().trim().max(MAX_RESPONSE_CHARS).nullish().transform((v) => v || null),
});

export type ComplaintAssignRequest = z.output<typeof ComplaintAssignSchema>;
export type ComplaintRespondRequest = z.output<typeof ComplaintRespondSchema>;
export type ComplaintCloseRequest = z.output<typeof ComplaintCloseSchema>;

/** The answer to a filing: what the kiosk prints and the page shows. */
export interface ComplaintReceipt {
  code: string;
  filedAt: number;
  /** When the office should have answered (end of the N-th working day). */
  dueAt: number;
  targetWorkingDays: number;
  /** Where the citizen may follow it: `${publicBaseUrl}/pengaduan/${code}`, null without a public address. */
  statusUrl: string | null;
  /** Where else to complain (SP4N-LAPOR!, Ombudsman), from config. */
  elsewhere: { name: string; contact: string }[];
}

/** What anyone holding the code may read: no contact, no officer's name. */
export interface PublicComplaint {
  code: string;
  status: ComplaintStatus;
  category: { id: string; label: string };
  serviceName: string | null;
  text: string;
  filedAt: number;
  dueAt: number;
  responses: { at: number; text: string }[];
  closedAt: number | null;
  elsewhere: { name: string; contact: string }[];
  timeZone: string;
}

/** A complaint as staff handle it in the dashboard. */
export interface StaffComplaint extends Omit<PublicComplaint, "responses" | "elsewhere" | "timeZone"> {
  id: string;
  channel: ComplaintChannel;
  serviceId: string | null;
  targetWorkingDays: number;
  assignee: string | null;
  assignedAt: number | null;
  firstResponseAt: number | null;
  responses: { at: number; text: string; by: string }[];
  closedBy: string | null;
  closeNote: string | null;
  /** Null once deleted under the retention rule, or when none was left. */
  contact: { name: string | null; phone: string | null; email: string | null } | null;
  /** Answered after dueAt, or still unanswered past it. */
  late: boolean;
}

export interface ComplaintList {
  rows: StaffComplaint[];
  /** Keyset cursor for the next page; null on the last. */
  next: string | null;
  counts: Record<ComplaintStatus, number>;
}
