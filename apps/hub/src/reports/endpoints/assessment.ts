import { assessmentScore, serviceDayOf, ZONE_FLOORS, ZONE_LABEL } from "@layan/core";
import { COMPLIANCE_THRESHOLDS, FACILITY_LABELS, type AssessmentLine, type AssessmentReport, type ServiceInfo } from "@layan/protocol";
import type { ReportFilter } from "@layan/store";
import { ReportParamError, type ReportHandler } from "../context";
import { complaintsOver } from "./complaints";
import { ikmTotal } from "./ikm";

/**
 * The self-assessment in the Ombudsman RI's terms: one line per indicator its
 * assessors check (standar-pelayanan facts, "What Ombudsman RI checks"), each
 * with the evidence Layan holds, and the office's own zone estimate
 * (@layan/core assessment.ts). What only a visit can show is listed as
 * "di_luar_layan" so nobody mistakes the estimate for the full picture.
 */

/** Share of answered-in-time complaints below which handling is "belum". */
export const COMPLAINT_ON_TIME_MIN_PCT = 80;

/** Weights per indicator: the published components weigh most, as in the Ombudsman's process dimension. */
const WEIGHT = {
  komponen: 3,
  maklumat: 2,
  skm: 2,
  pengaduan_saluran: 2,
  pengaduan_waktu: 1,
  kelompok_rentan: 2,
  waktu_sop: 2,
  visi_misi: 1,
  seragam: 1,
  sarana_fisik: 1,
  publikasi: 1,
} as const;

const nf1 = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });
const nf2 = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (p: number | null) => (p === null ? "–" : `${nf1.format(p)}%`);

function dateLabel(at: number | string, timeZone: string): string {
  const d = typeof at === "number" ? new Date(at) : new Date(`${at}T12:00:00Z`);
  return new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone }).format(d);
}

/** The six published components, as the catalog gives them to the kiosk. */
function missingComponents(s: ServiceInfo): string[] {
  const missing: string[] = [];
  if (s.persyaratan.length === 0) missing.push("persyaratan");
  if (s.prosedur.length === 0) missing.push("prosedur");
  if (!(s.jangkaWaktu.value > 0) && !s.jangkaWaktu.text) missing.push("jangka waktu");
  if (s.biaya.amount === null && s.biaya.text.trim() === "") missing.push("biaya");
  if (s.produk.trim() === "") missing.push("produk");
  if (s.pengaduan.length === 0) missing.push("pengaduan");
  return missing;
}

function line(key: keyof typeof WEIGHT, label: string, met: boolean | "outside", evidence: string): AssessmentLine {
  return { key, label, status: met === "outside" ? "di_luar_layan" : met ? "terpenuhi" : "belum", evidence, weight: WEIGHT[key] };
}

export const assessment: ReportHandler<"assessment"> = {
  json: (rc, q): AssessmentReport => {
    const { setup } = rc;
    const { catalog, rules, feedback } = setup;
    const tz = rules.timezone;
    const now = rc.now();
    const agency = q.agency === null ? null : catalog.agencies.find((a) => a.id === q.agency);
    if (agency === undefined) throw new ReportParamError([{ path: "agency", message: "instansi tidak dikenal" }]);

    const today = serviceDayOf(now, tz);
    const from = `${q.year}-01-01`;
    const to = String(q.year) === today.slice(0, 4) ? today : `${q.year}-12-31`;
    const services = catalog.services.filter((s) => !agency || s.agencyId === agency.id);
    const filter: ReportFilter = { from, to, serviceIds: agency ? services.map((s) => s.id) : null };
    const office = catalog.office;

    const incomplete = services.map((s) => ({ s, missing: missingComponents(s) })).filter((x) => x.missing.length > 0);
    const complete = services.length - incomplete.length;
    const komponen = line(
      "komponen",
      "Enam komponen standar pelayanan dipublikasikan per layanan",
      services.length > 0 && incomplete.length === 0,
      `${complete} dari ${services.length} layanan menampilkan persyaratan, prosedur, jangka waktu, biaya, produk dan ` +
        `pengaduan di kios dan halaman tiket${services.length > 0 ? `: ${services.map((s) => s.name).join(", ")}` : ""}. ` +
        (incomplete.length > 0
          ? `Belum lengkap: ${incomplete.map((x) => `${x.s.name} (${x.missing.join(", ")})`).join("; ")}.`
          : "Layan menolak konfigurasi layanan yang tidak lengkap."),
    );

    const mk = agency?.maklumat ?? office.maklumat;
    const mkComplete = [mk.text, mk.signedBy, mk.position, mk.adoptedOn].every((v) => v.trim() !== "");
    const maklumat = line(
      "maklumat",
      "Maklumat Pelayanan dipublikasikan",
      mkComplete,
      `${agency?.maklumat ? `Maklumat ${agency.name}` : "Maklumat kantor"} ditetapkan ${dateLabel(mk.adoptedOn, tz)}, ` +
        `ditandatangani ${mk.signedBy} (${mk.position}), dan ditampilkan di kios, layar ruang tunggu, halaman tiket ` +
        "dan laporan bulanan.",
    );

    const k = ikmTotal(rc, filter);
    const skmEvidence = !office.surveyEnabled
      ? "Survei tidak dijalankan di Layan (survey.enabled: false). Bila SKM dilakukan dengan cara lain, tunjukkan laporannya."
      : k.respondents === 0
        ? `Belum ada responden SKM pada ${q.year}; ${k.served} warga dilayani, sampel minimum ${k.minimumSample}.`
        : `${k.respondents} responden dari ${k.served} warga dilayani (sampel minimum ${k.minimumSample}, ` +
          `${k.sampleMet ? "tercapai" : "belum tercapai"}); IKM ${nf2.format(k.ikm ?? 0)}, mutu ${k.mutu} (${k.mutuLabel}).`;
    const skm = line(
      "skm",
      `Survei Kepuasan Masyarakat dilaksanakan tahun ${q.year}`,
      office.surveyEnabled && k.respondents > 0 && k.sampleMet,
      skmEvidence,
    );

    const { categories, elsewhere, targetWorkingDays } = office.complaints;
    const saluran = line(
      "pengaduan_saluran",
      "Sarana pengaduan tersedia",
      categories.length > 0,
      `Pengaduan diterima di kios dan halaman /pengaduan dengan nomor pelacakan, ${categories.length} kategori ` +
        `(${categories.map((c) => c.label.id).join(", ")})` +
        (elsewhere.length > 0 ? `; saluran lain: ${elsewhere.map((e) => `${e.name} (${e.contact})`).join(", ")}.` : "."),
    );

    const handled = complaintsOver(rc, filter);
    const t = handled.total;
    const onTime = t.withinTargetPct;
    const waktuAduan = line(
      "pengaduan_waktu",
      `Pengaduan dijawab dalam ${targetWorkingDays} hari kerja`,
      (onTime === null || onTime >= COMPLAINT_ON_TIME_MIN_PCT) && handled.openPastDue === 0,
      `${t.filed} pengaduan diterima, ${t.answered} dijawab; ${onTime === null ? "belum ada yang jatuh tempo" : `${pct(onTime)} dijawab tepat waktu`}` +
        `, ${handled.openPastDue} belum dijawab melewati batas. Terpenuhi bila sedikitnya ${COMPLAINT_ON_TIME_MIN_PCT}% ` +
        "tepat waktu dan tidak ada yang terlambat tanpa jawaban.",
    );

    const kinds = office.about.facilities.map((f) => FACILITY_LABELS[f.kind] ?? f.kind);
    const prio = rc.reports.priorityWaits(filter, "lane").find((w) => w.priority !== null);
    const prioCalled = prio?.judged ?? 0;
    const prioPct = prioCalled === 0 ? null : Math.round(((prio?.met ?? 0) / prioCalled) * 1000) / 10;
    const rentan = line(
      "kelompok_rentan",
      "Pelayanan khusus kelompok rentan",
      kinds.length > 0 && prioPct !== null && prioPct >= COMPLIANCE_THRESHOLDS.good,
      `Fasilitas tercatat: ${kinds.length > 0 ? kinds.join(", ") : "tidak ada"}. ` +
        `${prioCalled} antrean prioritas (lansia, disabilitas, ibu hamil/menyusui) dipanggil` +
        `${prioPct === null ? "" : `, ${pct(prioPct)} dalam target waktu tunggu`}. ` +
        `Terpenuhi bila ada fasilitas, jalur prioritas dipakai dan sedikitnya ${COMPLIANCE_THRESHOLDS.good}% dalam target.`,
    );

    const { total } = rc.reports.summaryWithTotal(filter, "service");
    const sopMet = [total.waitMet.pct, total.serviceMet.pct].every((p) => p !== null && p >= COMPLIANCE_THRESHOLDS.good);
    const sop = line(
      "waktu_sop",
      "Waktu pelayanan sesuai standar (SOP)",
      sopMet,
      total.served === 0 && total.waitMet.judged === 0
        ? `Belum ada antrean yang dilayani pada ${q.year}.`
        : `${pct(total.waitMet.pct)} antrean dipanggil dalam target waktu tunggu dan ${pct(total.serviceMet.pct)} ` +
            `dilayani dalam target waktu layanan (${total.served} warga dilayani). Terpenuhi bila keduanya ` +
            `sedikitnya ${COMPLIANCE_THRESHOLDS.good}%.`,
    );

    const { visi, misi, motto } = office.about;
    const shown = [visi && "visi", misi.length > 0 && `${misi.length} misi`, motto && "motto"].filter(Boolean);
    const visiMisi = line(
      "visi_misi",
      "Visi, misi dan motto pelayanan dipublikasikan",
      Boolean(visi) && misi.length > 0 && Boolean(motto),
      shown.length > 0
        ? `Ditampilkan di layar Informasi Kantor pada kios: ${shown.join(", ")}.`
        : "Visi, misi dan motto belum diisi di office.yaml.",
    );

    const outside = "Dibuktikan di lokasi, di luar Layan.";
    const lines: AssessmentLine[] = [
      komponen,
      maklumat,
      skm,
      saluran,
      waktuAduan,
      rentan,
      sop,
      visiMisi,
      line("seragam", "Seragam dan tanda pengenal (name tag) petugas", "outside", `${outside} Layan tidak melihat petugas.`),
      line(
        "sarana_fisik",
        "Sarana fisik untuk kelompok rentan (ram, ruang laktasi, kursi roda)",
        "outside",
        `${outside} Layan hanya mencatat fasilitas yang dinyatakan di office.yaml.`,
      ),
      line(
        "publikasi",
        "Brosur/leaflet dan publikasi standar pelayanan di SIPP",
        "outside",
        `${outside} Layan menampilkan standar pelayanan di kios, bukan di SIPP Nasional.`,
      ),
    ];

    const score = assessmentScore(lines);
    const zoneLabel = ZONE_LABEL[score.zone].id;
    return {
      year: q.year,
      from,
      to,
      agency: agency ? { id: agency.id, name: agency.name } : null,
      office: { name: office.name, shortName: office.shortName, address: office.address },
      letterhead: { logo: feedback.report.logo, lines: feedback.report.letterhead },
      lines,
      estimate: {
        ...score,
        zoneLabel,
        explanation:
          `Perkiraan mandiri kantor, bukan penilaian Ombudsman RI: bobot indikator terpenuhi ${score.metWeight} dari ` +
          `${score.countedWeight} (${nf2.format(score.score)} dari 100). ${score.outsideLines} indikator yang harus ` +
          `dibuktikan di luar Layan tidak dihitung. Zona merah 0–${nf2.format(ZONE_FLOORS.kuning - 0.01)}, kuning ` +
          `${ZONE_FLOORS.kuning}–${nf2.format(ZONE_FLOORS.hijau - 0.01)}, hijau ${ZONE_FLOORS.hijau}–100.`,
      },
      signing: { place: feedback.report.place, dateLabel: dateLabel(now, tz), signatories: feedback.report.signatories },
      generatedAt: now,
    };
  },
};
