import type { Catalog, IssuedTicket } from "@layan/protocol";
import type { ListenScreen } from "./phrases";

/** The App's screen, as far as reading it goes (structural, so flow/screen.ts keeps its own type). */
export type ScreenLike =
  | { name: "agencies" }
  | { name: "services"; agencyId: string }
  | { name: "service"; serviceId: string }
  | { name: "done"; issued: IssuedTicket }
  | { name: string };

/** Screens read from their data; every other screen is read from what it shows (null: see pageFromDom). */
export function listenScreenFor(screen: ScreenLike, catalog: Catalog): ListenScreen | null {
  const services = catalog.services;
  const agencies = catalog.agencies.filter((a) => services.some((s) => s.agencyId === a.id));
  if (screen.name === "agencies") return { kind: "agencies", agencies };
  if (screen.name === "services" && "agencyId" in screen) {
    const agency = agencies.find((a) => a.id === screen.agencyId);
    return agency ? { kind: "services", agency, services: services.filter((s) => s.agencyId === agency.id) } : null;
  }
  if (screen.name === "service" && "serviceId" in screen) {
    const service = services.find((s) => s.id === screen.serviceId);
    return service ? { kind: "service", service, canTake: catalog.kiosk?.canPrint !== false } : null;
  }
  if (screen.name === "done" && "issued" in screen) {
    const issued = screen.issued;
    return { kind: "done", issued, service: services.find((s) => s.id === issued.ticket.serviceId) };
  }
  return null;
}
