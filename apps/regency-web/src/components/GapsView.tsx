import { CheckCircle2, CircleAlert } from "lucide-react";
import { componentLabel, count } from "../format";
import { gapsByOffice } from "../gaps";
import { useLang } from "../lang";
import type { ViewProps } from "./view";
import { Section, TableWrap, useLoad } from "./ui";

/** Every service an office published without one of the six components, by office, the components named. */
export function GapsTable({ offices }: { offices: ReturnType<typeof gapsByOffice> }) {
  const { lang, t } = useLang();
  return (
    <table className="table" data-testid="gaps-table">
      <thead>
        <tr>
          <th scope="col">{t.gapCols.office}</th>
          <th scope="col">{t.gapCols.service}</th>
          <th scope="col">{t.gapCols.missing}</th>
        </tr>
      </thead>
      <tbody>
        {offices.flatMap((o) =>
          o.gaps.length === 0
            ? [
                <tr key={o.officeId} data-office={o.officeId}>
                  <td>{o.officeName}</td>
                  <td colSpan={2}>
                    <span className="ok">
                      <CheckCircle2 aria-hidden="true" /> {t.complete(count(o.checked, lang))}
                    </span>
                  </td>
                </tr>,
              ]
            : o.gaps.map((g, i) => (
                <tr key={`${o.officeId}/${g.serviceId}`} data-office={o.officeId} data-service={g.serviceId}>
                  {i === 0 && (
                    <td rowSpan={o.gaps.length}>
                      {o.officeName}
                      <span className="sub">{t.incomplete(count(o.gaps.length, lang), count(o.checked, lang))}</span>
                    </td>
                  )}
                  <td>{g.serviceName}</td>
                  <td>
                    <span className="bad">
                      <CircleAlert aria-hidden="true" /> {g.missing.map((c) => componentLabel(c, lang)).join(", ")}
                    </span>
                  </td>
                </tr>
              )),
        )}
      </tbody>
    </table>
  );
}

/** Kelengkapan Standar: the most common cause of a red rating, office by office. */
export function GapsView({ api, range, today }: ViewProps) {
  const { t } = useLang();
  const gaps = useLoad("gaps", () => api.gaps());
  // Names of the offices with nothing missing come from the league (the gaps name only the offices they list).
  const league = useLoad(`names|${range.from}|${range.to}|${today}`, () => api.league({ ...range, by: "office" }));
  const names = new Map((league.data?.rows ?? []).map((r) => [r.key ?? "", r.name]));
  return (
    <Section id="gaps-title" title={t.gapsTitle} loaded={gaps}>
      <p className="lead">{t.gapsLead}</p>
      {gaps.data && gaps.data.checked.length === 0 ? (
        <p className="muted">{t.noStandards}</p>
      ) : (
        gaps.data && (
          <TableWrap label={t.gapsTable}>
            <GapsTable offices={gapsByOffice(gaps.data, names)} />
          </TableWrap>
        )
      )}
    </Section>
  );
}
