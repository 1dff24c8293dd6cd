import type { Catalog } from "@layan/protocol";
import type { Screen } from "./screen";

/**
 * The ways through the catalog: an office with one agency skips the agency
 * list, an agency with one service opens it at once, and "Kembali" goes back
 * to the list the citizen came through.
 */
export function catalogNavigation(catalog: Catalog, go: (screen: Screen) => void, reset: () => void) {
  const services = catalog.services;
  // Agencies with nothing to take a number for are not offered at all.
  const agencies = catalog.agencies.filter((a) => services.some((s) => s.agencyId === a.id));
  const servicesOf = (agencyId: string) => services.filter((s) => s.agencyId === agencyId);

  const openAgency = (agencyId: string) => {
    const own = servicesOf(agencyId);
    if (own.length === 1 && own[0]) go({ name: "service", serviceId: own[0].id });
    else go({ name: "services", agencyId });
  };
  const start = () => {
    if (agencies.length === 1 && agencies[0]) openAgency(agencies[0].id);
    else go({ name: "agencies" });
  };
  const popular = (catalog.popular ?? services.map((s) => s.id)).flatMap((id) => services.filter((s) => s.id === id));
  const backFromService = (id: string, back: Screen | undefined) => {
    if (back) return go(back);
    const agencyId = services.find((s) => s.id === id)?.agencyId;
    if (agencyId && servicesOf(agencyId).length > 1) go({ name: "services", agencyId });
    else if (agencies.length > 1) go({ name: "agencies" });
    else reset();
  };

  return { services, agencies, servicesOf, openAgency, start, popular, backFromService };
}

export type CatalogNavigation = ReturnType<typeof catalogNavigation>;
