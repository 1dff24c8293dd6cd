import { COMPLIANCE_THRESHOLDS } from "@layan/protocol";
import { Download } from "lucide-react";
import { useState } from "react";
import { ApiError } from "../api";
import { currencyText } from "../currency";
import { periodLabel } from "../format";
import { useLang } from "../lang";
import { sortRows, type Direction, type SortKey } from "../league";
import { hrefFor } from "../period";
import { LeagueTable } from "./LeagueTable";
import type { ViewProps } from "./view";
import { CurrencyLine, ErrorBox, Section, TableWrap, useLoad } from "./ui";

/** Peringkat: every office (or OPD) side by side for the period, best first, the worst flagged. */
export function LeagueView({ api, range, params, go }: ViewProps) {
  const { lang, t } = useLang();
  const by = params.get("by") === "agency" ? "agency" : "office";
  const sortKey = (params.get("urut") as SortKey | null) ?? "rank";
  const dir: Direction = params.get("arah") === "desc" ? "desc" : "asc";
  const service = params.get("layanan");
  const league = useLoad(`${range.from}|${range.to}|${by}|${service ?? ""}`, () => api.league({ ...range, by, service }));
  const catalog = useLoad("services", () => api.serviceCatalog());
  const chosen = catalog.data?.services.find((s) => s.id === service);
  const [csvError, setCsvError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const setParam = (patch: Record<string, string | null>) => go("peringkat", null, { urut: params.get("urut"), arah: params.get("arah"), layanan: service, ...patch });
  const onSort = (key: SortKey) => setParam({ urut: key, arah: key === sortKey && dir === "asc" ? "desc" : "asc" });

  const download = () => {
    setCsvError(null);
    api.downloadLeague({ ...range, by, service }).then(setSaved, (err: unknown) => err instanceof ApiError && setCsvError(err));
  };

  return (
    <Section
      id="league-title"
      title={`${t.leagueTitle(by === "office")}${service ? ` · ${chosen?.name ?? service}` : ""} · ${periodLabel(range.from, range.to, lang)}`}
      loaded={league}
      actions={
        <div className="panel__actions">
          <label className="field">
            {t.service}
            <select name="layanan" value={service ?? ""} onChange={(e) => setParam({ layanan: e.target.value || null })}>
              <option value="">{t.allServices}</option>
              {catalog.data?.services.map((s) => (
                // Offices that name the id otherwise: their names in the tooltip, the id matches them all.
                <option key={s.id} value={s.id} title={s.otherNames.length ? t.alsoCalled(s.otherNames.join("; ")) : undefined}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <div className="segmented" role="group" aria-label={t.groupBy}>
            <button type="button" aria-pressed={by === "office"} onClick={() => setParam({ by: null })}>
              {t.byOffice}
            </button>
            <button type="button" aria-pressed={by === "agency"} onClick={() => setParam({ by: "agency" })}>
              {t.byAgency}
            </button>
          </div>
          <button type="button" className="btn" onClick={download}>
            <Download aria-hidden="true" /> {t.downloadCsv}
          </button>
        </div>
      }
    >
      {league.data && <CurrencyLine text={currencyText(league.data.currency, by === "office" ? new Map(league.data.rows.map((r) => [r.key ?? "", r.name])) : undefined, undefined, lang)} />}
      {csvError && <ErrorBox error={csvError} />}
      {saved && (
        <p className="muted" role="status">
          {t.saved} {saved}
        </p>
      )}
      {league.data && league.data.rows.length === 0 ? (
        <p className="muted">{service ? t.noLeagueService : t.noLeague}</p>
      ) : (
        league.data && (
          <TableWrap label={t.leagueTable}>
            <LeagueTable
              rows={sortRows(league.data.rows, sortKey, dir)}
              byAgency={by === "agency"}
              sort={{ key: sortKey, dir }}
              onSort={onSort}
              officeHref={(id) => hrefFor("kantor", id, { from: range.from, to: range.to })}
            />
          </TableWrap>
        )
      )}
      <p className="note">{t.leagueNote(COMPLIANCE_THRESHOLDS.good, COMPLIANCE_THRESHOLDS.warn)}</p>
    </Section>
  );
}
