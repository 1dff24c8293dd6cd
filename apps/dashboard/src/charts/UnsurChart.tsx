import type { IkmUnsurValue, SurveyUnsurKey } from "@layan/protocol";
import { dec2, unsurLabel } from "../feedback/format";

const W = 860;
const ROW = 30;
const M = { top: 8, right: 120, bottom: 28, left: 190 };

/**
 * The nine unsur's NRR on the regulation's 1–4 scale, drawn by hand in SVG like
 * the other charts. The lowest unsur is what the office must improve first, so
 * it is named in words ("terendah") as well as coloured.
 */
export function UnsurChart({ unsur, lowest }: { unsur: IkmUnsurValue[]; lowest: SurveyUnsurKey[] }) {
  const H = M.top + M.bottom + ROW * unsur.length;
  const innerW = W - M.left - M.right;
  // The scale starts at 1 (the lowest possible answer): a bar's length is the distance from "tidak baik".
  const x = (v: number) => M.left + ((v - 1) / 3) * innerW;
  return (
    <figure className="chart" data-testid="unsur-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Nilai rata-rata (NRR) per unsur pelayanan, skala 1 sampai 4">
        {[1, 2, 3, 4].map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={M.top} y2={H - M.bottom} className="chart__grid" />
            <text x={x(t)} y={H - M.bottom + 18} className="chart__axis" textAnchor="middle">
              {t}
            </text>
          </g>
        ))}
        {unsur.map((u, i) => {
          const y = M.top + i * ROW;
          const low = lowest.includes(u.unsur);
          return (
            <g key={u.unsur} data-testid={`unsur-${u.unsur}`} data-lowest={low ? "true" : undefined}>
              <text x={M.left - 8} y={y + ROW / 2 + 4} className="chart__axis" textAnchor="end">
                {unsurLabel(u.unsur)}
              </text>
              {u.nrr !== null && (
                <rect
                  x={M.left}
                  y={y + 5}
                  width={Math.max(2, x(u.nrr) - M.left)}
                  height={ROW - 10}
                  className={`chart__bar${low ? " chart__bar--low" : ""}`}
                >
                  <title>{`${unsurLabel(u.unsur)}: NRR ${dec2(u.nrr)}${low ? " (terendah)" : ""}`}</title>
                </rect>
              )}
              <text x={W - M.right + 6} y={y + ROW / 2 + 4} className={`chart__value${low ? " chart__value--low" : ""}`}>
                {dec2(u.nrr)}
                {low ? " terendah" : ""}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
