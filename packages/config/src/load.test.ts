import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, formatIssue } from "./issues";
import { inspectConfig, loadConfig } from "./load";
import { configErrors, type ConfigCopy, freshCopyEachTest, ktpFixture, SAMPLE_DIR } from "./test-support";

const KTP = "kiosk-config/services/ktp-el.yaml";

let copy: ConfigCopy;
freshCopyEachTest((c) => (copy = c));

function errors(): string[] {
  return configErrors(copy.dir);
}

/** Replaces ktp-el.yaml with the small fixture, changed as given, and returns the errors. */
function ktpErrors(changes: Record<number, string | null>): string[] {
  copy.write("services/ktp-el.yaml", ktpFixture(changes));
  return errors();
}

describe("the shipped kiosk-config", () => {
  it("loads with no issues", () => {
    const { issues, config } = inspectConfig(SAMPLE_DIR);
    expect(issues.map(formatIssue)).toEqual([]);
    expect(config).toBeDefined();
  });

  it("is the Pesawaran MPP with enough agencies, services, counters and devices", () => {
    const config = loadConfig(SAMPLE_DIR);
    expect(config.office.name).toBe("Mal Pelayanan Publik Kabupaten Pesawaran");
    expect(config.office.timezone).toBe("Asia/Jakarta");
    expect(config.office.address).toContain("Gedong Tataan");
    expect(config.agencies.length).toBeGreaterThanOrEqual(5);
    expect(config.services.length).toBeGreaterThanOrEqual(12);
    expect(config.counters.length).toBeGreaterThanOrEqual(8);
    expect(config.devices.kiosks.length).toBeGreaterThanOrEqual(2);
    expect(config.devices.displays.length).toBeGreaterThanOrEqual(2);
    expect(config.devices.kiosks.map((k) => k.printer)).toContainEqual({
      kind: "network",
      host: "127.0.0.1",
      port: 9100,
      paper: "80mm",
    });
    expect(config.devices.displays.find((d) => d.name === "Ruang Tunggu Utama")?.group).toBe("all");
  });

  it("has counters serving several services, quotas, and Samsat on its own hours", () => {
    const config = loadConfig(SAMPLE_DIR);
    expect(config.counters.filter((c) => c.services.length > 1).length).toBeGreaterThanOrEqual(3);
    expect(config.services.filter((s) => s.dailyQuota !== undefined).length).toBeGreaterThanOrEqual(2);
    const samsat = config.services.filter((s) => s.agency === "samsat");
    expect(samsat.length).toBeGreaterThan(0);
    for (const s of samsat) expect(s.hours).toBeDefined();
    // The office's Friday prayer break, parsed from "HH:MM-HH:MM".
    expect(config.office.hours.fri).toEqual([
      { open: "08:00", close: "11:00" },
      { open: "13:00", close: "15:00" },
    ]);
  });

  it("has one display group showing only the Disdukcapil counters", () => {
    const config = loadConfig(SAMPLE_DIR);
    const disdukcapilServices = new Set(
      config.services.filter((s) => s.agency === "disdukcapil").map((s) => s.id),
    );
    const group = config.devices.displays.find((d) => d.id === "display-disdukcapil")?.group;
    if (group === undefined || group === "all") throw new Error("display-disdukcapil must list counters");
    expect(group.counters.length).toBeGreaterThan(0);
    for (const id of group.counters) {
      const counter = config.counters.find((c) => c.id === id);
      expect(counter?.services.every((s) => disdukcapilServices.has(s))).toBe(true);
    }
  });

  it("lists services grouped in agencies.yaml order", () => {
    const config = loadConfig(SAMPLE_DIR);
    const rank = config.services.map((s) => config.agencies.findIndex((a) => a.id === s.agency));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
  });
});

describe("schema errors name file, line and path", () => {
  it("a wrong type", () => {
    expect(ktpErrors({ 14: "      minutes: sepuluh" })).toEqual([
      `${KTP}:14 sop.steps[2].minutes: expected a number`,
    ]);
  });

  it("a missing required key, at its parent's line", () => {
    expect(ktpErrors({ 9: null })).toEqual([`${KTP}:7 sop.serviceMinutes: is required (a whole number)`]);
  });

  it("a missing key at the top of a file, at the first line of the mapping", () => {
    expect(ktpErrors({ 6: null })).toEqual([`${KTP}:1 icon: is required (text)`]);
  });

  it("an unknown key, with a suggestion", () => {
    expect(ktpErrors({ 23: "pengadun:" })).toEqual([
      `${KTP}:23 pengadun: unknown key "pengadun" (did you mean "pengaduan"?)`,
    ]);
  });

  it("a value outside an enum", () => {
    expect(ktpErrors({ 20: "jangkaWaktu: { value: 1, unit: minggu }" })).toEqual([
      `${KTP}:20 jangkaWaktu.unit: expected one of "menit", "jam", "hari kerja", "hari"`,
    ]);
  });

  it("a bad item inside a shorthand-or-mapping list reports the inner key", () => {
    expect(ktpErrors({ 19: "  - { txt: Fotokopi KK }" })).toEqual([
      `${KTP}:19 persyaratan[0].text: is required (text)`,
      `${KTP}:19 persyaratan[0].txt: unknown key "txt" (did you mean "text"?)`,
    ]);
  });

  it("a fraction where a whole number is needed", () => {
    expect(ktpErrors({ 6: "icon: id-card\ndailyQuota: 12.5" })).toEqual([
      `${KTP}:7 dailyQuota: expected a whole number`,
    ]);
  });

  it('neither "all" nor a selection for a display group', () => {
    copy.replace("devices.yaml", "group: all", "group: semua");
    expect(errors()).toEqual([
      `kiosk-config/devices.yaml:${copy.lineOf("devices.yaml", "group: semua")} displays[0].group: expected "all" or a mapping with counters and/or services`,
    ]);
  });

  it("a bad prefix", () => {
    expect(ktpErrors({ 3: "prefix: a1" })).toEqual([
      `${KTP}:3 prefix: expected 1-2 capital letters, like "A" or "SK"`,
    ]);
  });

  it("a timed step without minutes", () => {
    expect(ktpErrors({ 14: null })).toEqual([
      `${KTP}:13 sop.steps[2].minutes: a timed step needs minutes: they are its target`,
    ]);
  });

  it("timed step targets that exceed the service time", () => {
    expect(ktpErrors({ 9: "  serviceMinutes: 12" })).toEqual([
      `${KTP}:9 sop.serviceMinutes: is 12 but the timed steps add up to 15 minutes (verifikasi 5 + perekaman 10)`,
    ]);
  });

  it("a repeated step id", () => {
    expect(ktpErrors({ 13: "    - id: verifikasi" })).toEqual([
      `${KTP}:13 sop.steps[2].id: step id "verifikasi" is used twice`,
    ]);
  });

  it("an id that does not match the file name", () => {
    expect(ktpErrors({ 1: "id: ktp" })).toEqual([
      `${KTP}:1 id: "ktp" does not match the file name; expected "ktp-el"`,
    ]);
  });

  it("every error at once, in file and line order", () => {
    // Deleting line 9 moves the step's minutes up to line 13.
    expect(ktpErrors({ 3: "prefix: a1", 9: null, 14: "      minutes: sepuluh" })).toEqual([
      `${KTP}:3 prefix: expected 1-2 capital letters, like "A" or "SK"`,
      `${KTP}:7 sop.serviceMinutes: is required (a whole number)`,
      `${KTP}:13 sop.steps[2].minutes: expected a number`,
    ]);
  });
});

describe("requirements", () => {
  it("keeps a condition with its requirement and refuses one too long to print whole", () => {
    expect(ktpErrors({ 19: "  - { text: KTP-el lama, condition: Untuk KTP-el rusak }" })).toEqual([]);
    expect(loadConfig(copy.dir).services.find((s) => s.id === "ktp-el")?.persyaratan[0]).toEqual({
      text: "KTP-el lama",
      condition: "Untuk KTP-el rusak",
    });
    const [error] = ktpErrors({ 19: `  - { text: KTP-el lama, condition: ${"sangat panjang ".repeat(8)} }` });
    expect(error).toMatch(
      /ktp-el\.yaml:19 persyaratan\[0\]\.condition: keep a condition under 80 characters/,
    );
  });
});

describe("YAML syntax errors", () => {
  it("name the line where the parser stopped", () => {
    expect(ktpErrors({ 19: "  - [Fotokopi Kartu Keluarga" })).toEqual([
      `${KTP}:20: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });

  it("include duplicate keys", () => {
    expect(ktpErrors({ 22: "produk: KTP-el\nprodukt: x\nprodukt: y" })).toEqual([
      `${KTP}:24: YAML syntax: Map keys must be unique`,
    ]);
  });

  it("do not hide errors in other files", () => {
    copy.write("services/ktp-el.yaml", ktpFixture({ 19: "  - [Fotokopi" }));
    copy.replace("office.yaml", "timezone: Asia/Jakarta", "timezone: Asia/Jakrta");
    expect(errors()).toEqual([
      `kiosk-config/office.yaml:${copy.lineOf("office.yaml", "timezone:")} timezone: expected an IANA timezone, like "Asia/Jakarta" (WIB), "Asia/Makassar" (WITA)`,
      `${KTP}:20: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });
});

describe("cross-file checks", () => {
  it("an unknown agency", () => {
    expect(ktpErrors({ 2: "agency: disduk" })).toEqual([
      `${KTP}:2 agency: unknown agency "disduk" (did you mean "disdukcapil"?)`,
    ]);
  });

  it("a duplicate prefix, pointing at the first holder", () => {
    const first = `kiosk-config/services/kartu-keluarga.yaml:${copy.lineOf("services/kartu-keluarga.yaml", "prefix: B")}`;
    expect(ktpErrors({ 3: "prefix: B" })).toEqual([`${KTP}:3 prefix: "B" is already used (${first})`]);
  });

  it("a counter serving an unknown service", () => {
    copy.replace("counters.yaml", "services: [skck]", "services: [skck, sekck]");
    const line = copy.lineOf("counters.yaml", "sekck");
    expect(errors()).toEqual([
      `kiosk-config/counters.yaml:${line} counters[11].services[1]: unknown service "sekck" (did you mean "skck"?)`,
    ]);
  });

  it("a service no counter serves", () => {
    copy.write("services/legalisir.yaml", ktpFixture({ 1: "id: legalisir", 3: "prefix: Z" }));
    expect(errors()).toEqual([
      `kiosk-config/services/legalisir.yaml:1 id: no counter serves "legalisir": add it to a counter's services in kiosk-config/counters.yaml`,
    ]);
  });

  it("duplicate counter numbers and agency ids", () => {
    copy.replace("counters.yaml", "number: 12", "number: 11");
    copy.replace("agencies.yaml", "id: polres", "id: dlh");
    const numberLine = copy.lineOf("counters.yaml", "number: 11");
    const dlhLines = copy
      .read("agencies.yaml")
      .split("\n")
      .flatMap((l, i) => (l.includes("id: dlh") ? [i + 1] : []));
    const polresLine =
      copy
        .read("counters.yaml")
        .split("\n")
        .findLastIndex((l) => l.includes("number: 11")) + 1;
    expect(errors()).toEqual(
      expect.arrayContaining([
        `kiosk-config/agencies.yaml:${dlhLines[1]} agencies[5].id: "dlh" is already used (kiosk-config/agencies.yaml:${dlhLines[0]})`,
        `kiosk-config/counters.yaml:${polresLine} counters[11].number: 11 is already used (kiosk-config/counters.yaml:${numberLine})`,
      ]),
    );
  });

  it("devices referring to unknown counters and agencies", () => {
    copy.replace(
      "devices.yaml",
      "counters: [loket-1, loket-2, loket-3, loket-4]",
      "counters: [loket-1, loket-99]",
    );
    copy.replace("devices.yaml", "agencies: [samsat]", "agencies: [bapenda]");
    expect(errors()).toEqual([
      `kiosk-config/devices.yaml:${copy.lineOf("devices.yaml", "bapenda")} kiosks[1].shows.agencies[0]: unknown agency "bapenda"; agencies are listed in agencies.yaml`,
      `kiosk-config/devices.yaml:${copy.lineOf("devices.yaml", "loket-99")} displays[1].group.counters[1]: unknown counter "loket-99" (did you mean "loket-9"?)`,
    ]);
  });

  it("a printer of unknown kind", () => {
    copy.replace("devices.yaml", "kind: device", "kind: usb");
    expect(errors()).toEqual([
      `kiosk-config/devices.yaml:${copy.lineOf("devices.yaml", "kind: usb")} kiosks[1].printer.kind: expected one of "network", "device", "none"`,
    ]);
  });

  it("a missing file", () => {
    copy.remove("devices.yaml");
    expect(errors()).toEqual(["kiosk-config/devices.yaml: file not found"]);
  });

  it("does not report unknown references to a file that itself failed", () => {
    copy.replace("agencies.yaml", 'color: "#1565c0"', "color: biru");
    expect(errors()).toEqual([
      `kiosk-config/agencies.yaml:${copy.lineOf("agencies.yaml", "color: biru")} agencies[0].color: expected a colour "#RRGGBB", like "#1565c0"`,
    ]);
  });
});

describe("missing Standar Pelayanan components are errors", () => {
  it("no biaya", () => {
    expect(ktpErrors({ 21: null })).toEqual([
      `${KTP}:1 biaya: Biaya/Tarif is not stated: write { amount: 0, text: "Tidak dipungut biaya" } when it is free`,
    ]);
  });

  it("an empty biaya key", () => {
    expect(ktpErrors({ 21: "biaya:" })).toEqual([
      `${KTP}:21 biaya: Biaya/Tarif is not stated: write { amount: 0, text: "Tidak dipungut biaya" } when it is free`,
    ]);
  });

  it("a biaya that states nothing", () => {
    expect(ktpErrors({ 21: "biaya: {}" })).toEqual([
      `${KTP}:21 biaya: state the amount in Rupiah (0 when free) and/or a text like "Tidak dipungut biaya"`,
    ]);
  });

  it("a step without minutes", () => {
    expect(
      ktpErrors({ 11: "    - { id: ambil-nomor, actor: Pemohon, description: Mengambil nomor antrean. }" }),
    ).toEqual([
      `${KTP}:11 sop.steps[0].minutes: Prosedur step "ambil-nomor" has no minutes: every published step states its time`,
    ]);
  });

  it("no steps, no persyaratan", () => {
    expect(
      ktpErrors({
        10: null,
        11: null,
        12: null,
        13: null,
        14: null,
        15: null,
        16: null,
        17: null,
        18: null,
        19: null,
      }),
    ).toEqual([
      `${KTP}:1 persyaratan: Persyaratan is not stated: list the documents and conditions the citizen must bring`,
      `${KTP}:7 sop.steps: Prosedur is not stated: list the SOP steps, each with actor, description and minutes`,
    ]);
  });

  it("make loadConfig throw a ConfigError carrying the issues", () => {
    copy.write("services/ktp-el.yaml", ktpFixture({ 21: null }));
    let thrown: unknown;
    try {
      loadConfig(copy.dir);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const error = thrown as ConfigError;
    expect(error.issues.map(formatIssue)).toEqual([
      `${KTP}:1 biaya: Biaya/Tarif is not stated: write { amount: 0, text: "Tidak dipungut biaya" } when it is free`,
    ]);
    expect(error.message).toContain(`${KTP}:1 biaya:`);
  });
});

describe("office.yaml", () => {
  it("rejects an interval that closes before it opens", () => {
    copy.replace("office.yaml", 'fri: ["08:00-11:00", "13:00-15:00"]', 'fri: ["08:00-11:00", "16:00-07:00"]');
    const line = copy.lineOf("office.yaml", "fri:");
    expect(errors()).toEqual([
      `kiosk-config/office.yaml:${line} hours.fri[1]: closes (07:00) before it opens (16:00)`,
    ]);
  });

  it("rejects overlapping intervals", () => {
    copy.replace("office.yaml", 'fri: ["08:00-11:00", "13:00-15:00"]', 'fri: ["08:00-11:00", "10:00-15:00"]');
    const line = copy.lineOf("office.yaml", "fri:");
    expect(errors()).toEqual([
      `kiosk-config/office.yaml:${line} hours.fri[1]: overlaps or comes before 08:00-11:00; list intervals in order`,
    ]);
  });

  it("accepts Indonesian dotted times and spaces around the dash", () => {
    copy.replace(
      "office.yaml",
      'fri: ["08:00-11:00", "13:00-15:00"]',
      'fri: ["08.00 – 11.00", "13.00 - 15.00"]',
    );
    expect(loadConfig(copy.dir).office.hours.fri).toEqual([
      { open: "08:00", close: "11:00" },
      { open: "13:00", close: "15:00" },
    ]);
  });

  it("rejects a malformed priority ratio and a non-http public address", () => {
    copy.replace("office.yaml", 'ratio: "2:1"', "ratio: dua banding satu");
    copy.replace("office.yaml", "# publicBaseUrl: https://", "publicBaseUrl: ftp://");
    expect(errors()).toEqual([
      `kiosk-config/office.yaml:${copy.lineOf("office.yaml", "publicBaseUrl: ftp")} publicBaseUrl: expected an http(s) URL, like "https://antrean.pesawarankab.go.id"`,
      `kiosk-config/office.yaml:${copy.lineOf("office.yaml", "ratio:")} queue.priority.ratio: expected "priorityTurns:regularTurns", both at least 1, like "2:1"`,
    ]);
  });

  it("rejects impossible holiday dates and unknown weekdays", () => {
    copy.replace("office.yaml", '"2026-06-01"', '"2026-02-30"');
    copy.replace("office.yaml", "  tue: *hari-biasa", "  selasa: *hari-biasa");
    expect(errors()).toEqual([
      `kiosk-config/office.yaml:${copy.lineOf("office.yaml", "selasa")} hours.selasa: unknown key "selasa" (expected one of: mon, tue, wed, thu, fri, sat, sun)`,
      `kiosk-config/office.yaml:${copy.lineOf("office.yaml", "2026-02-30")} closedDates[2].date: expected a date "YYYY-MM-DD", like "2026-08-17"`,
    ]);
  });

  it("fills the defaults: Asia/Jakarta, 2:1 priority, 60 s kiosk reset", () => {
    const office = copy.read("office.yaml");
    const withoutPolicies = office.slice(0, office.indexOf("queue:")).replace("timezone: Asia/Jakarta\n", "");
    copy.write("office.yaml", withoutPolicies);
    const config = loadConfig(copy.dir);
    expect(config.office.timezone).toBe("Asia/Jakarta");
    expect(config.office.queue.priority).toEqual({
      priorityTurns: 2,
      regularTurns: 1,
      maxRegularWaitMinutes: 45,
    });
    expect(config.office.kiosk.inactivityResetSeconds).toBe(60);
    expect(config.office.announcement.style).toBe("number");
  });
});

describe("file names in messages", () => {
  it("are relative to the cwd when the folder is inside it", () => {
    const inside = join(process.cwd(), ".tmp");
    const { issues } = inspectConfig(join(inside, "does-not-exist"));
    expect(issues.map(formatIssue)).toEqual([".tmp/does-not-exist: config folder not found"]);
  });

  it("can be made relative to a chosen folder", () => {
    copy.remove("devices.yaml");
    const { issues } = inspectConfig(copy.dir, { displayRoot: copy.dir });
    expect(issues.map(formatIssue)).toEqual(["devices.yaml: file not found"]);
  });
});
