import {
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_STATUSES,
  type ComplaintGroupRow,
  type ComplaintStatus,
  type ReportMeta,
  type StaffComplaint,
} from "@layan/protocol";
import { useEffect, useState } from "react";
import type { Api, ApiError } from "../api";
import { workingDays } from "../feedback/format";
import { describeFilters, filterParams, filtersFrom, withFilters, type Filters } from "../filters";
import { count, dateTime, dayLabel } from "../format";
import { navigate, patchParams } from "../route";
import { ComplaintDetail } from "./ComplaintDetail";
import { FilterBar } from "./FilterBar";
import { CsvButton, Kpi, LoadState, num, Panel, PctChip, Segmented, TableHead, useLoad } from "./ui";

type StatusTab = ComplaintStatus | "semua";

/** The complaint desk: the list to work through, one complaint in detail, and the handling report. */
export function ComplaintsView({ api, meta, params }: { api: Api; meta: ReportMeta; params: URLSearchParams }) {
  const tab: StatusTab = (COMPLAINT_STATUSES as readonly string[]).includes(params.get("status") ?? "")
    ? (params.get("status") as ComplaintStatus)
    : "semua";
  const selected = params.get("id");
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  const tz = meta.office.timezone;

  return (
    <div className="view" data-testid="complaints-view">
      <div className="view__head">
        <h1 className="view__title">Pengaduan</h1>
        <p className="view__subtitle">Pengaduan, saran dan masukan warga dari kios dan halaman tiket.</p>
      </div>
      <div className="complaints">
        <ComplaintList
          api={api}
          tab={tab}
          selected={selected}
          version={version}
          timeZone={tz}
          onTab={(t) => navigate("pengaduan", patchParams(params, { status: t === "semua" ? null : t }), true)}
          onPick={(id) => navigate("pengaduan", patchParams(params, { id }), true)}
        />
        {selected ? (
          <ComplaintDetail key={selected} api={api} id={selected} timeZone={tz} version={version} onChanged={refresh} />
        ) : (
          <p className="muted complaint-detail--none">Pilih pengaduan untuk melihat isinya dan menindaklanjuti.</p>
        )}
      </div>
      <ComplaintsReportPanel api={api} meta={meta} params={params} version={version} />
    </div>
  );
}

function ComplaintList({
  api,
  tab,
  selected,
  version,
  timeZone,
  onTab,
  onPick,
}: {
  api: Api;
  tab: StatusTab;
  selected: string | null;
  version: number;
  timeZone: string;
  onTab: (t: StatusTab) => void;
  onPick: (id: string) => void;
}) {
  const status = tab === "semua" ? undefined : [tab];
  const first = useLoad(() => api.complaints.list({ status }), `${tab}|${version}`);
  // Pages fetched with "Muat lagi" after the first; reset whenever the first page is reloaded.
  const [more, setMore] = useState<{ rows: StaffComplaint[]; next: string | null } | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  useEffect(() => {
    setMore(null);
    setMoreError(null);
  }, [first.data]);
  const rows = [...(first.data?.rows ?? []), ...(more?.rows ?? [])];
  const next = more ? more.next : (first.data?.next ?? null);
  const counts = first.data?.counts;
  const all = counts ? COMPLAINT_STATUSES.reduce((n, s) => n + counts[s], 0) : null;

  return (
    <Panel title="Daftar pengaduan" subtitle="Terbaru di atas." testId="complaint-list">
      <Segmented
        label="Status pengaduan"
        options={(["semua", ...COMPLAINT_STATUSES] as const).map((t) => ({
          value: t,
          testId: `complaint-tab-${t}`,
          label: `${t === "semua" ? "Semua" : COMPLAINT_STATUS_LABELS[t].id} (${count(t === "semua" ? all : counts?.[t])})`,
        }))}
        value={tab}
        onPick={onTab}
      />
      <LoadState state={first} empty={first.data?.rows.length === 0} />
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="complaint-table">
            <thead>
              <tr>
                <th>Nomor</th>
                <th>Kategori</th>
                <th>Layanan</th>
                <th>Diterima</th>
                <th>Batas jawaban</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr
                  key={c.id}
                  data-testid={`complaint-row-${c.code}`}
                  className={`table__pick${selected === c.id ? " table__row--on" : ""}`}
                  onClick={() => onPick(c.id)}
                >
                  <td>
                    <button type="button" className="linkish" onClick={() => onPick(c.id)}>
                      {c.code}
                    </button>
                  </td>
                  <td>{c.category.label}</td>
                  <td>{c.serviceName ?? "–"}</td>
                  <td className="num">{dateTime(c.filedAt, timeZone)}</td>
                  <td className="num">{dateTime(c.dueAt, timeZone)}</td>
                  <td>
                    {COMPLAINT_STATUS_LABELS[c.status].id}
                    {c.late && <span className="badge badge--bad">terlambat</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {moreError && (
        <p className="alert alert--error" role="alert">
          {moreError}
        </p>
      )}
      {next && (
        <button
          type="button"
          className="btn btn--small"
          onClick={() => {
            setMoreError(null);
            api.complaints
              .list({ status, cursor: next })
              .then((page) => setMore((m) => ({ rows: [...(m?.rows ?? []), ...page.rows], next: page.next })))
              .catch((e: ApiError) => setMoreError(e.message));
          }}
        >
          Muat lagi
        </button>
      )}
    </Panel>
  );
}

function ComplaintsReportPanel({
  api,
  meta,
  params,
  version,
}: {
  api: Api;
  meta: ReportMeta;
  params: URLSearchParams;
  version: number;
}) {
  const filters = filtersFrom(params, meta);
  const q = filterParams(filters);
  const report = useLoad(() => api.get("complaints", q), `${JSON.stringify(q)}|${version}`);
  const r = report.data;
  const setFilters = (f: Filters) => navigate("pengaduan", withFilters(params, f));
  return (
    <>
      <FilterBar meta={meta} filters={filters} onChange={setFilters} />
      <Panel
        title="Laporan penanganan pengaduan"
        subtitle={`${dayLabel(filters.from)} – ${dayLabel(filters.to)} · ${describeFilters(filters, meta)}`}
        testId="complaints-report"
        actions={<CsvButton api={api} report="complaints" params={q} />}
      >
        <LoadState state={report} />
        {r && (
          <>
            <section className="kpis" aria-label="Ringkasan pengaduan">
              <Kpi label="Diterima" value={count(r.total.filed)} testId="kpi-complaints-filed" />
              <Kpi label="Dijawab" value={count(r.total.answered)} testId="kpi-complaints-answered" />
              <Kpi
                label={`Dijawab ≤ ${r.targetWorkingDays} hari kerja`}
                value={<PctChip value={r.total.withinTargetPct} />}
                hint={`${count(r.total.withinTarget)} dari ${count(r.total.answered)} dijawab`}
                testId="kpi-complaints-within"
              />
              <Kpi
                label="Median waktu jawaban pertama"
                value={workingDays(r.total.medianResponseWorkingDays)}
                testId="kpi-complaints-median"
              />
              <Kpi
                label="Terbuka lewat batas"
                value={count(r.openPastDue)}
                tone={r.openPastDue > 0 ? "bad" : "good"}
                testId="kpi-complaints-pastdue"
              />
            </section>
            <div className="grid-2">
              <GroupTable title="Per kategori" rows={r.byCategory} testId="complaints-by-category" />
              <GroupTable title="Per layanan" rows={r.byService} testId="complaints-by-service" />
            </div>
          </>
        )}
      </Panel>
    </>
  );
}

function GroupTable({ title, rows, testId }: { title: string; rows: ComplaintGroupRow[]; testId: string }) {
  return (
    <div className="table-wrap" data-testid={testId}>
      <h3 className="detail__title">{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">Tidak ada pengaduan pada rentang ini.</p>
      ) : (
        <table className="table">
          <TableHead cols={["Nama", num("Diterima"), num("Dijawab"), num("≤ target"), num("Median")]} />
          <tbody>
            {rows.map((g) => (
              <tr key={g.key}>
                <td>{g.name}</td>
                <td className="num">{count(g.filed)}</td>
                <td className="num">{count(g.answered)}</td>
                <td className="num">
                  <PctChip value={g.withinTargetPct} />
                </td>
                <td className="num">{workingDays(g.medianResponseWorkingDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
