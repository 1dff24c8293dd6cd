import type { CounterToday, OperationsToday, ServiceToday } from "@layan/protocol";
import { Megaphone, RefreshCw } from "lucide-react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import type { ApiError } from "../api";
import { timeOfDay } from "../format";
import { Panel, TableHead } from "../components/ui";
import type { AdminApi } from "./api";
import "./operations.css";

/** The tab reads the day again this often: officers and kiosks change it too. */
const REFRESH_MS = 15_000;

const COUNTER_STATUS: Record<CounterToday["status"], string> = { open: "Buka", paused: "Jeda", closed: "Tutup" };

/**
 * "Layanan hari ini": what a supervisor changes for the rest of today without
 * touching the config (packages/core/src/today.ts). Each button is one call of
 * /api/admin/operations, answered with the whole day again.
 */
export function OperationsTab({ api, timeZone }: { api: AdminApi; timeZone: string }) {
  const [day, setDay] = useState<OperationsToday | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A ref, not state: two clicks in one frame both see `busy` false, but not this.
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => {
    api.operations().then(setDay, (e: ApiError) => setError(e.message));
  }, [api]);
  useEffect(() => {
    reload();
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const act = (path: string, body: object, done: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    setNotice(null);
    api
      .operations(path, body)
      .then((answer) => {
        setDay(answer);
        setNotice(done);
      })
      .catch((e: ApiError) => setError(e.message))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  return (
    <div className="admin-users ops" data-testid="admin-operations">
      {error && (
        <p className="alert alert--error" role="alert" data-testid="ops-error">
          {error}
        </p>
      )}
      {notice && (
        <p className="alert" role="status" data-testid="ops-notice">
          {notice}
        </p>
      )}
      {!day && !error && <p className="muted">Memuat…</p>}
      {day && (
        <>
          <Panel
            title="Layanan hari ini"
            subtitle="Tutup layanan untuk sisa hari ini (mis. blangko habis, sistem pusat gangguan) atau ubah kuota hari ini. Nomor yang sudah diambil tetap dilayani. Besok kembali sesuai konfigurasi."
            testId="ops-services"
            actions={
              <button type="button" className="btn btn--small" onClick={reload} disabled={busy}>
                <RefreshCw aria-hidden="true" /> Muat ulang
              </button>
            }
          >
            <div className="table-wrap">
              <table className="table admin-table">
                <TableHead cols={["Layanan", "Status", { num: "Menunggu" }, "Diambil / kuota", "Tindakan"]} />
                <tbody>
                  {day.services.map((s) => (
                    <ServiceRow key={s.id} service={s} busy={busy} timeZone={timeZone} act={act} />
                  ))}
                </tbody>
              </table>
            </div>
          </Panel>
          <Panel title="Loket hari ini" subtitle="Loket yang ditutup tidak dapat dibuka petugas sampai dibuka kembali di sini. Antrean yang menunggu tetap di layanannya dan dipanggil loket lain." testId="ops-counters">
            <div className="table-wrap">
              <table className="table admin-table">
                <TableHead cols={["Loket", "Status", "Petugas", "Tindakan"]} />
                <tbody>
                  {day.counters.map((c) => (
                    <CounterRow key={c.id} counter={c} busy={busy} timeZone={timeZone} act={act} />
                  ))}
                </tbody>
              </table>
            </div>
          </Panel>
          <NoticesPanel day={day} busy={busy} timeZone={timeZone} act={act} />
        </>
      )}
    </div>
  );
}

type Act = (path: string, body: object, done: string) => void;

function ServiceRow({ service: s, busy, timeZone, act }: { service: ServiceToday; busy: boolean; timeZone: string; act: Act }) {
  const [reason, setReason] = useState("");
  const [quota, setQuota] = useState(s.quota === null ? "" : String(s.quota));
  useEffect(() => setQuota(s.quota === null ? "" : String(s.quota)), [s.quota]);
  const path = `/services/${encodeURIComponent(s.id)}`;
  const close = (e: FormEvent) => {
    e.preventDefault();
    act(`${path}/close`, { reason }, `${s.name} ditutup untuk sisa hari ini.`);
  };
  const saveQuota = (e: FormEvent) => {
    e.preventDefault();
    const value = quota.trim() === "" ? null : Number(quota);
    act(`${path}/quota`, { quota: value }, `Kuota ${s.name} hari ini: ${value ?? "tanpa batas"}.`);
  };
  return (
    <tr data-testid={`ops-service-${s.id}`} data-closed={s.closedToday ? "true" : "false"}>
      <td>
        {s.name} <span className="muted">({s.prefix})</span>
      </td>
      <td>
        {s.closedToday ? (
          <span className="badge badge--bad" title={`Sejak ${timeOfDay(s.closedToday.at, timeZone)}`}>
            Ditutup hari ini: {s.closedToday.reason}
          </span>
        ) : s.withinHours ? (
          <span className="badge badge--info">Buka</span>
        ) : (
          <span className="badge">Di luar jam layanan</span>
        )}
        {s.openCounters === 0 && s.waiting > 0 && <div className="muted">Tidak ada loket buka untuk yang menunggu</div>}
      </td>
      <td className="num">
        <span className="ops-label">Menunggu: </span>
        <span data-testid="ops-waiting">{s.waiting}</span>
      </td>
      <td>
        <form className="admin-form ops-inline" onSubmit={saveQuota}>
          <span>
            <span className="ops-label">Diambil / kuota: </span>
            <span data-testid="ops-issued">
              {s.issued} / {s.quota ?? "∞"}
            </span>
          </span>
          <label className="ops-inline__field">
            <span className="sr-only">Kuota hari ini {s.name}</span>
            <input type="number" min={s.issued} inputMode="numeric" value={quota} placeholder="tanpa batas" onChange={(e) => setQuota(e.target.value)} />
          </label>
          <button type="submit" className="btn btn--small" disabled={busy}>
            Simpan kuota
          </button>
        </form>
        {s.quota !== s.configQuota && <div className="muted">Konfigurasi: {s.configQuota ?? "tanpa batas"}</div>}
      </td>
      <td>
        {s.closedToday ? (
          <button type="button" className="btn btn--small btn--primary" disabled={busy} onClick={() => act(`${path}/reopen`, {}, `${s.name} dibuka kembali.`)}>
            Buka kembali
          </button>
        ) : (
          <form className="admin-form ops-inline" onSubmit={close}>
            <label className="ops-inline__field">
              <span className="sr-only">Alasan menutup {s.name}</span>
              <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Alasan, mis. blangko habis" required minLength={3} maxLength={160} />
            </label>
            <button type="submit" className="btn btn--small" disabled={busy}>
              Tutup hari ini
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

function CounterRow({ counter: c, busy, timeZone, act }: { counter: CounterToday; busy: boolean; timeZone: string; act: Act }) {
  const [reason, setReason] = useState("");
  const path = `/counters/${encodeURIComponent(c.id)}`;
  const close = (e: FormEvent) => {
    e.preventDefault();
    act(`${path}/close`, { reason }, `${c.name} ditutup untuk sisa hari ini.`);
  };
  return (
    <tr data-testid={`ops-counter-${c.id}`}>
      <td>{c.name}</td>
      <td>
        {c.closedToday ? (
          <span className="badge badge--bad" title={`Sejak ${timeOfDay(c.closedToday.at, timeZone)}`}>
            Ditutup hari ini: {c.closedToday.reason}
          </span>
        ) : (
          <span className={`badge${c.status === "open" ? " badge--info" : ""}`}>{COUNTER_STATUS[c.status]}</span>
        )}
        {c.current && <div className="muted">Melayani {c.current}</div>}
      </td>
      <td>
        <span className="ops-label">Petugas: </span>
        {c.officerName ?? "—"}
      </td>
      <td>
        {c.closedToday ? (
          <button type="button" className="btn btn--small btn--primary" disabled={busy} onClick={() => act(`${path}/reopen`, {}, `${c.name} dapat dibuka kembali oleh petugas.`)}>
            Buka kembali
          </button>
        ) : (
          <form className="admin-form ops-inline" onSubmit={close}>
            <label className="ops-inline__field">
              <span className="sr-only">Alasan menutup {c.name}</span>
              <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Alasan" required minLength={3} maxLength={160} />
            </label>
            <button type="submit" className="btn btn--small" disabled={busy || c.current !== null} title={c.current ? "Petugas masih melayani; tunggu sampai selesai." : undefined}>
              Tutup hari ini
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

function NoticesPanel({ day, busy, timeZone, act }: { day: OperationsToday; busy: boolean; timeZone: string; act: Act }) {
  const [running, setRunning] = useState(day.notices.runningTextToday?.text ?? "");
  const [announcement, setAnnouncement] = useState("");
  const saveRunning = (e: FormEvent) => {
    e.preventDefault();
    act("/notice", { kind: "runningText", text: running }, running.trim() ? "Teks berjalan hari ini disimpan." : "Teks berjalan hari ini dihapus.");
  };
  const announce = (e: FormEvent) => {
    e.preventDefault();
    act("/notice", { kind: "announcement", text: announcement }, "Pengumuman ditampilkan di layar ruang tunggu.");
  };
  const preview = [day.notices.runningText.split("  •  ")[0] ?? "", running.trim()].filter(Boolean).join("  •  ");
  const current = day.notices.announcement;
  return (
    <Panel title="Teks berjalan dan pengumuman" subtitle="Tampil di layar ruang tunggu hari ini, setelah teks berjalan dari konfigurasi." testId="ops-notices">
      <form className="admin-form ops-notice" onSubmit={saveRunning}>
        <label className="field">
          <span>Teks berjalan hari ini</span>
          <textarea data-testid="ops-running-text" value={running} maxLength={300} rows={2} onChange={(e) => setRunning(e.target.value)} />
        </label>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          Simpan teks berjalan
        </button>
      </form>
      <p className="ops-preview" aria-label="Pratinjau teks berjalan" data-testid="ops-running-preview">
        {preview || "—"}
      </p>
      <form className="admin-form ops-notice" onSubmit={announce}>
        <label className="field">
          <span>Pengumuman</span>
          <textarea data-testid="ops-announcement" value={announcement} maxLength={300} rows={2} required onChange={(e) => setAnnouncement(e.target.value)} />
        </label>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          <Megaphone aria-hidden="true" /> Umumkan
        </button>
      </form>
      {announcement.trim() && (
        <div className="ops-announcement-preview" aria-label="Pratinjau pengumuman">
          <strong>Pengumuman · Announcement</strong>
          <p>{announcement}</p>
        </div>
      )}
      {current && (
        <p className="muted" data-testid="ops-announcement-current">
          Pengumuman tampil sejak {timeOfDay(current.at, timeZone)}: “{current.text}”{" "}
          <button type="button" className="btn btn--small" disabled={busy} onClick={() => act("/notice", { kind: "announcement", text: "" }, "Pengumuman diturunkan.")}>
            Turunkan
          </button>
        </p>
      )}
    </Panel>
  );
}
