/**
 * Every sentence the regency dashboard shows, Bahasa Indonesia first, English
 * second. `en` is typed from `id`: a key missing in English, or a sentence
 * taking other arguments, fails the typecheck. Pure (tested in Node).
 *
 * Office, OPD and service names are the offices' own and are never
 * translated; neither are the government's terms a staffer searches the
 * regulations for (SOP, IKM, OPD, NIP), which the English text keeps.
 */
import { MUTU_LABEL } from "@layan/core";
import { COMPLIANCE_STATUS_LABELS, ERROR_MESSAGES, REGENCY_ERROR_MESSAGES } from "@layan/protocol";

export type Lang = "id" | "en";

/** The locale each language's dates and numbers are written in. */
export const LOCALES: Record<Lang, string> = { id: "id-ID", en: "en-GB" };

/**
 * The codes whose message the dashboard says in its own words. The server
 * sends both `message` (Indonesian) and `messageEn`, but its English is
 * written for an office's IT person; a code not named here falls back to it.
 * CENTRAL_UNREACHABLE is the browser's own (api.ts); so is HTTP_STATUS (a
 * proxy's non-JSON answer), left out on purpose: its message carries the status.
 */
export type KnownErrorCode =
  | "LOGIN_FAILED"
  | "LOGIN_LOCKED"
  | "OFFICE_OUT_OF_SCOPE"
  | "CENTRAL_UNAVAILABLE"
  | "UNAUTHORIZED"
  | "NOT_FOUND"
  | "INVALID_PAYLOAD"
  | "INTERNAL"
  | "CENTRAL_UNREACHABLE";

const R = REGENCY_ERROR_MESSAGES;
const H = ERROR_MESSAGES;

const id = {
  appName: "Dasbor Kabupaten",
  docTitle: "Layan — Dasbor Kabupaten",
  langGroup: "Bahasa / Language",
  checkingSession: "Memeriksa sesi…",
  sessionExpired: "Sesi Anda telah berakhir. Silakan masuk kembali.",
  loading: "Memuat…",
  // Login
  signIn: "Masuk",
  signInLead: "Kinerja pelayanan setiap perangkat daerah, berdampingan: waktu tunggu dan layanan menurut SOP, IKM, dan pengaduan.",
  username: "Nama pengguna",
  password: "Kata sandi",
  checking: "Memeriksa…",
  tryAgainIn: (wait: string) => `Coba lagi dalam ${wait}.`,
  seconds: (n: number) => `${n} detik`,
  minutesWord: (n: number) => `${n} menit`,
  // Shell
  signOut: "Keluar",
  menu: "Menu",
  roles: { regency: "Pemerintah kabupaten", office: "Manajer kantor" },
  tabs: { league: "Peringkat", ownOffice: "Kantor saya", gaps: "Kelengkapan Standar", print: "Laporan cetak" },
  officeTab: "Kantor",
  pickOffice: "Pilih kantor dari tabel peringkat.",
  // Period
  period: "Periode",
  presets: { "bulan-ini": "Bulan ini", "bulan-lalu": "Bulan lalu", "3-bulan": "3 bulan terakhir", "tahun-ini": "Tahun ini" },
  from: "Dari",
  to: "Sampai",
  // League
  leagueTitle: (byOffice: boolean) => (byOffice ? "Peringkat kantor" : "Peringkat perangkat daerah"),
  service: "Layanan",
  allServices: "Semua layanan",
  alsoCalled: (names: string) => `Juga disebut: ${names}`,
  groupBy: "Kelompokkan",
  byOffice: "Per kantor",
  byAgency: "Per OPD",
  downloadCsv: "Unduh CSV",
  saved: "Tersimpan:",
  noLeagueService: "Belum ada data antrean untuk layanan ini pada periode ini.",
  noLeague: "Belum ada data antrean dari kantor mana pun untuk periode ini.",
  leagueTable: "Tabel peringkat",
  leagueNote: (good: number, warn: number) =>
    `Peringkat: persentase antrean yang menunggu sesuai SOP, lalu persentase layanan sesuai SOP, lalu median waktu tunggu. Memenuhi ≥ ${good}%, perlu perhatian ≥ ${warn}%, di bawahnya tidak memenuhi. IKM menurut PermenPANRB 14/2017.`,
  columns: {
    rank: "Peringkat",
    name: "Kantor",
    agency: "Perangkat Daerah (OPD)",
    issued: "Antrean diterbitkan / dilayani",
    waitP50: "Tunggu median",
    waitPct: "Tunggu sesuai SOP",
    servicePct: "Layanan sesuai SOP",
    ikm: "IKM (mutu)",
    complaints: "Pengaduan ditanggapi tepat waktu",
  },
  offices: (n: string) => `${n} kantor`,
  needsAttention: "Perlu perhatian:",
  flags: { last: "peringkat terbawah", wait: "waktu tunggu tidak memenuhi SOP", service: "waktu layanan tidak memenuhi SOP" },
  outOf: (a: string, b: string) => `${a} dari ${b}`,
  status: COMPLIANCE_STATUS_LABELS,
  mutu: { A: MUTU_LABEL.A.id, B: MUTU_LABEL.B.id, C: MUTU_LABEL.C.id, D: MUTU_LABEL.D.id },
  // Currency (currency.ts)
  currentThrough: (when: string) => `Data sampai ${when}.`,
  oldest: (office: string, when: string) => `Data paling lama: ${office}, sampai ${when}.`,
  pendingOne: (events: string) => `${events} peristiwa sudah diterima tetapi belum masuk laporan; angka akan bertambah.`,
  pendingMany: (offices: string, events: string) => `${offices} kantor sedang diperbarui (${events} peristiwa belum masuk laporan).`,
  // Office
  backToLeague: "Kembali ke peringkat",
  issued: "Antrean diterbitkan",
  served: "Dilayani",
  waitP50: "Tunggu median",
  waitPct: "Tunggu sesuai SOP",
  servicePct: "Layanan sesuai SOP",
  services: "Layanan",
  serviceTable: "Tabel layanan",
  serviceCols: { service: "Layanan", issued: "Diterbitkan / dilayani", waitP50: "Tunggu median", waitPct: "Tunggu sesuai SOP", serviceP50: "Layanan median", servicePct: "Layanan sesuai SOP" },
  stepsTitle: "Langkah SOP",
  noSteps: "Tidak ada langkah SOP yang dicatat petugas pada periode ini.",
  stepTable: "Tabel langkah SOP",
  stepCols: { step: "Langkah", n: "Dicatat", target: "Target", avg: "Rata-rata", p50: "Median", met: "Sesuai target" },
  pickService: "Pilih satu layanan di tabel untuk melihat langkah SOP-nya: target dibandingkan dengan waktu yang tercatat.",
  trendTitle: "Tren bulanan",
  noData: "Belum ada data.",
  trendLabel: "Tren bulanan: antrean dilayani dan persentase tunggu sesuai SOP",
  trendBar: (month: string, served: string, pct: string) => `${month}: ${served} dilayani, ${pct} tunggu sesuai SOP`,
  legendServed: "Antrean dilayani",
  legendWait: "% tunggu sesuai SOP",
  legendThreshold: (good: number) => `Ambang memenuhi ${good}%`,
  // Standards gaps
  gapsTitle: "Kelengkapan Standar Pelayanan",
  gapsLead:
    "Standar Pelayanan yang dipublikasikan setiap kantor, diperiksa dengan aturan yang sama seperti di kantor (UU 25/2009 pasal 21, PermenPANRB 15/2014): persyaratan, prosedur, jangka waktu, biaya, produk, dan pengaduan.",
  noStandards: "Belum ada kantor yang mengirim Standar Pelayanannya.",
  gapsTable: "Tabel kelengkapan standar",
  gapCols: { office: "Kantor", service: "Layanan", missing: "Komponen yang belum dipublikasikan" },
  complete: (n: string) => `Lengkap: ${n} layanan memuat keenam komponen`,
  incomplete: (gaps: string, checked: string) => `${gaps} dari ${checked} layanan belum lengkap`,
  /** PermenPANRB 15/2014's words (packages/config STANDAR_LABELS, checked by format.test.ts). */
  components: {
    persyaratan: "Persyaratan",
    prosedur: "Sistem, Mekanisme dan Prosedur",
    jangkaWaktu: "Jangka Waktu Penyelesaian",
    biaya: "Biaya/Tarif",
    produk: "Produk Pelayanan",
    pengaduan: "Penanganan Pengaduan, Saran dan Masukan",
  },
  // The printed report
  letterhead: {
    kabupaten: { label: "Pemerintah Kabupaten", placeholder: "Contoh" },
    tempat: { label: "Tempat", placeholder: "Kota" },
    jabatan: { label: "Jabatan penanda tangan", placeholder: "Kepala Bagian Organisasi" },
    nama: { label: "Nama penanda tangan", placeholder: "Nama lengkap" },
    nip: { label: "NIP", placeholder: "19xxxxxxxxxxxxxxxx" },
  },
  print: "Cetak / simpan PDF",
  reportGov: (kabupaten: string) => `PEMERINTAH KABUPATEN ${kabupaten}`,
  reportTitle: "Laporan Kinerja Pelayanan Publik Perangkat Daerah",
  reportPeriod: (period: string) => `Periode ${period}`,
  reportService: (name: string) => `Layanan: ${name} (angka peringkat hanya untuk layanan ini)`,
  reportLeague: "1. Peringkat kantor pelayanan",
  reportLeagueLead:
    "Setiap kantor dibandingkan menurut persentase warga yang menunggu sesuai Standar Pelayanan (SOP), lalu persentase layanan yang selesai dalam waktu SOP, lalu median waktu tunggu. Angka dihitung dari catatan antrean yang dikirim setiap kantor.",
  reportGaps: "2. Kelengkapan Standar Pelayanan",
  reportNoGaps: "Semua layanan yang dipublikasikan memuat keenam komponen Standar Pelayanan.",
  reportSummaries: "3. Ringkasan per kantor",
  signatoryName: "(nama)",
  nip: (nip: string) => `NIP ${nip}`,
  // The per-office sentence (summary.ts)
  summary: {
    issued: (office: string, issued: string, served: string) => `${office} menerbitkan ${issued} antrean dan melayani ${served}.`,
    wait: (pct: string, median: string, status: string) => `${pct} warga menunggu sesuai SOP (median ${median}; ${status}).`,
    noWait: "Belum ada waktu tunggu yang dinilai.",
    service: (pct: string) => `${pct} layanan selesai dalam waktu SOP.`,
    ikm: (ikm: string, mutu: string, respondents: string) => `IKM ${ikm}, mutu ${mutu}, dari ${respondents} responden.`,
    complaints: (onTime: string, filed: string) => `${onTime} dari ${filed} pengaduan ditanggapi tepat waktu.`,
  },
  errors: {
    LOGIN_FAILED: R.LOGIN_FAILED.id,
    LOGIN_LOCKED: R.LOGIN_LOCKED.id,
    OFFICE_OUT_OF_SCOPE: R.OFFICE_OUT_OF_SCOPE.id,
    CENTRAL_UNAVAILABLE: R.CENTRAL_UNAVAILABLE.id,
    // The server's own Indonesian, so a message reads the same whichever part said it.
    UNAUTHORIZED: H.UNAUTHORIZED.id,
    NOT_FOUND: H.NOT_FOUND.id,
    INVALID_PAYLOAD: H.INVALID_PAYLOAD.id,
    INTERNAL: H.INTERNAL.id,
    CENTRAL_UNREACHABLE: "Server kabupaten tidak dapat dihubungi. Periksa jaringan, lalu coba lagi.",
  } satisfies Record<KnownErrorCode, string>,
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { [K in keyof T]: Widen<T[K]> };

export type Strings = Widen<typeof id>;

const en: Strings = {
  appName: "Regency Dashboard",
  docTitle: "Layan — Regency Dashboard",
  langGroup: "Bahasa / Language",
  checkingSession: "Checking your session…",
  sessionExpired: "Your session has ended. Please sign in again.",
  loading: "Loading…",
  signIn: "Sign in",
  signInLead: "Every regional agency's service side by side: waiting and service times against the SOP, IKM, and complaints.",
  username: "Username",
  password: "Password",
  checking: "Checking…",
  tryAgainIn: (wait) => `Try again in ${wait}.`,
  seconds: (n) => `${n} ${n === 1 ? "second" : "seconds"}`,
  minutesWord: (n) => `${n} ${n === 1 ? "minute" : "minutes"}`,
  signOut: "Sign out",
  menu: "Menu",
  roles: { regency: "Regency government", office: "Office manager" },
  tabs: { league: "League", ownOffice: "My office", gaps: "Standards completeness", print: "Printable report" },
  officeTab: "Office",
  pickOffice: "Choose an office from the league table.",
  period: "Period",
  presets: { "bulan-ini": "This month", "bulan-lalu": "Last month", "3-bulan": "Last 3 months", "tahun-ini": "This year" },
  from: "From",
  to: "To",
  leagueTitle: (byOffice) => (byOffice ? "Office league" : "Agency league"),
  service: "Service",
  allServices: "All services",
  alsoCalled: (names) => `Also called: ${names}`,
  groupBy: "Group by",
  byOffice: "By office",
  byAgency: "By agency (OPD)",
  downloadCsv: "Download CSV",
  saved: "Saved:",
  noLeagueService: "No queue data for this service in this period yet.",
  noLeague: "No queue data from any office for this period yet.",
  leagueTable: "League table",
  leagueNote: (good, warn) =>
    `Ranking: the share of tickets that waited within the SOP, then the share of services within the SOP, then the median wait. Meets ≥ ${good}%, needs attention ≥ ${warn}%, below that does not meet. IKM (community satisfaction index) as PermenPANRB 14/2017 defines it.`,
  columns: {
    rank: "Rank",
    name: "Office",
    agency: "Regional agency (OPD)",
    issued: "Tickets issued / served",
    waitP50: "Median wait",
    waitPct: "Wait within SOP",
    servicePct: "Service within SOP",
    ikm: "IKM (grade)",
    complaints: "Complaints answered on time",
  },
  offices: (n) => `${n} ${n === "1" ? "office" : "offices"}`,
  needsAttention: "Needs attention:",
  flags: { last: "ranked last", wait: "waiting time does not meet the SOP", service: "service time does not meet the SOP" },
  outOf: (a, b) => `${a} of ${b}`,
  status: { memenuhi: "Meets", perhatian: "Needs attention", tidak_memenuhi: "Does not meet", tanpa_data: "No data" },
  mutu: { A: MUTU_LABEL.A.en, B: MUTU_LABEL.B.en, C: MUTU_LABEL.C.en, D: MUTU_LABEL.D.en },
  currentThrough: (when) => `Figures up to ${when}.`,
  oldest: (office, when) => `Oldest figures: ${office}, up to ${when}.`,
  pendingOne: (events) => `${events} events received but not yet in the reports; the figures will rise.`,
  pendingMany: (offices, events) => `${offices} ${offices === "1" ? "office" : "offices"} being brought up to date (${events} events not yet in the reports).`,
  backToLeague: "Back to the league",
  issued: "Tickets issued",
  served: "Served",
  waitP50: "Median wait",
  waitPct: "Wait within SOP",
  servicePct: "Service within SOP",
  services: "Services",
  serviceTable: "Services table",
  serviceCols: { service: "Service", issued: "Issued / served", waitP50: "Median wait", waitPct: "Wait within SOP", serviceP50: "Median service", servicePct: "Service within SOP" },
  stepsTitle: "SOP steps",
  noSteps: "Officers recorded no SOP steps in this period.",
  stepTable: "SOP steps table",
  stepCols: { step: "Step", n: "Recorded", target: "Target", avg: "Average", p50: "Median", met: "Within target" },
  pickService: "Choose a service in the table to see its SOP steps: the target against the times recorded.",
  trendTitle: "Monthly trend",
  noData: "No data yet.",
  trendLabel: "Monthly trend: tickets served and the share that waited within the SOP",
  trendBar: (month, served, pct) => `${month}: ${served} served, ${pct} waited within the SOP`,
  legendServed: "Tickets served",
  legendWait: "% waited within SOP",
  legendThreshold: (good) => `"Meets" threshold ${good}%`,
  gapsTitle: "Completeness of the service standards (Standar Pelayanan)",
  gapsLead:
    "The service standards each office published, checked by the same rule as at the office (Law 25/2009 art. 21, PermenPANRB 15/2014): requirements, procedure, completion time, cost, product and complaints handling.",
  noStandards: "No office has sent its service standards yet.",
  gapsTable: "Standards completeness table",
  gapCols: { office: "Office", service: "Service", missing: "Components not published" },
  complete: (n) => `Complete: all ${n} services have the six components`,
  incomplete: (gaps, checked) => `${gaps} of ${checked} services incomplete`,
  // The regulation's term in brackets: it is what the office's own screens and the Ombudsman say.
  components: {
    persyaratan: "Requirements (Persyaratan)",
    prosedur: "Procedure (Prosedur)",
    jangkaWaktu: "Completion time (Jangka Waktu)",
    biaya: "Cost (Biaya/Tarif)",
    produk: "Service product (Produk)",
    pengaduan: "Complaints handling (Pengaduan)",
  },
  letterhead: {
    kabupaten: { label: "Regency (Kabupaten)", placeholder: "Contoh" },
    tempat: { label: "Place", placeholder: "Town" },
    jabatan: { label: "Signatory's position", placeholder: "Head of the Organisation Division" },
    nama: { label: "Signatory's name", placeholder: "Full name" },
    nip: { label: "NIP (civil servant number)", placeholder: "19xxxxxxxxxxxxxxxx" },
  },
  print: "Print / save as PDF",
  reportGov: (kabupaten) => `GOVERNMENT OF ${kabupaten} REGENCY`,
  reportTitle: "Public Service Performance Report of the Regional Agencies",
  reportPeriod: (period) => `Period ${period}`,
  reportService: (name) => `Service: ${name} (the league's figures are for this service only)`,
  reportLeague: "1. League of the service offices",
  reportLeagueLead:
    "Offices are compared by the share of citizens who waited within the service standard (SOP), then the share of services completed within the SOP time, then the median wait. The figures come from the queue records each office ships.",
  reportGaps: "2. Completeness of the service standards",
  reportNoGaps: "Every published service has all six components of the service standard.",
  reportSummaries: "3. Summary per office",
  signatoryName: "(name)",
  nip: (nip) => `NIP ${nip}`,
  summary: {
    issued: (office, issued, served) => `${office} issued ${issued} tickets and served ${served}.`,
    wait: (pct, median, status) => `${pct} of citizens waited within the SOP (median ${median}; ${status}).`,
    noWait: "No waiting times judged yet.",
    service: (pct) => `${pct} of services completed within the SOP time.`,
    ikm: (ikm, mutu, respondents) => `IKM ${ikm}, grade ${mutu}, from ${respondents} respondents.`,
    complaints: (onTime, filed) => `${onTime} of ${filed} complaints answered on time.`,
  },
  errors: {
    LOGIN_FAILED: "Wrong username or password.",
    LOGIN_LOCKED: "Too many failed sign-ins. Wait a while, then try again.",
    OFFICE_OUT_OF_SCOPE: "Your access covers your own office's reports only.",
    CENTRAL_UNAVAILABLE: "The central database cannot be reached; the offices keep their data. Try again later.",
    UNAUTHORIZED: "Your session was not recognised. Please sign in again.",
    NOT_FOUND: "Not found.",
    INVALID_PAYLOAD: "The request was not valid.",
    INTERNAL: "Something went wrong on the server. Please try again.",
    CENTRAL_UNREACHABLE: "Cannot reach the regency server. Check the network, then try again.",
  },
};

export const STRINGS: Record<Lang, Strings> = { id, en };

export interface ErrorLike {
  code: string;
  message: string;
  messageEn?: string;
}

const isKnown = (code: string): code is KnownErrorCode => code in id.errors;

/**
 * An error in the chosen language: the dashboard's words for the codes it
 * knows; otherwise the server's message (its English one when there is).
 */
export function errorText(error: ErrorLike, lang: Lang): string {
  if (isKnown(error.code)) return STRINGS[lang].errors[error.code];
  return lang === "en" ? (error.messageEn ?? error.message) : error.message;
}
