import { storedValue } from "@layan/ui";
import { Printer } from "lucide-react";
import { useState } from "react";
import { componentLabel, dayLong, periodLabel } from "../format";
import { gapsByOffice } from "../gaps";
import { officeSummary } from "../summary";
import { LeagueTable } from "./LeagueTable";
import type { ViewProps } from "./view";
import { ErrorBox, useLoad } from "./ui";

interface Letterhead {
  kabupaten: string;
  tempat: string;
  jabatan: string;
  nama: string;
  nip: string;
}

const EMPTY: Letterhead = { kabupaten: "", tempat: "", jabatan: "", nama: "", nip: "" };

/** Kept in this browser: the staffer who prints each month types the letterhead once. */
const letterheadStore = storedValue<Letterhead>("layan.regency.letterhead.v1", (raw) =>
  typeof raw === "object" && raw !== null ? { ...EMPTY, ...Object.fromEntries(Object.entries(raw).filter(([k, v]) => k in EMPTY && typeof v === "string")) } : null,
);

const FIELDS: { key: keyof Letterhead; label: string; placeholder: string }[] = [
  { key: "kabupaten", label: "Pemerintah Kabupaten", placeholder: "Contoh" },
  { key: "tempat", label: "Tempat", placeholder: "Kota" },
  { key: "jabatan", label: "Jabatan penanda tangan", placeholder: "Kepala Bagian Organisasi" },
  { key: "nama", label: "Nama penanda tangan", placeholder: "Nama lengkap" },
  { key: "nip", label: "NIP", placeholder: "19xxxxxxxxxxxxxxxx" },
];

/**
 * Laporan cetak: the regency report on A4 (the browser's print dialog saves
 * it as PDF): letterhead, the league table, the standards gaps, a sentence per
 * office, place, date and signature; "Halaman i dari n" on every page
 * (@page in styles.css).
 */
export function PrintReport({ api, range, today, params }: ViewProps) {
  const service = params.get("layanan");
  const [head, setHead] = useState<Letterhead>(() => letterheadStore.load() ?? EMPTY);
  const league = useLoad(`print|${range.from}|${range.to}|${service ?? ""}`, () => api.league({ ...range, by: "office", service }));
  const catalog = useLoad(`print-services|${service ?? ""}`, () => (service ? api.serviceCatalog() : Promise.resolve(null)));
  const serviceName = service ? (catalog.data?.services.find((s) => s.id === service)?.name ?? service) : null;
  const gaps = useLoad("print-gaps", () => api.gaps());
  const update = (key: keyof Letterhead, value: string) => {
    const next = { ...head, [key]: value };
    setHead(next);
    letterheadStore.save(next);
  };
  const loading = league.loading || gaps.loading || catalog.loading;
  const error = league.error ?? gaps.error;
  const kabupaten = head.kabupaten.trim() || "…";
  const names = new Map((league.data?.rows ?? []).map((r) => [r.key ?? "", r.name]));
  const offices = gaps.data ? gapsByOffice(gaps.data, names) : [];
  const withGaps = offices.filter((o) => o.gaps.length > 0);

  return (
    <>
      <div className="toolbar no-print">
        {FIELDS.map((f) => (
          <label key={f.key} className="field">
            {f.label}
            <input name={f.key} value={head[f.key]} placeholder={f.placeholder} onChange={(e) => update(f.key, e.target.value)} />
          </label>
        ))}
        <button type="button" className="btn btn--primary" onClick={() => window.print()} disabled={loading || error !== null}>
          <Printer aria-hidden="true" /> Cetak / simpan PDF
        </button>
      </div>
      {error && <ErrorBox error={error} />}
      <article className="doc" data-testid="regency-report" aria-busy={loading}>
        <header className="doc__head">
          <p className="doc__gov">PEMERINTAH KABUPATEN {kabupaten.toUpperCase()}</p>
          <h1>Laporan Kinerja Pelayanan Publik Perangkat Daerah</h1>
          <p>Periode {periodLabel(range.from, range.to)}</p>
          {serviceName && <p data-testid="report-service">Layanan: {serviceName} (angka peringkat hanya untuk layanan ini)</p>}
        </header>
        <section>
          <h2>1. Peringkat kantor pelayanan</h2>
          <p>
            Setiap kantor dibandingkan menurut persentase warga yang menunggu sesuai Standar Pelayanan (SOP), lalu persentase layanan yang selesai dalam waktu SOP, lalu median waktu tunggu.
            Angka dihitung dari catatan antrean yang dikirim setiap kantor.
          </p>
          {league.data && <LeagueTable rows={league.data.rows} byAgency={false} />}
        </section>
        <section>
          <h2>2. Kelengkapan Standar Pelayanan</h2>
          {gaps.data &&
            (withGaps.length === 0 ? (
              <p>Semua layanan yang dipublikasikan memuat keenam komponen Standar Pelayanan.</p>
            ) : (
              <table className="table doc__table" data-testid="print-gaps">
                <thead>
                  <tr>
                    <th scope="col">Kantor</th>
                    <th scope="col">Layanan</th>
                    <th scope="col">Komponen yang belum dipublikasikan</th>
                  </tr>
                </thead>
                <tbody>
                  {withGaps.flatMap((o) =>
                    o.gaps.map((g) => (
                      <tr key={`${o.officeId}/${g.serviceId}`}>
                        <td>{o.officeName}</td>
                        <td>{g.serviceName}</td>
                        <td>{g.missing.map(componentLabel).join(", ")}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            ))}
        </section>
        <section>
          <h2>3. Ringkasan per kantor</h2>
          {league.data?.rows.map((r) => (
            <p key={r.key ?? ""} className="doc__summary" data-office={r.key ?? ""}>
              <strong>{r.rank}.</strong> {officeSummary(r)}
            </p>
          ))}
        </section>
        <footer className="doc__signing" data-testid="report-signing">
          <p>
            {head.tempat.trim() || "…"}, {dayLong(today)}
          </p>
          <p>{head.jabatan.trim() || "…"}</p>
          <p className="doc__signature-space" aria-hidden="true" />
          <p className="doc__name">{head.nama.trim() || "(nama)"}</p>
          <p>NIP {head.nip.trim() || "…"}</p>
        </footer>
      </article>
    </>
  );
}
