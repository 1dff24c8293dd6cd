import type { ConfigServiceStandard } from "@layan/protocol";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";

export type ServiceDraft = Pick<ConfigServiceStandard, "persyaratan" | "sop" | "jangkaWaktu" | "biaya" | "produk" | "dailyQuota">;
type SetEdit = { path: (string | number)[]; value: unknown };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const clean = (r: ServiceDraft["persyaratan"][number]) => ({ text: r.text, ...(r.condition ? { condition: r.condition } : {}), ...(r.note ? { note: r.note } : {}) });

/**
 * The form's changes as values set at YAML paths. A requirement whose text
 * alone changed is set in place, so the hub splices it into the file and
 * every other byte stays as written; a list that grew, shrank or moved is
 * set whole (the hub keeps the file's comments through the yaml Document API).
 */
export function serviceEdits(before: ServiceDraft, after: ServiceDraft): SetEdit[] {
  const edits: SetEdit[] = [];
  const textsOnly =
    before.persyaratan.length === after.persyaratan.length &&
    before.persyaratan.every((r, i) => same({ ...clean(r), text: "" }, { ...clean(after.persyaratan[i] ?? r), text: "" }));
  if (textsOnly) after.persyaratan.forEach((r, i) => r.text !== before.persyaratan[i]?.text && edits.push({ path: ["persyaratan", i, "text"], value: r.text }));
  else edits.push({ path: ["persyaratan"], value: after.persyaratan.map(clean) });
  after.sop.steps.forEach((s, i) => {
    const old = before.sop.steps[i];
    if (old && s.description !== old.description) edits.push({ path: ["sop", "steps", i, "description"], value: s.description });
    if (old && s.minutes !== old.minutes) edits.push({ path: ["sop", "steps", i, "minutes"], value: s.minutes });
  });
  if (after.sop.serviceMinutes !== before.sop.serviceMinutes) edits.push({ path: ["sop", "serviceMinutes"], value: after.sop.serviceMinutes });
  if (after.sop.waitMinutes !== before.sop.waitMinutes) edits.push({ path: ["sop", "waitMinutes"], value: after.sop.waitMinutes });
  for (const k of ["value", "unit", "text"] as const)
    if (after.jangkaWaktu[k] !== before.jangkaWaktu[k] && after.jangkaWaktu[k] !== undefined) edits.push({ path: ["jangkaWaktu", k], value: after.jangkaWaktu[k] });
  for (const k of ["amount", "text"] as const)
    if (after.biaya[k] !== before.biaya[k] && after.biaya[k] !== undefined) edits.push({ path: ["biaya", k], value: after.biaya[k] });
  if (after.produk !== before.produk) edits.push({ path: ["produk"], value: after.produk });
  if (after.dailyQuota !== before.dailyQuota && after.dailyQuota !== null) edits.push({ path: ["dailyQuota"], value: after.dailyQuota });
  return edits;
}

const numberOf = (text: string): number => (text.trim() === "" ? NaN : Number(text));

/** The common edits of a service file. Indonesian labels: the office's IT person and the Standar Pelayanan's own terms. */
export function ServiceForm({ draft, onChange }: { draft: ServiceDraft; onChange: (d: ServiceDraft) => void }) {
  const reqs = draft.persyaratan;
  const setReqs = (persyaratan: ServiceDraft["persyaratan"]) => onChange({ ...draft, persyaratan });
  const move = (i: number, by: number) => {
    const next = [...reqs];
    const [r] = next.splice(i, 1);
    if (r) next.splice(i + by, 0, r);
    setReqs(next);
  };
  return (
    <div className="config-form" data-testid="config-form">
      <fieldset>
        <legend>Persyaratan</legend>
        {reqs.map((r, i) => (
          <div className="config-form__row" key={i} data-testid={`requirement-${i}`}>
            <input aria-label={`Persyaratan ${i + 1}`} value={r.text} onChange={(e) => setReqs(reqs.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))} />
            <button type="button" className="btn btn--small" aria-label={`Naikkan persyaratan ${i + 1}`} disabled={i === 0} onClick={() => move(i, -1)}>
              <ArrowUp aria-hidden="true" />
            </button>
            <button type="button" className="btn btn--small" aria-label={`Turunkan persyaratan ${i + 1}`} disabled={i === reqs.length - 1} onClick={() => move(i, 1)}>
              <ArrowDown aria-hidden="true" />
            </button>
            <button type="button" className="btn btn--small" aria-label={`Hapus persyaratan ${i + 1}`} onClick={() => setReqs(reqs.filter((_, j) => j !== i))}>
              <Trash2 aria-hidden="true" />
            </button>
          </div>
        ))}
        <button type="button" className="btn btn--small" onClick={() => setReqs([...reqs, { text: "" }])}>
          <Plus aria-hidden="true" /> Tambah persyaratan
        </button>
      </fieldset>
      <fieldset>
        <legend>Prosedur (langkah dan menit)</legend>
        {draft.sop.steps.map((s, i) => (
          <div className="config-form__row" key={s.id}>
            <input aria-label={`Langkah ${i + 1}: ${s.actor}`} value={s.description} onChange={(e) => onChange({ ...draft, sop: { ...draft.sop, steps: draft.sop.steps.map((x, j) => (j === i ? { ...x, description: e.target.value } : x)) } })} />
            <input className="config-form__num" type="number" min={0} aria-label={`Menit langkah ${i + 1}`} value={Number.isNaN(s.minutes) ? "" : s.minutes} onChange={(e) => onChange({ ...draft, sop: { ...draft.sop, steps: draft.sop.steps.map((x, j) => (j === i ? { ...x, minutes: numberOf(e.target.value) } : x)) } })} />
          </div>
        ))}
        <label className="field">
          Target waktu layanan di loket (menit)
          <input type="number" min={1} value={Number.isNaN(draft.sop.serviceMinutes) ? "" : draft.sop.serviceMinutes} onChange={(e) => onChange({ ...draft, sop: { ...draft.sop, serviceMinutes: numberOf(e.target.value) } })} />
        </label>
      </fieldset>
      <fieldset className="config-form__grid">
        <legend>Jangka Waktu, Biaya, Produk, Kuota</legend>
        <label className="field">
          Jangka waktu (angka)
          <input type="number" min={0} value={Number.isNaN(draft.jangkaWaktu.value) ? "" : draft.jangkaWaktu.value} onChange={(e) => onChange({ ...draft, jangkaWaktu: { ...draft.jangkaWaktu, value: numberOf(e.target.value) } })} />
        </label>
        <label className="field">
          Satuan
          <select value={draft.jangkaWaktu.unit} onChange={(e) => onChange({ ...draft, jangkaWaktu: { ...draft.jangkaWaktu, unit: e.target.value } })}>
            {["menit", "jam", "hari kerja", "hari"].map((u) => (
              <option key={u}>{u}</option>
            ))}
          </select>
        </label>
        <label className="field">
          Biaya (Rp)
          <input type="number" min={0} value={draft.biaya.amount ?? ""} onChange={(e) => onChange({ ...draft, biaya: { ...draft.biaya, amount: numberOf(e.target.value) } })} />
        </label>
        <label className="field">
          Keterangan biaya
          <input value={draft.biaya.text ?? ""} onChange={(e) => onChange({ ...draft, biaya: { ...draft.biaya, text: e.target.value } })} />
        </label>
        <label className="field">
          Produk Pelayanan
          <input value={draft.produk} onChange={(e) => onChange({ ...draft, produk: e.target.value })} />
        </label>
        <label className="field">
          Kuota harian
          <input type="number" min={1} value={draft.dailyQuota ?? ""} onChange={(e) => onChange({ ...draft, dailyQuota: e.target.value === "" ? null : numberOf(e.target.value) })} />
        </label>
      </fieldset>
    </div>
  );
}

/** office.yaml's running text, one line per message. */
export function RunningTextForm({ lines, onChange }: { lines: string[]; onChange: (l: string[]) => void }) {
  return (
    <fieldset className="config-form" data-testid="config-form">
      <legend>Teks berjalan (display dan kiosk)</legend>
      {lines.map((l, i) => (
        <div className="config-form__row" key={i}>
          <input aria-label={`Teks berjalan ${i + 1}`} value={l} onChange={(e) => onChange(lines.map((x, j) => (j === i ? e.target.value : x)))} />
          <button type="button" className="btn btn--small" aria-label={`Hapus teks berjalan ${i + 1}`} onClick={() => onChange(lines.filter((_, j) => j !== i))}>
            <Trash2 aria-hidden="true" />
          </button>
        </div>
      ))}
      <button type="button" className="btn btn--small" onClick={() => onChange([...lines, ""])}>
        <Plus aria-hidden="true" /> Tambah teks
      </button>
    </fieldset>
  );
}
