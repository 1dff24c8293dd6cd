import { useState } from "react";
import type { Api } from "../api";
import { COMPLIANCE_THRESHOLDS, type Compliance, type GroupBy, type ReportMeta, type TimeStats } from "@layan/protocol";
import { Heatmap, HEAT_METRIC_LABELS, type HeatMetric } from "../charts/Heatmap";
import { StepChart } from "../charts/StepChart";
import { TrendChart } from "../charts/TrendChart";
import { describeFilters, filterParams, filtersFrom, withFilters, type Filters } from "../filters";
import { count, dayLabel, minutes, pct, tone } from "../format";
import { navigate } from "../route";
import { BookingReportPanel } from "./BookingReportPanel";
import { FilterBar } from "./FilterBar";
import { SummaryTable } from "./SummaryTable";
import { BreakdownPanel, CsvButton, Kpi, LoadState, Panel, useLoad } from "./ui";

/** Thresholds of the compliance report (docs/api.md): shown the same way everywhere. */

const GROUPS: { value: GroupBy; label: string }[] = [
  { value: "service", label: "Layanan" },
  { value: "agency", label: "Instansi" },
  { value: "counter", label: "Loket" },
  { value: "officer", label: "Petugas" },
  { value: "hour", label: "Jam" },
  { value: "weekday", label: "Hari" },
];

export function ReportsView({ api, meta, params }: { api: Api; meta: ReportMeta; params: URLSearchParams }) {
  const filters = filtersFrom(params, meta);
  const by: GroupBy = GROUPS.find((g) => g.value === params.get("by"))?.value ?? "service";
  const q = filterParams(filters);
  const key = JSON.stringify(q);
  const setFilters = (f: Filters) => navigate("laporan", withFilters(params, f));
  const [metric, setMetric] = useState<HeatMetric>("wait");

  const total = useLoad(() => api.get("summary", { ...q, by: "all" }), key);
  const breakdown = useLoad(
    () => api.get("summary", { ...q, by }),
    `${key}|${by}`,
  );
  const trend = useLoad(() => api.get("trend", q), key);
  const heat = useLoad(() => api.get("heatmap", q), key);
  const steps = useLoad(() => api.get("steps", q), key);

  const all = total.data?.rows[0];
  const title = `${dayLabel(filters.from)} – ${dayLabel(filters.to)}`;

  return (
    <div className="view">
      <FilterBar meta={meta} filters={filters} onChange={setFilters} />
      <div className="view__head">
        <h1 className="view__title">Laporan pelayanan</h1>
        <p className="view__subtitle" data-testid="report-scope">
          {title} · {describeFilters(filters, meta)}
        </p>
      </div>

      <section className="kpis" aria-label="Ringkasan" data-testid="kpis">
        <Kpi
          label="Diterbitkan"
          value={count(all?.issued)}
          hint={all ? `${count(all.segments)} segmen antrean` : undefined}
          testId="kpi-issued"
        />
        <Kpi
          label="Dilayani"
          value={count(all?.served)}
          hint={all ? `${count(all.outcomes.transferred)} dialihkan` : undefined}
          testId="kpi-served"
        />
        <Kpi label="Tidak hadir" value={count(all?.outcomes.no_show)} testId="kpi-noshow" />
        <Kpi label="Dibatalkan" value={count(all?.outcomes.cancelled)} testId="kpi-cancelled" />
        <TimeKpis label="Waktu tunggu" metLabel="Tunggu ≤ target" stats={all?.wait} met={all?.waitMet} testId="kpi-wait" />
        <TimeKpis
          label="Waktu layanan"
          metLabel="Layanan ≤ target"
          stats={all?.service}
          met={all?.serviceMet}
          testId="kpi-service"
        />
      </section>
      <LoadState state={total} />

      <BreakdownPanel view="laporan" params={params} groups={GROUPS} by={by}
        csv={<CsvButton api={api} report="summary" params={{ ...q, by }} />}
        subtitle="Klik judul kolom untuk mengurutkan. Persentase: antrean yang dipanggil (tunggu) atau dilayani (layanan) dalam target SOP."
        testId="breakdown"
      >
        <LoadState state={breakdown} empty={breakdown.data?.rows.length === 0} />
        {breakdown.data && breakdown.data.rows.length > 0 && (
          <SummaryTable
            rows={breakdown.data.rows}
            showTargets={by === "service"}
            onPick={
              by === "service" || by === "agency" || by === "counter" || by === "officer"
                ? (row) => setFilters({ ...filters, [by]: row.key })
                : undefined
            }
          />
        )}
      </BreakdownPanel>

      <div className="grid-2">
        <Panel
          title="Tren harian"
          testId="trend"
          actions={<CsvButton api={api} report="trend" params={q} />}
        >
          <LoadState state={trend} />
          {trend.data && <TrendChart days={trend.data.days} threshold={COMPLIANCE_THRESHOLDS.good} />}
        </Panel>
        <Panel
          title="Jam dan hari"
          subtitle="Kapan target terlewati"
          testId="heatmap"
          actions={
            <>
              <select
                aria-label="Ukuran peta"
                value={metric}
                onChange={(e) => setMetric(e.target.value as HeatMetric)}
              >
                {(Object.keys(HEAT_METRIC_LABELS) as HeatMetric[]).map((m) => (
                  <option key={m} value={m}>
                    {HEAT_METRIC_LABELS[m]}
                  </option>
                ))}
              </select>
              <CsvButton api={api} report="heatmap" params={q} />
            </>
          }
        >
          <LoadState state={heat} empty={heat.data?.cells.length === 0} />
          {heat.data && <Heatmap cells={heat.data.cells} metric={metric} good={COMPLIANCE_THRESHOLDS.good} warn={COMPLIANCE_THRESHOLDS.warn} />}
        </Panel>
      </div>

      <BookingReportPanel api={api} query={q} filterKey={key} />

      <Panel
        title="Langkah SOP: rata-rata terhadap target"
        subtitle="Dari langkah yang dicentang petugas; tiket tanpa langkah tercatat tidak dihitung. Langkah “paling lambat” menyumbang waktu terbanyak di atas targetnya."
        testId="steps"
        actions={<CsvButton api={api} report="steps" params={q} />}
      >
        <LoadState state={steps} empty={steps.data?.rows.length === 0 && steps.data.coverage.length === 0} />
        {steps.data && (steps.data.rows.length > 0 || steps.data.coverage.length > 0) && (
          <StepChart rows={steps.data.rows} coverage={steps.data.coverage} />
        )}
      </Panel>
    </div>
  );
}

/** A time's average with its p50/p90, and the share within its target: the two cards of a wait or a service time. */
function TimeKpis({
  label,
  metLabel,
  stats,
  met,
  testId,
}: {
  label: string;
  metLabel: string;
  stats: TimeStats | undefined;
  met: Compliance | undefined;
  testId: string;
}) {
  return (
    <>
      <Kpi
        label={label}
        value={minutes(stats?.avgMs)}
        hint={`p50 ${minutes(stats?.p50Ms)} · p90 ${minutes(stats?.p90Ms)}`}
        testId={testId}
      />
      <Kpi
        label={metLabel}
        value={pct(met?.pct)}
        tone={tone(met?.pct)}
        hint={met ? `${count(met.met)} dari ${count(met.judged)}` : undefined}
        testId={`${testId}-met`}
      />
    </>
  );
}
