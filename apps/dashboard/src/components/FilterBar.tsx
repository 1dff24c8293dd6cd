import { Filter, RotateCcw } from "lucide-react";
import { useEffect, useState } from "react";
import type { ReportMeta } from "@layan/protocol";
import type { Filters } from "../filters";
import { PRESET_LABELS, presetRange, type RangePreset } from "../format";
import { ChoiceField, Segmented } from "./ui";

const PRESETS: RangePreset[] = ["today", "7d", "30d", "month", "lastMonth"];

type ChoiceKey = "agency" | "service" | "counter" | "officer";
/** One of the four drop-downs: which filter it sets and what it offers. */
type ChoiceSpec = {
  name: ChoiceKey;
  label: string;
  allLabel: string;
  className?: string;
  choices: { id: string; label: string }[];
};

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
  const choose = (name: ChoiceKey, value: string | null) => {
    const patch: Partial<Filters> = {};
    patch[name] = value;
    set(patch);
  };
  const choiceFields: ChoiceSpec[] = [
    { name: "agency", label: "Instansi", allLabel: "Semua instansi", choices: meta.agencies.map((a) => ({ id: a.id, label: a.shortName })) },
    { name: "service", label: "Layanan", allLabel: "Semua layanan", className: "field field--wide", choices: services.map((x) => ({ id: x.id, label: x.name })) },
    { name: "counter", label: "Loket", allLabel: "Semua loket", choices: meta.counters.map((c) => ({ id: c.id, label: c.name })) },
    { name: "officer", label: "Petugas", allLabel: "Semua petugas", choices: meta.officers.map((o) => ({ id: o.id, label: o.name })) },
  ];

  return (
    <section className="filters no-print" aria-label="Saring laporan">
      <div className="filters__row">
        <Segmented
          label="Rentang cepat"
          options={PRESETS.map((p) => ({ value: p, label: PRESET_LABELS[p] }))}
          value={activePreset}
          onPick={(p) => set(presetRange(p, meta.today))}
        />
        <DateField
          label="Dari"
          name="from"
          value={draft.from}
          max={draft.to}
          onPick={(from) => set({ from })}
        />
        <DateField label="Sampai" name="to" value={draft.to} min={draft.from} onPick={(to) => set({ to })} />
      </div>
      <div className="filters__row">
        <Filter aria-hidden="true" className="filters__icon" />
        {choiceFields.map((f) => (
          <ChoiceField
            key={f.name}
            label={f.label}
            name={f.name}
            className={f.className}
            value={draft[f.name]}
            allLabel={f.allLabel}
            choices={f.choices}
            onChange={(value) => choose(f.name, value)}
          />
        ))}
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

/** A date input that ignores being cleared: a range always has both ends. */
function DateField({
  label,
  name,
  value,
  min,
  max,
  onPick,
}: {
  label: string;
  name: string;
  value: string;
  min?: string;
  max?: string;
  onPick: (value: string) => void;
}) {
  return (
    <label className="field field--date">
      {label}
      <input
        type="date"
        name={name}
        value={value}
        min={min}
        max={max}
        onChange={(e) => e.target.value && onPick(e.target.value)}
      />
    </label>
  );
}
