/**
 * What every report is cut by: a range of office-local service days and,
 * optionally, services, counters and officers. An agency filter becomes a
 * service list in the hub (agencies live in the config, not in the log).
 */
import { dayNumber, type Words } from "../read-models";

export interface ReportFilter {
  /** First office-local service day, "YYYY-MM-DD", inclusive. */
  from: string;
  /** Last office-local service day, "YYYY-MM-DD", inclusive. */
  to: string;
  serviceIds?: readonly string[] | null;
  counterIds?: readonly string[] | null;
  officerIds?: readonly string[] | null;
}

export interface SqlWhere {
  sql: string;
  params: (string | number)[];
}

/**
 * The WHERE clause for a table with service_day, service_id, counter_id and
 * officer_id columns (service_log; step_log has the first two). `alias` prefixes
 * the columns. An empty list means "none match", not "no filter". With `words`
 * the ids are matched by their codes and the days by their numbers:
 * service_log and step_log hold those (migrations 0013, 0015), the rollups
 * ids and days as text.
 */
export function whereOf(
  filter: ReportFilter,
  alias = "",
  columns: "segment" | "step" = "segment",
  words: Words | null = null,
): SqlWhere {
  const p = alias ? `${alias}.` : "";
  const parts = [`${p}service_day BETWEEN ? AND ?`];
  const params: (string | number)[] = words
    ? [dayNumber(filter.from), dayNumber(filter.to)]
    : [filter.from, filter.to];
  const list = (column: string, ids: readonly string[] | null | undefined) => {
    if (ids === null || ids === undefined) return;
    if (ids.length === 0) {
      parts.push("0");
      return;
    }
    parts.push(`${p}${column} IN (${ids.map(() => "?").join(", ")})`);
    params.push(...(words ? ids.map((id) => words.code(id)) : ids));
  };
  list("service_id", filter.serviceIds);
  if (columns === "segment") {
    list("counter_id", filter.counterIds);
    list("officer_id", filter.officerIds);
  }
  return { sql: parts.join(" AND "), params };
}

/**
 * A segment's steps (step_log AS t) joined to its service_log row (AS s). The
 * day and service are the same in both rows (the writer copies them from one
 * ticket and measurement); stating them makes the join a seek on step_log's
 * key, which leads with them (migration 0011), instead of a scan.
 */
export const SEGMENT_STEPS = `t.service_day = s.service_day AND t.service_id = s.service_id
  AND t.ticket_seq = s.ticket_seq AND t.segment_index = s.segment_index`;

/** An empty id list matches nothing (forced-index queries must not even be prepared then). */
export function matchesNothing(filter: ReportFilter): boolean {
  return [filter.serviceIds, filter.counterIds, filter.officerIds].some(
    (ids) => ids !== null && ids !== undefined && ids.length === 0,
  );
}

/** Whether the filter narrows by counter or officer (step_log must then join service_log). */
export function narrowsByDesk(filter: ReportFilter): boolean {
  return (
    (filter.counterIds !== null && filter.counterIds !== undefined) ||
    (filter.officerIds !== null && filter.officerIds !== undefined)
  );
}
