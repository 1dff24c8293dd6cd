import { ArrowDown, ArrowUp } from "lucide-react";
import { useState } from "react";
import type { NamedSummaryRow } from "@layan/protocol";
import { count, minutes } from "../format";
import { PctChip } from "./ui";

type SortKey =
  | "name"
  | "issued"
  | "served"
  | "noShow"
  | "cancelled"
  | "waitAvg"
  | "waitP90"
  | "waitMet"
  | "serviceAvg"
  | "serviceP90"
  | "serviceMet";

const COLUMNS: { key: SortKey; label: string; title?: string; numeric: boolean }[] = [
  { key: "name", label: "Nama", numeric: false },
  { key: "issued", label: "Diterbitkan", numeric: true },
  { key: "served", label: "Dilayani", numeric: true },
  { key: "noShow", label: "Tidak hadir", numeric: true },
  { key: "cancelled", label: "Batal", numeric: true },
  { key: "waitAvg", label: "Tunggu rata²", title: "Rata-rata waktu tunggu (dari ambil nomor sampai dipanggil)", numeric: true },
  { key: "waitP90", label: "Tunggu p50 / p90", title: "Median dan persentil ke-90 waktu tunggu (nearest-rank)", numeric: true },
  { key: "waitMet", label: "Tunggu ≤ target", numeric: true },
  { key: "serviceAvg", label: "Layanan rata²", title: "Rata-rata waktu layanan di loket", numeric: true },
  { key: "serviceP90", label: "Layanan p50 / p90", numeric: true },
  { key: "serviceMet", label: "Layanan ≤ target", numeric: true },
];

const VALUES: Record<SortKey, (r: NamedSummaryRow) => number | string | null> = {
  name: (r) => r.name,
  issued: (r) => r.issued,
  served: (r) => r.served,
  noShow: (r) => r.outcomes.no_show,
  cancelled: (r) => r.outcomes.cancelled,
  waitAvg: (r) => r.wait.avgMs,
  waitP90: (r) => r.wait.p90Ms,
  waitMet: (r) => r.waitMet.pct,
  serviceAvg: (r) => r.service.avgMs,
  serviceP90: (r) => r.service.p90Ms,
  serviceMet: (r) => r.serviceMet.pct,
};
const value = (r: NamedSummaryRow, key: SortKey): number | string | null => VALUES[key](r);

const medianAndP90 = (d: { p50Ms: number | null; p90Ms: number | null }) =>
  `${minutes(d.p50Ms)} / ${minutes(d.p90Ms)}`;

const target = (t: { min: number; max: number } | null) =>
  t === null ? "" : t.min === t.max ? minutes(t.max) : `${minutes(t.min)}–${minutes(t.max)}`;

/** A sortable table of summary rows; the worst compliance first by default. */
export function SummaryTable({
  rows,
  showTargets,
  onPick,
}: {
  rows: NamedSummaryRow[];
  showTargets: boolean;
  onPick?: (row: NamedSummaryRow) => void;
}) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "waitMet", desc: false });
  const sorted = [...rows].sort((a, b) => {
    const va = value(a, sort.key);
    const vb = value(b, sort.key);
    if (va === vb) return 0;
    if (va === null) return 1;
    if (vb === null) return -1;
    const cmp =
      typeof va === "string" && typeof vb === "string"
        ? va.localeCompare(vb, "id", { numeric: true })
        : (va as number) - (vb as number);
    return sort.desc ? -cmp : cmp;
  });
  const header = (c: (typeof COLUMNS)[number]) => {
    const active = sort.key === c.key;
    return (
      <th
        key={c.key}
        className={c.numeric ? "num" : undefined}
        aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"}
        title={c.title}
      >
        <button
          type="button"
          className="th-sort"
          onClick={() => setSort({ key: c.key, desc: active ? !sort.desc : c.numeric })}
        >
          {c.label}
          {active && (sort.desc ? <ArrowDown aria-hidden="true" /> : <ArrowUp aria-hidden="true" />)}
        </button>
      </th>
    );
  };
  return (
    <div className="table-wrap">
      <table className="table" data-testid="summary-table">
        <thead>
          <tr>{COLUMNS.map(header)}</tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.key ?? "none"} data-key={r.key ?? ""}>
              <td>
                {onPick && r.key ? (
                  <button type="button" className="linkish" onClick={() => onPick(r)}>
                    {r.name}
                  </button>
                ) : (
                  r.name
                )}
                {showTargets && (r.waitTargetMs || r.serviceTargetMs) && (
                  <div className="table__sub">
                    Target: tunggu {target(r.waitTargetMs)}, layanan {target(r.serviceTargetMs)}
                  </div>
                )}
              </td>
              <td className="num">{count(r.issued)}</td>
              <td className="num">{count(r.served)}</td>
              <td className="num">{count(r.outcomes.no_show)}</td>
              <td className="num">{count(r.outcomes.cancelled)}</td>
              <td className="num">{minutes(r.wait.avgMs)}</td>
              <td className="num">{medianAndP90(r.wait)}</td>
              <td className="num">
                <PctChip value={r.waitMet.pct} />
              </td>
              <td className="num">{minutes(r.service.avgMs)}</td>
              <td className="num">{medianAndP90(r.service)}</td>
              <td className="num">
                <PctChip value={r.serviceMet.pct} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
