import { STANDAR_KEYS, type ConfigBackupEntry, type ConfigEditInput, type ConfigOverview, type StandarKey } from "@layan/protocol";
import type { Session } from "@layan/ui";
import { useEffect, useMemo, useState } from "react";
import type { ApiError } from "../api";
import { Panel, TableHead } from "../components/ui";
import { dateTime } from "../format";
import { createConfigApi } from "./ConfigApi";
import { ConfigEditor } from "./ConfigEditor";
import "./Config.css";

const SHORT: Record<StandarKey, string> = {
  persyaratan: "Persyaratan",
  prosedur: "Prosedur",
  jangkaWaktu: "Jangka Waktu",
  biaya: "Biaya",
  produk: "Produk",
  pengaduan: "Pengaduan",
};

/**
 * "Konfigurasi": the kiosk-config files as the hub runs them. The files stay
 * the truth: what is applied here is written back to them (comments kept,
 * the old version backed up) and taken up by kiosks, displays and counters
 * without a restart.
 */
export function ConfigTab({ hubUrl, session, timeZone, onExpired }: { hubUrl: string; session: Session; timeZone: string; onExpired: (message: string) => void }) {
  const api = useMemo(() => createConfigApi(hubUrl, session.token, (e: ApiError) => onExpired(e.message)), [hubUrl, session.token, onExpired]);
  const [overview, setOverview] = useState<ConfigOverview | null>(null);
  const [backups, setBackups] = useState<ConfigBackupEntry[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

  const refresh = () => {
    api.overview().then(setOverview, (e: Error) => setError(e.message));
    api.backups().then(setBackups, () => setBackups([]));
  };
  useEffect(refresh, [api]);

  const restore = async (name: string) => {
    if (!window.confirm(`Pulihkan berkas dari cadangan ${name}? Berkas yang sekarang ikut dicadangkan.`)) return;
    try {
      await api.restore(name);
      refresh();
      setSelected(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const openPreview = async (edits: ConfigEditInput[]) => {
    try {
      const { id } = await api.preview(edits);
      setPreview(id);
      window.open(`${hubUrl}/kiosk/?preview=${encodeURIComponent(id)}`, "_blank", "noopener");
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!overview) return error ? <p className="alert alert--error" role="alert">{error}</p> : <p className="muted">Memuat…</p>;
  const others = overview.files.filter((f) => !f.startsWith("services/"));
  const { status } = overview;
  return (
    <div className="config-tab" data-testid="config-tab">
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {(status.pending.length > 0 || status.lastRefusal) && (
        <div className="config-status" data-testid="config-status">
          {status.pending.map((p, i) => (
            <p key={i}>Menunggu hari layanan berikutnya: {p.reason}</p>
          ))}
          {status.lastRefusal && (
            <p>
              Terakhir ditolak ({dateTime(status.lastRefusal.at, timeZone)}): {status.lastRefusal.lines[0] ?? status.lastRefusal.code}
            </p>
          )}
        </div>
      )}
      <Panel title="Layanan dan Standar Pelayanan" subtitle="Enam komponen yang wajib dipublikasikan (UU 25/2009 Pasal 21). Pilih layanan untuk melihat atau mengubahnya." testId="config-services">
        <div className="table-wrap">
          <table className="table admin-table">
            <TableHead cols={["Layanan", "Instansi", ...STANDAR_KEYS.map((k) => SHORT[k]), "Tindakan"]} />
            <tbody>
              {overview.services.map((s) => (
                <tr key={s.file} data-testid={`config-service-${s.id}`} className={selected === s.file ? "config-tab__on" : undefined}>
                  <td>
                    <span className="badge">{s.prefix}</span> {s.name.id}
                  </td>
                  <td>{s.agency}</td>
                  {STANDAR_KEYS.map((k) => (
                    <td key={k} className="config-tab__mark">
                      {s.components[k] ? <span aria-label={`${SHORT[k]} lengkap`}>✓</span> : <span className="config-tab__missing" aria-label={`${SHORT[k]} belum ada`}>✗</span>}
                    </td>
                  ))}
                  <td className="config-tab__sum">
                    {s.complete ? "Standar Pelayanan lengkap" : `Belum ada: ${STANDAR_KEYS.filter((k) => !s.components[k]).map((k) => SHORT[k]).join(", ")}`}
                  </td>
                  <td>
                    <button type="button" className="btn btn--small" onClick={() => setSelected(s.file)} aria-label={`Buka ${s.name.id}`}>
                      Buka
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="config-tab__files">
          Berkas lain:{" "}
          {others.map((f) => (
            <button key={f} type="button" className="btn btn--small" onClick={() => setSelected(f)}>
              {f}
            </button>
          ))}
        </p>
      </Panel>
      {selected && (
        <Panel title={selected} subtitle="Periksa dulu; Terapkan menyimpan ke berkas YAML (komentar tetap, versi lama dicadangkan)." testId="config-file">
          <ConfigEditor api={api} name={selected} onApplied={refresh} onPreview={(edits) => void openPreview(edits)} />
          {preview && (
            <p className="muted" data-testid="config-preview-link">
              Pratinjau dibuka di tab baru: <a href={`${hubUrl}/kiosk/?preview=${encodeURIComponent(preview)}`} target="_blank" rel="noopener noreferrer">/kiosk/?preview={preview}</a>
            </p>
          )}
        </Panel>
      )}
      <Panel title="Cadangan" subtitle={`Versi lama berkas disimpan di folder data hub (config-backups/), ${backups.length} tersimpan.`} testId="config-backups">
        {backups.length === 0 ? (
          <p className="muted">Belum ada cadangan.</p>
        ) : (
          <ul className="config-backups">
            {backups.slice(0, 10).map((b) => (
              <li key={b.name}>
                {dateTime(b.at, timeZone)} · {b.files.join(", ")}{" "}
                <button type="button" className="btn btn--small" onClick={() => void restore(b.name)}>
                  Pulihkan
                </button>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}
