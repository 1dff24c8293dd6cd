import type { AgencyInfo, ServiceInfo } from "@layan/protocol";
import { Search } from "lucide-react";
import { Keyboard } from "../components/Keyboard";
import { useMemo } from "react";
import { searchServices } from "../search";
import { ServiceTiles, type ServiceListProps } from "./Pickers";
import { PageHead } from "../components/PageHead";

const MAX_QUERY = 40;

/**
 * Search with the kiosk's own keyboard (a touch kiosk has no other): results
 * update with every key, from the service names and the office's keywords.
 */
export function SearchPage({
  query,
  onQuery,
  services,
  agencies,
  statuses,
  t,
  lang,
  onPick,
}: {
  query: string;
  onQuery: (query: string) => void;
  services: ServiceInfo[];
  agencies: AgencyInfo[];
} & ServiceListProps) {
  const results = useMemo(() => searchServices(services, agencies, query), [services, agencies, query]);
  const type = (text: string) => onQuery((query + text).slice(0, MAX_QUERY));
  return (
    <main className="page search-page" data-testid="search">
      <PageHead title={t.searchTitle} hint={t.searchHint} />
      <div className="reach-zone">
        <div className="search-box">
          <Search size={40} aria-hidden="true" />
          <input
            type="search"
            value={query}
            // The on-screen keyboard below is the keyboard; no system one should cover the results.
            inputMode="none"
            aria-label={t.searchTitle}
            placeholder={t.searchPlaceholder}
            onChange={(e) => onQuery(e.target.value.slice(0, MAX_QUERY))}
            data-testid="search-input"
          />
        </div>
        <section className="search-results" aria-label={t.searchResults} aria-live="polite" tabIndex={0}>
          {query.trim() === "" ? null : results.length === 0 ? (
            <p className="search-empty" data-testid="search-empty">
              {t.searchNothing}
            </p>
          ) : (
            <ServiceTiles
              services={results}
              size="few"
              agencyOf={(service) => agencies.find((a) => a.id === service.agencyId)}
              statuses={statuses}
              t={t}
              lang={lang}
              onPick={onPick}
            />
          )}
        </section>
        <Keyboard
          t={t}
          onKey={type}
          onClear={() => onQuery("")}
          onBackspace={() => onQuery(query.slice(0, -1))}
        />
      </div>
    </main>
  );
}
