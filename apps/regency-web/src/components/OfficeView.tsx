import type { SummaryRow } from "@layan/protocol";
import { ChevronLeft } from "lucide-react";
import { currencyText } from "../currency";
import { count, minutes, pct, periodLabel, status } from "../format";
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
  return (
    <div className="figures" data-testid="office-totals">
      <Figure label="Antrean diterbitkan" value={count(total.issued)} />
      <Figure label="Dilayani" value={count(total.served)} />
      <Figure label="Tunggu median" value={minutes(total.wait.p50Ms)} />
      <Figure label="Tunggu sesuai SOP" value={pct(total.waitMet.pct)} tone={status(total.waitMet.pct).status} />
      <Figure label="Layanan sesuai SOP" value={pct(total.serviceMet.pct)} tone={status(total.serviceMet.pct).status} />
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
          <ChevronLeft aria-hidden="true" /> Kembali ke peringkat
        </a>
      )}
      <Section id="office-title" title={office ? `${office.name} · ${periodLabel(range.from, range.to)}` : "Kantor"} loaded={services}>
        {services.data && (
          <>
            <p className="lead">{services.data.office.agency}</p>
            <CurrencyLine text={currencyText([services.data.currency])} />
            <Totals total={services.data.total} />
            <h3>Layanan</h3>
            <TableWrap label="Tabel layanan">
              <table className="table" data-testid="service-table">
                <thead>
                  <tr>
                    <th scope="col">Layanan</th>
                    <th scope="col">Diterbitkan / dilayani</th>
                    <th scope="col">Tunggu median</th>
                    <th scope="col">Tunggu sesuai SOP</th>
                    <th scope="col">Layanan median</th>
                    <th scope="col">Layanan sesuai SOP</th>
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
                        {count(s.issued)} / {count(s.served)}
                      </td>
                      <td className="num">{minutes(s.wait.p50Ms)}</td>
                      <td className="num">
                        <span className={`pct pct--${status(s.waitMet.pct).status}`}>{pct(s.waitMet.pct)}</span>
                      </td>
                      <td className="num">{minutes(s.service.p50Ms)}</td>
                      <td className="num">
                        <span className={`pct pct--${status(s.serviceMet.pct).status}`}>{pct(s.serviceMet.pct)}</span>
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
      <Section id="steps-title" title={`Langkah SOP · ${nameOf(service)}`} loaded={steps}>
        {steps.data && steps.data.steps.length === 0 && <p className="muted">Tidak ada langkah SOP yang dicatat petugas pada periode ini.</p>}
        {steps.data && steps.data.steps.length > 0 && (
          <TableWrap label="Tabel langkah SOP">
            <table className="table" data-testid="step-table">
              <thead>
                <tr>
                  <th scope="col">Langkah</th>
                  <th scope="col">Dicatat</th>
                  <th scope="col">Target</th>
                  <th scope="col">Rata-rata</th>
                  <th scope="col">Median</th>
                  <th scope="col">Sesuai target</th>
                </tr>
              </thead>
              <tbody>
                {[...steps.data.steps]
                  .sort((a, b) => a.serviceId.localeCompare(b.serviceId) || a.avgOrder - b.avgOrder)
                  .map((s) => (
                    <tr key={`${s.serviceId}/${s.stepId}`} data-step={s.stepId}>
                      <td>{stepName(s.stepId)}</td>
                      <td className="num">{count(s.n)}</td>
                      <td className="num">{minutes(s.targetMs)}</td>
                      <td className="num">{minutes(s.avgMs)}</td>
                      <td className="num">{minutes(s.p50Ms)}</td>
                      <td className="num">
                        <span className={`pct pct--${status(s.met.pct).status}`}>{pct(s.met.pct)}</span>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Section>
      ) : (
        <p className="hint">Pilih satu layanan di tabel untuk melihat langkah SOP-nya: target dibandingkan dengan waktu yang tercatat.</p>
      )}
      <Section id="trend-title" title={service ? `Tren bulanan · ${nameOf(service)}` : "Tren bulanan"} loaded={trend}>
        {trend.data && trend.data.months.length > 0 ? <TrendChart months={trend.data.months} /> : <p className="muted">Belum ada data.</p>}
      </Section>
        </>
      )}
    </>
  );
}
