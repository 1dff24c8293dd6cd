import type { EstimatePolicy, NoShowPolicy, PriorityPolicy, WeeklyHours } from "@layan/core";
import type { OfficeBookingConfig, ServiceBookingConfig } from "./schema-booking";
import type { NotifyConfig } from "./schema-notify";

export type { BookingLimits, OfficeBookingConfig, ServiceBookingConfig } from "./schema-booking";

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
  /** The Maklumat Pelayanan (UU 25/2009 art. 15), shown on kiosks, displays, the ticket page and reports. */
  maklumat: Maklumat;
  /** What a citizen (and an Ombudsman assessor) looks for on arrival: visi, misi, motto, facilities. */
  info: OfficeInfo;
  /** Survei Kepuasan Masyarakat (PermenPANRB 14/2017), run by Layan itself. */
  survey: SurveyConfig;
  /** Pengaduan: how complaints are taken, answered and where else a citizen may go. */
  complaints: ComplaintsConfig;
  /** The monthly report's letterhead and signature blocks. */
  report: ReportConfig;
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
    /** Folder name under kiosk-config/voice/ of the office's recorded clips; the bundled voice when absent. */
    voicePack?: string;
  };
  /** Telling citizens outside the hall (Web Push, the office's webhook): off unless configured. */
  notify: NotifyConfig;
  /** Booked visits (docs/booking.md): off unless configured. */
  booking: OfficeBookingConfig;
}

/** A signed service pledge: text, who signed it, as what, and when it was adopted. */
export interface Maklumat {
  text: string;
  signedBy: string;
  /** The signatory's position ("Kepala Dinas Kependudukan dan Pencatatan Sipil"). */
  position: string;
  /** Office-local "YYYY-MM-DD" the pledge was adopted. */
  adoptedOn: string;
}

/** Facilities for vulnerable groups the Ombudsman checks for (UU 25/2009 art. 29). */
export type FacilityKind =
  | "priority-lane"
  | "priority-seats"
  | "ramp"
  | "nursing-room"
  | "wheelchair"
  | "accessible-toilet"
  | "play-area"
  | "other";

export interface Facility {
  kind: FacilityKind;
  /** What and where, for citizens: "Ruang laktasi di lantai 1, sebelah loket 4". */
  description: LocalizedText;
}

export interface OfficeInfo {
  visi?: LocalizedText;
  misi: LocalizedText[];
  motto?: LocalizedText;
  facilities: Facility[];
}

export interface SurveyConfig {
  /** Offer the SKM after service (ticket page, survey kiosks); true unless the office turns it off. */
  enabled: boolean;
  /** The counter app offers its screen to the citizen after a ticket is served. */
  atCounter: boolean;
  /** Days a response's optional respondent profile is kept; then the hub deletes it (UU 27/2022). */
  profileRetentionDays: number;
}

export interface ComplaintCategory {
  id: string;
  label: LocalizedText;
}

/** Where else a citizen may complain (SP4N-LAPOR!, the Ombudsman's representative office). */
export interface ExternalComplaintChannel {
  name: string;
  contact: string;
}

export interface ComplaintsConfig {
  /** A complaint should get its response within this many working days (office hours and closedDates). */
  responseTargetWorkingDays: number;
  /** Days after a complaint is closed that the citizen's contact is kept; then the hub deletes it. */
  contactRetentionDays: number;
  categories: ComplaintCategory[];
  elsewhere: ExternalComplaintChannel[];
}

export interface Signatory {
  /** The role on the report: "Kepala Dinas", "Pejabat Pengelola Pengaduan". */
  title: string;
  name: string;
  /** Nomor Induk Pegawai (18 digits), when the signatory has one. */
  nip?: string;
}

export interface ReportConfig {
  /** Where the report is signed ("Gedong Tataan"), before the date. */
  place: string;
  /** Letterhead lines, top to bottom: "PEMERINTAH KABUPATEN PESAWARAN", the office's name, its address. */
  letterhead: string[];
  /** A PNG or SVG file in kiosk-config, printed left of the letterhead; as a data: URL after loading. */
  logo?: string;
  signatories: Signatory[];
}

/** An Organisasi Perangkat Daerah (or vertical agency) with counters in the office. */
export interface AgencyConfig {
  id: string;
  name: string;
  shortName: string;
  icon: string;
  /** "#RRGGBB", used for its tiles and ticket headers. */
  color: string;
  /** The agency's own maklumat, when it has adopted one besides the office's. */
  maklumat?: Maklumat;
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
  /** Citizens may book a time slot ahead (docs/booking.md); without it the service cannot be booked. */
  booking?: ServiceBookingConfig;
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
  /** Where the touchscreen sits on its stand: the kiosk keeps every control below the reach limit. */
  screen: KioskScreenConfig;
  reach: KioskReachConfig;
}

export interface KioskScreenConfig {
  orientation: "portrait" | "landscape";
  /** Floor to the lowest visible pixel row, in millimetres. */
  bottomEdgeMm: number;
  /** Height of the visible picture, in millimetres. */
  visibleHeightMm: number;
}

export interface KioskReachConfig {
  /** Highest point above the floor a citizen in a wheelchair can reach forward to (default 1,200 mm). */
  limitMm: number;
  /** "auto": reach layout while the screen stands portrait; "on"/"off": always/never. */
  mode: "auto" | "on" | "off";
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
  /** The office's recorded voice, present only when every clip is there and readable. */
  voicePack?: VoicePack;
}

/** A complete voice pack (packages/config/src/voice-pack.ts). */
export interface VoicePack {
  name: string;
  /** Absolute folder the hub serves the clips from. */
  dir: string;
  /** Clip id ("nomor-antrean", "a", "sebelas") to its file name in `dir`. */
  clips: Record<string, string>;
  /** Changes whenever a clip file does: part of the clips' URLs. */
  version: string;
}
