/**
 * Names for the ids in the log: services, agencies and SOP steps from the
 * office's config, counters from the config (or derived for counters that no
 * longer exist there), officers from the users table. The log keeps ids only;
 * reports and CSV files show what people recognise.
 */
import type { HubSetup } from "../setup";
import type { ReportQueries } from "@layan/store";

// Function-typed properties (not methods): callers pass them around as callbacks.
export interface ReportNames {
  service: (id: string) => string;
  agencyOfService: (id: string) => string | null;
  agency: (id: string) => string;
  counter: (id: string | null) => string;
  officer: (id: string | null) => string;
  step: (serviceId: string, stepId: string) => string;
  /** Position of a step in the service's SOP, for ordering; unknown steps last. */
  stepOrder: (serviceId: string, stepId: string) => number;
  agencyMap: () => ReadonlyMap<string, string>;
  refreshPeople: () => void;
}

/** "pencetakan" -> "Pencetakan", "input-data" -> "Input data". */
export function humanize(id: string): string {
  const text = id.replaceAll(/[-_]+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function reportNames(setup: HubSetup, reports: ReportQueries): ReportNames {
  const services = new Map(setup.catalog.services.map((s) => [s.id, s]));
  const agencies = new Map(setup.catalog.agencies.map((a) => [a.id, a]));
  const counters = new Map(setup.rules.counters.map((c) => [c.id, c.name]));
  let people = new Map<string, string>();
  // Ids looked up since the last refresh and still unknown: one refresh per new id, not per row.
  let missing = new Set<string>();
  const refreshPeople = () => {
    people = new Map(reports.people().map((p) => [p.id, p.displayName]));
    missing = new Set();
  };
  refreshPeople();
  return {
    service: (id) => services.get(id)?.name ?? id,
    agencyOfService: (id) =>
      services.get(id)?.agencyId ?? setup.rules.services.find((s) => s.id === id)?.agencyId ?? null,
    agency: (id) => agencies.get(id)?.shortName ?? id,
    counter: (id) => {
      if (id === null) return "";
      const known = counters.get(id);
      if (known) return known;
      // Counters removed from the config (or added by the simulator) keep a readable name.
      const m = /^loket-(\d+)$/.exec(id);
      return m ? `Loket ${m[1]}` : id;
    },
    officer: (id) => {
      if (id === null) return "";
      if (!people.has(id) && !missing.has(id)) {
        refreshPeople();
        if (!people.has(id)) missing.add(id);
      }
      return people.get(id) ?? id;
    },
    step: (_serviceId, stepId) => humanize(stepId),
    stepOrder: (serviceId, stepId) => {
      const i = services.get(serviceId)?.prosedur.findIndex((p) => p.id === stepId) ?? -1;
      return i < 0 ? 1_000 : i;
    },
    agencyMap: () => new Map(setup.rules.services.map((s) => [s.id, s.agencyId])),
    refreshPeople,
  };
}
