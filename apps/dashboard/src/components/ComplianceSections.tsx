/**
 * The parts of the monthly report an Ombudsman assessor looks for beyond the
 * SOP times: letterhead, SKM/IKM, complaint handling, priority waits, the
 * maklumat and the signature blocks. Plain words only: "median", "9 dari 10
 * warga", never percentile jargon.
 */
import { SURVEY_QUESTIONS, type ComplianceReport } from "@layan/protocol";
import { count, minutes, pct } from "../format";

const nf2 = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const days = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });

/** NIP as printed on official documents: "19700101 199503 1 001". */
export function nipLabel(nip: string): string {
  return /^\d{18}$/.test(nip) ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` : nip;
}

/** The letterhead and signature blocks serve every printed report (monthly, self-assessment). */
type Printed = Pick<ComplianceReport, "letterhead" | "office" | "signing">;

export function Letterhead({ r }: { r: Pick<Printed, "letterhead" | "office"> }) {
  const lines = r.letterhead.lines.length > 0 ? r.letterhead.lines : [r.office.name, r.office.address];
  return (
    <div className="doc__letterhead" data-testid="letterhead">
      {r.letterhead.logo && <img className="doc__logo" src={r.letterhead.logo} alt="Logo" />}
      <div className="doc__letterhead-lines">
        {lines.map((line, i) => (
          <div key={i} className={i === 0 ? "doc__letterhead-first" : undefined}>
            {line}
          </div>
        ))}
      </div>
    </div>
  );
}

export function SkmSection({ r, n }: { r: ComplianceReport; n: number }) {
  const k = r.ikm;
  const lowest = new Set(k.lowest);
  return (
    <section className="doc__section" data-testid="report-skm">
      <h2>{n}. Survei Kepuasan Masyarakat (SKM)</h2>
      {k.respondents === 0 ? (
        <p>Belum ada responden survei pada periode ini ({count(k.served)} warga dilayani).</p>
      ) : (
        <>
          <p>
            Indeks Kepuasan Masyarakat (IKM) <strong>{k.ikm === null ? "–" : nf2.format(k.ikm)}</strong>, mutu{" "}
            <strong>
              {k.mutu} ({k.mutuLabel})
            </strong>
            , dari {count(k.respondents)} responden atas {count(k.served)} warga dilayani. Sampel minimum{" "}
            {count(k.minimumSample)} responden: {k.sampleMet ? "terpenuhi" : "belum terpenuhi"}.
          </p>
          <table className="doc__table doc__table--narrow">
            <thead>
              <tr>
                <th>Unsur pelayanan</th>
                <th className="num">Nilai rata-rata (1–4)</th>
                <th className="num">Responden</th>
              </tr>
            </thead>
            <tbody>
              {k.unsur.map((u) => (
                <tr key={u.unsur} className={lowest.has(u.unsur) ? "doc__lowest" : undefined}>
                  <td>
                    {SURVEY_QUESTIONS.find((q) => q.unsur === u.unsur)?.label.id ?? u.unsur}
                    {lowest.has(u.unsur) && " (terendah)"}
                  </td>
                  <td className="num">{u.nrr === null ? "–" : nf2.format(u.nrr)}</td>
                  <td className="num">{count(u.respondents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

export function ComplaintsSection({ r, n }: { r: ComplianceReport; n: number }) {
  const c = r.complaints;
  return (
    <section className="doc__section" data-testid="report-complaints">
      <h2>{n}. Pengaduan</h2>
      <p>
        {count(c.filed)} pengaduan diterima, {count(c.answered)} sudah dijawab;{" "}
        {pct(c.withinTargetPct)} dijawab dalam {c.targetWorkingDays} hari kerja
        {c.medianResponseWorkingDays !== null &&
          ` (median ${days.format(c.medianResponseWorkingDays)} hari kerja sampai jawaban pertama)`}
        . {c.openPastDue > 0 ? `${count(c.openPastDue)} pengaduan belum dijawab melewati batas waktu.` : "Tidak ada pengaduan yang belum dijawab melewati batas waktu."}
      </p>
    </section>
  );
}

export function PriorityWaitsSection({ r, n }: { r: ComplianceReport; n: number }) {
  return (
    <section className="doc__section" data-testid="report-priority">
      <h2>{n}. Pelayanan bagi kelompok rentan (antrean prioritas)</h2>
      <table className="doc__table doc__table--narrow">
        <thead>
          <tr>
            <th>Antrean</th>
            <th className="num">Dipanggil</th>
            <th className="num">Dipanggil dalam target</th>
            <th className="num">Median tunggu</th>
            <th className="num">9 dari 10 warga menunggu paling lama</th>
          </tr>
        </thead>
        <tbody>
          {r.priorityWaits.map((w) => (
            <tr key={w.key} data-priority={w.key}>
              <td>{w.label}</td>
              <td className="num">{count(w.called)}</td>
              <td className="num">{pct(w.withinTargetPct)}</td>
              <td className="num">{minutes(w.medianMs)}</td>
              <td className="num">{minutes(w.p90Ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function MaklumatSection({ r, n }: { r: ComplianceReport; n: number }) {
  return (
    <section className="doc__section doc__maklumat" data-testid="report-maklumat">
      <h2>{n}. Maklumat Pelayanan</h2>
      <blockquote>{r.maklumat.text}</blockquote>
      <p className="doc__maklumat-by">
        {r.maklumat.position} — {r.maklumat.signedBy}
      </p>
    </section>
  );
}

export function Signatures({ r, preparedBy, testId = "report-signing" }: { r: Pick<Printed, "signing">; preparedBy: string; testId?: string }) {
  return (
    <footer className="doc__signing" data-testid={testId}>
      <p className="doc__place">
        {r.signing.place}, {r.signing.dateLabel}
      </p>
      <div className="doc__sign">
        {r.signing.signatories.map((s, i) => (
          <div key={i}>
            <p>{i === 0 ? "Mengetahui," : "Disusun oleh,"}</p>
            <p>{s.title}</p>
            <p className="doc__sign-name">{s.name}</p>
            {s.nip && <p>NIP {nipLabel(s.nip)}</p>}
          </div>
        ))}
        {r.signing.signatories.length === 0 && (
          <div>
            <p>Disusun oleh,</p>
            <p className="doc__sign-name">{preparedBy}</p>
          </div>
        )}
      </div>
    </footer>
  );
}
