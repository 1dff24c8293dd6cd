import {
  counterClosedToday,
  isOpenAt,
  noticeToday,
  quotaToday,
  quotaUsedToday,
  serviceClosedToday,
  serviceDayOf,
  waitingCount,
  type QueueState,
} from "@layan/core";
import type { OperationsToday, TodayNotices } from "@layan/protocol";

/** The line the displays scroll: the config's running text, then today's. */
export function todayNotices(state: QueueState, now: number, configRunningText: string): TodayNotices {
  const running = noticeToday(state, "runningText", now);
  const announcement = noticeToday(state, "announcement", now);
  return {
    runningText: [configRunningText, running?.text ?? ""].filter((t) => t !== "").join("  •  "),
    runningTextToday: running && { text: running.text, at: running.at },
    announcement: announcement && { text: announcement.text, at: announcement.at },
  };
}

const closure = (c: { reason: string; at: number } | null) => c && { reason: c.reason, at: c.at };

/** What the "Layanan hari ini" tab shows: every service and counter of the office, as the live queue has them now. */
export function operationsToday(
  state: QueueState,
  now: number,
  configRunningText: string,
  officerName: (officerId: string) => string | null,
): OperationsToday {
  const tz = state.rules.timezone;
  return {
    serviceDay: serviceDayOf(now, tz),
    services: state.rules.services.map((s) => ({
      id: s.id,
      name: s.name,
      prefix: s.prefix,
      withinHours: isOpenAt(s.hours, s.closedDates, now, tz),
      closedToday: closure(serviceClosedToday(state, s.id, now)),
      waiting: waitingCount(state, s.id),
      issued: quotaUsedToday(state, s.id, now),
      quota: quotaToday(state, s, now),
      configQuota: s.dailyQuota,
      openCounters: state.rules.counters.filter(
        (c) => c.services.includes(s.id) && state.counters.get(c.id)?.status === "open",
      ).length,
    })),
    counters: state.rules.counters.map((c) => {
      const live = state.counters.get(c.id);
      const current = live?.currentTicketId ? state.tickets.get(live.currentTicketId) : undefined;
      return {
        id: c.id,
        name: c.name,
        number: c.number,
        status: live?.status ?? "closed",
        officerName: live?.officerId ? officerName(live.officerId) : null,
        current: current?.number ?? null,
        closedToday: closure(counterClosedToday(state, c.id, now)),
      };
    }),
    notices: todayNotices(state, now, configRunningText),
  };
}
