import { serviceDayOf } from "@layan/core";
import { REPORT_ROLES } from "@layan/protocol";
import type { ReportHandler } from "../context";

/** What the dashboard needs to draw its filters: the office, its services and steps, counters, officers. */
export const meta: ReportHandler<"meta"> = {
  json: ({ setup, now, reports, names }) => {
    const configured = setup.rules.counters.map((c) => c.id);
    const counterIds = [...new Set([...configured, ...reports.counterIds()])];
    return {
      office: setup.catalog.office,
      today: serviceDayOf(now(), setup.rules.timezone),
      dataRange: reports.dataRange(),
      agencies: setup.catalog.agencies.map((a) => ({
        id: a.id,
        name: a.name,
        shortName: a.shortName,
        color: a.color,
      })),
      services: setup.catalog.services.map((s) => ({
        id: s.id,
        agencyId: s.agencyId,
        prefix: s.prefix,
        name: s.name,
        targets: s.targets,
        steps: s.prosedur
          .filter((p) => p.timed)
          .map((p) => ({ id: p.id, name: names.step(s.id, p.id), description: p.description, minutes: p.minutes })),
      })),
      counters: counterIds
        .map((id) => ({ id, name: names.counter(id), configured: configured.includes(id) }))
        .sort((a, b) => a.name.localeCompare(b.name, "id", { numeric: true })),
      officers: reports
        .people()
        .filter((p) => p.role !== "manager")
        .map((p) => ({ id: p.id, name: p.displayName })),
      roles: REPORT_ROLES,
    };
  },
};
