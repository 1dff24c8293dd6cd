import type { AgencyInfo, ServiceInfo, ServiceStatus } from "@layan/protocol";
import { ChevronRight, Users } from "lucide-react";
import type { CSSProperties } from "react";
import { ConfigIcon } from "../components/Icon";
import { OpenPill } from "../components/LiveFacts";
import { serviceName, type Lang, type Strings } from "../i18n";

/** Agencies as large tiles in the config's order, each in its own colour with its icon. */
export function AgencyPicker({
  agencies,
  services,
  statuses,
  t,
  onPick,
}: {
  agencies: AgencyInfo[];
  services: ServiceInfo[];
  statuses: ReadonlyMap<string, ServiceStatus>;
  t: Strings;
  onPick: (agency: AgencyInfo) => void;
}) {
  const offered = agencies.filter((a) => services.some((s) => s.agencyId === a.id));
  return (
    <main className="page picker" data-testid="agencies">
      <div className="page-head">
        <h1 className="page-title">{t.chooseAgency}</h1>
        <p className="page-hint">{t.chooseAgencyHint}</p>
      </div>
      <ul className={`tiles tiles-${offered.length > 4 ? "many" : "few"}`}>
        {offered.map((agency) => {
          const own = services.filter((s) => s.agencyId === agency.id);
          const waiting = own.reduce((sum, s) => sum + (statuses.get(s.id)?.waiting ?? 0), 0);
          return (
            <li key={agency.id}>
              <button
                type="button"
                className="tile agency-tile"
                style={{ "--accent": agency.color } as CSSProperties}
                onClick={() => onPick(agency)}
                data-agency={agency.id}
                data-services={own.map((s) => s.id).join(" ")}
              >
                <span className="tile-icon" aria-hidden="true">
                  <ConfigIcon name={agency.icon} size={48} />
                </span>
                <span className="tile-text">
                  <span className="tile-title">{agency.shortName}</span>
                  <span className="tile-sub">{agency.name}</span>
                  <span className="tile-meta">
                    <span>{t.services(own.length)}</span>
                    <span className="tile-waiting">
                      <Users size={22} aria-hidden="true" />
                      {t.waitingNow(waiting)}
                    </span>
                  </span>
                </span>
                <ChevronRight className="tile-chevron" size={40} aria-hidden="true" />
              </button>
            </li>
          );
        })}
      </ul>
    </main>
  );
}

export function ServicePicker({
  agency,
  services,
  statuses,
  t,
  lang,
  onPick,
}: {
  agency: AgencyInfo;
  services: ServiceInfo[];
  statuses: ReadonlyMap<string, ServiceStatus>;
  t: Strings;
  lang: Lang;
  onPick: (service: ServiceInfo) => void;
}) {
  return (
    <main
      className="page picker"
      data-testid="services"
      style={{ "--accent": agency.color } as CSSProperties}
    >
      <div className="page-head with-icon">
        <span className="head-icon" aria-hidden="true">
          <ConfigIcon name={agency.icon} size={44} />
        </span>
        <div>
          <h1 className="page-title">{agency.name}</h1>
          <p className="page-hint">{t.chooseService}</p>
        </div>
      </div>
      <ul className={`tiles tiles-${services.length > 4 ? "many" : "few"}`}>
        {services.map((service) => {
          const status = statuses.get(service.id);
          return (
            <li key={service.id}>
              <button
                type="button"
                className="tile service-tile"
                onClick={() => onPick(service)}
                data-service={service.id}
              >
                <span className="tile-icon" aria-hidden="true">
                  <ConfigIcon name={service.icon} size={48} />
                </span>
                <span className="tile-text">
                  <span className="tile-title">{serviceName(service, lang)}</span>
                  <span className="tile-meta">
                    <OpenPill status={status} t={t} />
                    {status ? (
                      <span className="tile-waiting">
                        <Users size={22} aria-hidden="true" />
                        {t.waitingNow(status.waiting)}
                      </span>
                    ) : null}
                  </span>
                </span>
                <ChevronRight className="tile-chevron" size={40} aria-hidden="true" />
              </button>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
