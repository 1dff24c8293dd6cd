import { OUTCOME_LABELS, type LabelledTicket, type TicketLogRow, type TicketLogQuery } from "@layan/protocol";
import type { TicketQuery } from "@layan/store";
import { BOM, csvRow, minutes, type CsvDialect } from "../csv";
import { ReportParamError, reportFilter, type ReportContext, type ReportHandler } from "../context";
import type { ReportNames } from "../names";

/** Rows per page of the streamed CSV: one message from the worker to the hub each. */
const TICKET_CSV_PAGE = 2_000;

/** The ticket log, one row per queue segment, keyset-paged; as CSV, every row, streamed. */
export const tickets: ReportHandler<"tickets"> = {
  json: (rc, q) => {
    let page;
    try {
      page = rc.reports.tickets(ticketQuery(rc, q));
    } catch (err) {
      if (err instanceof RangeError)
        throw new ReportParamError([{ path: "cursor", message: "kursor halaman tidak valid" }]);
      throw err;
    }
    return { rows: page.rows.map((r) => labelTicket(r, rc.names)), nextCursor: page.nextCursor };
  },
  csv: async (rc, q, { res, dialect }) => {
    const query = ticketQuery(rc, q);
    res.writeHead(200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="layan-log-antrean-${query.from}_${query.to}.csv"`,
      "cache-control": "no-store",
    });
    await res.write(BOM + csvRow(TICKET_HEADER, dialect));
    for (const page of rc.reports.iterateTickets(query, TICKET_CSV_PAGE)) {
      if (res.closed) return;
      // Waits for the hub to pass the page on to the socket: a slow client holds the worker's next read, not the hub's memory.
      await res.write(page.map((r) => ticketCsvRow(r, rc.names, rc.clock, dialect)).join(""));
    }
    res.end();
  },
};

function ticketQuery(rc: ReportContext, q: TicketLogQuery): TicketQuery {
  return {
    ...reportFilter(rc, q),
    outcomes: q.outcome,
    missed: q.missed,
    number: q.number,
    sort: q.sort,
    dir: q.dir,
    limit: q.limit,
    cursor: q.cursor,
  };
}

function labelTicket(r: TicketLogRow, names: ReportNames): LabelledTicket {
  return {
    ...r,
    serviceName: names.service(r.serviceId),
    counterName: names.counter(r.counterId),
    officerName: names.officer(r.officerId),
    steps: r.steps.map((s) => ({ ...s, name: names.step(r.serviceId, s.stepId) })),
  };
}

const TICKET_HEADER = [
  "Tanggal",
  "Nomor",
  "Layanan",
  "Prioritas",
  "Loket",
  "Petugas",
  "Masuk antrean",
  "Dipanggil",
  "Mulai dilayani",
  "Selesai",
  "Hasil",
  "Tunggu (menit)",
  "Target tunggu (menit)",
  "Tunggu sesuai target",
  "Layanan (menit)",
  "Target layanan (menit)",
  "Layanan sesuai target",
  "Panggilan ulang",
  "Langkah SOP (menit/target)",
];

export function ticketCsvRow(
  r: TicketLogRow,
  names: ReportNames,
  clock: (at: number | null) => string,
  dialect: CsvDialect,
): string {
  const decimal = (n: number | null) => (n === null ? "" : String(n).replace(".", dialect.decimal));
  return csvRow(
    [
      r.serviceDay,
      r.ticketNumber,
      names.service(r.serviceId),
      r.priority,
      names.counter(r.counterId),
      names.officer(r.officerId),
      clock(r.enqueuedAt),
      clock(r.calledAt),
      clock(r.startedAt),
      clock(r.endedAt),
      OUTCOME_LABELS[r.outcome],
      minutes(r.waitMs),
      minutes(r.waitTargetMs),
      r.waitMet,
      minutes(r.serviceMs),
      minutes(r.serviceTargetMs),
      r.serviceMet,
      r.recalls,
      r.steps
        .map((s) => `${names.step(r.serviceId, s.stepId)} ${decimal(minutes(s.ms))}/${decimal(minutes(s.targetMs))}`)
        .join("; "),
    ],
    dialect,
  );
}
