import type { SummaryRow } from "@layan/protocol";
import { ChevronLeft } from "lucide-react";
import { currencyText } from "../currency";
import { count, minutes, pct, periodLabel, status } from "../format";
import { useLang } from "../lang";
import { hrefFor } from "../period";
import type { ViewProps } from "./view";
import { TrendChart } from "./TrendChart";
import { CurrencyLine, Section, TableWrap, useLoad } from "./ui";

/** "input-data" -> "Input data": the office dashboard names a step by its id the same way (apps/hub reports/names.ts). */
const stepName = (id: string) => {
  const text = id.replaceAll(/[-_]+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
};

function Figure({ label, value, tone }: { label: string; value: string; tone?: string }) {
  return (
    <div className={`figure${tone ? ` figure--${tone}` : ""}`}>
      <span className="figure__label">{label}</span>
      <strong className="figure__value">{value}</strong>
    </div>
  );
}

function Totals({ total }: { total: SummaryRow }) {
  const { lang, t } = useLang();
  return (
    <div className="figures" data-testid="office-totals">
      <Figure label={t.issued} value={count(total.issued, lang)} />
      <Figure label={t.served} value={count(total.served, lang)} />
      <Figure label={t.waitP50} value={minutes(total.wait.p50Ms, lang)} />
      <Figure label={t.waitPct} value={pct(total.waitMet.pct, lang)} tone={status(total.waitMet.pct).status} />
      <Figure label={t.servicePct} value={pct(total.serviceMet.pct, lang)} tone={status(total.serviceMet.pct).status} />
    </div>
  );
}

/**
 * Kantor: one office for the period, down to a service and its SOP steps
 * (target against what was measured), and its months. An office manager
 * lands here on their own office; another office's id answers the API's
 * refusal, shown as it says it.
 */
export function OfficeView({ api, user, range, params, go, officeId }: ViewProps & { officeId: string }) {
  const { lang, t } = useLang();
  const service = params.get("layanan");
  const key = `${officeId}|${range.from}|${range.to}`;
  const services = useLoad(key, () => api.services(officeId, range));
  // Steps per chosen service: every service's steps at once is a page no one reads on a phone.
  const steps = useLoad(`${key}|${service ?? ""}`, () => (service ? api.steps(officeId, { ...range, service }) : Promise.resolve(null)));
  const trend = useLoad(`${key}|${service ?? ""}`, () => api.trend(officeId, { ...range, service }));
  const names = services.data?.serviceNames ?? {};
  const nameOf = (id: string) => names[id] ?? id;
  const office = services.data?.office;
  const pick = (id: string | null) => go("kantor", officeId, { layanan: id });

  return (
    <>
      {user.role === "regency" && (
        <a className="back no-print" href={hrefFor("peringkat", null, { from: range.from, to: range.to })}>
          <ChevronLeft aria-hidden="true" /> {t.backToLeague}
        </a>
      )}
      <Section id="office-title" title={office ? `${office.name} · ${periodLabel(range.from, range.to, lang)}` : t.officeTab} loaded={services}>
        {services.data && (
          <>
            <p className="lead">{services.data.office.agency}</p>
            <CurrencyLine text={currencyText([services.data.currency], undefined, undefined, lang)} />
            <Totals total={services.data.total} />
            <h3>{t.services}</h3>
            <TableWrap label={t.serviceTable}>
              <table className="table" data-testid="service-table">
                <thead>
                  <tr>
                    <th scope="col">{t.serviceCols.service}</th>
                    <th scope="col">{t.serviceCols.issued}</th>
                    <th scope="col">{t.serviceCols.waitP50}</th>
                    <th scope="col">{t.serviceCols.waitPct}</th>
                    <th scope="col">{t.serviceCols.serviceP50}</th>
                    <th scope="col">{t.serviceCols.servicePct}</th>
                  </tr>
                </thead>
                <tbody>
                  {services.data.services.map((s) => (
                    <tr key={s.key ?? ""} data-service={s.key ?? ""} className={s.key === service ? "row--selected" : undefined}>
                      <td>
                        <button type="button" className="linkish" aria-pressed={s.key === service} onClick={() => pick(s.key === service ? null : s.key)}>
                          {nameOf(s.key ?? "")}
                        </button>
                      </td>
                      <td className="num">
                        {count(s.issued, lang)} / {count(s.served, lang)}
                      </td>
                      <td className="num">{minutes(s.wait.p50Ms, lang)}</td>
                      <td className="num">
                        <span className={`pct pct--${status(s.waitMet.pct).status}`}>{pct(s.waitMet.pct, lang)}</span>
                      </td>
                      <td className="num">{minutes(s.service.p50Ms, lang)}</td>
                      <td className="num">
                        <span className={`pct pct--${status(s.serviceMet.pct).status}`}>{pct(s.serviceMet.pct, lang)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        )}
      </Section>
      {/* Refused (another office, not found): one message, not three. */}
      {!services.error && (
        <>
      {service ? (
      <Section id="steps-title" title={`${t.stepsTitle} · ${nameOf(service)}`} loaded={steps}>
        {steps.data && steps.data.steps.length === 0 && <p className="muted">{t.noSteps}</p>}
        {steps.data && steps.data.steps.length > 0 && (
          <TableWrap label={t.stepTable}>
            <table className="table" data-testid="step-table">
              <thead>
                <tr>
                  <th scope="col">{t.stepCols.step}</th>
                  <th scope="col">{t.stepCols.n}</th>
                  <th scope="col">{t.stepCols.target}</th>
                  <th scope="col">{t.stepCols.avg}</th>
                  <th scope="col">{t.stepCols.p50}</th>
                  <th scope="col">{t.stepCols.met}</th>
                </tr>
              </thead>
              <tbody>
                {[...steps.data.steps]
                  .sort((a, b) => a.serviceId.localeCompare(b.serviceId) || a.avgOrder - b.avgOrder)
                  .map((s) => (
                    <tr key={`${s.serviceId}/${s.stepId}`} data-step={s.stepId}>
                      <td>{stepName(s.stepId)}</td>
                      <td className="num">{count(s.n, lang)}</td>
                      <td className="num">{minutes(s.targetMs, lang)}</td>
                      <td className="num">{minutes(s.avgMs, lang)}</td>
                      <td className="num">{minutes(s.p50Ms, lang)}</td>
                      <td className="num">
                        <span className={`pct pct--${status(s.met.pct).status}`}>{pct(s.met.pct, lang)}</span>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Section>
      ) : (
        <p className="hint">{t.pickService}</p>
      )}
      <Section id="trend-title" title={service ? `${t.trendTitle} · ${nameOf(service)}` : t.trendTitle} loaded={trend}>
        {trend.data && trend.data.months.length > 0 ? <TrendChart months={trend.data.months} /> : <p className="muted">{t.noData}</p>}
      </Section>
        </>
      )}
    </>
  );
}
