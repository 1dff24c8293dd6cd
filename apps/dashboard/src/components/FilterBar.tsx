import { Filter, RotateCcw } from "lucide-react";
import { useEffect, useState } from "react";
import type { ReportMeta } from "@layan/protocol";
import type { Filters } from "../filters";
import { PRESET_LABELS, presetRange, type RangePreset } from "../format";

const PRESETS: RangePreset[] = ["today", "7d", "30d", "month", "lastMonth"];

/** Date range and filters; every change goes to the URL (and so to every report on the page). */
export function FilterBar({
  meta,
  filters,
  onChange,
}: {
  meta: ReportMeta;
  filters: Filters;
  onChange: (f: Filters) => void;
}) {
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const services = meta.services.filter((s) => !draft.agency || s.agencyId === draft.agency);
  const activePreset = PRESETS.find((p) => {
    const r = presetRange(p, meta.today);
    return r.from === filters.from && r.to === filters.to;
  });
  const set = (patch: Partial<Filters>) => {
    const next = { ...draft, ...patch };
    if (
      patch.agency !== undefined &&
      next.service &&
      !meta.services.some((s) => s.id === next.service && (!next.agency || s.agencyId === next.agency))
    ) {
      next.service = null;
    }
    setDraft(next);
    if (next.from <= next.to) onChange(next);
  };

  return (
    <section className="filters no-print" aria-label="Saring laporan">
      <div className="filters__row">
        <div className="segmented" role="group" aria-label="Rentang cepat">
          {PRESETS.map((p) => (
            <button
              key={p}
              type="button"
              className={`segmented__item${activePreset === p ? " segmented__item--on" : ""}`}
              aria-pressed={activePreset === p}
              onClick={() => set(presetRange(p, meta.today))}
            >
              {PRESET_LABELS[p]}
            </button>
          ))}
        </div>
        <label className="field field--date">
          Dari
          <input
            type="date"
            name="from"
            value={draft.from}
            max={draft.to}
            onChange={(e) => e.target.value && set({ from: e.target.value })}
          />
        </label>
        <label className="field field--date">
          Sampai
          <input
            type="date"
            name="to"
            value={draft.to}
            min={draft.from}
            onChange={(e) => e.target.value && set({ to: e.target.value })}
          />
        </label>
      </div>
      <div className="filters__row">
        <Filter aria-hidden="true" className="filters__icon" />
        <label className="field">
          Instansi
          <select
            name="agency"
            value={draft.agency ?? ""}
            onChange={(e) => set({ agency: e.target.value || null })}
          >
            <option value="">Semua instansi</option>
            {meta.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.shortName}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--wide">
          Layanan
          <select
            name="service"
            value={draft.service ?? ""}
            onChange={(e) => set({ service: e.target.value || null })}
          >
            <option value="">Semua layanan</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Loket
          <select
            name="counter"
            value={draft.counter ?? ""}
            onChange={(e) => set({ counter: e.target.value || null })}
          >
            <option value="">Semua loket</option>
            {meta.counters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Petugas
          <select
            name="officer"
            value={draft.officer ?? ""}
            onChange={(e) => set({ officer: e.target.value || null })}
          >
            <option value="">Semua petugas</option>
            {meta.officers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        {(draft.agency || draft.service || draft.counter || draft.officer) && (
          <button
            type="button"
            className="btn btn--link"
            onClick={() => set({ agency: null, service: null, counter: null, officer: null })}
          >
            <RotateCcw aria-hidden="true" /> Hapus saringan
          </button>
        )}
      </div>
    </section>
  );
}
