import type { AssessmentLine, ReportMeta } from "@layan/protocol";
import { dateTime, dayLabel } from "../format";
import { navigate, patchParams } from "../route";
import "../styles/assessment.css";
import { Letterhead, Signatures } from "./ComplianceSections";
import { PrintToolbar, type PrintedReportProps } from "./PrintToolbar";
import { LoadState, useLoad } from "./ui";

const nf2 = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const MARK: Record<AssessmentLine["status"], { sign: string; text: string }> = {
  terpenuhi: { sign: "✓", text: "Terpenuhi" },
  belum: { sign: "✗", text: "Belum" },
  di_luar_layan: { sign: "–", text: "Di luar Layan" },
};

/** From the first year with data (or last year) to this year, newest first. */
function years(meta: ReportMeta): number[] {
  const now = Number(meta.today.slice(0, 4));
  const first = Math.min(meta.dataRange ? Number(meta.dataRange.from.slice(0, 4)) : now, now - 1);
  return Array.from({ length: now - first + 1 }, (_, i) => now - i);
}

/**
 * Penilaian Mandiri: the indicators Ombudsman RI assessors check, as a
 * checklist with Layan's evidence, and the office's own zone estimate. Laid
 * out as an A4 document like the monthly report, so "Cetak" gives a signed page.
 */
export function AssessmentView({ api, meta, params, signedBy }: PrintedReportProps) {
  const choices = years(meta);
  const picked = Number(params.get("year"));
  const year = choices.includes(picked) ? picked : choices[0]!;
  const agency = params.get("agency") || null;
  const report = useLoad(
    () => api.get("assessment", { year: String(year), agency }),
    `${year}|${agency ?? ""}`,
  );
  const r = report.data;
  const set = (patch: Record<string, string | null>) => navigate("penilaian", patchParams(params, patch), true);
  const counted = r?.lines.filter((l) => l.status !== "di_luar_layan") ?? [];
  const outside = r?.lines.filter((l) => l.status === "di_luar_layan") ?? [];

  return (
    <div className="view" data-testid="assessment-view">
      <PrintToolbar
        period={{ label: "Tahun", name: "year", value: String(year), choices: choices.map((y) => ({ value: String(y), label: String(y) })) }}
        agency={agency}
        meta={meta}
        allAgencies="Seluruh kantor"
        onChange={set}
      />
      <LoadState state={report} />
      {r && (
        <article className="doc" data-testid="assessment-report">
          <header className="doc__head">
            <Letterhead r={r} />
            <h1 className="doc__title">Penilaian Mandiri Kepatuhan Standar Pelayanan</h1>
            <p className="doc__period">
              Tahun {r.year} ({dayLabel(r.from, "long")} – {dayLabel(r.to, "long")})
              {r.agency && ` · ${r.agency.name}`}
            </p>
          </header>

          <section className={`assess__zone assess__zone--${r.estimate.zone}`} data-testid="assessment-zone">
            <div className="assess__score">
              <span className="assess__score-value">{nf2.format(r.estimate.score)}</span>
              <span className="assess__score-of">dari 100</span>
            </div>
            <div>
              <p className="assess__zone-label">Perkiraan: {r.estimate.zoneLabel}</p>
              <p className="assess__explanation">{r.estimate.explanation}</p>
            </div>
          </section>

          <section className="doc__section">
            <h2>1. Indikator yang dapat dibuktikan dengan Layan</h2>
            <Checklist lines={counted} testId="assessment-lines" />
          </section>
          <section className="doc__section">
            <h2>2. Indikator yang dibuktikan di luar Layan</h2>
            <p>
              Penilai Ombudsman RI juga memeriksa hal berikut di lokasi. Layan tidak dapat melihatnya, sehingga tidak
              dihitung dalam perkiraan di atas; siapkan bukti (foto, dokumen) sendiri.
            </p>
            <Checklist lines={outside} testId="assessment-outside" />
          </section>

          <Signatures r={r} preparedBy={signedBy} testId="assessment-signing" />
          <p className="doc__generated">
            Dibuat oleh Layan pada {dateTime(r.generatedAt, meta.office.timezone)}. Perkiraan ini bukan hasil penilaian
            Ombudsman Republik Indonesia.
          </p>
        </article>
      )}
    </div>
  );
}

function Checklist({ lines, testId }: { lines: AssessmentLine[]; testId: string }) {
  return (
    <table className="doc__table assess__table" data-testid={testId}>
      <thead>
        <tr>
          <th className="assess__mark-col">Status</th>
          <th>Indikator</th>
          <th>Bukti dari Layan</th>
          <th className="num">Bobot</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.key} data-key={l.key} data-status={l.status}>
            <td>
              <span className={`assess__mark assess__mark--${l.status}`}>
                <span aria-hidden="true">{MARK[l.status].sign}</span> {MARK[l.status].text}
              </span>
            </td>
            <td className="assess__label">{l.label}</td>
            <td>{l.evidence}</td>
            <td className="num">{l.weight}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
