import { dayKey, openBookingsOn } from "./booking-state";
import type { QueueCommand } from "./commands";
import { queueError, type QueueError } from "./errors";
import type { QueueEvent } from "./events";
import type { CounterId, ServiceId, ServiceRules } from "./office";
import type { QueueState } from "./state";
import { serviceDayOf } from "./time";
import type { DayClosure, DayNotice, NoticeKind } from "./today-state";

/**
 * The rules and queries of today's service operations (their data and how
 * events change it: today-state.ts).
 */

export type TodayCommand = Extract<
  QueueCommand,
  { type: "suspendService" | "resumeService" | "setQuota" | "suspendCounter" | "resumeCounter" | "setNotice" }
>;

function onDay<T extends { serviceDay: string }>(entry: T | undefined, day: string): T | null {
  return entry && entry.serviceDay === day ? entry : null;
}

const today = (state: QueueState, now: number) => serviceDayOf(now, state.rules.timezone);

/** Why the service is closed for the rest of today, or null when it is not. */
export function serviceClosedToday(state: QueueState, serviceId: ServiceId, now: number): DayClosure | null {
  return onDay(state.today.closedServices.get(serviceId), today(state, now));
}

/**
 * Why a supervisor closed the service for `serviceDay` (still closed when that
 * day ended, or now), or null: what the sweep reads for a booking of that day.
 */
export function serviceClosedOn(state: QueueState, serviceId: ServiceId, serviceDay: string): DayClosure | null {
  return state.today.closedServiceDays.get(dayKey(serviceId, serviceDay)) ?? null;
}

export function counterClosedToday(state: QueueState, counterId: CounterId, now: number): DayClosure | null {
  return onDay(state.today.closedCounters.get(counterId), today(state, now));
}

/** The quota in force today: the supervisor's for today if set, else the config's. */
export function quotaToday(state: QueueState, service: ServiceRules, now: number): number | null {
  const set = onDay(state.today.quotas.get(service.id), today(state, now));
  return set ? set.quota : service.dailyQuota;
}

/**
 * Places of today's quota a walk-in can still take: the quota less the tickets
 * issued and the open bookings of today, which hold theirs until they check in
 * or end (docs/booking.md decision 4). Null without a quota. The walk-in
 * decision and the kiosk's "Kuota habis" read this one count.
 */
export function walkInPlacesLeft(state: QueueState, service: ServiceRules, now: number): number | null {
  const quota = quotaToday(state, service, now);
  if (quota === null) return null;
  const promised = openBookingsOn(state.bookings, service.id, today(state, now));
  return Math.max(0, quota - quotaUsedToday(state, service.id, now) - promised);
}

/** Tickets counted against the service's quota today (print failures gave theirs back). */
export function quotaUsedToday(state: QueueState, serviceId: ServiceId, now: number): number {
  const n = state.numbering.get(serviceId);
  return n && n.serviceDay === today(state, now) ? n.quotaUsed : 0;
}

export function noticeToday(state: QueueState, kind: NoticeKind, now: number): DayNotice | null {
  const n = onDay(state.today.notices.get(kind), today(state, now));
  return n && n.text !== "" ? n : null;
}

type Decision = { ok: true; events: QueueEvent[] } | { ok: false; error: QueueError };
const accept = (...events: QueueEvent[]): Decision => ({ ok: true, events });
const refuse = (code: QueueError["code"], detail: string): Decision => ({ ok: false, error: queueError(code, detail) });

/**
 * The rules of today's operations. Repeating what already holds (closing a
 * closed service with the same reason, reopening an open one) decides no
 * event: a double tap changes nothing.
 */
export function decideToday(state: QueueState, command: TodayCommand, now: number): Decision {
  const serviceDay = today(state, now);
  switch (command.type) {
    case "suspendService": {
      if (!state.services.has(command.serviceId)) return refuse("SERVICE_UNKNOWN", command.serviceId);
      const closed = serviceClosedToday(state, command.serviceId, now);
      if (closed?.reason === command.reason) return accept();
      return accept({ type: "service.suspended", at: now, serviceId: command.serviceId, serviceDay, reason: command.reason });
    }
    case "resumeService": {
      if (!state.services.has(command.serviceId)) return refuse("SERVICE_UNKNOWN", command.serviceId);
      if (!serviceClosedToday(state, command.serviceId, now)) return accept();
      return accept({ type: "service.resumed", at: now, serviceId: command.serviceId, serviceDay });
    }
    case "setQuota": {
      const service = state.services.get(command.serviceId);
      if (!service) return refuse("SERVICE_UNKNOWN", command.serviceId);
      // Refused rather than clamped: a quota below the numbers already in
      // citizens' hands would say "habis" while they are still served, and the
      // supervisor should see the real count before deciding.
      // Today's open bookings are places promised as firmly as numbers handed out.
      const used = quotaUsedToday(state, service.id, now) + openBookingsOn(state.bookings, service.id, serviceDay);
      if (command.quota !== null && command.quota < used) {
        return refuse("QUOTA_BELOW_ISSUED", `${service.id} issued or booked ${used} today, above ${command.quota}`);
      }
      if (quotaToday(state, service, now) === command.quota && onDay(state.today.quotas.get(service.id), serviceDay))
        return accept();
      return accept({ type: "quota.set", at: now, serviceId: service.id, serviceDay, quota: command.quota });
    }
    case "suspendCounter": {
      const counter = state.counters.get(command.counterId);
      if (!counter || !state.counterRules.has(command.counterId)) return refuse("COUNTER_UNKNOWN", command.counterId);
      // The citizen at the desk is served to the end: the officer finishes (or
      // transfers) first, as with the officer's own "Tutup".
      if (counter.currentTicketId !== null) {
        return refuse("COUNTER_BUSY", `${command.counterId} still has a ticket; the officer finishes it first`);
      }
      const closed = counterClosedToday(state, command.counterId, now);
      if (closed?.reason === command.reason && counter.status === "closed") return accept();
      const events: QueueEvent[] = [];
      // The usual close first, so every reader of counter.closed (read models,
      // screens, the regency) sees the counter closed without knowing the new event.
      if (counter.status !== "closed") events.push({ type: "counter.closed", at: now, counterId: command.counterId });
      events.push({ type: "counter.suspended", at: now, counterId: command.counterId, serviceDay, reason: command.reason });
      return accept(...events);
    }
    case "resumeCounter": {
      if (!state.counterRules.has(command.counterId)) return refuse("COUNTER_UNKNOWN", command.counterId);
      if (!counterClosedToday(state, command.counterId, now)) return accept();
      return accept({ type: "counter.resumed", at: now, counterId: command.counterId, serviceDay });
    }
    case "setNotice": {
      const current = noticeToday(state, command.kind, now);
      const same = (current?.text ?? "") === command.text;
      // An announcement repeated is announced again; a running text repeated, or taking down what is not up, changes nothing.
      if (same && (command.kind === "runningText" || command.text === "")) return accept();
      return accept({ type: "notice.set", at: now, kind: command.kind, serviceDay, text: command.text });
    }
  }
}

