import "../zod-setup";
import { z } from "zod";
import { requestId } from "../schemas";

/**
 * The Survei Kepuasan Masyarakat as citizens read it (PermenPANRB 14/2017):
 * nine unsur, each one question with four answers scored 1 to 4, worded as on
 * the SKM forms offices use. The unsur key is the identity (offices number
 * sarana and pengaduan either way round); the arithmetic lives in @layan/core.
 * The list order must equal SURVEY_UNSUR in @layan/core (a test keeps them in step).
 */
export const SURVEY_QUESTIONS = [
  { unsur: "persyaratan", label: { id: "Persyaratan", en: "Requirements" }, question: { id: "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?", en: "How well do the requirements fit the service?" }, answers: [{ id: "Tidak sesuai", en: "Not suitable" }, { id: "Kurang sesuai", en: "Somewhat unsuitable" }, { id: "Sesuai", en: "Suitable" }, { id: "Sangat sesuai", en: "Very suitable" }] },
  { unsur: "prosedur", label: { id: "Prosedur", en: "Procedure" }, question: { id: "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?", en: "How easy is this office's service procedure?" }, answers: [{ id: "Tidak mudah", en: "Not easy" }, { id: "Kurang mudah", en: "Somewhat difficult" }, { id: "Mudah", en: "Easy" }, { id: "Sangat mudah", en: "Very easy" }] },
  { unsur: "waktu", label: { id: "Waktu pelayanan", en: "Service time" }, question: { id: "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?", en: "How fast was the service?" }, answers: [{ id: "Tidak cepat", en: "Not fast" }, { id: "Kurang cepat", en: "Somewhat slow" }, { id: "Cepat", en: "Fast" }, { id: "Sangat cepat", en: "Very fast" }] },
  { unsur: "biaya", label: { id: "Biaya/tarif", en: "Fee" }, question: { id: "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?", en: "How fair is the fee for the service?" }, answers: [{ id: "Sangat mahal", en: "Very expensive" }, { id: "Cukup mahal", en: "Rather expensive" }, { id: "Murah", en: "Cheap" }, { id: "Gratis", en: "Free" }] },
  { unsur: "produk", label: { id: "Produk layanan", en: "Service product" }, question: { id: "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?", en: "Does what you received match what the service standard promises?" }, answers: [{ id: "Tidak sesuai", en: "Does not match" }, { id: "Kurang sesuai", en: "Partly matches" }, { id: "Sesuai", en: "Matches" }, { id: "Sangat sesuai", en: "Fully matches" }] },
  { unsur: "kompetensi", label: { id: "Kompetensi petugas", en: "Officers' competence" }, question: { id: "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?", en: "How competent were the officers?" }, answers: [{ id: "Tidak kompeten", en: "Not competent" }, { id: "Kurang kompeten", en: "Somewhat competent" }, { id: "Kompeten", en: "Competent" }, { id: "Sangat kompeten", en: "Very competent" }] },
  { unsur: "perilaku", label: { id: "Perilaku petugas", en: "Officers' conduct" }, question: { id: "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?", en: "How polite and friendly were the officers?" }, answers: [{ id: "Tidak sopan dan ramah", en: "Not polite or friendly" }, { id: "Kurang sopan dan ramah", en: "Somewhat polite and friendly" }, { id: "Sopan dan ramah", en: "Polite and friendly" }, { id: "Sangat sopan dan ramah", en: "Very polite and friendly" }] },
  { unsur: "sarana", label: { id: "Sarana dan prasarana", en: "Facilities" }, question: { id: "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?", en: "How good are the facilities?" }, answers: [{ id: "Buruk", en: "Poor" }, { id: "Cukup", en: "Fair" }, { id: "Baik", en: "Good" }, { id: "Sangat baik", en: "Very good" }] },
  { unsur: "pengaduan", label: { id: "Penanganan pengaduan", en: "Complaint handling" }, question: { id: "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?", en: "How are citizens' complaints handled?" }, answers: [{ id: "Tidak ada", en: "There is none" }, { id: "Ada tetapi tidak berfungsi", en: "Exists but does not work" }, { id: "Berfungsi kurang maksimal", en: "Works, not fully" }, { id: "Dikelola dengan baik", en: "Well managed" }] },
] as const;

export type SurveyUnsurKey = (typeof SURVEY_QUESTIONS)[number]["unsur"];

/** The respondent profile of the SKM form: every field optional, none identifies the citizen. */
export const RESPONDENT_PROFILE = {
  sex: [{ value: "L", id: "Laki-laki", en: "Male" }, { value: "P", id: "Perempuan", en: "Female" }],
  ageBand: [{ value: "<20", id: "Di bawah 20 tahun", en: "Under 20" }, { value: "20-29", id: "20–29 tahun", en: "20–29" }, { value: "30-39", id: "30–39 tahun", en: "30–39" }, { value: "40-49", id: "40–49 tahun", en: "40–49" }, { value: "50-59", id: "50–59 tahun", en: "50–59" }, { value: "60+", id: "60 tahun ke atas", en: "60 and over" }],
  education: [{ value: "sd", id: "SD ke bawah", en: "Primary or less" }, { value: "smp", id: "SMP", en: "Junior secondary" }, { value: "sma", id: "SMA/SMK", en: "Senior secondary" }, { value: "diploma", id: "D1–D3", en: "Diploma" }, { value: "s1", id: "D4/S1", en: "Bachelor's" }, { value: "s2", id: "S2/S3", en: "Master's or doctorate" }],
  occupation: [{ value: "pns", id: "PNS/ASN", en: "Civil servant" }, { value: "tni-polri", id: "TNI/POLRI", en: "Military/police" }, { value: "swasta", id: "Pegawai swasta", en: "Private employee" }, { value: "wirausaha", id: "Wirausaha", en: "Self-employed" }, { value: "pelajar", id: "Pelajar/mahasiswa", en: "Student" }, { value: "lainnya", id: "Lainnya", en: "Other" }],
} as const;

export type ProfileField = keyof typeof RESPONDENT_PROFILE;

const score = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: "jawaban harus 1, 2, 3 atau 4",
});

/** All nine unsur, exactly: a missing or extra key is refused. */
export const SurveyAnswersSchema = z.strictObject({
  persyaratan: score,
  prosedur: score,
  waktu: score,
  biaya: score,
  produk: score,
  kompetensi: score,
  perilaku: score,
  sarana: score,
  pengaduan: score,
});

/** The values of RESPONDENT_PROFILE, written out so zod infers literal types (a test keeps both in step). */
export const RespondentProfileSchema = z.strictObject({
  sex: z.enum(["L", "P"]).optional(),
  ageBand: z.enum(["<20", "20-29", "30-39", "40-49", "50-59", "60+"]).optional(),
  education: z.enum(["sd", "smp", "sma", "diploma", "s1", "s2"]).optional(),
  occupation: z.enum(["pns", "tni-polri", "swasta", "wirausaha", "pelajar", "lainnya"]).optional(),
});

export const MAX_SUGGESTION_CHARS = 1_000;

/** One citizen's answers. Which ticket it is for comes from the route or command, never from here. */
export const SurveyResponseSchema = z.strictObject({
  requestId,
  answers: SurveyAnswersSchema,
  suggestion: z.string().trim().max(MAX_SUGGESTION_CHARS).nullish().transform((v) => v || null),
  profile: RespondentProfileSchema.nullish().transform((p) => (p && Object.values(p).some((v) => v !== undefined) ? p : null)),
});

export type SurveyResponseInput = z.input<typeof SurveyResponseSchema>;
export type SurveyResponseRequest = z.output<typeof SurveyResponseSchema>;
export type SurveyAnswersInput = z.output<typeof SurveyAnswersSchema>;
export type RespondentProfile = NonNullable<SurveyResponseRequest["profile"]>;

/** Where a response came from: the citizen's phone, a survey kiosk, the counter's screen turned round. */
export const SURVEY_CHANNELS = ["ticket_page", "kiosk", "counter"] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

/** What a survey form needs to know before it asks (GET .../survey). */
export interface SurveyOffer {
  /** Whether this ticket may still answer; when not, why (an error code with its message). */
  open: boolean;
  reason: "SURVEY_DISABLED" | "SURVEY_NOT_SERVED" | "SURVEY_ALREADY_ANSWERED" | "SURVEY_WINDOW_PASSED" | null;
  number: string;
  serviceName: string;
  /** The notice shown beside the optional profile (UU 27/2022): what is kept and for how long. */
  privacyNotice: string;
}

export interface SurveyReceipt {
  responseId: string;
  at: number;
}
