import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  USER_ROLE_LABELS,
  type AuditAction,
  type AuditEntry,
  type AuditQueryInput,
  type UserRoleName,
} from "@layan/protocol";
import { Download } from "lucide-react";
import { useEffect, useState } from "react";
import type { ApiError } from "../api";
import { dateTime } from "../format";
import { Panel, TableHead } from "../components/ui";
import type { AdminApi } from "./api";

const PAGE = 50;

const FIELD_LABELS: Record<string, string> = {
  displayName: "Nama",
  role: "Peran",
  disabled: "Nonaktif",
  secretTyped: "PIN diketik",
  lockedUntil: "Terkunci sampai",
  kind: "Jenis",
  name: "Nama",
  revoked: "Dicabut",
};

const valueText = (k: string, x: string | number | boolean | null, timeZone: string): string => {
  if (x === null) return "–";
  if (typeof x === "boolean") return x ? "ya" : "tidak";
  if (k === "role" && x in USER_ROLE_LABELS) return USER_ROLE_LABELS[x as UserRoleName].id;
  if (k === "lockedUntil" && typeof x === "number") return dateTime(x, timeZone);
  return String(x);
};

const changeText = (v: AuditEntry["before"], timeZone: string) =>
  v ? Object.entries(v).map(([k, x]) => `${FIELD_LABELS[k] ?? k}: ${valueText(k, x, timeZone)}`).join(", ") : "";

/** "Jejak audit": every administrative action, newest first, filtered and exported as the hub keeps it. */
export function AuditTab({ api, timeZone }: { api: AdminApi; timeZone: string }) {
  const [filter, setFilter] = useState<{ from: string; to: string; actor: string; action: AuditAction | "" }>({ from: "", to: "", actor: "", action: "" });
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const q: AuditQueryInput = {
    from: filter.from || undefined,
    to: filter.to || undefined,
    actor: filter.actor.trim() || undefined,
    action: filter.action || undefined,
    limit: PAGE,
  };
  const key = JSON.stringify(q);

  const load = (before: number | null) => {
    setLoading(true);
    setError(null);
    return api
      .audit({ ...q, before: before ?? undefined })
      .then((page) => {
        setRows((old) => (before === null ? page.entries : [...old, ...page.entries]));
        setNext(page.nextBefore);
      })
      .catch((e: ApiError) => setError(e.message))
      .finally(() => setLoading(false));
  };
  useEffect(() => {
    void load(null);
    // `key` stands for the filter `load` reads.
  }, [key]);

  return (
    <Panel
      title="Jejak audit"
      subtitle="Siapa melakukan apa, kapan dan dari mana: pengguna, perangkat, login. Terbaru di atas."
      testId="audit-panel"
      busy={loading}
      actions={
        <span className="csv">
          <button
            type="button"
            className="btn btn--small"
            data-testid="audit-csv"
            onClick={() => {
              setSaved(null);
              api
                .downloadAudit(q)
                .then((name) => setSaved(`Tersimpan: ${name}`))
                .catch((e: ApiError) => setSaved(e.message));
            }}
          >
            <Download aria-hidden="true" /> CSV
          </button>
          {saved && (
            <span className="csv__status" role="status">
              {saved}
            </span>
          )}
        </span>
      }
    >
      <form className="admin-form admin-form--filters" onSubmit={(e) => e.preventDefault()} aria-label="Saring jejak audit">
        <label className="field">
          Dari
          <input type="date" name="audit-from" value={filter.from} max={filter.to || undefined} onChange={(e) => setFilter({ ...filter, from: e.target.value })} />
        </label>
        <label className="field">
          Sampai
          <input type="date" name="audit-to" value={filter.to} min={filter.from || undefined} onChange={(e) => setFilter({ ...filter, to: e.target.value })} />
        </label>
        <label className="field">
          Pelaku
          <input name="audit-actor" placeholder="nama pengguna, cli" value={filter.actor} onChange={(e) => setFilter({ ...filter, actor: e.target.value })} />
        </label>
        <label className="field">
          Tindakan
          <select name="audit-action" value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value as AuditAction | "" })}>
            <option value="">Semua tindakan</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTION_LABELS[a].id}
              </option>
            ))}
          </select>
        </label>
      </form>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {!loading && rows.length === 0 && !error && <p className="muted">Belum ada catatan untuk saringan ini.</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table admin-table" data-testid="audit-table">
            <TableHead cols={["Waktu", "Pelaku", "Dari", "Tindakan", "Sasaran", "Perubahan"]} />
            <tbody>
              {rows.map((e) => (
                <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                  <td className="nowrap">{dateTime(e.at, timeZone)}</td>
                  <td>
                    {e.actor.name}
                    {e.actor.kind === "anonymous" && <span className="muted"> (tidak berhasil masuk)</span>}
                  </td>
                  <td className="admin-table__from" title={e.userAgent ?? undefined}>
                    {e.address}
                  </td>
                  <td>
                    {AUDIT_ACTION_LABELS[e.action]?.id ?? e.action}
                    {e.count > 1 && <span className="badge badge--bad"> ×{e.count}</span>}
                  </td>
                  <td>{e.target ?? "–"}</td>
                  <td className="admin-table__change">
                    {e.before && <span>{changeText(e.before, timeZone)}</span>}
                    {e.before && e.after && " → "}
                    {e.after && <span>{changeText(e.after, timeZone)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && (
        <p className="pager">
          <button type="button" className="btn btn--small" disabled={loading} onClick={() => void load(next)}>
            Muat yang lebih lama
          </button>
        </p>
      )}
    </Panel>
  );
}
