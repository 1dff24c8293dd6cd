import type { RegencyLeagueRow } from "@layan/protocol";
import { AlertTriangle, ArrowDown, ArrowUp } from "lucide-react";
import { count, ikmScore, minutes, mutuLabel, pct, status } from "../format";
import { useLang } from "../lang";
import { complaintsOnTimePct, flagOf, type Direction, type SortKey } from "../league";

// "served" sorts, but shares the issued column.
const COLUMNS: readonly Exclude<SortKey, "served">[] = ["rank", "name", "issued", "waitP50", "waitPct", "servicePct", "ikm", "complaints"];

function Pct({ value }: { value: number | null }) {
  const { lang } = useLang();
  const s = status(value, lang);
  return (
    <span className={`pct pct--${s.status}`} title={s.label}>
      {pct(value, lang)}
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
  const { lang, t } = useLang();
  const columns = COLUMNS.map((key) => ({ key, label: key === "name" && byAgency ? t.columns.agency : t.columns[key] }));
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
          const flag = flagOf(r, rows, lang);
          const onTime = complaintsOnTimePct(r);
          return (
            <tr key={r.key ?? ""} className={flag ? "row--flagged" : undefined} data-office={r.key ?? ""}>
              <td className="num" data-col="rank">
                {r.rank}
              </td>
              <td data-col="name">
                {officeHref && !byAgency && r.key ? <a href={officeHref(r.key)}>{r.name}</a> : <strong>{r.name}</strong>}
                {!byAgency && <span className="sub">{r.agency}</span>}
                {byAgency && <span className="sub">{t.offices(count(r.offices, lang))}</span>}
                {flag && (
                  <span className="flag" data-testid="flag">
                    <AlertTriangle aria-hidden="true" /> {t.needsAttention} {flag}
                  </span>
                )}
              </td>
              <td className="num" data-col="issued">
                {count(r.issued, lang)} / {count(r.served, lang)}
              </td>
              <td className="num" data-col="waitP50">
                {minutes(r.wait.p50Ms, lang)}
              </td>
              <td className="num" data-col="waitPct">
                <Pct value={r.waitMet.pct} />
              </td>
              <td className="num" data-col="servicePct">
                <Pct value={r.serviceMet.pct} />
              </td>
              <td className="num" data-col="ikm">
                {r.ikm?.ikm === null || r.ikm === null ? "–" : `${ikmScore(r.ikm.ikm, lang)} · ${mutuLabel(r.ikm.mutu, lang)}`}
              </td>
              <td className="num" data-col="complaints">
                {r.complaints ? `${t.outOf(count(r.complaints.answeredByDue, lang), count(r.complaints.filed, lang))} (${pct(onTime, lang)})` : "–"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
