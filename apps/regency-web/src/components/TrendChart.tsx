import { COMPLIANCE_THRESHOLDS, type SummaryRow } from "@layan/protocol";
import { count, monthLabel, pct } from "../format";
import { useLang } from "../lang";

const W = 720;
const H = 220;
const M = { top: 14, right: 44, bottom: 30, left: 48 };

/**
 * Per month, drawn by hand in SVG like the office dashboard's trend (no chart
 * library in the bundle): bars the tickets served, the line the share that
 * waited within the SOP (right axis), the dashed line the "memenuhi" threshold.
 */
export function TrendChart({ months }: { months: SummaryRow[] }) {
  const { lang, t } = useLang();
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const max = niceCeil(Math.max(1, ...months.map((m) => m.served)));
  const step = innerW / Math.max(1, months.length);
  const barW = Math.max(4, Math.min(48, step * 0.6));
  const x = (i: number) => M.left + step * i + step / 2;
  const yCount = (v: number) => M.top + innerH - (v / max) * innerH;
  const yPct = (v: number) => M.top + innerH - (v / 100) * innerH;
  const points = months.flatMap((m, i) => (m.waitMet.pct === null ? [] : [`${x(i).toFixed(1)},${yPct(m.waitMet.pct).toFixed(1)}`]));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t.trendLabel}>
        {[0, max / 2, max].map((tick) => (
          <g key={tick}>
            <line x1={M.left} x2={W - M.right} y1={yCount(tick)} y2={yCount(tick)} className="chart__grid" />
            <text x={M.left - 6} y={yCount(tick) + 4} className="chart__axis" textAnchor="end">
              {count(tick, lang)}
            </text>
          </g>
        ))}
        {[0, 50, 100].map((tick) => (
          <text key={tick} x={W - M.right + 6} y={yPct(tick) + 4} className="chart__axis">
            {tick}%
          </text>
        ))}
        <line x1={M.left} x2={W - M.right} y1={yPct(COMPLIANCE_THRESHOLDS.good)} y2={yPct(COMPLIANCE_THRESHOLDS.good)} className="chart__threshold" />
        {months.map((m, i) => (
          <g key={m.key}>
            <rect x={x(i) - barW / 2} y={yCount(m.served)} width={barW} height={Math.max(0, M.top + innerH - yCount(m.served))} className="chart__bar">
              <title>{t.trendBar(monthLabel(m.key ?? "", true, lang), count(m.served, lang), pct(m.waitMet.pct, lang))}</title>
            </rect>
            <text x={x(i)} y={H - M.bottom + 18} className="chart__axis" textAnchor="middle">
              {monthLabel(m.key ?? "", false, lang)}
            </text>
          </g>
        ))}
        {points.length > 1 && <polyline points={points.join(" ")} className="chart__line" />}
        {months.map((m, i) => (m.waitMet.pct === null ? null : <circle key={m.key} cx={x(i)} cy={yPct(m.waitMet.pct)} r={4} className="chart__dot" />))}
      </svg>
      <figcaption className="legend">
        <span>
          <span className="swatch swatch--bar" /> {t.legendServed}
        </span>
        <span>
          <span className="swatch swatch--line" /> {t.legendWait}
        </span>
        <span>
          <span className="swatch swatch--threshold" /> {t.legendThreshold(COMPLIANCE_THRESHOLDS.good)}
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
