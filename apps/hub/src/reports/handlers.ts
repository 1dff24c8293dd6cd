/**
 * One handler per report of the contract, as the report worker runs them. A
 * report the protocol declares and the hub lacks fails the typecheck (`live`
 * is answered on the hub's thread, see routes.ts).
 */
import type { ReportQuery } from "@layan/protocol";
import type { ReportContext, ReportHandler } from "./context";
import type { CsvSink } from "./csv";
import { CSV_DEFAULT, CSV_INDONESIA } from "./csv";
import { assessment } from "./endpoints/assessment";
import { bookings } from "./endpoints/bookings";
import { complaints } from "./endpoints/complaints";
import { compliance } from "./endpoints/compliance";
import { heatmap } from "./endpoints/heatmap";
import { ikm } from "./endpoints/ikm";
import { meta } from "./endpoints/meta";
import { steps } from "./endpoints/steps";
import { summary } from "./endpoints/summary";
import { tickets } from "./endpoints/tickets";
import { trend } from "./endpoints/trend";
import type { WorkerReportName } from "./messages";

const HANDLERS: { [N in WorkerReportName]: ReportHandler<N> } = {
  meta,
  summary,
  trend,
  steps,
  heatmap,
  tickets,
  compliance,
  ikm,
  complaints,
  assessment,
  bookings,
};

/** The JSON answer, or null once the CSV went to `sink`. */
export async function runReport<N extends WorkerReportName>(
  rc: ReportContext,
  name: N,
  query: ReportQuery<N>,
  csv: { dialect: "id" | "default"; sink: CsvSink } | null,
): Promise<unknown> {
  const handler: ReportHandler<N> = HANDLERS[name];
  if (csv && handler.csv) {
    await handler.csv(rc, query, { res: csv.sink, dialect: csv.dialect === "id" ? CSV_INDONESIA : CSV_DEFAULT });
    return null;
  }
  return handler.json(rc, query);
}
