import { storedValue } from "@layan/ui";
import { Printer } from "lucide-react";
import { useState } from "react";
import { componentLabel, dayLong, periodLabel } from "../format";
import { gapsByOffice } from "../gaps";
import { useLang } from "../lang";
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

const FIELDS: readonly (keyof Letterhead)[] = ["kabupaten", "tempat", "jabatan", "nama", "nip"];

/**
 * Laporan cetak: the regency report on A4 (the browser's print dialog saves
 * it as PDF): letterhead, the league table, the standards gaps, a sentence per
 * office, place, date and signature; "Halaman i dari n" on every page
 * (@page in styles.css).
 */
export function PrintReport({ api, range, today, params }: ViewProps) {
  const { lang, t } = useLang();
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
        {FIELDS.map((key) => (
          <label key={key} className="field">
            {t.letterhead[key].label}
            <input name={key} value={head[key]} placeholder={t.letterhead[key].placeholder} onChange={(e) => update(key, e.target.value)} />
          </label>
        ))}
        <button type="button" className="btn btn--primary" onClick={() => window.print()} disabled={loading || error !== null}>
          <Printer aria-hidden="true" /> {t.print}
        </button>
      </div>
      {error && <ErrorBox error={error} />}
      <article className="doc" data-testid="regency-report" aria-busy={loading}>
        <header className="doc__head">
          <p className="doc__gov">{t.reportGov(kabupaten.toUpperCase())}</p>
          <h1>{t.reportTitle}</h1>
          <p>{t.reportPeriod(periodLabel(range.from, range.to, lang))}</p>
          {serviceName && <p data-testid="report-service">{t.reportService(serviceName)}</p>}
        </header>
        <section>
          <h2>{t.reportLeague}</h2>
          <p>{t.reportLeagueLead}</p>
          {league.data && <LeagueTable rows={league.data.rows} byAgency={false} />}
        </section>
        <section>
          <h2>{t.reportGaps}</h2>
          {gaps.data &&
            (withGaps.length === 0 ? (
              <p>{t.reportNoGaps}</p>
            ) : (
              <table className="table doc__table" data-testid="print-gaps">
                <thead>
                  <tr>
                    <th scope="col">{t.gapCols.office}</th>
                    <th scope="col">{t.gapCols.service}</th>
                    <th scope="col">{t.gapCols.missing}</th>
                  </tr>
                </thead>
                <tbody>
                  {withGaps.flatMap((o) =>
                    o.gaps.map((g) => (
                      <tr key={`${o.officeId}/${g.serviceId}`}>
                        <td>{o.officeName}</td>
                        <td>{g.serviceName}</td>
                        <td>{g.missing.map((c) => componentLabel(c, lang)).join(", ")}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            ))}
        </section>
        <section>
          <h2>{t.reportSummaries}</h2>
          {league.data?.rows.map((r) => (
            <p key={r.key ?? ""} className="doc__summary" data-office={r.key ?? ""}>
              <strong>{r.rank}.</strong> {officeSummary(r, lang)}
            </p>
          ))}
        </section>
        <footer className="doc__signing" data-testid="report-signing">
          <p>
            {head.tempat.trim() || "…"}, {dayLong(today, lang)}
          </p>
          <p>{head.jabatan.trim() || "…"}</p>
          <p className="doc__signature-space" aria-hidden="true" />
          <p className="doc__name">{head.nama.trim() || t.signatoryName}</p>
          <p>{t.nip(head.nip.trim() || "…")}</p>
        </footer>
      </article>
    </>
  );
}
