/**
 * The booking report's reads (docs/booking.md decision 11), all per
 * (service day, service) and folded into days, services or the whole range
 * in code: a range holds a few thousand such pairs at most, and one fold
 * gives every grouping and the total from the same reads.
 *
 * - Booking outcomes: the `bookings` read model over its day index
 *   (bookings_day_service), one pass over the range's bookings.
 * - Booked tickets and their waits: the checked-in bookings of the range,
 *   each to its ticket (tickets.id) and that ticket's segments in the booked
 *   service (service_log's key leads with ticket_seq): a seek per booking,
 *   never a scan of the log.
 * - Issued tickets: the issued rollup (report_issued).
 * - All waits: the index-only read the summary makes (service_log_times), and
 *   the verdicts from the hourly rollup. Walk-in waits are all waits less the
 *   booked ones, so the two groups add up to the summary's figures exactly.
 */
import type Database from "better-sqlite3";
import type { BookingGroupBy, BookingOutcomes, BookingRow, GroupWait } from "@layan/protocol";
import { compliance, keyString } from "./aggregates";
import { matchesNothing, whereOf, type ReportFilter } from "./filter";
import { percentileOfSorted } from "./percentile";
import { compareIds, dayText, readWords } from "../read-models";

export interface BookingReportQueries {
  /** The groups of `by` in key order and the total of the range. */
  bookingReport(filter: ReportFilter, by: BookingGroupBy): { rows: BookingRow[]; total: BookingRow };
}

/** Outcome counts as SQL, in the read model's words (migration 0020). */
const OUTCOME_SQL = `count(*) AS holds,
  total(confirmed_at IS NOT NULL) AS made,
  total(status = 'checked_in') AS checked_in,
  total(status = 'expired') AS no_show,
  total(status = 'released' AND confirmed_at IS NOT NULL AND release_reason = 'citizen_cancelled') AS by_citizen,
  total(status = 'released' AND confirmed_at IS NOT NULL AND release_reason = 'staff_cancelled') AS by_staff,
  total(status = 'released' AND confirmed_at IS NOT NULL AND release_reason = 'service_closed') AS service_closed,
  total(status = 'confirmed') AS open,
  total(status = 'released' AND confirmed_at IS NULL) AS holds_lapsed,
  total(status = 'held') AS holding`;

interface OutcomeSql {
  day: string;
  service: string;
  holds: number;
  made: number;
  checked_in: number;
  no_show: number;
  by_citizen: number;
  by_staff: number;
  service_closed: number;
  open: number;
  holds_lapsed: number;
  holding: number;
}

/** What one (day, service) pair, or a fold of several, holds before it becomes a row. */
interface Tally {
  issued: number;
  booked: number;
  outcomes: Omit<BookingOutcomes, "noShowPct">;
  /** Every measured wait of the group's segments, and the booked ones among them. */
  allWaits: number[];
  bookedWaits: number[];
  allJudged: number;
  allMet: number;
  bookedJudged: number;
  bookedMet: number;
}

const noOutcomes = (): Tally["outcomes"] => ({
  holds: 0,
  made: 0,
  checkedIn: 0,
  noShow: 0,
  cancelledByCitizen: 0,
  cancelledByStaff: 0,
  serviceClosed: 0,
  open: 0,
  holdsLapsed: 0,
  holding: 0,
});

const emptyTally = (): Tally => ({
  issued: 0,
  booked: 0,
  outcomes: noOutcomes(),
  allWaits: [],
  bookedWaits: [],
  allJudged: 0,
  allMet: 0,
  bookedJudged: 0,
  bookedMet: 0,
});

const share = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

/** A sorted copy of `all` without one occurrence of each value of `remove` (both sorted ascending). */
export function withoutSorted(all: Float64Array, remove: Float64Array): Float64Array {
  const out = new Float64Array(all.length - remove.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < all.length) {
    if (j < remove.length && all[i] === remove[j]) {
      i += 1;
      j += 1;
    } else {
      if (o >= out.length) throw new Error("booked waits are not a part of all waits");
      out[o++] = all[i++]!;
    }
  }
  if (j !== remove.length) throw new Error("booked waits are not a part of all waits");
  return out;
}

function waitOf(sorted: Float64Array, judged: number, met: number): GroupWait {
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    n: sorted.length,
    avgMs: sorted.length === 0 ? null : Math.round(sum / sorted.length),
    p50Ms: percentileOfSorted(sorted, 50),
    p90Ms: percentileOfSorted(sorted, 90),
    met: compliance(judged, met),
  };
}

function rowOf(key: string | null, t: Tally): BookingRow {
  const all = Float64Array.from(t.allWaits).sort();
  const booked = Float64Array.from(t.bookedWaits).sort();
  const o = t.outcomes;
  return {
    key,
    tickets: { issued: t.issued, walkIn: t.issued - t.booked, booked: t.booked, bookedPct: share(t.booked, t.issued) },
    bookings: { ...o, noShowPct: share(o.noShow, o.checkedIn + o.noShow) },
    wait: {
      booked: waitOf(booked, t.bookedJudged, t.bookedMet),
      walkIn: waitOf(withoutSorted(all, booked), t.allJudged - t.bookedJudged, t.allMet - t.bookedMet),
    },
  };
}

function addInto(into: Tally, t: Tally): void {
  into.issued += t.issued;
  into.booked += t.booked;
  for (const k of Object.keys(into.outcomes) as (keyof Tally["outcomes"])[]) into.outcomes[k] += t.outcomes[k];
  for (const v of t.allWaits) into.allWaits.push(v);
  for (const v of t.bookedWaits) into.bookedWaits.push(v);
  into.allJudged += t.allJudged;
  into.allMet += t.allMet;
  into.bookedJudged += t.bookedJudged;
  into.bookedMet += t.bookedMet;
}

export function createBookingReportQueries(db: Database.Database): BookingReportQueries {
  /** The (day, service) pairs of the range with what each holds. */
  const tallies = (filter: ReportFilter): Map<string, { day: string; service: string; t: Tally }> => {
    const pairs = new Map<string, { day: string; service: string; t: Tally }>();
    if (matchesNothing({ ...filter, counterIds: null, officerIds: null })) return pairs;
    const pair = (day: string, service: string): Tally => {
      const id = `${day}\u0000${service}`;
      let p = pairs.get(id);
      if (!p) {
        p = { day, service, t: emptyTally() };
        pairs.set(id, p);
      }
      return p.t;
    };
    // Counters and officers do not cut bookings or tickets (neither has one): the text filter without them.
    const byService: ReportFilter = { from: filter.from, to: filter.to, serviceIds: filter.serviceIds ?? null };
    const text = whereOf(byService, "b", "step");

    for (const r of db
      .prepare<(string | number)[], OutcomeSql>(
        `SELECT b.service_day AS day, b.service_id AS service, ${OUTCOME_SQL}
         FROM bookings AS b WHERE ${text.sql} GROUP BY b.service_day, b.service_id`,
      )
      .all(...text.params)) {
      const o = pair(r.day, r.service).outcomes;
      o.holds += r.holds;
      o.made += r.made;
      o.checkedIn += r.checked_in;
      o.noShow += r.no_show;
      o.cancelledByCitizen += r.by_citizen;
      o.cancelledByStaff += r.by_staff;
      o.serviceClosed += r.service_closed;
      o.open += r.open;
      o.holdsLapsed += r.holds_lapsed;
      o.holding += r.holding;
    }

    // A check-in issues its ticket on the slot's day for the booking's service (decision 8):
    // the booking's day and service are its ticket's. Its booked segments are those in that service.
    for (const r of db
      .prepare<(string | number)[], { day: string; service: string; segments: number; waits: string | null; judged: number; met: number }>(
        `SELECT b.service_day AS day, b.service_id AS service, count(s.segment_index) AS segments,
           group_concat(s.wait_ms) AS waits, count(s.wait_met) AS judged, total(s.wait_met) AS met
         FROM bookings AS b
         JOIN tickets AS t ON t.id = b.ticket_id
         LEFT JOIN service_log AS s ON s.ticket_seq = t.issued_seq AND s.service_id = t.issued_service_id
         WHERE ${text.sql} AND b.status = 'checked_in'
         GROUP BY b.service_day, b.service_id`,
      )
      .all(...text.params)) {
      const t = pair(r.day, r.service);
      if (r.waits !== null) t.bookedWaits.push(...(JSON.parse(`[${r.waits}]`) as number[]));
      t.bookedJudged += r.judged;
      t.bookedMet += r.met;
    }
    // Booked tickets: one per checked-in booking whatever its segments.
    for (const r of db
      .prepare<(string | number)[], { day: string; service: string; n: number }>(
        `SELECT b.service_day AS day, b.service_id AS service, count(*) AS n
         FROM bookings AS b JOIN tickets AS t ON t.id = b.ticket_id
         WHERE ${text.sql} AND b.status = 'checked_in' GROUP BY b.service_day, b.service_id`,
      )
      .all(...text.params))
      pair(r.day, r.service).booked += r.n;

    const rollup = whereOf(byService, "", "step");
    for (const r of db
      .prepare<(string | number)[], { day: string; service: string; n: number }>(
        `SELECT service_day AS day, service_id AS service, sum(issued) AS n FROM report_issued
         WHERE ${rollup.sql} GROUP BY service_day, service_id`,
      )
      .all(...rollup.params))
      pair(r.day, r.service).issued += r.n;

    for (const r of db
      .prepare<(string | number)[], { day: string; service: string; judged: number; met: number }>(
        `SELECT service_day AS day, service_id AS service, sum(wait_judged) AS judged, sum(wait_met) AS met
         FROM report_service_hours WHERE ${rollup.sql} GROUP BY service_day, service_id`,
      )
      .all(...rollup.params)) {
      const t = pair(r.day, r.service);
      t.allJudged += r.judged;
      t.allMet += r.met;
    }

    const words = readWords(db);
    const coded = whereOf(byService, "", "segment", words);
    for (const [day, service, waits] of db
      .prepare<(string | number)[], [number, number, string]>(
        // The summary's read of the times (summary.ts), for the waits alone.
        `SELECT service_day, service_id, group_concat(wait_ms)
         FROM service_log INDEXED BY service_log_times
         WHERE ${coded.sql} AND wait_ms IS NOT NULL GROUP BY service_day, service_id`,
      )
      .raw()
      .all(...coded.params))
      pair(dayText(day), words.word(service)).allWaits.push(...(JSON.parse(`[${waits}]`) as number[]));
    return pairs;
  };

  return {
    bookingReport: (filter, by) => {
      const groups = new Map<string | null, Tally>();
      const total = emptyTally();
      for (const { day, service, t } of tallies(filter).values()) {
        addInto(total, t);
        if (by === "all") continue;
        const key = by === "day" ? day : service;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = emptyTally()));
        addInto(g, t);
      }
      const totalRow = rowOf(null, total);
      if (by === "all") return { rows: [totalRow], total: totalRow };
      const rows = [...groups.entries()]
        .sort(([a], [b]) => compareIds(keyString(a), keyString(b)))
        .map(([key, t]) => rowOf(key, t));
      return { rows, total: totalRow };
    },
  };
}
