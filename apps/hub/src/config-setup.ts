import { toOfficeRules, type LayanConfig, type LocalizedText, type Maklumat } from "@layan/config";
import type { OfficeRules } from "@layan/core";
import type { Catalog, Localized, MaklumatInfo, OfficeInfo, ServiceHours, ServiceInfo } from "@layan/protocol";
import type { DisplayGroup, HubSetup, KioskSetup, PrinterSetting } from "./setup";

/** Turns a validated kiosk-config into what the hub runs on. */
export function setupFromConfig(config: LayanConfig, options: { alwaysOpen?: boolean } = {}): HubSetup {
  let rules = toOfficeRules(config);
  if (options.alwaysOpen) rules = openAroundTheClock(rules);
  const closedDateNames = new Map(
    [...config.office.closedDates, ...config.services.flatMap((s) => s.closedDates)].map((d) => [d.date, d.name ?? null]),
  );
  const services: ServiceInfo[] = config.services.map((s, i) => ({
    id: s.id,
    agencyId: s.agency,
    prefix: s.prefix,
    name: s.name.id,
    nameEn: s.name.en ?? s.name.id,
    description: s.description,
    icon: s.icon,
    keywords: [...s.keywords],
    // From the rules the hub enforces, so the hours shown are the hours a ticket can be taken.
    hours: hoursShown(rules, i, closedDateNames),
    persyaratan: s.persyaratan.map((r) => ({ text: r.text, condition: r.condition ?? null, note: r.note ?? null })),
    prosedur: s.sop.steps.map((step) => ({
      id: step.id,
      actor: step.actor,
      description: step.description,
      minutes: step.minutes,
      icon: step.icon ?? null,
      timed: step.timed,
    })),
    prosedurMinutes: s.sop.steps.reduce((sum, step) => sum + step.minutes, 0),
    jangkaWaktu: { value: s.jangkaWaktu.value, unit: s.jangkaWaktu.unit, text: s.jangkaWaktu.text ?? null },
    // A fee stated only in words (set by regulation) has no amount: calling it 0
    // would show a paid service as free, the maladministration citizens report.
    biaya: {
      amount: s.biaya.amount ?? null,
      text: s.biaya.text ?? (s.biaya.amount === 0 ? "Tidak dipungut biaya" : ""),
    },
    produk: s.produk,
    pengaduan: s.pengaduan.map((c) => ({ name: c.name, contact: c.contact })),
    dasarHukum: s.dasarHukum,
    targets: { waitMinutes: s.sop.waitMinutes, serviceMinutes: s.sop.serviceMinutes },
    dailyQuota: s.dailyQuota ?? null,
  }));
  const catalog: Catalog = {
    office: {
      name: config.office.name,
      shortName: config.office.shortName,
      address: config.office.address,
      timezone: config.office.timezone,
      runningText: config.office.runningText.join("  •  "),
      maklumat: maklumatInfo(config.office.maklumat),
      about: {
        visi: localized(config.office.info.visi),
        misi: config.office.info.misi.map((m) => localized(m)),
        motto: localized(config.office.info.motto),
        facilities: config.office.info.facilities.map((f) => ({ kind: f.kind, description: localized(f.description) })),
      },
      complaints: {
        categories: config.office.complaints.categories.map((c) => ({ id: c.id, label: localized(c.label) })),
        targetWorkingDays: config.office.complaints.responseTargetWorkingDays,
        elsewhere: config.office.complaints.elsewhere.map((c) => ({ name: c.name, contact: c.contact })),
      },
      surveyEnabled: config.office.survey.enabled,
      bookingEnabled: config.office.booking.enabled && config.services.some((s) => s.booking !== undefined),
      surveyAtCounter: config.office.survey.enabled && config.office.survey.atCounter,
      privacy: privacyNotices(config),
    },
    agencies: config.agencies.map((a) => ({
      id: a.id,
      name: a.name,
      shortName: a.shortName,
      icon: a.icon,
      color: a.color,
      maklumat: a.maklumat ? maklumatInfo(a.maklumat) : null,
    })),
    services,
  };

  const kiosks = new Map<string, KioskSetup>();
  for (const k of config.devices.kiosks) {
    const serviceIds =
      k.shows === "all"
        ? null
        : config.services.filter((s) => k.shows !== "all" && (k.shows.agencies.includes(s.agency) || k.shows.services.includes(s.id))).map((s) => s.id);
    const screen = { ...k.screen, reachLimitMm: k.reach.limitMm, reachMode: k.reach.mode };
    kiosks.set(k.id, { id: k.id, name: k.name, serviceIds, printer: printerSetting(k.printer), screen });
  }

  const displays = new Map<string, DisplayGroup>();
  for (const d of config.devices.displays) {
    if (d.group === "all") {
      displays.set(d.id, { id: d.id, name: d.name, counterIds: config.counters.map((c) => c.id), serviceIds: config.services.map((s) => s.id) });
      continue;
    }
    const { counters, services: groupServices } = d.group;
    // A group named by services shows the counters serving them; one named by counters shows their services.
    const counterIds = config.counters.filter((c) => counters.includes(c.id) || c.services.some((s) => groupServices.includes(s))).map((c) => c.id);
    const serviceIds = [...new Set([...groupServices, ...config.counters.filter((c) => counters.includes(c.id)).flatMap((c) => c.services)])];
    displays.set(d.id, { id: d.id, name: d.name, counterIds, serviceIds });
  }

  return {
    rules,
    catalog,
    kiosks,
    displays,
    announcementStyle: config.office.announcement.style,
    voicePack: config.voicePack ?? null,
    kioskIdleSeconds: config.office.kiosk.inactivityResetSeconds,
    publicBaseUrl: config.office.publicBaseUrl ?? null,
    notify: config.office.notify,
    booking: config.office.booking,
    feedback: {
      surveyEnabled: config.office.survey.enabled,
      surveyAtCounter: config.office.survey.atCounter,
      profileRetentionDays: config.office.survey.profileRetentionDays,
      complaintTargetWorkingDays: config.office.complaints.responseTargetWorkingDays,
      contactRetentionDays: config.office.complaints.contactRetentionDays,
      calendar: {
        timezone: config.office.timezone,
        hours: config.office.hours,
        closedDates: config.office.closedDates.map((d) => d.date),
      },
      report: {
        place: config.office.report.place,
        letterhead: [...config.office.report.letterhead],
        logo: config.office.report.logo ?? null,
        signatories: config.office.report.signatories.map((s) => ({ title: s.title, name: s.name, nip: s.nip ?? null })),
      },
    },
  };
}

function localized(text: LocalizedText): Localized;
function localized(text: LocalizedText | undefined): Localized | null;
function localized(text: LocalizedText | undefined): Localized | null {
  return text ? { id: text.id, en: text.en ?? null } : null;
}

function maklumatInfo(m: Maklumat): MaklumatInfo {
  return { text: m.text, signedBy: m.signedBy, position: m.position, adoptedOn: m.adoptedOn };
}

/** What the citizen reads before leaving a profile or a contact: what is kept, why, and for how long. */
function privacyNotices(config: LayanConfig): OfficeInfo["privacy"] {
  const { profileRetentionDays } = config.office.survey;
  const { contactRetentionDays } = config.office.complaints;
  return {
    surveyProfile: {
      id: `Data profil (jenis kelamin, usia, pendidikan, pekerjaan) bersifat sukarela, tidak dikaitkan dengan nama Anda, hanya dipakai untuk laporan survei, dan dihapus otomatis setelah ${profileRetentionDays} hari.`,
      en: `The profile (sex, age, education, occupation) is optional, not linked to your name, used only for the survey report, and deleted automatically after ${profileRetentionDays} days.`,
    },
    complaintContact: {
      id: `Kontak bersifat sukarela dan hanya dipakai petugas untuk menindaklanjuti pengaduan ini. Kontak dihapus otomatis ${contactRetentionDays} hari setelah pengaduan selesai (UU 27/2022 tentang Pelindungan Data Pribadi).`,
      en: `Your contact is optional and used only by officers to follow up this complaint. It is deleted automatically ${contactRetentionDays} days after the complaint is closed (Law 27/2022 on personal data protection).`,
    },
  };
}

function hoursShown(rules: OfficeRules, index: number, names: Map<string, string | null>): ServiceHours {
  const service = rules.services[index];
  return {
    weekly: service?.hours ?? {},
    closedDates: (service?.closedDates ?? []).map((date) => ({ date, name: names.get(date) ?? null })),
  };
}

function printerSetting(p: LayanConfig["devices"]["kiosks"][number]["printer"]): PrinterSetting | null {
  switch (p.kind) {
    case "network":
      return { kind: "network", host: p.host, port: p.port, path: null, paper: p.paper };
    case "device":
      return { kind: "device", host: null, port: null, path: p.path, paper: p.paper };
    case "none":
      return null;
  }
}

/** Demo mode: every service open all week, so a demo started at night still issues tickets. */
function openAroundTheClock(rules: OfficeRules): OfficeRules {
  const allDay = [{ open: "00:00", close: "24:00" }];
  const hours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
  return { ...rules, services: rules.services.map((s) => ({ ...s, hours, closedDates: [] })) };
}
