import { dayKey } from "./booking-state";
import type { QueueEvent } from "./events";
import type { CounterId, ServiceId } from "./office";

/**
 * Today's service operations: what a supervisor changes for the rest of one
 * service day without touching the config (a service closed because the KTP-el
 * blanks ran out, a counter closed, a quota raised, a running text). Every
 * entry names its service day and counts only on that day, so the next day
 * starts from the config again without a roll-over event, and a replay of the
 * log (which starts at today's first event) builds the same state as the live
 * queue had.
 */

export const NOTICE_KINDS = ["runningText", "announcement"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface DayClosure {
  serviceDay: string;
  /** In the supervisor's words; shown on the kiosk and the dashboard. */
  reason: string;
  at: number;
}

export interface DayQuota {
  serviceDay: string;
  /** null: no quota for the rest of the day. */
  quota: number | null;
  at: number;
}

export interface DayNotice {
  serviceDay: string;
  text: string;
  at: number;
}

export interface TodayOperations {
  closedServices: Map<ServiceId, DayClosure>;
  /**
   * Every closure still standing at the end of its day, by service and day
   * (dayKey, as the bookings' counts): a booking of a closed day first swept the next
   * morning (the hub was off overnight) is released "service_closed", not
   * counted a no-show. Dropped with the day's bookings (pruneServiceClosures).
   */
  closedServiceDays: Map<string, DayClosure>;
  closedCounters: Map<CounterId, DayClosure>;
  quotas: Map<ServiceId, DayQuota>;
  notices: Map<NoticeKind, DayNotice>;
}

export type TodayEvent = Extract<
  QueueEvent,
  { type: "service.suspended" | "service.resumed" | "quota.set" | "counter.suspended" | "counter.resumed" | "notice.set" }
>;

export const TODAY_EVENT_TYPES = [
  "service.suspended",
  "service.resumed",
  "quota.set",
  "counter.suspended",
  "counter.resumed",
  "notice.set",
] as const satisfies readonly TodayEvent["type"][];

export function createTodayOperations(): TodayOperations {
  return {
    closedServices: new Map(),
    closedServiceDays: new Map(),
    closedCounters: new Map(),
    quotas: new Map(),
    notices: new Map(),
  };
}

export function applyToday(ops: TodayOperations, event: TodayEvent): void {
  switch (event.type) {
    case "service.suspended": {
      const closure = { serviceDay: event.serviceDay, reason: event.reason, at: event.at };
      ops.closedServices.set(event.serviceId, closure);
      ops.closedServiceDays.set(dayKey(event.serviceId, event.serviceDay), closure);
      return;
    }
    case "service.resumed":
      ops.closedServices.delete(event.serviceId);
      ops.closedServiceDays.delete(dayKey(event.serviceId, event.serviceDay));
      return;
    case "quota.set":
      ops.quotas.set(event.serviceId, { serviceDay: event.serviceDay, quota: event.quota, at: event.at });
      return;
    case "counter.suspended":
      ops.closedCounters.set(event.counterId, { serviceDay: event.serviceDay, reason: event.reason, at: event.at });
      return;
    case "counter.resumed":
      ops.closedCounters.delete(event.counterId);
      return;
    case "notice.set":
      ops.notices.set(event.kind, { serviceDay: event.serviceDay, text: event.text, at: event.at });
      return;
  }
}

export function cloneToday(ops: TodayOperations): TodayOperations {
  return {
    closedServices: new Map(ops.closedServices),
    closedServiceDays: new Map(ops.closedServiceDays),
    closedCounters: new Map(ops.closedCounters),
    quotas: new Map(ops.quotas),
    notices: new Map(ops.notices),
  };
}

/**
 * Forgets closures of days before `serviceDay` that no open booking of the
 * service still needs (the sweep reads them to release those bookings).
 */
export function pruneServiceClosures(ops: TodayOperations, serviceDay: string, openByDay: ReadonlyMap<string, number>): void {
  for (const [key, closure] of ops.closedServiceDays) {
    if (closure.serviceDay < serviceDay && !openByDay.has(key)) ops.closedServiceDays.delete(key);
  }
}
