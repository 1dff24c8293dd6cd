import type { AgencyInfo, ServiceInfo, ServiceStatus } from "@layan/protocol";
import { ChevronRight, Search, Star, Users } from "lucide-react";
import type { CSSProperties } from "react";
import { ConfigIcon } from "../components/Icon";
import { OpenPill } from "../components/LiveFacts";
import { serviceName, type Lang, type Strings } from "../i18n";
import { PageHead } from "../components/PageHead";

/** How many of the most-used services the first screen offers before the agencies. */
const POPULAR_SHOWN = 4;

/**
 * The first screen: search, the services most citizens came for lately, then
 * the agencies as large tiles in the config's order, each in its own colour.
 * A first-time citizen need not know which agency offers what.
 */
export function AgencyPicker({
  agencies,
  services,
  popular,
  statuses,
  t,
  lang,
  onPick,
  onPickService,
  onSearch,
}: {
  agencies: AgencyInfo[];
  services: ServiceInfo[];
  popular: ServiceInfo[];
  statuses: ReadonlyMap<string, ServiceStatus>;
  t: Strings;
  lang: Lang;
  onPick: (agency: AgencyInfo) => void;
  onPickService: (service: ServiceInfo) => void;
  onSearch: () => void;
}) {
  const offered = agencies.filter((a) => services.some((s) => s.agencyId === a.id));
  const top = popular.slice(0, POPULAR_SHOWN);
  return (
    <main className="page picker" data-testid="agencies">
      <PageHead title={t.chooseAgency} hint={t.chooseAgencyHint} />
      <div className="reach-zone">
        <button type="button" className="search-open" onClick={onSearch} data-testid="search-open">
          <Search size={40} aria-hidden="true" />
          <span className="search-open-text">
            <strong>{t.searchTitle}</strong>
            <span>{t.searchExamples}</span>
          </span>
        </button>
        {top.length > 0 ? (
          <section className="popular" aria-labelledby="popular-title" data-testid="popular">
            <h2 id="popular-title" className="section-title">
              <Star size={28} aria-hidden="true" />
              {t.popularTitle}
            </h2>
            <ul className="popular-list">
              {top.map((service) => (
                <li key={service.id}>
                  <button
                    type="button"
                    className="popular-tile"
                    style={
                      { "--accent": agencies.find((a) => a.id === service.agencyId)?.color } as CSSProperties
                    }
                    onClick={() => onPickService(service)}
                    data-popular={service.id}
                  >
                    <span className="tile-icon" aria-hidden="true">
                      <ConfigIcon name={service.icon} size={36} />
                    </span>
                    <span className="popular-name">{serviceName(service, lang)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
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
      </div>
    </main>
  );
}

/** What every list of service tiles is given: the live statuses, the texts, and what a tap does. */
export interface ServiceListProps {
  statuses: ReadonlyMap<string, ServiceStatus>;
  t: Strings;
  lang: Lang;
  onPick: (service: ServiceInfo) => void;
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
} & ServiceListProps) {
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
      <div className="reach-zone">
        <ServiceTiles
          services={services}
          size={services.length > 4 ? "many" : "few"}
          agencyOf={() => undefined}
          statuses={statuses}
          t={t}
          lang={lang}
          onPick={onPick}
        />
      </div>
    </main>
  );
}

/** Services as a list of tiles; `agencyOf` names a tile's agency where the list mixes agencies. */
export function ServiceTiles({
  services,
  size,
  agencyOf,
  statuses,
  t,
  lang,
  onPick,
}: {
  services: readonly ServiceInfo[];
  size: "many" | "few";
  agencyOf: (service: ServiceInfo) => AgencyInfo | undefined;
} & ServiceListProps) {
  return (
    <ul className={`tiles tiles-${size}`}>
      {services.map((service) => (
        <li key={service.id}>
          <ServiceTile
            service={service}
            agency={agencyOf(service)}
            status={statuses.get(service.id)}
            t={t}
            lang={lang}
            onPick={onPick}
          />
        </li>
      ))}
    </ul>
  );
}

/** One service as a tile; `agency` names its agency too (search results mix agencies). */
export function ServiceTile({
  service,
  agency,
  status,
  t,
  lang,
  onPick,
}: {
  service: ServiceInfo;
  agency: AgencyInfo | undefined;
  status: ServiceStatus | undefined;
  t: Strings;
  lang: Lang;
  onPick: (service: ServiceInfo) => void;
}) {
  return (
    <button
      type="button"
      className="tile service-tile"
      style={agency ? ({ "--accent": agency.color } as CSSProperties) : undefined}
      onClick={() => onPick(service)}
      data-service={service.id}
    >
      <span className="tile-icon" aria-hidden="true">
        <ConfigIcon name={service.icon} size={48} />
      </span>
      <span className="tile-text">
        <span className="tile-title">{serviceName(service, lang)}</span>
        {agency ? <span className="tile-sub">{agency.name}</span> : null}
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
  );
}
