import { CalendarRange } from "lucide-react";
import { useLang } from "../lang";
import { PRESETS, hrefFor, parseHash, type Preset } from "../period";

/** The period every view reads: four presets a staffer asks for, or any days up to a year. */
export function PeriodBar({ range, params, today }: { range: { from: string; to: string; preset: Preset | null }; params: URLSearchParams; today: string }) {
  const { t } = useLang();
  const set = (patch: Record<string, string | null>) => {
    const route = parseHash(location.hash);
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    location.hash = hrefFor(route.view, route.id, next);
  };
  return (
    <div className="period no-print" role="group" aria-label={t.period}>
      <CalendarRange aria-hidden="true" />
      <div className="period__presets">
        {PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            className={range.preset === p.id ? "chip chip--on" : "chip"}
            aria-pressed={range.preset === p.id}
            onClick={() => set({ periode: p.id, from: null, to: null })}
          >
            {t.presets[p.id]}
          </button>
        ))}
      </div>
      <label className="field">
        {t.from}
        <input type="date" name="from" value={range.from} max={range.to} onChange={(e) => e.target.value && set({ from: e.target.value, to: range.to, periode: null })} />
      </label>
      <label className="field">
        {t.to}
        <input type="date" name="to" value={range.to} min={range.from} max={today} onChange={(e) => e.target.value && set({ from: range.from, to: e.target.value, periode: null })} />
      </label>
    </div>
  );
}
