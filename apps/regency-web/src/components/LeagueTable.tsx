import type { RegencyLeagueRow } from "@layan/protocol";
import { AlertTriangle, ArrowDown, ArrowUp } from "lucide-react";
import { count, minutes, mutuLabel, pct, status } from "../format";
import { complaintsOnTimePct, flagOf, type Direction, type SortKey } from "../league";

const COLUMNS: { key: SortKey; label: string; title?: string }[] = [
  { key: "rank", label: "Peringkat" },
  { key: "name", label: "Kantor" },
  { key: "issued", label: "Antrean diterbitkan / dilayani" },
  { key: "waitP50", label: "Tunggu median" },
  { key: "waitPct", label: "Tunggu sesuai SOP" },
  { key: "servicePct", label: "Layanan sesuai SOP" },
  { key: "ikm", label: "IKM (mutu)" },
  { key: "complaints", label: "Pengaduan ditanggapi tepat waktu" },
];

function Pct({ value }: { value: number | null }) {
  const s = status(value);
  return (
    <span className={`pct pct--${s.status}`} title={s.label}>
      {pct(value)}
    </span>
  );
}

/**
 * The league table, on screen (sortable, offices opening their drill-down)
 * and on paper (`sort` omitted: the API's ranking, no buttons). The OPD
 * column is dropped when rows are OPDs.
 */
export function LeagueTable({
  rows,
  byAgency,
  sort,
  onSort,
  officeHref,
}: {
  rows: RegencyLeagueRow[];
  byAgency: boolean;
  sort?: { key: SortKey; dir: Direction };
  onSort?: (key: SortKey) => void;
  officeHref?: (id: string) => string;
}) {
  const columns = byAgency ? COLUMNS.map((c) => (c.key === "name" ? { ...c, label: "Perangkat Daerah (OPD)" } : c)) : COLUMNS;
  return (
    <table className="table" data-testid="league-table">
      <thead>
        <tr>
          {columns.map((c) => {
            const active = sort?.key === c.key;
            return (
              <th key={c.key} scope="col" aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}>
                {onSort ? (
                  <button type="button" className="sort" onClick={() => onSort(c.key)}>
                    {c.label}
                    {active && (sort.dir === "asc" ? <ArrowUp aria-hidden="true" /> : <ArrowDown aria-hidden="true" />)}
                  </button>
                ) : (
                  c.label
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const flag = flagOf(r, rows);
          const onTime = complaintsOnTimePct(r);
          return (
            <tr key={r.key ?? ""} className={flag ? "row--flagged" : undefined} data-office={r.key ?? ""}>
              <td className="num" data-col="rank">
                {r.rank}
              </td>
              <td data-col="name">
                {officeHref && !byAgency && r.key ? <a href={officeHref(r.key)}>{r.name}</a> : <strong>{r.name}</strong>}
                {!byAgency && <span className="sub">{r.agency}</span>}
                {byAgency && <span className="sub">{count(r.offices)} kantor</span>}
                {flag && (
                  <span className="flag" data-testid="flag">
                    <AlertTriangle aria-hidden="true" /> Perlu perhatian: {flag}
                  </span>
                )}
              </td>
              <td className="num" data-col="issued">
                {count(r.issued)} / {count(r.served)}
              </td>
              <td className="num" data-col="waitP50">
                {minutes(r.wait.p50Ms)}
              </td>
              <td className="num" data-col="waitPct">
                <Pct value={r.waitMet.pct} />
              </td>
              <td className="num" data-col="servicePct">
                <Pct value={r.serviceMet.pct} />
              </td>
              <td className="num" data-col="ikm">
                {r.ikm?.ikm === null || r.ikm === null ? "–" : `${r.ikm.ikm.toFixed(2).replace(".", ",")} · ${mutuLabel(r.ikm.mutu)}`}
              </td>
              <td className="num" data-col="complaints">
                {r.complaints ? `${count(r.complaints.answeredByDue)} dari ${count(r.complaints.filed)} (${pct(onTime)})` : "–"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
