import type { HeatCell } from "@layan/protocol";
import { count, minutes, pct, WEEKDAYS, WEEKDAYS_SHORT } from "../format";

export type HeatMetric = "wait" | "service" | "volume";

export const HEAT_METRIC_LABELS: Record<HeatMetric, string> = {
  wait: "% tunggu sesuai target",
  service: "% layanan sesuai target",
  volume: "Jumlah antrean",
};

/** Red (0%) through amber to green (100%), with the thresholds as the turning points. */
function complianceColour(p: number, good: number, warn: number): string {
  if (p >= good) return `hsl(142 55% ${Math.round(88 - ((p - good) / (100 - good || 1)) * 30)}%)`;
  if (p >= warn) return `hsl(40 90% ${Math.round(78 - ((p - warn) / (good - warn || 1)) * 10)}%)`;
  return `hsl(0 70% ${Math.round(60 + (p / (warn || 1)) * 22)}%)`;
}

/**
 * Hour of day x weekday (office time), one cell per hour in which tickets
 * joined a queue. Each cell shows its number, so colour is never the only
 * signal; hover (title) gives the rest.
 */
export function Heatmap({
  cells,
  metric,
  good,
  warn,
}: {
  cells: HeatCell[];
  metric: HeatMetric;
  good: number;
  warn: number;
}) {
  if (cells.length === 0) return null;
  const hours = cells.map((c) => c.hour);
  const first = Math.min(...hours);
  const last = Math.max(...hours);
  const columns = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const days = [...new Set(cells.map((c) => c.weekday))].sort((a, b) => a - b);
  const byKey = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c]));
  const maxVolume = Math.max(1, ...cells.map((c) => c.segments));

  const valueOf = (c: HeatCell) =>
    metric === "wait" ? c.waitMet.pct : metric === "service" ? c.serviceMet.pct : c.segments;
  const colour = (c: HeatCell) => {
    const v = valueOf(c);
    if (v === null) return "#f1f5f9";
    if (metric === "volume") return `hsl(214 80% ${Math.round(95 - (v / maxVolume) * 55)}%)`;
    return complianceColour(v, good, warn);
  };
  const text = (c: HeatCell) => {
    const v = valueOf(c);
    if (v === null) return "–";
    return metric === "volume" ? count(v) : `${Math.round(v)}`;
  };

  return (
    <div className="heatmap" role="table" aria-label={`Peta jam dan hari: ${HEAT_METRIC_LABELS[metric]}`}>
      <div className="heatmap__row heatmap__row--head" role="row">
        <span className="heatmap__corner" role="columnheader">
          Hari · Jam
        </span>
        {columns.map((h) => (
          <span key={h} className="heatmap__hour" role="columnheader">
            {String(h).padStart(2, "0")}
          </span>
        ))}
      </div>
      {days.map((d) => (
        <div key={d} className="heatmap__row" role="row">
          <span className="heatmap__day" role="rowheader" title={WEEKDAYS[d]}>
            {WEEKDAYS_SHORT[d]}
          </span>
          {columns.map((h) => {
            const c = byKey.get(`${d}:${h}`);
            if (!c) return <span key={h} className="heatmap__cell heatmap__cell--empty" role="cell" />;
            const dark = metric === "volume" ? c.segments / maxVolume > 0.6 : (valueOf(c) ?? 100) < warn / 2;
            return (
              <span
                key={h}
                role="cell"
                className={`heatmap__cell${dark ? " heatmap__cell--dark" : ""}`}
                style={{ background: colour(c) }}
                title={`${WEEKDAYS[d]} ${String(h).padStart(2, "0")}.00–${String(h + 1).padStart(2, "0")}.00: ${count(c.segments)} antrean, tunggu rata-rata ${minutes(c.waitAvgMs)}, ${pct(c.waitMet.pct)} tunggu sesuai target, ${pct(c.serviceMet.pct)} layanan sesuai target`}
              >
                {text(c)}
              </span>
            );
          })}
        </div>
      ))}
      <p className="heatmap__note">
        {metric === "volume"
          ? "Angka: jumlah antrean yang masuk pada jam itu."
          : `Angka: persen antrean dalam target. Hijau ≥ ${good}%, kuning ${warn}–${good}%, merah < ${warn}%.`}{" "}
        Jam menurut waktu kantor, saat antrean masuk.
      </p>
    </div>
  );
}
