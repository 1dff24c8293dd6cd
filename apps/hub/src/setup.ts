import type { OfficeRules, WorkingCalendar } from "@layan/core";
import type { NotifyConfig, OfficeBookingConfig, VoicePack } from "@layan/config";
import type { Catalog, KioskScreenInfo } from "@layan/protocol";

export interface PrinterSetting {
  kind: "network" | "device" | "none";
  host: string | null;
  port: number | null;
  path: string | null;
  paper: "58mm" | "80mm";
}

export interface KioskSetup {
  id: string;
  name: string;
  /** Services offered on this kiosk; null for all. */
  serviceIds: string[] | null;
  printer: PrinterSetting | null;
  /** Absent: the kiosk assumes the default stand. */
  screen?: KioskScreenInfo;
}

export interface DisplayGroup {
  id: string;
  name: string;
  counterIds: string[];
  serviceIds: string[];
}

/** Everything the hub takes from kiosk-config, in the shapes it uses. */
export interface HubSetup {
  rules: OfficeRules;
  catalog: Catalog;
  kiosks: Map<string, KioskSetup>;
  displays: Map<string, DisplayGroup>;
  announcementStyle: "digits" | "number";
  /** The office's complete recorded voice for the displays, or null for the bundled one. */
  voicePack: VoicePack | null;
  kioskIdleSeconds: number;
  /** Base of the ticket status links printed as QR codes; null: derived from the request. */
  publicBaseUrl: string | null;
  /** office.yaml `notify` (apps/hub/src/notify/); absent in setups built by hand, which notify no one. */
  notify?: NotifyConfig;
  /** office.yaml `booking`: what the citizen is asked for and the calo limits (booking/); absent in setups built by hand. */
  booking?: OfficeBookingConfig;
  feedback: FeedbackSetup;
}

/** The survey, complaints and reporting settings (kiosk-config office.yaml `survey`, `complaints`, `report`). */
export interface FeedbackSetup {
  surveyEnabled: boolean;
  surveyAtCounter: boolean;
  profileRetentionDays: number;
  complaintTargetWorkingDays: number;
  contactRetentionDays: number;
  /** The office's hours and closed dates: what a complaint's working days count. */
  calendar: WorkingCalendar;
  report: {
    place: string;
    letterhead: string[];
    /** data: URL, or null. */
    logo: string | null;
    signatories: { title: string; name: string; nip: string | null }[];
  };
}
