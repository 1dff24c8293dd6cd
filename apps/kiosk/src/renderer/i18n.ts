import type { ErrorCode, ServiceInfo } from "@layan/protocol";
import { formatPeopleAhead, formatWaitRange, NO_COUNTER_OPEN } from "@layan/printer/wording";
import type { PrinterProblemCode } from "../shared/bridge";

/**
 * Every sentence the kiosk shows, Bahasa Indonesia first. Citizens read these,
 * many for the first time and some with poor eyesight: short, plain words.
 */
export type Lang = "id" | "en";

const id = {
  langToggle: "English",
  langToggleLabel: "Switch to English",
  touchToStart: "Sentuh untuk mulai",
  attractLead: "Ambil nomor antrean dan lihat persyaratan serta alur layanan",
  attractSteps: ["Pilih instansi", "Pilih layanan", "Ambil nomor"],
  chooseAgency: "Pilih Instansi",
  chooseAgencyHint: "Sentuh instansi yang ingin Anda tuju",
  chooseService: "Pilih Layanan",
  searchTitle: "Cari layanan",
  searchExamples: "Ketik misalnya: KTP, akta lahir, pajak motor",
  searchHint: "Ketik nama layanan atau keperluan Anda dengan papan ketik di bawah",
  searchPlaceholder: "Misalnya: KTP, akta lahir, pajak motor",
  searchResults: "Hasil pencarian",
  searchNothing: "Layanan tidak ditemukan. Coba kata lain, atau pilih instansi dari halaman sebelumnya.",
  keyboard: "Papan ketik",
  searchClear: "Kosongkan",
  space: "Spasi",
  backspace: "Hapus",
  popularTitle: "Layanan yang paling banyak dicari",
  hoursTitle: "Jam Layanan",
  holidaysTitle: "Libur",
  services: (n: number) => `${n} layanan`,
  back: "Kembali",
  home: "Beranda",
  waitingNow: (n: number) => (n === 0 ? "Tidak ada antrean" : `${n} orang menunggu`),
  open: "Buka",
  // Open hours, but nobody at a counter yet: the same words as the wait box and the ticket.
  openNoCounter: NO_COUNTER_OPEN.id,
  closed: "Tutup",
  quotaFull: "Kuota habis",
  // Service page
  standardTitle: "Standar Pelayanan",
  sopTitle: "Alur Pelayanan (SOP)",
  sopTotal: "Total waktu pelayanan",
  minutes: (n: number) => `${n} menit`,
  step: (n: number) => `Langkah ${n}`,
  requirementsTitle: "Persyaratan",
  requirementsHint: "Siapkan dokumen berikut sebelum dipanggil",
  feeTitle: "Biaya / Tarif",
  free: "Gratis",
  feeByRegulation: "Dikenakan biaya sesuai ketentuan",
  durationTitle: "Jangka Waktu",
  productTitle: "Produk Layanan",
  complaintTitle: "Pengaduan",
  liveTitle: "Antrean saat ini",
  peopleWaiting: "Orang menunggu",
  estimatedWait: "Perkiraan tunggu",
  countersOpen: "Loket buka",
  quotaLeft: "Sisa kuota hari ini",
  noQuota: "Tanpa batas",
  noEstimate: NO_COUNTER_OPEN.id,
  waitRange: (low: number, high: number) => formatWaitRange({ p50: low, p90: high }, "id"),
  serviceOpen: "Layanan buka",
  serviceClosed: "Layanan tutup",
  takeTicket: "Ambil Nomor Antrean",
  takeTicketHint: "Tiket dicetak dengan daftar persyaratan dan kode QR",
  cannotTakeTicket: "Nomor antrean tidak dapat diambil",
  // Priority
  priorityTitle: "Apakah Anda termasuk antrean prioritas?",
  priorityHint: "Lansia, penyandang disabilitas, ibu hamil dan ibu menyusui dilayani lebih dahulu.",
  priorityNo: "Tidak, antrean biasa",
  priority: {
    lansia: { title: "Lansia", detail: "Usia 60 tahun ke atas" },
    disabilitas: { title: "Penyandang disabilitas", detail: "Termasuk pendamping" },
    ibu_hamil_menyusui: { title: "Ibu hamil / menyusui", detail: "Atau membawa balita" },
  },
  priorityBadge: "Prioritas",
  // Issue
  issuing: "Mencetak tiket Anda…",
  issuingHint: "Mohon tunggu sebentar",
  // Confirmation
  yourNumber: "Nomor antrean Anda",
  ticketDetails: "Rincian tiket Anda",
  peopleAhead: (n: number, countersOpen: boolean) => formatPeopleAhead(n, countersOpen, "id"),
  takePrintedTicket: "Ambil tiket yang tercetak di bawah layar",
  scanToFollow: "Pindai untuk memantau antrean dari ponsel",
  waitForCall: "Tunggu nomor Anda dipanggil di layar ruang tunggu",
  done: "Selesai",
  returningIn: (s: number) => `Kembali ke awal dalam ${s} detik`,
  // Inactivity
  stillThere: "Masih di sini?",
  stillThereHint: (s: number) => `Layar kembali ke awal dalam ${s} detik`,
  continue: "Lanjutkan",
  // States
  infoOnly: "Kios informasi: tidak mencetak nomor antrean",
  infoOnlyHint: "Ambil nomor antrean di kios lobi utama.",
  hubOffline: "Sistem antrean sedang tidak terhubung",
  hubOfflineHint: "Kios mencoba menghubungkan kembali secara otomatis. Mohon tunggu atau hubungi petugas.",
  hubConnecting: "Menghubungkan ke sistem antrean…",
  unauthorized: "Kios belum terdaftar",
  unauthorizedHint:
    "Token perangkat tidak dikenali. Petugas: daftarkan kios dengan `pnpm hub device add --kind kiosk`.",
  noToken: "Kios belum disiapkan",
  noTokenHint: "Buka halaman ini dengan alamat berisi token perangkat, misalnya /kiosk/?token=dev_…",
  printerProblem: "Printer tiket tidak siap",
  printerProblemHint: "Nomor antrean tidak diterbitkan. Silakan hubungi petugas.",
  printer: {
    PAPER_END: "Kertas printer habis",
    COVER_OPEN: "Penutup printer terbuka",
    PRINTER_OFFLINE: "Printer tidak merespons",
    PRINTER_TIMEOUT: "Printer tidak merespons",
    PRINTER_ERROR: "Printer mengalami gangguan",
  } satisfies Record<PrinterProblemCode, string>,
  printFailed: "Tiket gagal dicetak",
  printFailedHint: "Nomor antrean dibatalkan. Silakan coba lagi atau hubungi petugas.",
  paperNearEnd: "Kertas hampir habis",
  closedNow: "Layanan sedang tutup",
  closedNowHint: "Silakan datang kembali pada jam layanan.",
  quotaReached: "Kuota antrean hari ini sudah habis",
  quotaReachedHint: "Silakan datang kembali pada hari kerja berikutnya.",
  tryAgain: "Coba lagi",
  errorTitle: "Nomor antrean tidak dapat diambil",
  adminTitle: "Keluar dari mode kios",
  adminPin: "Masukkan PIN admin",
  adminWrong: "PIN salah",
  adminCancel: "Batal",
  adminExit: "Keluar",
  clear: "Hapus",
} as const;

type Strings = {
  [K in keyof typeof id]: (typeof id)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : (typeof id)[K] extends readonly string[]
      ? readonly string[]
      : (typeof id)[K] extends string
        ? string
        : {
            [P in keyof (typeof id)[K]]: (typeof id)[K][P] extends string
              ? string
              : { [Q in keyof (typeof id)[K][P]]: string };
          };
};

const en: Strings = {
  langToggle: "Bahasa Indonesia",
  langToggleLabel: "Ganti ke Bahasa Indonesia",
  touchToStart: "Touch to start",
  attractLead: "Take a queue number and see what to bring and how the service works",
  attractSteps: ["Choose an office", "Choose a service", "Take a number"],
  chooseAgency: "Choose an Office",
  chooseAgencyHint: "Touch the office you want to visit",
  chooseService: "Choose a Service",
  searchTitle: "Search services",
  searchExamples: "Type e.g.: KTP, akta lahir, pajak motor",
  searchHint: "Type the service or what you need with the keyboard below",
  searchPlaceholder: "E.g.: KTP, akta lahir, pajak motor",
  searchResults: "Search results",
  searchNothing: "No service found. Try another word, or choose an office on the previous page.",
  keyboard: "Keyboard",
  searchClear: "Clear",
  space: "Space",
  backspace: "Delete",
  popularTitle: "Most requested services",
  hoursTitle: "Service Hours",
  holidaysTitle: "Closed",
  services: (n) => `${n} service${n === 1 ? "" : "s"}`,
  back: "Back",
  home: "Home",
  waitingNow: (n) => (n === 0 ? "Nobody waiting" : `${n} waiting`),
  open: "Open",
  openNoCounter: NO_COUNTER_OPEN.en,
  closed: "Closed",
  quotaFull: "Quota full",
  standardTitle: "Service Standard",
  sopTitle: "Service Flow (SOP)",
  sopTotal: "Total service time",
  minutes: (n) => `${n} min`,
  step: (n) => `Step ${n}`,
  requirementsTitle: "Requirements",
  requirementsHint: "Have these documents ready before you are called",
  feeTitle: "Fee",
  free: "Free",
  feeByRegulation: "A fee applies, as set by regulation",
  durationTitle: "Completion Time",
  productTitle: "You Receive",
  complaintTitle: "Complaints",
  liveTitle: "Queue right now",
  peopleWaiting: "People waiting",
  estimatedWait: "Estimated wait",
  countersOpen: "Counters open",
  quotaLeft: "Quota left today",
  noQuota: "No limit",
  noEstimate: NO_COUNTER_OPEN.en,
  waitRange: (low, high) => formatWaitRange({ p50: low, p90: high }, "en"),
  serviceOpen: "Service open",
  serviceClosed: "Service closed",
  takeTicket: "Take a Queue Number",
  takeTicketHint: "The ticket lists the requirements and has a QR code",
  cannotTakeTicket: "A queue number cannot be taken",
  priorityTitle: "Do you need the priority queue?",
  priorityHint: "Elderly people, people with disabilities, pregnant and nursing mothers are served first.",
  priorityNo: "No, regular queue",
  priority: {
    lansia: { title: "Elderly", detail: "Aged 60 or over" },
    disabilitas: { title: "Person with a disability", detail: "Including a companion" },
    ibu_hamil_menyusui: { title: "Pregnant / nursing", detail: "Or with a small child" },
  },
  priorityBadge: "Priority",
  issuing: "Printing your ticket…",
  issuingHint: "Please wait a moment",
  yourNumber: "Your queue number",
  ticketDetails: "Your ticket details",
  peopleAhead: (n, countersOpen) => formatPeopleAhead(n, countersOpen, "en"),
  takePrintedTicket: "Take the printed ticket below the screen",
  scanToFollow: "Scan to follow the queue on your phone",
  waitForCall: "Wait for your number on the waiting-room screen",
  done: "Done",
  returningIn: (s) => `Back to the start in ${s} s`,
  stillThere: "Are you still there?",
  stillThereHint: (s) => `The screen goes back to the start in ${s} s`,
  continue: "Continue",
  infoOnly: "Information kiosk: it does not print queue numbers",
  infoOnlyHint: "Take a queue number at the kiosk in the main lobby.",
  hubOffline: "The queue system is not connected",
  hubOfflineHint: "The kiosk keeps trying to reconnect. Please wait or ask an officer.",
  hubConnecting: "Connecting to the queue system…",
  unauthorized: "Kiosk not registered",
  unauthorizedHint:
    "The device token is not known. Officer: register the kiosk with `pnpm hub device add --kind kiosk`.",
  noToken: "Kiosk not set up",
  noTokenHint: "Open this page with the device token in its address, e.g. /kiosk/?token=dev_…",
  printerProblem: "The ticket printer is not ready",
  printerProblemHint: "No queue number was issued. Please ask an officer.",
  printer: {
    PAPER_END: "The printer is out of paper",
    COVER_OPEN: "The printer cover is open",
    PRINTER_OFFLINE: "The printer does not respond",
    PRINTER_TIMEOUT: "The printer does not respond",
    PRINTER_ERROR: "The printer has a fault",
  },
  printFailed: "The ticket could not be printed",
  printFailedHint: "The number was cancelled. Please try again or ask an officer.",
  paperNearEnd: "Paper nearly out",
  closedNow: "This service is closed now",
  closedNowHint: "Please come back during service hours.",
  quotaReached: "Today's quota is used up",
  quotaReachedHint: "Please come back on the next working day.",
  tryAgain: "Try again",
  errorTitle: "A queue number cannot be taken",
  adminTitle: "Leave kiosk mode",
  adminPin: "Enter the admin PIN",
  adminWrong: "Wrong PIN",
  adminCancel: "Cancel",
  adminExit: "Exit",
  clear: "Clear",
};

export const STRINGS: Record<Lang, Strings> = { id, en };
export type { Strings };

/** A service's name in the chosen language (the config has an English name for every service). */
export function serviceName(service: Pick<ServiceInfo, "name" | "nameEn">, lang: Lang): string {
  return lang === "en" && service.nameEn ? service.nameEn : service.name;
}

/** The hub's error sentence in the chosen language. */
export function hubErrorText(
  error: { code: ErrorCode; message: string; messageEn: string },
  lang: Lang,
): string {
  return lang === "en" ? error.messageEn : error.message;
}
