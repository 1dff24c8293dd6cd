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
  return { closedServices: new Map(), closedCounters: new Map(), quotas: new Map(), notices: new Map() };
}

export function applyToday(ops: TodayOperations, event: TodayEvent): void {
  switch (event.type) {
    case "service.suspended":
      ops.closedServices.set(event.serviceId, { serviceDay: event.serviceDay, reason: event.reason, at: event.at });
      return;
    case "service.resumed":
      ops.closedServices.delete(event.serviceId);
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
    closedCounters: new Map(ops.closedCounters),
    quotas: new Map(ops.quotas),
    notices: new Map(ops.notices),
  };
}
