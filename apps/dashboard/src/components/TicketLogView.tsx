import { ArrowDown, ArrowUp, ChevronLeft, ChevronRight, Search } from "lucide-react";
import { useEffect, useState } from "react";
import type { Api } from "../api";
import type { LabelledTicket, ReportMeta } from "@layan/protocol";
import { describeFilters, filterParams, filtersFrom, withFilters, type Filters } from "../filters";
import { dayLabel, minutes, OUTCOME_LABELS, PRIORITY_LABELS, timeOfDay } from "../format";
import { navigate, patchParams } from "../route";
import { FilterBar } from "./FilterBar";
import { CsvButton, LoadState, Panel, useLoad } from "./ui";

const PAGE_SIZE = 50;
type Sort = "time" | "wait" | "service";

function Verdict({ met, ms, target }: { met: boolean | null; ms: number | null; target: number | null }) {
  if (ms === null) return <span className="muted">–</span>;
  return (
    <span
      className={`verdict verdict--${met === null ? "none" : met ? "ok" : "miss"}`}
      title={target === null ? undefined : `Target ${minutes(target)}`}
    >
      {minutes(ms)}
      {met === false && <span className="sr-only"> (melewati target)</span>}
    </span>
  );
}

export function TicketLogView({ api, meta, params }: { api: Api; meta: ReportMeta; params: URLSearchParams }) {
  const filters = filtersFrom(params, meta);
  const sort = (["time", "wait", "service"] as const).find((s) => s === params.get("sort")) ?? "time";
  const dir = params.get("dir") === "asc" ? "asc" : "desc";
  const outcome = params.get("outcome") ?? "";
  const missed = params.get("missed") ?? "";
  const number = params.get("number") ?? "";
  const [numberDraft, setNumberDraft] = useState(number);
  useEffect(() => setNumberDraft(number), [number]);
  // Cursors of the pages before this one: "previous" pops, "next" pushes.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const base = { ...filterParams(filters), sort, dir, outcome, missed, number };
  const baseKey = JSON.stringify(base);
  useEffect(() => setCursors([null]), [baseKey]);

  const page = useLoad(
    () => api.get("tickets", { ...base, limit: String(PAGE_SIZE), cursor }),
    `${baseKey}|${cursor ?? ""}`,
  );
  const set = (patch: Record<string, string | null>) => navigate("log", patchParams(params, patch), true);
  const sortBy = (s: Sort) => set({ sort: s, dir: sort === s && dir === "desc" ? "asc" : "desc" });
  const sortHeader = (s: Sort, label: string) => (
    <th className="num" aria-sort={sort === s ? (dir === "desc" ? "descending" : "ascending") : "none"}>
      <button type="button" className="th-sort" onClick={() => sortBy(s)}>
        {label}
        {sort === s && (dir === "desc" ? <ArrowDown aria-hidden="true" /> : <ArrowUp aria-hidden="true" />)}
      </button>
    </th>
  );
  const tz = meta.office.timezone;
  const pageNo = cursors.length;

  return (
    <div className="view">
      <FilterBar
        meta={meta}
        filters={filters}
        onChange={(f: Filters) => navigate("log", withFilters(params, f))}
      />
      <div className="view__head">
        <h1 className="view__title">Log antrean</h1>
        <p className="view__subtitle">
          {dayLabel(filters.from)} – {dayLabel(filters.to)} · {describeFilters(filters, meta)} · satu baris
          per layanan yang dijalani antrean
        </p>
      </div>
      <Panel
        title="Setiap antrean"
        testId="ticket-log"
        busy={page.loading}
        actions={
          <>
            <label className="field field--inline">
              Hasil
              <select
                name="outcome"
                value={outcome}
                onChange={(e) => set({ outcome: e.target.value || null })}
              >
                <option value="">Semua</option>
                {Object.entries(OUTCOME_LABELS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            <label className="field field--inline">
              Target
              <select name="missed" value={missed} onChange={(e) => set({ missed: e.target.value || null })}>
                <option value="">Semua</option>
                <option value="any">Melewati target</option>
                <option value="wait">Tunggu melewati target</option>
                <option value="service">Layanan melewati target</option>
              </select>
            </label>
            <form
              className="search"
              onSubmit={(e) => {
                e.preventDefault();
                set({ number: numberDraft.trim().toUpperCase() || null });
              }}
            >
              <input
                name="number"
                placeholder="Nomor, mis. A-012"
                value={numberDraft}
                onChange={(e) => setNumberDraft(e.target.value)}
                aria-label="Cari nomor antrean"
              />
              <button type="submit" className="btn btn--small" aria-label="Cari">
                <Search aria-hidden="true" />
              </button>
            </form>
            <CsvButton api={api} report="tickets" params={base} label="CSV semua baris" />
          </>
        }
      >
        <LoadState state={page} empty={page.data?.rows.length === 0} />
        {page.data && page.data.rows.length > 0 && (
          <div className="table-wrap">
            <table className="table table--log" data-testid="ticket-table">
              <thead>
                <tr>
                  {sortHeader("time", "Tanggal · selesai")}
                  <th>Nomor</th>
                  <th>Layanan</th>
                  <th>Loket · petugas</th>
                  <th className="num">Masuk</th>
                  <th className="num">Dipanggil</th>
                  {sortHeader("wait", "Tunggu")}
                  {sortHeader("service", "Layanan")}
                  <th>Hasil</th>
                  <th>Langkah SOP</th>
                </tr>
              </thead>
              <tbody>
                {page.data.rows.map((r: LabelledTicket) => (
                  <tr
                    key={`${r.ticketId}:${r.segmentIndex}`}
                    data-number={r.ticketNumber}
                    className={r.waitMet === false || r.serviceMet === false ? "row--miss" : undefined}
                  >
                    <td className="nowrap">
                      {dayLabel(r.serviceDay)} · {timeOfDay(r.endedAt, tz)}
                    </td>
                    <td className="nowrap">
                      <strong>{r.ticketNumber}</strong>
                      {r.priority && (
                        <span className="badge badge--info">{PRIORITY_LABELS[r.priority] ?? r.priority}</span>
                      )}
                      {r.segmentIndex > 0 && <span className="badge">lanjutan</span>}
                    </td>
                    <td>{r.serviceName}</td>
                    <td>
                      {r.counterName || <span className="muted">–</span>}
                      {r.officerName && <div className="table__sub">{r.officerName}</div>}
                    </td>
                    <td className="num">{timeOfDay(r.enqueuedAt, tz)}</td>
                    <td className="num">{timeOfDay(r.calledAt, tz)}</td>
                    <td className="num">
                      <Verdict met={r.waitMet} ms={r.waitMs} target={r.waitTargetMs} />
                    </td>
                    <td className="num">
                      <Verdict met={r.serviceMet} ms={r.serviceMs} target={r.serviceTargetMs} />
                    </td>
                    <td>
                      {OUTCOME_LABELS[r.outcome] ?? r.outcome}
                      {r.recalls > 0 && <div className="table__sub">{r.recalls}× panggil ulang</div>}
                    </td>
                    <td className="steps-cell">
                      {r.steps.length === 0 ? (
                        <span className="muted">–</span>
                      ) : (
                        r.steps.map((s) => (
                          <span
                            key={s.stepId}
                            className={`step-pill${s.met === false ? " step-pill--miss" : ""}`}
                            title={`${s.name}: ${minutes(s.ms)} (target ${minutes(s.targetMs)})`}
                          >
                            {s.name} {minutes(s.ms).replace(" mnt", "")}
                          </span>
                        ))
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="pager no-print">
          <button
            type="button"
            className="btn btn--small"
            disabled={pageNo <= 1}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            <ChevronLeft aria-hidden="true" /> Sebelumnya
          </button>
          <span className="pager__label" data-testid="page-label">
            Halaman {pageNo} · {PAGE_SIZE} baris per halaman
          </span>
          <button
            type="button"
            className="btn btn--small"
            disabled={!page.data?.nextCursor}
            onClick={() => {
              const next = page.data?.nextCursor;
              if (next) setCursors((c) => [...c, next]);
            }}
          >
            Berikutnya <ChevronRight aria-hidden="true" />
          </button>
        </div>
      </Panel>
    </div>
  );
}
