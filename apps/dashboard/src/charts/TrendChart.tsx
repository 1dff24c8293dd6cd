import type { TrendResponse } from "@layan/protocol";
import { count, dayLabel, dayShort, pct } from "../format";

const W = 860;
const H = 240;
const M = { top: 16, right: 44, bottom: 34, left: 48 };

/**
 * Daily trend, drawn by hand in SVG (no chart library in the bundle): bars are
 * the tickets served each day, the line the share called within the wait
 * target (right axis), the dashed line the "memenuhi" threshold.
 */
export function TrendChart({ days, threshold }: { days: TrendResponse["days"]; threshold: number }) {
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const maxServed = Math.max(1, ...days.map((d) => d.served));
  const niceMax = niceCeil(maxServed);
  const step = innerW / Math.max(1, days.length);
  const barW = Math.max(2, Math.min(28, step * 0.7));
  const x = (i: number) => M.left + step * i + step / 2;
  const yCount = (v: number) => M.top + innerH - (v / niceMax) * innerH;
  const yPct = (v: number) => M.top + innerH - (v / 100) * innerH;
  const labelEvery = Math.ceil(days.length / 12);
  const points = days
    .map((d, i) => (d.waitMet.pct === null ? null : `${x(i).toFixed(1)},${yPct(d.waitMet.pct).toFixed(1)}`))
    .filter((p): p is string => p !== null);
  const ticks = [0, niceMax / 2, niceMax];

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label="Tren harian: antrean dilayani dan persentase tunggu sesuai target"
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={yCount(t)} y2={yCount(t)} className="chart__grid" />
            <text x={M.left - 6} y={yCount(t) + 4} className="chart__axis" textAnchor="end">
              {count(t)}
            </text>
          </g>
        ))}
        {[0, 50, 100].map((t) => (
          <text key={t} x={W - M.right + 6} y={yPct(t) + 4} className="chart__axis chart__axis--pct">
            {t}%
          </text>
        ))}
        <line
          x1={M.left}
          x2={W - M.right}
          y1={yPct(threshold)}
          y2={yPct(threshold)}
          className="chart__threshold"
        />
        {days.map((d, i) => (
          <g key={d.key}>
            <rect
              x={x(i) - barW / 2}
              y={yCount(d.served)}
              width={barW}
              height={Math.max(0, M.top + innerH - yCount(d.served))}
              className="chart__bar"
            >
              <title>{`${dayLabel(d.key ?? "")}: ${count(d.served)} dilayani, ${pct(d.waitMet.pct)} tunggu sesuai target, ${pct(d.serviceMet.pct)} layanan sesuai target`}</title>
            </rect>
            {i % labelEvery === 0 && (
              <text x={x(i)} y={H - M.bottom + 16} className="chart__axis" textAnchor="middle">
                {dayShort(d.key ?? "")}
              </text>
            )}
          </g>
        ))}
        {points.length > 1 && <polyline points={points.join(" ")} className="chart__line" />}
        {days.map((d, i) =>
          d.waitMet.pct === null ? null : (
            <circle key={d.key} cx={x(i)} cy={yPct(d.waitMet.pct)} r={3} className="chart__dot" />
          ),
        )}
      </svg>
      <figcaption className="legend">
        <span className="legend__item">
          <span className="legend__swatch legend__swatch--bar" /> Antrean dilayani
        </span>
        <span className="legend__item">
          <span className="legend__swatch legend__swatch--line" /> % tunggu sesuai target
        </span>
        <span className="legend__item">
          <span className="legend__swatch legend__swatch--threshold" /> Ambang {threshold}%
        </span>
      </figcaption>
    </figure>
  );
}

function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
