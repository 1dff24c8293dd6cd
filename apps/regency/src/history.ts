/**
 * The office's own events back, for a hub whose PC died
 * (`GET /api/v1/ingest/history`, `pnpm hub restore --from-regency`): the
 * central copy doubles as the office's off-site backup. The office is the
 * credential's, as for shipping, so an office reads its own events only.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_HISTORY_PAGE, type HistoryPage } from "@layan/protocol";
import type { Pool } from "./db/pool";
import { IngestRefusal } from "./ingest";

interface Stream {
  stream: number;
  base_seq: number;
  last_seq: number;
  open: boolean;
}

/**
 * The stream that holds `seq` in the open stream's view (the highest whose
 * base is below it, as ingest's hashAt) and the last seq it holds there
 * (up to the next base that takes over, or the open stream's end).
 */
function holder(streams: Stream[], seq: number, end: number): { stream: number; upTo: number } | null {
  const owner = streams.filter((s) => s.base_seq < seq).at(-1);
  if (!owner || seq > end) return null;
  const later = streams.filter((s) => s.stream > owner.stream).map((s) => s.base_seq);
  return { stream: owner.stream, upTo: Math.min(end, owner.last_seq, ...later) };
}

export async function officeHistory(pool: Pool, officeId: string, after: number, limit: number): Promise<HistoryPage> {
  const { rows } = await pool.query<Stream>(
    "SELECT stream, base_seq, last_seq, closed_at IS NULL AS open FROM office_streams WHERE office_id = $1 ORDER BY stream",
    [officeId],
  );
  const open = rows.find((s) => s.open);
  const end = open?.last_seq ?? 0;
  const page: HistoryPage = { office: officeId, stream: open?.stream ?? 1, lastSeq: end, events: [], nextAfter: null };
  const from = holder(rows, after + 1, end);
  if (!from) return page;
  // One stream per page, read by its primary key: the next page starts where the next stream takes over.
  const upTo = Math.min(from.upTo, after + limit);
  const events = await pool.query<{ seq: number; body: HistoryPage["events"][number]["event"]; hash: Buffer }>(
    "SELECT seq, body, hash FROM office_events WHERE office_id = $1 AND stream = $2 AND seq > $3 AND seq <= $4 ORDER BY seq",
    [officeId, from.stream, after, upTo],
  );
  page.events = events.rows.map((e) => ({ seq: e.seq, event: e.body, hash: e.hash.toString("hex") }));
  const last = page.events.at(-1)?.seq ?? after;
  page.nextAfter = last < end ? last : null;
  return page;
}

/** The route; false for any other path. `office` authenticates the request (ingest's credential check). */
export function createHistoryRoute(
  pool: Pool,
  office: (req: IncomingMessage) => Promise<string>,
  send: (res: ServerResponse, status: number, body: unknown) => void,
): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  return async (req, res, url) => {
    if (url.pathname !== "/api/v1/ingest/history" || req.method !== "GET") return false;
    const officeId = await office(req);
    const after = Number(url.searchParams.get("after") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? MAX_HISTORY_PAGE);
    const issues = [
      ...(Number.isSafeInteger(after) && after >= 0 ? [] : [{ path: "after", message: "a whole number from 0" }]),
      ...(Number.isInteger(limit) && limit >= 1 && limit <= MAX_HISTORY_PAGE ? [] : [{ path: "limit", message: `1 to ${MAX_HISTORY_PAGE}` }]),
    ];
    if (issues.length > 0) throw new IngestRefusal("INVALID_PAYLOAD", 400, undefined, issues);
    send(res, 200, { ok: true, data: await officeHistory(pool, officeId, after, limit) });
    return true;
  };
}
