import { describe, expect, it } from "vitest";
import { loadConfig } from "./load";
import { configErrors, type ConfigCopy, freshCopyEachTest, SAMPLE_DIR } from "./test-support";

const OFFICE = "kiosk-config/office.yaml";

let copy: ConfigCopy;
freshCopyEachTest((c) => (copy = c));

function errors(): string[] {
  return configErrors(copy.dir);
}

/** `office.yaml:<line of the first line containing needle>`. */
function at(needle: string, file = "office.yaml"): string {
  return `kiosk-config/${file}:${copy.lineOf(file, needle)}`;
}

describe("the shipped office.yaml", () => {
  it("has a signed, dated maklumat, and Disdukcapil its own", () => {
    const config = loadConfig(SAMPLE_DIR);
    expect(config.office.maklumat).toMatchObject({
      position: "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Pesawaran",
      adoptedOn: "2026-01-05",
    });
    expect(config.office.maklumat.text).toMatch(/^Dengan ini kami menyatakan sanggup/);
    expect(config.agencies.find((a) => a.id === "disdukcapil")?.maklumat?.position).toBe(
      "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Pesawaran",
    );
    expect(config.agencies.find((a) => a.id === "samsat")?.maklumat).toBeUndefined();
  });

  it("lists visi, misi, motto and the facilities for vulnerable groups", () => {
    const { info } = loadConfig(SAMPLE_DIR).office;
    expect(info.visi?.id).toContain("Pesawaran");
    expect(info.misi.length).toBeGreaterThanOrEqual(3);
    expect(info.motto?.en).toBeDefined();
    expect(info.facilities.map((f) => f.kind)).toEqual([
      "priority-lane",
      "priority-seats",
      "ramp",
      "nursing-room",
      "wheelchair",
      "accessible-toilet",
    ]);
    for (const f of info.facilities) expect(f.description.en).toBeDefined();
  });

  it("has the report's letterhead, an embedded SVG logo and two signatories with NIPs", () => {
    const { report } = loadConfig(SAMPLE_DIR).office;
    expect(report.place).toBe("Gedong Tataan");
    expect(report.letterhead.slice(0, 2)).toEqual([
      "PEMERINTAH KABUPATEN PESAWARAN",
      "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
    ]);
    expect(report.logo).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(report.logo?.split(",")[1] ?? "", "base64").toString("utf8")).toContain("<svg");
    expect(report.signatories).toHaveLength(2);
    for (const s of report.signatories) expect(s.nip).toMatch(/^\d{18}$/);
  });
});

describe("maklumat", () => {
  it("refuses a missing signedBy, position or adoptedOn, saying what to write", () => {
    copy.replace("office.yaml", "  signedBy: Drs. Nama Kepala Dinas, M.Si.\n", "");
    copy.replace(
      "office.yaml",
      "  position: Kepala Dinas Penanaman Modal",
      "  # position: Kepala Dinas Penanaman Modal",
    );
    copy.replace("office.yaml", '  adoptedOn: "2026-01-05"\n', "");
    const line = at("maklumat:");
    expect(errors()).toEqual([
      `${line} maklumat.adoptedOn: state the date the maklumat was signed, "YYYY-MM-DD", like "2026-01-05"`,
      `${line} maklumat.position: state the signatory's position, like "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"`,
      `${line} maklumat.signedBy: state who signed the maklumat, by name, like "Drs. Nama Pejabat, M.Si."`,
    ]);
  });

  it("refuses an adoptedOn that is not a real date", () => {
    copy.replace("office.yaml", 'adoptedOn: "2026-01-05"', 'adoptedOn: "2026-02-30"');
    expect(errors()).toEqual([
      `${at("adoptedOn:")} maklumat.adoptedOn: expected a date "YYYY-MM-DD", like "2026-01-05"`,
    ]);
  });

  it("refuses the old text-only shorthand, naming what is missing", () => {
    copy.removeBlock("office.yaml", "maklumat");
    copy.replace(
      "office.yaml",
      "runningText:",
      "maklumat: Kami sanggup melayani sesuai standar pelayanan.\nrunningText:",
    );
    expect(errors()).toEqual([
      `${at("maklumat:")} maklumat: the text alone is not enough: write maklumat as a mapping with text, signedBy (who signed), position (as what) and adoptedOn ("YYYY-MM-DD")`,
    ]);
  });

  it("refuses an office without one", () => {
    copy.removeBlock("office.yaml", "maklumat");
    expect(errors()).toEqual([
      `${OFFICE}:7 maklumat: state the Maklumat Pelayanan: text, signedBy, position and adoptedOn (UU 25/2009 art. 15)`,
    ]);
  });

  it("is optional for an agency, but complete when given", () => {
    copy.replace(
      "agencies.yaml",
      "      position: Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Pesawaran\n",
      "",
    );
    expect(errors()).toEqual([
      `${at("    maklumat:", "agencies.yaml")} agencies[0].maklumat.position: state the signatory's position, like "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"`,
    ]);
  });
});

describe("info", () => {
  it("refuses a facility of unknown kind", () => {
    copy.replace("office.yaml", "    - kind: ramp", "    - kind: lift");
    expect(errors()).toEqual([
      `${at("kind: lift")} info.facilities[2].kind: expected one of "priority-lane", "priority-seats", "ramp", "nursing-room", "wheelchair", "accessible-toilet", "play-area", "other"`,
    ]);
  });

  it("reads plain strings as Indonesian text", () => {
    copy.removeBlock("office.yaml", "info");
    copy.replace(
      "office.yaml",
      "runningText:",
      "info:\n  misi: [Melayani sepenuh hati]\n  facilities:\n    - { kind: play-area, description: Ruang bermain anak di lantai 2 }\nrunningText:",
    );
    expect(loadConfig(copy.dir).office.info).toEqual({
      misi: [{ id: "Melayani sepenuh hati" }],
      facilities: [{ kind: "play-area", description: { id: "Ruang bermain anak di lantai 2" } }],
    });
  });
});

describe("survey and complaints", () => {
  it("take their defaults when left out: survey on, 365-day retention, 5 working days, the standard categories", () => {
    for (const block of ["info", "survey", "complaints"]) copy.removeBlock("office.yaml", block);
    const office = loadConfig(copy.dir).office;
    expect(office.info).toEqual({ misi: [], facilities: [] });
    expect(office.survey).toEqual({ enabled: true, atCounter: false, profileRetentionDays: 365 });
    expect(office.complaints).toEqual({
      responseTargetWorkingDays: 5,
      contactRetentionDays: 365,
      categories: [
        { id: "pelayanan", label: { id: "Prosedur dan persyaratan", en: "Procedure and requirements" } },
        { id: "waktu", label: { id: "Waktu pelayanan dan antrean", en: "Service time and queue" } },
        { id: "biaya", label: { id: "Biaya atau pungutan", en: "Fees or illegal charges" } },
        { id: "petugas", label: { id: "Sikap petugas", en: "Officers' conduct" } },
        { id: "sarana", label: { id: "Sarana dan prasarana", en: "Facilities" } },
        { id: "saran", label: { id: "Saran dan masukan", en: "Suggestions" } },
        { id: "lainnya", label: { id: "Lainnya", en: "Other" } },
      ],
      elsewhere: [
        { name: "SP4N-LAPOR!", contact: "lapor.go.id · SMS 1708" },
        { name: "Ombudsman RI", contact: "ombudsman.go.id · 137" },
      ],
    });
    // Each load gets its own copy of the defaults.
    office.complaints.categories.pop();
    expect(loadConfig(copy.dir).office.complaints.categories).toHaveLength(7);
  });

  it("refuse a retention shorter than a month and a response target beyond 60 working days", () => {
    copy.replace("office.yaml", "profileRetentionDays: 365", "profileRetentionDays: 29");
    copy.replace("office.yaml", "responseTargetWorkingDays: 5", "responseTargetWorkingDays: 61");
    expect(errors()).toEqual([
      `${at("profileRetentionDays:")} survey.profileRetentionDays: must be at least 30`,
      `${at("responseTargetWorkingDays:")} complaints.responseTargetWorkingDays: must be at most 60`,
    ]);
  });

  it("refuse a category id used twice, and an empty list", () => {
    copy.replace(
      "office.yaml",
      "  # categories:\n",
      "  categories:\n    - { id: biaya, label: Pungutan }\n    - { id: biaya, label: { id: Biaya, en: Fees } }\n",
    );
    expect(errors()).toEqual([
      `${at("id: biaya, label: { id: Biaya")} complaints.categories[1].id: category id "biaya" is used twice`,
    ]);
    copy.replace("office.yaml", "  categories:\n", "  categories: []\n  retired:\n");
    expect(errors()).toContain(`${at("categories: []")} complaints.categories: must list at least 1 item`);
  });
});

describe("report", () => {
  it("is required: the monthly report needs place, letterhead and a signatory", () => {
    copy.removeBlock("office.yaml", "report");
    expect(errors()).toEqual([
      `${OFFICE}:7 report: the monthly report needs place, letterhead and a signatory: add report: with place, letterhead (lines) and signatories (title, name, nip)`,
    ]);
  });

  it("refuses an empty letterhead and no signatories", () => {
    copy.replace("office.yaml", "  letterhead:\n", "  letterhead: []\n  kop:\n");
    copy.replace("office.yaml", "  signatories:\n", "  signatories: []\n  penandatangan:\n");
    expect(errors()).toEqual(
      expect.arrayContaining([
        `${at("letterhead: []")} report.letterhead: must list at least 1 item`,
        `${at("signatories: []")} report.signatories: must list at least 1 item`,
      ]),
    );
  });

  it("keeps a NIP's 18 digits without its spaces and refuses any other length", () => {
    expect(loadConfig(copy.dir).office.report.signatories[1]?.nip).toBe("198502022010012002");
    copy.replace("office.yaml", '"19850202 201001 2 002"', '"19850202 201001 2 00"');
    expect(errors()).toEqual([
      `${at("19850202 201001 2 00")} report.signatories[1].nip: expected a NIP of 18 digits, like "19800101 200501 1 001"`,
    ]);
  });

  it("refuses an unquoted NIP, which YAML would read as a number and round", () => {
    copy.replace("office.yaml", '"19850202 201001 2 002"', "198502022010012002");
    expect(errors()).toEqual([
      `${at("198502022010012002")} report.signatories[1].nip: put the NIP in quotes, like "19800101 200501 1 001": unquoted, YAML reads it as a number and loses digits`,
    ]);
  });
});

describe("report.logo", () => {
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

  it("becomes a data: URL of the PNG's bytes", () => {
    copy.write("assets/kop.png", PNG);
    copy.replace("office.yaml", "logo: assets/logo.svg", "logo: assets/kop.png");
    expect(loadConfig(copy.dir).office.report.logo).toBe(`data:image/png;base64,${PNG.toString("base64")}`);
  });

  it("may be left out", () => {
    copy.replace("office.yaml", "  logo: assets/logo.svg\n", "");
    expect(loadConfig(copy.dir).office.report.logo).toBeUndefined();
  });

  it("refuses a file that is not there", () => {
    copy.remove("assets/logo.svg");
    expect(errors()).toEqual([
      `${at("logo:")} report.logo: file not found: put the logo at kiosk-config/assets/logo.svg`,
    ]);
  });

  it("refuses a file over 256 KB", () => {
    copy.write("assets/logo.svg", `<svg xmlns="http://www.w3.org/2000/svg">${" ".repeat(256 * 1024)}</svg>`);
    expect(errors()).toEqual([
      `${at("logo:")} report.logo: kiosk-config/assets/logo.svg is 257 KB; keep the logo at most 256 KB (it is embedded in every report)`,
    ]);
  });

  it("accepts exactly 256 KB", () => {
    const frame = '<svg xmlns="http://www.w3.org/2000/svg"></svg>';
    copy.write("assets/logo.svg", frame + " ".repeat(256 * 1024 - frame.length));
    expect(errors()).toEqual([]);
  });

  it("refuses another image type, and a file whose bytes are not what its name says", () => {
    copy.write("assets/logo.jpg", "\xff\xd8\xff");
    copy.replace("office.yaml", "logo: assets/logo.svg", "logo: assets/logo.jpg");
    expect(errors()).toEqual([
      `${at("logo:")} report.logo: expected a .png or .svg file in kiosk-config, like "assets/logo.svg"`,
    ]);
    copy.write("assets/logo.png", "GIF89a");
    copy.replace("office.yaml", "logo: assets/logo.jpg", "logo: assets/logo.png");
    expect(errors()).toEqual([
      `${at("logo:")} report.logo: kiosk-config/assets/logo.png is not a PNG image; export the logo as PNG or SVG again`,
    ]);
  });

  it("refuses a path out of the config folder", () => {
    copy.replace("office.yaml", "logo: assets/logo.svg", "logo: ../logo.svg");
    expect(errors()).toEqual([
      `${at("logo:")} report.logo: expected a path inside the kiosk-config folder, like "assets/logo.svg"`,
    ]);
  });
});

describe("surveyUrl", () => {
  it("is refused: Layan runs the survey itself", () => {
    copy.replace("office.yaml", "survey:\n", "surveyUrl: https://survei.pesawarankab.go.id\nsurvey:\n");
    expect(errors()).toEqual([
      `${at("surveyUrl:")} surveyUrl: surveyUrl is no longer used: Layan runs the Survei Kepuasan Masyarakat itself (see survey:)`,
    ]);
  });
});
