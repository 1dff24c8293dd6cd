import { describe, expect, it } from "vitest";
import { formatIssue } from "./issues";
import { loadConfig } from "./load";
import { formatStandarTable } from "./report";
import { checkStandarPelayanan, STANDAR_COMPONENTS } from "./standar";
import { SAMPLE_DIR } from "./test-support";
import type { ServiceDraft } from "./types";

const config = loadConfig(SAMPLE_DIR);

function draft(overrides: Partial<ServiceDraft> = {}): ServiceDraft {
  return {
    id: "legalisir",
    agency: "disdukcapil",
    prefix: "Z",
    name: { id: "Legalisir Dokumen" },
    description: "Legalisir dokumen kependudukan.",
    icon: "stamp",
    keywords: [],
    closedDates: [],
    dasarHukum: [],
    internal: {},
    sop: {
      waitMinutes: 20,
      serviceMinutes: 10,
      steps: [
        {
          id: "legalisir",
          actor: "Petugas Loket",
          description: "Melegalisir dokumen.",
          minutes: 5,
          timed: true,
        },
      ],
    },
    persyaratan: [{ text: "Dokumen asli" }],
    jangkaWaktu: { value: 15, unit: "menit" },
    biaya: { amount: 0 },
    produk: "Dokumen terlegalisir",
    pengaduan: [{ name: "SP4N-LAPOR!", contact: "lapor.go.id atau SMS 1708" }],
    ...overrides,
  };
}

describe("checkStandarPelayanan", () => {
  it("finds all six components, and dasar hukum, in every sample service", () => {
    const report = checkStandarPelayanan(config);
    expect(report.complete).toBe(true);
    expect(report.issues).toEqual([]);
    expect(report.services).toHaveLength(config.services.length);
    for (const s of report.services) {
      expect(s.missing).toEqual([]);
      expect(Object.values(s.components).every(Boolean)).toBe(true);
      expect(s.dasarHukum).toBe(true);
    }
  });

  it("counts a stated Rp 0 as biaya, but not its absence", () => {
    expect(checkStandarPelayanan({ services: [draft({ biaya: { amount: 0 } })] }).complete).toBe(true);
    const report = checkStandarPelayanan({ services: [draft({ biaya: undefined })] });
    expect(report.complete).toBe(false);
    expect(report.services[0]?.missing).toEqual(["biaya"]);
  });

  it("requires non-empty persyaratan and pengaduan, and minutes on every step", () => {
    const stepWithoutMinutes = {
      id: "tanda-tangan",
      actor: "Pejabat Penandatangan",
      description: "Menandatangani.",
      timed: false,
    };
    const report = checkStandarPelayanan({
      services: [
        draft({
          persyaratan: [],
          pengaduan: [],
          sop: { waitMinutes: 20, serviceMinutes: 10, steps: [stepWithoutMinutes] },
        }),
      ],
    });
    expect(report.services[0]?.missing).toEqual(["persyaratan", "prosedur", "pengaduan"]);
    expect(report.services[0]?.dasarHukum).toBe(false);
    // Built in code, the draft has no file: messages fall back to its conventional path.
    expect(report.issues.map(formatIssue)).toEqual([
      "services/legalisir.yaml persyaratan: Persyaratan is not stated: list the documents and conditions the citizen must bring",
      'services/legalisir.yaml sop.steps[0].minutes: Prosedur step "tanda-tangan" has no minutes: every published step states its time',
      "services/legalisir.yaml pengaduan: Penanganan Pengaduan is not stated: list at least one channel, like SP4N-LAPOR! (lapor.go.id, SMS 1708)",
    ]);
  });

  it("reports a service with nothing stated as missing all six", () => {
    const bare = draft({
      persyaratan: undefined,
      jangkaWaktu: undefined,
      biaya: undefined,
      produk: undefined,
      pengaduan: undefined,
      sop: { waitMinutes: 20, serviceMinutes: 10, steps: [] },
    });
    expect(checkStandarPelayanan({ services: [bare] }).services[0]?.missing).toEqual([...STANDAR_COMPONENTS]);
  });
});

describe("formatStandarTable", () => {
  it("shows ✓ and ✗ per component", () => {
    const report = checkStandarPelayanan({
      services: [draft(), draft({ id: "tanpa-biaya", prefix: "Y", biaya: undefined })],
    });
    expect(formatStandarTable(report).split("\n")).toEqual([
      "Layanan         Persyaratan  Prosedur  Jangka Waktu  Biaya  Produk  Pengaduan  Dasar Hukum",
      "──────────────  ───────────  ────────  ────────────  ─────  ──────  ─────────  ───────────",
      "Z  legalisir         ✓           ✓           ✓         ✓       ✓        ✓           ✗",
      "Y  tanpa-biaya       ✓           ✓           ✓         ✗       ✓        ✓           ✗",
    ]);
  });
});
