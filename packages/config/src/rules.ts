import type { OfficeRules, ServiceRules, WeeklyHours } from "@layan/core";
import type { LayanConfig, ServiceConfig } from "./types";

function copyHours(hours: WeeklyHours): WeeklyHours {
  const out: WeeklyHours = {};
  for (const [day, intervals] of Object.entries(hours) as [
    keyof WeeklyHours,
    WeeklyHours[keyof WeeklyHours],
  ][]) {
    if (intervals && intervals.length > 0) out[day] = intervals.map((i) => ({ ...i }));
  }
  return out;
}

function serviceRules(config: LayanConfig, service: ServiceConfig): ServiceRules {
  // A public holiday closes every service; a service's own dates come on top.
  const closed = new Set([...config.office.closedDates, ...service.closedDates].map((d) => d.date));
  return {
    id: service.id,
    agencyId: service.agency,
    prefix: service.prefix,
    name: service.name.id,
    hours: copyHours(service.hours ?? config.office.hours),
    closedDates: [...closed].sort(),
    dailyQuota: service.dailyQuota ?? null,
    booking: service.booking ? { ...service.booking } : null,
    targets: {
      waitMinutes: service.sop.waitMinutes,
      serviceMinutes: service.sop.serviceMinutes,
      // Only timed steps happen at the counter, where the officer can tick them;
      // the others (taking a number, back-office signing) have no measurable start.
      steps: service.sop.steps.filter((s) => s.timed).map((s) => ({ id: s.id, minutes: s.minutes })),
    },
  };
}

/** The queue core's view of the office. Returns fresh objects: the core may keep them. */
export function toOfficeRules(config: LayanConfig): OfficeRules {
  const { queue } = config.office;
  return {
    timezone: config.office.timezone,
    services: config.services.map((s) => serviceRules(config, s)),
    counters: config.counters.map((c) => ({
      id: c.id,
      name: c.name,
      number: c.number,
      services: [...c.services],
    })),
    priority: { ...queue.priority },
    noShow: { ...queue.noShow },
    estimate: { ...queue.estimate },
    booking: {
      enabled: config.office.booking.enabled,
      holdMinutes: config.office.booking.holdMinutes,
      bookedInARow: config.office.booking.bookedInARow,
    },
  };
}
