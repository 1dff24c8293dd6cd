import "./zod-setup";
import { NOTICE_KINDS, type CounterStatus } from "@layan/core";
import { z } from "zod";

/**
 * Today's service operations over HTTP (/api/admin/operations/…, docs/api.md
 * "Today's operations"): close or reopen a service or a counter for the rest
 * of the service day, today's quota, the running text and announcements. Each
 * is a queue command (packages/core/src/today.ts), so it is in the event log,
 * replayed after a restart and shipped to the regency; the next service day
 * starts from the config again.
 */

/** Admin and supervisor run the day; managers read, officers serve, devices show. */
export function mayOperateToday(actor: string): boolean {
  return actor === "admin" || actor === "supervisor";
}

/** Shown to citizens on the kiosk and to officers: short, in the supervisor's words. */
const reason = z.string().trim().min(3, "Tulis alasannya (min. 3 huruf)").max(160);

/** POST /api/admin/operations/services/<id>/close and /counters/<id>/close */
export const CloseForTodaySchema = z.strictObject({ reason });
export type CloseForTodayRequest = z.output<typeof CloseForTodaySchema>;

/** POST /api/admin/operations/services/<id>/quota. null: no quota for the rest of today. */
export const QuotaTodaySchema = z.strictObject({ quota: z.number().int().min(0).max(100_000).nullable() });
export type QuotaTodayRequest = z.output<typeof QuotaTodaySchema>;

/** POST /api/admin/operations/notice. An empty text takes the notice down. */
export const NoticeSchema = z.strictObject({
  kind: z.enum(NOTICE_KINDS),
  text: z.string().trim().max(300),
});
export type NoticeRequest = z.output<typeof NoticeSchema>;

export interface ClosedToday {
  reason: string;
  at: number;
}

export interface ServiceToday {
  id: string;
  name: string;
  prefix: string;
  /** Within its opening hours now (the config's hours and closed dates). */
  withinHours: boolean;
  /** Closed for the rest of today by a supervisor; null when not. */
  closedToday: ClosedToday | null;
  /** Tickets still waiting: they are served even when the service is closed for new ones. */
  waiting: number;
  /** Counted against the quota today. */
  issued: number;
  /** The quota in force today (null: none). */
  quota: number | null;
  /** The config's quota, what the next day starts from. */
  configQuota: number | null;
  /** Open counters serving it now. */
  openCounters: number;
}

export interface CounterToday {
  id: string;
  name: string;
  number: number;
  status: CounterStatus;
  officerName: string | null;
  /** The number in hand: a counter with a citizen at the desk cannot be closed until the officer finishes. */
  current: string | null;
  closedToday: ClosedToday | null;
}

/** What waiting-room displays show besides calls, for today. */
export interface TodayNotices {
  /** The config's running text with today's appended (one line, as the display scrolls it). */
  runningText: string;
  /** Today's own running text alone, for the form; null when none. */
  runningTextToday: { text: string; at: number } | null;
  /** The last announcement today, shown prominently; null when none. */
  announcement: { text: string; at: number } | null;
}

/** GET /api/admin/operations */
export interface OperationsToday {
  serviceDay: string;
  services: ServiceToday[];
  counters: CounterToday[];
  notices: TodayNotices;
}
