import type { AgencyInfo, ServiceHours, ServiceInfo } from "@layan/protocol";
import { describe, expect, it } from "vitest";
import { weekdays } from "../../../../packages/core/src/testing/fixtures";
import { upcomingClosedDates, weeklyHoursLines } from "./hours";
import { searchServices, searchWords } from "./search";

// Names and keywords as in the sample office (kiosk-config/services); the
// kiosk e2e test searches the real sample catalog through the hub.
const agencies: AgencyInfo[] = [
  {
    id: "disdukcapil",
    name: "Dinas Kependudukan dan Pencatatan Sipil",
    shortName: "Disdukcapil",
    icon: "id-card",
    color: "#0b4a8b",
    maklumat: null,
  },
  {
    id: "polres",
    name: "Kepolisian Resor Pesawaran",
    shortName: "Polres",
    icon: "shield",
    color: "#333333",
    maklumat: null,
  },
  {
    id: "samsat",
    name: "Samsat Pesawaran",
    shortName: "Samsat",
    icon: "car",
    color: "#555555",
    maklumat: null,
  },
  {
    id: "dpmptsp",
    name: "Dinas Penanaman Modal dan PTSP",
    shortName: "DPMPTSP",
    icon: "briefcase",
    color: "#777777",
    maklumat: null,
  },
];
const OFFICE_HOURS: ServiceHours = {
  weekly: {
    ...weekdays("08:00", "15:00"),
    fri: [
      { open: "08:00", close: "11:00" },
      { open: "13:00", close: "15:00" },
    ],
  },
  closedDates: [
    { date: "2026-08-17", name: "Hari Kemerdekaan Republik Indonesia" },
    { date: "2026-12-25", name: "Hari Raya Natal" },
  ],
};
const svc = (id: string, agencyId: string, name: string, nameEn: string, keywords: string[]) =>
  ({ id, agencyId, name, nameEn, keywords, hours: OFFICE_HOURS }) as ServiceInfo;
const services = [
  // Before KTP-el, as in the config: its keyword "KTP anak" must not win a search for "KTP".
  svc("kia", "disdukcapil", "Kartu Identitas Anak (KIA)", "Child ID card", ["kartu anak", "KTP anak"]),
  svc("ktp-el", "disdukcapil", "Perekaman dan Pencetakan KTP-el", "Electronic ID card (KTP-el)", [
    "KTP",
    "e-KTP",
    "KTP hilang",
  ]),
  svc("kartu-keluarga", "disdukcapil", "Penerbitan Kartu Keluarga", "Family card", ["KK", "pecah KK"]),
  svc("akta-kelahiran", "disdukcapil", "Penerbitan Akta Kelahiran", "Birth certificate", [
    "akta lahir",
    "akte kelahiran",
  ]),
  svc("skck", "polres", "Surat Keterangan Catatan Kepolisian (SKCK)", "Police record", [
    "surat kelakuan baik",
  ]),
  svc("stnk-tahunan", "samsat", "Pengesahan STNK Tahunan dan Pembayaran PKB", "Vehicle tax", [
    "pajak motor",
    "pajak mobil",
  ]),
  svc("pbg", "dpmptsp", "Persetujuan Bangunan Gedung (PBG)", "Building approval", ["IMB", "izin bangunan"]),
];
const find = (query: string) => searchServices(services, agencies, query).map((s) => s.id);
const STNK_HOURS: ServiceHours = {
  weekly: { ...weekdays("08:00", "14:00"), fri: [{ open: "08:00", close: "11:00" }] },
  closedDates: [],
};

describe("searching services by the citizen's own words", () => {
  it("finds services by everyday Indonesian words from the config's keywords", () => {
    expect(find("KTP")[0]).toBe("ktp-el");
    expect(find("akta lahir")).toEqual(["akta-kelahiran"]);
    expect(find("pajak motor")).toEqual(["stnk-tahunan"]);
    expect(find("surat kelakuan baik")).toEqual(["skck"]);
    expect(find("IMB")).toEqual(["pbg"]);
    expect(find("samsat")).toEqual(["stnk-tahunan"]);
  });

  it("matches the start of words while typing, ignoring case, dashes and accents", () => {
    expect(find("pajak mo")).toEqual(["stnk-tahunan"]);
    expect(find("ktp-el")[0]).toBe("ktp-el");
    expect(find("kartu kel")[0]).toBe("kartu-keluarga");
    expect(searchWords("Akte  Kelahiran—Café")).toEqual(["akte", "kelahiran", "cafe"]);
  });

  it("finds nothing for nothing, and for words no service has", () => {
    expect(find("")).toEqual([]);
    expect(find("   ")).toEqual([]);
    expect(find("paspor")).toEqual([]);
  });
});

describe("opening hours as a notice board writes them", () => {
  it("groups weekdays, shows the Friday break and says the closed days", () => {
    expect(weeklyHoursLines(OFFICE_HOURS, "id")).toEqual([
      { days: "Senin–Kamis", hours: "08.00–15.00", closed: false },
      { days: "Jumat", hours: "08.00–11.00 dan 13.00–15.00", closed: false },
      { days: "Sabtu–Minggu", hours: "Tutup", closed: true },
    ]);
    expect(weeklyHoursLines(STNK_HOURS, "en")[0]).toEqual({
      days: "Monday–Thursday",
      hours: "08:00–14:00",
      closed: false,
    });
  });

  it("names the next holidays from today on", () => {
    expect(upcomingClosedDates(OFFICE_HOURS, "2026-11-28", "id")).toEqual([
      "Jumat, 25 Desember 2026 (Hari Raya Natal)",
    ]);
    expect(upcomingClosedDates(OFFICE_HOURS, "2026-12-26", "id")).toEqual([]);
  });
});
