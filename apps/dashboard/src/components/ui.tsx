import { Download } from "lucide-react";
import { useState, type ReactNode } from "react";
import type { CsvReportName, ReportQueryInput } from "@layan/protocol";
import type { Api, ApiError } from "../api";
import { pct, tone } from "../format";
import { navigate, patchParams, type View } from "../route";
import { useKeyedLoad, type Loaded as KeyedLoaded } from "@layan/ui";

export type Loaded<T> = KeyedLoaded<T, string>;

/** Loads when `key` changes; a stale answer (the filter changed meanwhile) is dropped. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  return useKeyedLoad(key, load, (e) => (e as ApiError).message);
}

export function Panel({
  title,
  subtitle,
  actions,
  children,
  testId,
  className,
  busy,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
  /** While the panel's rows are being replaced: assistive technology (and the tests) wait for it. */
  busy?: boolean;
}) {
  return (
    <section
      className={`panel${className ? ` ${className}` : ""}`}
      data-testid={testId}
      aria-busy={busy === undefined ? undefined : busy}
    >
      <header className="panel__head">
        <div>
          <h2 className="panel__title">{title}</h2>
          {subtitle && <p className="panel__subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="panel__actions no-print">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

export function LoadState({ state, empty }: { state: Loaded<unknown>; empty?: boolean }) {
  if (state.error)
    return (
      <p className="alert alert--error" role="alert">
        {state.error}
      </p>
    );
  if (state.loading && !state.data) return <p className="muted">Memuat…</p>;
  if (empty) return <p className="muted">Tidak ada data pada rentang ini.</p>;
  return null;
}

/** Downloads a CSV export; shows the saved name or the error next to the button. */
export function CsvButton<N extends CsvReportName>({
  api,
  report,
  params,
  label = "CSV",
}: {
  api: Api;
  report: N;
  params: ReportQueryInput<N>;
  label?: string;
}) {
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <span className="csv">
      <button
        type="button"
        className="btn btn--small"
        disabled={busy}
        data-testid={`csv-${report}.csv`}
        onClick={() => {
          setBusy(true);
          setStatus(null);
          api
            .download(report, params)
            .then((name) => setStatus(`Tersimpan: ${name}`))
            .catch((e: ApiError) => setStatus(e.message))
            .finally(() => setBusy(false));
        }}
      >
        <Download aria-hidden="true" /> {busy ? "Mengunduh…" : label}
      </button>
      {status && (
        <span className="csv__status" role="status">
          {status}
        </span>
      )}
    </span>
  );
}

/** A share within target with its colour and, for those who do not see colour, a word. */
export function PctChip({ value }: { value: number | null | undefined }) {
  const t = tone(value);
  const word = t === "good" ? "sesuai" : t === "warn" ? "perhatian" : t === "bad" ? "di bawah" : "";
  return (
    <span className={`chip chip--${t}`} title={word}>
      {pct(value)}
    </span>
  );
}

export function Kpi({
  label,
  value,
  hint,
  tone: t,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: string;
  testId?: string;
}) {
  return (
    <div className={`kpi${t ? ` kpi--${t}` : ""}`} data-testid={testId}>
      <div className="kpi__label">{label}</div>
      <div className="kpi__value">{value}</div>
      {hint && <div className="kpi__hint">{hint}</div>}
    </div>
  );
}

/**
 * One filter as a labelled drop-down: "all" (empty) first, then the choices.
 * The select's `name` is what the page models and the URL call it.
 */
export function ChoiceField({
  label,
  name,
  value,
  allLabel,
  choices,
  onChange,
  className = "field",
}: {
  label: string;
  name: string;
  value: string | null;
  allLabel: string;
  choices: readonly { id: string; label: string }[];
  onChange: (value: string | null) => void;
  className?: string;
}) {
  return (
    <label className={className}>
      {label}
      <select name={name} value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{allLabel}</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A row of buttons of which at most one is on: the quick ranges, the groupings, the status tabs. */
export function Segmented<V extends string>({
  label,
  options,
  value,
  onPick,
}: {
  label: string;
  options: readonly { value: V; label: ReactNode; testId?: string }[];
  value: V | null | undefined;
  onPick: (value: V) => void;
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          data-testid={o.testId}
          className={`segmented__item${value === o.value ? " segmented__item--on" : ""}`}
          aria-pressed={value === o.value}
          onClick={() => onPick(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

/**
 * The "Per kelompok" panel of a report view: its grouping lives in the URL's
 * `by` (a shared link opens the same table), beside the table's CSV download.
 */
export function BreakdownPanel<B extends string>({
  view,
  params,
  groups,
  by,
  csv,
  subtitle,
  testId,
  children,
}: {
  view: View;
  params: URLSearchParams;
  groups: readonly { value: B; label: string }[];
  by: B;
  csv: ReactNode;
  subtitle?: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  const picker = (
    <Segmented
      label="Kelompokkan menurut"
      options={groups}
      value={by}
      onPick={(next) => navigate(view, patchParams(params, { by: next }), true)}
    />
  );
  return (
    <Panel
      title="Per kelompok"
      subtitle={subtitle}
      testId={testId}
      actions={
        <>
          {picker}
          {csv}
        </>
      }
    >
      {children}
    </Panel>
  );
}

/** A numeric column's heading (right-aligned, like its figures). */
export const num = (label: string) => ({ num: label });

/** A table's header row: plain labels, and `num(...)` for the columns of figures. */
export function TableHead({ cols }: { cols: readonly (string | { num: string })[] }) {
  return (
    <thead>
      <tr>
        {cols.map((c) =>
          typeof c === "string" ? (
            <th key={c}>{c}</th>
          ) : (
            <th key={c.num} className="num">
              {c.num}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
