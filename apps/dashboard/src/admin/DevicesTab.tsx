import type { AdminDevice, DeviceList } from "@layan/protocol";
import { useEffect, useMemo, useRef, useState } from "react";
import type { ApiError } from "../api";
import { dateTime } from "../format";
import { LoadState, Panel, TableHead, useLoad } from "../components/ui";
import { useRoute } from "../route";
import type { Session } from "@layan/ui";
import { createDevicesApi, type DevicesApi } from "./DevicesApi";
import { AdminMessages } from "./AdminMessages";
import { DevicesPair } from "./DevicesPair";

/** The list is asked again this often: who is connected changes without anyone here doing anything. */
const REFRESH_MS = 5_000;

const KIND = { kiosk: "Kios", display: "Layar" } as const;

/**
 * "Perangkat" (admin only): pair a device by its code, and the office's
 * kiosks and displays with their state; rename, move a display to another
 * group, revoke. Names and groups of devices listed in devices.yaml are
 * written back there by the hub (docs/operations.md §2).
 */
export function DevicesTab({ hubUrl, session, timeZone, onExpired }: { hubUrl: string; session: Session; timeZone: string; onExpired: (message: string) => void }) {
  const api = useMemo(() => createDevicesApi(hubUrl, session.token, (e: ApiError) => onExpired(e.message)), [hubUrl, session.token, onExpired]);
  const route = useRoute();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setVersion((v) => v + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const list = useLoad(() => api.list(), String(version));
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);

  const act = (run: () => Promise<AdminDevice>, done: (device: AdminDevice) => string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    setNotice(null);
    run()
      .then((device) => {
        setNotice(done(device));
        setVersion((v) => v + 1);
      })
      .catch((e: ApiError) => setError(e.message))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  return (
    <div className="admin-users" data-testid="admin-devices">
      <DevicesPair
        api={api}
        list={list.data}
        initialCode={route.params.get("kode") ?? ""}
        timeZone={timeZone}
        onPaired={(device) => {
          setNotice(`${device.name} (${device.id}) terdaftar; perangkat tersambung dalam beberapa detik.`);
          setVersion((v) => v + 1);
        }}
      />
      <Panel title="Perangkat" subtitle="Kios dan layar ruang tunggu kantor ini, dengan status sambungannya." testId="devices-panel">
        <AdminMessages error={error} notice={notice} />
        <LoadState state={list} />
        {list.data && (
          <div className="table-wrap">
            <table className="table admin-table" data-testid="devices-table">
              <TableHead cols={["Perangkat", "Jenis", "Grup layar", "Status", "Tindakan"]} />
              <tbody>
                {list.data.devices.map((d) => (
                  <DeviceRow
                    key={d.id}
                    device={d}
                    list={list.data as DeviceList}
                    busy={busy}
                    timeZone={timeZone}
                    api={api}
                    act={act}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </div>
  );
}

function status(d: AdminDevice, timeZone: string) {
  if (d.revokedAt !== null) return <span className="badge badge--bad">Dicabut {dateTime(d.revokedAt, timeZone)}</span>;
  if (!d.enrolled) return <span className="badge">Belum dipasangkan</span>;
  if (d.connections > 0) return <span className="badge badge--ok">Terhubung{d.connections > 1 ? ` (${d.connections})` : ""}</span>;
  if (d.lastSeenAt !== null) return <span className="badge badge--info">Terakhir terlihat {dateTime(d.lastSeenAt, timeZone)}</span>;
  return <span className="badge">Belum terlihat sejak hub dimulai</span>;
}

function DeviceRow({
  device: d,
  list,
  busy,
  timeZone,
  api,
  act,
}: {
  device: AdminDevice;
  list: DeviceList;
  busy: boolean;
  timeZone: string;
  api: DevicesApi;
  act: (run: () => Promise<AdminDevice>, done: (device: AdminDevice) => string) => void;
}) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const active = d.enrolled && d.revokedAt === null;
  return (
    <tr data-testid={`device-${d.id}`} className={d.revokedAt !== null ? "admin-table__row--off" : undefined}>
      <td>
        {renaming === null ? (
          <>
            <strong>{d.name}</strong>
            <br />
            <span className="muted">{d.id}</span>
          </>
        ) : (
          <form
            className="admin-table__actions"
            onSubmit={(e) => {
              e.preventDefault();
              act(() => api.rename(d.id, renaming.trim()), (x) => `Nama ${x.id}: ${x.name}.`);
              setRenaming(null);
            }}
          >
            <input aria-label={`Nama baru ${d.id}`} required maxLength={100} value={renaming} onChange={(e) => setRenaming(e.target.value)} />
            <button type="submit" className="btn btn--small btn--primary" disabled={busy}>
              Simpan
            </button>
            <button type="button" className="btn btn--small" onClick={() => setRenaming(null)}>
              Batal
            </button>
          </form>
        )}
      </td>
      <td>{KIND[d.kind]}</td>
      <td>
        {d.kind !== "display" ? (
          <span className="muted">—</span>
        ) : d.inConfig && d.group ? (
          <select
            aria-label={`Grup layar ${d.id}`}
            value={d.group.key}
            disabled={busy}
            onChange={(e) => {
              const group = list.groups.find((g) => g.key === e.target.value)?.group;
              if (group) act(() => api.move(d.id, group), (x) => `${x.name} dipindah ke grup ${x.group?.label ?? ""}.`);
            }}
          >
            {list.groups.map((g) => (
              <option key={g.key} value={g.key}>
                {g.label}
              </option>
            ))}
          </select>
        ) : (
          <span className="muted">Semua loket (tidak tercantum di devices.yaml)</span>
        )}
      </td>
      <td data-testid="device-status">{status(d, timeZone)}</td>
      <td>
        <div className="admin-table__actions">
          {renaming === null && (
            <button type="button" className="btn btn--small" disabled={busy} onClick={() => setRenaming(d.name)} aria-label={`Ganti nama ${d.id}`}>
              Ganti nama
            </button>
          )}
          {active &&
            (confirming ? (
              <span className="admin-table__actions" role="group" aria-label={`Konfirmasi cabut ${d.id}`}>
                <span>Cabut {d.name}? Perangkat langsung terputus.</span>
                <button
                  type="button"
                  className="btn btn--small btn--primary"
                  disabled={busy}
                  onClick={() => {
                    setConfirming(false);
                    act(() => api.revoke(d.id), (x) => `${x.name} dicabut; perangkat itu terputus dan menampilkan kode pemasangan.`);
                  }}
                >
                  Ya, cabut
                </button>
                <button type="button" className="btn btn--small" onClick={() => setConfirming(false)}>
                  Batal
                </button>
              </span>
            ) : (
              <button type="button" className="btn btn--small" disabled={busy} onClick={() => setConfirming(true)} aria-label={`Cabut ${d.id}`}>
                Cabut
              </button>
            ))}
        </div>
      </td>
    </tr>
  );
}
