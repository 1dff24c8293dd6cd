import type { ComplianceStatus, ReportMeta } from "@layan/protocol";
import { count, dateTime, dayLabel, minutes, monthLabel, pct, previousMonth } from "../format";
import { navigate, patchParams } from "../route";
import { PrintToolbar, type PrintedReportProps } from "./PrintToolbar";
import { CsvButton, LoadState, useLoad } from "./ui";
import {
  ComplaintsSection,
  Letterhead,
  MaklumatSection,
  PriorityWaitsSection,
  Signatures,
  SkmSection,
} from "./ComplianceSections";

export const STATUS_LABELS: Record<ComplianceStatus, string> = {
  memenuhi: "Memenuhi",
  perhatian: "Perlu perhatian",
  tidak_memenuhi: "Tidak memenuhi",
  tanpa_data: "Tanpa data",
};

const STATUS_TONE: Record<ComplianceStatus, string> = {
  memenuhi: "good",
  perhatian: "warn",
  tidak_memenuhi: "bad",
  tanpa_data: "none",
};

function Status({ status }: { status: ComplianceStatus }) {
  return <span className={`status status--${STATUS_TONE[status]}`}>{STATUS_LABELS[status]}</span>;
}

/** Months the data covers, newest first (at most two years), and the one shown. */
function months(meta: ReportMeta, shown: string): string[] {
  const last = meta.today.slice(0, 7);
  const first = (meta.dataRange?.from ?? meta.today).slice(0, 7);
  const out: string[] = [];
  for (let m = last; m >= first && out.length < 24; m = previousMonth(`${m}-01`)) out.push(m);
  if (!out.includes(shown)) out.push(shown);
  return out.sort().reverse();
}

/** Last month, the usual report; this month when the log starts within it. */
function defaultMonth(meta: ReportMeta): string {
  const last = previousMonth(meta.today);
  const first = meta.dataRange?.from.slice(0, 7);
  return first !== undefined && first > last ? meta.today.slice(0, 7) : last;
}

/**
 * The monthly compliance report in Indonesian, laid out as an A4 document:
 * the browser's print dialog saves it as a PDF ("Simpan sebagai PDF") with the
 * navigation hidden, tables kept whole across pages, and a signature block.
 */
export function ComplianceView({ api, meta, params, signedBy }: PrintedReportProps) {
  const month = /^\d{4}-\d{2}$/.test(params.get("month") ?? "")
    ? (params.get("month") as string)
    : defaultMonth(meta);
  const agency = params.get("agency") || null;
  const annex = params.get("annex") === "1";
  const report = useLoad(
    () => api.get("compliance", { month, agency, annex: annex ? "1" : null }),
    `${month}|${agency ?? ""}|${annex}`,
  );
  const r = report.data;
  const set = (patch: Record<string, string | null>) => navigate("kepatuhan", patchParams(params, patch), true);
  const withData = r?.services.filter((s) => s.status !== "tanpa_data") ?? [];

  return (
    <div className="view">
      <PrintToolbar
        period={{ label: "Bulan", name: "month", value: month, choices: months(meta, month).map((m) => ({ value: m, label: monthLabel(m) })) }}
        agency={agency}
        meta={meta}
        allAgencies="Semua instansi"
        onChange={set}
        options={
          <label className="field field--inline field--check">
            <input
              type="checkbox"
              name="annex"
              checked={annex}
              onChange={(e) => set({ annex: e.target.checked ? "1" : null })}
            />
            Lampiran internal (menyebut loket dan petugas)
          </label>
        }
        actions={<CsvButton api={api} report="compliance" params={{ month, agency, annex: annex ? "1" : null }} />}
      />
      <LoadState state={report} />
      {r && (
        <article className="doc" data-testid="compliance-report">
          <header className="doc__head">
            <Letterhead r={r} />
            <h1 className="doc__title">Laporan Kepatuhan Standar Pelayanan</h1>
            <p className="doc__period">
              Periode {r.monthLabel} ({dayLabel(r.from, "long")} – {dayLabel(r.to, "long")})
              {agency && ` · ${meta.agencies.find((a) => a.id === agency)?.name ?? agency}`}
            </p>
            {r.annex && <p className="doc__annex">Lampiran internal: tidak untuk dipublikasikan</p>}
          </header>

          <section className="doc__section">
            <h2>1. Ringkasan</h2>
            <p data-testid="compliance-summary">
              Pada {r.monthLabel} tercatat {count(r.overall.issued)} nomor antrean diterbitkan dan{" "}
              {count(r.overall.served)} dilayani. Secara keseluruhan {pct(r.overall.waitMet.pct)} antrean
              dipanggil dalam target waktu tunggu dan {pct(r.overall.serviceMet.pct)} dilayani dalam target
              waktu layanan. Median waktu tunggu {minutes(r.overall.wait.p50Ms)}; 9 dari 10 warga menunggu
              paling lama {minutes(r.overall.wait.p90Ms)}. Median waktu layanan{" "}
              {minutes(r.overall.service.p50Ms)}; 9 dari 10 warga selesai dilayani dalam{" "}
              {minutes(r.overall.service.p90Ms)}.
            </p>
            {r.missed.length > 0 ? (
              <>
                <p>
                  <strong>
                    {r.missed.length} dari {withData.length} layanan belum memenuhi target waktu
                  </strong>{" "}
                  (terburuk lebih dulu):
                </p>
                <ul className="doc__missed" data-testid="compliance-missed">
                  {r.missed.map((m) => (
                    <li key={m.serviceId}>
                      {m.name} — tunggu dalam target {pct(m.waitPct)}, layanan dalam target{" "}
                      {pct(m.servicePct)} <Status status={m.status} />
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              withData.length > 0 && <p>Semua layanan memenuhi target waktu pada periode ini.</p>
            )}
          </section>

          <section className="doc__section">
            <h2>2. Capaian per layanan</h2>
            <table className="doc__table" data-testid="compliance-table">
              <colgroup>
                {[4, 20, 10, 8, 8, 9, 8, 9, 12, 12].map((w, i) => (
                  <col key={i} style={{ width: `${w}%` }} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  <th>No</th>
                  <th>Layanan</th>
                  <th className="num">Diterbitkan</th>
                  <th className="num">Dilayani</th>
                  <th className="num">Target tunggu</th>
                  <th className="num">Tunggu ≤ target</th>
                  <th className="num">Target layanan</th>
                  <th className="num">Layanan ≤ target</th>
                  <th>Status</th>
                  <th>Jam terlemah</th>
                </tr>
              </thead>
              <tbody>
                {r.services.map((s, i) => (
                  <tr key={s.serviceId} data-service={s.serviceId}>
                    <td>{i + 1}</td>
                    <td>
                      {s.name}
                      <div className="table__sub">{s.agencyName}</div>
                    </td>
                    <td className="num">{count(s.summary.issued)}</td>
                    <td className="num">{count(s.summary.served)}</td>
                    <td className="num">
                      {s.waitTargetMinutes === null ? "–" : `${s.waitTargetMinutes} mnt`}
                    </td>
                    <td className="num">{pct(s.summary.waitMet.pct)}</td>
                    <td className="num">
                      {s.serviceTargetMinutes === null ? "–" : `${s.serviceTargetMinutes} mnt`}
                    </td>
                    <td className="num">{pct(s.summary.serviceMet.pct)}</td>
                    <td>
                      <Status status={s.status} />
                    </td>
                    <td>
                      {s.worstHours.length > 0 ? (
                        <ul className="hours">
                          {s.worstHours.map((h) => (
                            <li key={h.hour}>
                              {h.label.replaceAll(".00", "")} · {pct(h.pct)}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        "–"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <PriorityWaitsSection r={r} n={3} />
          <SkmSection r={r} n={4} />
          <ComplaintsSection r={r} n={5} />

          <section className="doc__section">
            <h2>6. Catatan per layanan</h2>
            {withData.map((s) => (
              <div key={s.serviceId} className="doc__service" data-testid={`notes-${s.serviceId}`}>
                <h3>
                  {s.name} <Status status={s.status} />
                </h3>
                <ul>
                  {s.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </div>
            ))}
            {withData.length === 0 && <p>Tidak ada antrean pada periode ini.</p>}
          </section>

          <MaklumatSection r={r} n={7} />

          <section className="doc__section doc__section--small">
            <h2>8. Keterangan</h2>
            <ul>
              <li>
                Waktu tunggu: dari pengambilan nomor (atau pengalihan) sampai panggilan pertama. Waktu
                layanan: dari mulai dilayani (atau panggilan, bila petugas tidak menekan “mulai”) sampai
                selesai. Target menurut Standar Pelayanan yang berlaku saat antrean dilayani.
              </li>
              <li>
                Status: <em>Memenuhi</em> bila ≥ {r.thresholds.good}% antrean dalam target,{" "}
                <em>Perlu perhatian</em> {r.thresholds.warn}–{r.thresholds.good}%, <em>Tidak memenuhi</em> di
                bawah {r.thresholds.warn}%; status layanan mengikuti yang terendah dari tunggu dan layanan.
              </li>
              <li>
                Median: separuh warga menunggu (atau dilayani) paling lama selama itu. “9 dari 10 warga”: 90%
                warga paling lama selama itu. Keduanya waktu yang benar-benar dialami warga. Antrean yang
                dibatalkan tidak diukur.
              </li>
              <li>
                IKM menurut PermenPANRB 14/2017: nilai rata-rata tiap unsur (1–4) × 1/9, dijumlah, × 25.
                Sampel minimum menurut tabel Krejcie–Morgan untuk jumlah warga dilayani.
              </li>
              <li>
                Langkah SOP “paling lambat”: langkah dengan jumlah waktu terbanyak di atas targetnya, dari
                langkah yang dicentang petugas.
              </li>
              <li>
                Kepatuhan langkah SOP dihitung hanya dari langkah yang dicentang. Tiket yang dilayani tanpa
                satu pun langkah SOP tercatat disebut terpisah (“tiket tanpa langkah SOP tercatat”) dan tidak
                dihitung sesuai target.
              </li>
            </ul>
          </section>

          <Signatures r={r} preparedBy={signedBy} />
          <p className="doc__generated">
            Dibuat oleh Layan pada {dateTime(r.generatedAt, meta.office.timezone)} dari log antrean.
          </p>
        </article>
      )}
    </div>
  );
}
