import type { EstimatePolicy, NoShowPolicy, PriorityPolicy, WeeklyHours } from "@layan/core";

/** Text shown to citizens: Bahasa Indonesia first, English when the office provides it. */
export interface LocalizedText {
  id: string;
  en?: string;
}

/** A day the office (or one service) is closed: libur nasional, cuti bersama, local events. */
export interface ClosedDate {
  /** Office-local "YYYY-MM-DD". */
  date: string;
  name?: string;
}

export type AnnouncementStyle = "digits" | "number";

export interface OfficeConfig {
  name: string;
  shortName: string;
  address: string;
  /** IANA timezone defining the service day; "Asia/Jakarta" (WIB) unless stated. */
  timezone: string;
  /** Default opening hours; a service may have its own. */
  hours: WeeklyHours;
  closedDates: ClosedDate[];
  /** Running text for the waiting-room displays, one item per message. */
  runningText: string[];
  /** The Maklumat Pelayanan (UU 25/2009 art. 15), shown on displays and kiosks. */
  maklumat: { text: string; signedBy?: string };
  /** Survei Kepuasan Masyarakat (PermenPANRB 14/2017); printed as a link/QR when present. */
  surveyUrl?: string;
  /** Base URL for the "follow your ticket" QR code; without it the ticket has no QR code. */
  publicBaseUrl?: string;
  queue: {
    priority: PriorityPolicy;
    noShow: NoShowPolicy;
    estimate: EstimatePolicy;
  };
  kiosk: {
    /** A kiosk left untouched this long returns to its home screen. */
    inactivityResetSeconds: number;
  };
  announcement: {
    /** "A-012" spoken as "A nol satu dua" (digits) or "A dua belas" (number). */
    style: AnnouncementStyle;
  };
}

/** An Organisasi Perangkat Daerah (or vertical agency) with counters in the office. */
export interface AgencyConfig {
  id: string;
  name: string;
  shortName: string;
  icon: string;
  /** "#RRGGBB", used for its tiles and ticket headers. */
  color: string;
}

/** One item of the Persyaratan component. */
export interface Requirement {
  text: string;
  /** When the document is needed at all ("Hanya untuk KTP-el yang hilang"); printed with it on the ticket. */
  condition?: string;
  /** An explanation shown on the kiosk ("Tersedia di loket"); not printed. */
  note?: string;
}

/** One step of the SOP as parsed; `minutes` may still be missing (the completeness check flags it). */
export interface SopStepDraft {
  id: string;
  /** Who acts: Pemohon, Petugas Loket, Verifikator, Operator, Kasir, Pejabat Penandatangan, ... */
  actor: string;
  description: string;
  minutes?: number;
  icon?: string;
  /**
   * Counted in the counter's service time: the officer can tick it and it gets a
   * step target. Steps outside the counter (taking a number, back-office signing)
   * are published but not timed.
   */
  timed: boolean;
}

export interface SopStep extends SopStepDraft {
  minutes: number;
}

export type JangkaWaktuUnit = "menit" | "jam" | "hari kerja" | "hari";

export interface JangkaWaktu {
  value: number;
  unit: JangkaWaktuUnit;
  /** e.g. "Selesai di tempat". */
  text?: string;
}

/** Biaya/Tarif: the amount in Rupiah and/or the rule it follows; Rp 0 must still be stated. */
export interface Biaya {
  amount?: number;
  /** "Tidak dipungut biaya", "Sesuai Perda No. ...". */
  text?: string;
}

export interface ComplaintChannel {
  name: string;
  contact: string;
}

/** The internal ("manufacturing") components of a Standar Pelayanan, not shown to citizens. */
export interface InternalComponents {
  sarana?: string[];
  kompetensiPelaksana?: string;
  pengawasanInternal?: string;
  jumlahPelaksana?: string;
  jaminanPelayanan?: string;
  jaminanKeamanan?: string;
  evaluasiKinerja?: string;
}

interface ServiceBase {
  id: string;
  /** Agency (OPD) id from agencies.yaml. */
  agency: string;
  /** Ticket prefix, 1-2 capital letters, unique in the office. */
  prefix: string;
  name: LocalizedText;
  description: string;
  icon: string;
  /** Everyday words and synonyms the kiosk's search finds the service by ("akta lahir", "pajak motor"). */
  keywords: string[];
  /** Own opening hours; the office's when absent. */
  hours?: WeeklyHours;
  /** Closed in addition to the office's closed dates. */
  closedDates: ClosedDate[];
  dailyQuota?: number;
  dasarHukum: string[];
  internal: InternalComponents;
}

/** A service file as parsed, before the Standar Pelayanan completeness check. */
export interface ServiceDraft extends ServiceBase {
  sop: { waitMinutes: number; serviceMinutes: number; steps: SopStepDraft[] };
  persyaratan?: Requirement[];
  jangkaWaktu?: JangkaWaktu;
  biaya?: Biaya;
  produk?: string;
  pengaduan?: ComplaintChannel[];
}

/** A service whose six published Standar Pelayanan components are all stated. */
export interface ServiceConfig extends ServiceBase {
  sop: { waitMinutes: number; serviceMinutes: number; steps: SopStep[] };
  persyaratan: Requirement[];
  jangkaWaktu: JangkaWaktu;
  biaya: Biaya;
  produk: string;
  pengaduan: ComplaintChannel[];
}

export interface CounterConfig {
  id: string;
  /** Shown and spoken: "Loket 3". */
  name: string;
  number: number;
  /** Service ids in the order the counter calls them. */
  services: string[];
}

export type PaperWidth = "58mm" | "80mm";

export type PrinterConfig =
  | { kind: "network"; host: string; port: number; paper: PaperWidth }
  | { kind: "device"; path: string; paper: PaperWidth }
  | { kind: "none" };

export interface KioskConfig {
  id: string;
  name: string;
  location: string;
  /** "all", or the agencies and/or single services this kiosk offers. */
  shows: "all" | { agencies: string[]; services: string[] };
  printer: PrinterConfig;
}

export interface DisplayConfig {
  id: string;
  name: string;
  location?: string;
  /** "all", or the counters and/or services whose calls this display shows. */
  group: "all" | { counters: string[]; services: string[] };
}

export interface DevicesConfig {
  kiosks: KioskConfig[];
  displays: DisplayConfig[];
}

/** The whole kiosk-config folder, validated and complete. */
export interface LayanConfig {
  office: OfficeConfig;
  agencies: AgencyConfig[];
  services: ServiceConfig[];
  counters: CounterConfig[];
  devices: DevicesConfig;
}
