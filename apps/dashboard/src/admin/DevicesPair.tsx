import { formatPairingCode, normalizePairingCode, type AdminDevice, type DeviceList, type PendingPairing } from "@layan/protocol";
import { Link2 } from "lucide-react";
import { useEffect, useState, type FormEvent } from "react";
import type { ApiError } from "../api";
import { dateTime } from "../format";
import { Panel } from "../components/ui";
import type { DevicesApi } from "./DevicesApi";

const KIND_LABEL = { kiosk: "Kios", display: "Layar ruang tunggu" } as const;

/**
 * "Pasangkan perangkat": the code from a device's screen (typed, or filled in
 * by the QR the device shows), what waits behind it, and the id, name and
 * group to give it. Ids of devices.yaml of that kind come first: a listed
 * id brings its printer (kiosk) or group (display) with it.
 */
export function DevicesPair({
  api,
  list,
  initialCode,
  timeZone,
  onPaired,
}: {
  api: DevicesApi;
  list: DeviceList | null;
  initialCode: string;
  timeZone: string;
  onPaired: (device: AdminDevice) => void;
}) {
  const [typed, setTyped] = useState(initialCode);
  const [pending, setPending] = useState<PendingPairing | null>(null);
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [groupKey, setGroupKey] = useState("all");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = (raw: string) => {
    setError(null);
    setPending(null);
    const code = normalizePairingCode(raw);
    if (!code) {
      setError("Kode pemasangan terdiri dari 6 huruf/angka, mis. K7Q-4MZ.");
      return;
    }
    setBusy(true);
    api
      .pairing(code)
      .then(setPending)
      .catch((e: ApiError) => setError(e.message))
      .finally(() => setBusy(false));
  };
  // The QR opens this page with ?kode=…: look it up at once, the admin only chooses and approves.
  useEffect(() => {
    if (initialCode) check(initialCode);
    // Once per code in the address.
  }, [initialCode]);

  const candidates = (list?.devices ?? []).filter((d) => pending && d.kind === pending.kind && (d.revokedAt !== null || !d.enrolled));
  const pickId = (value: string) => {
    setId(value);
    const listed = list?.devices.find((d) => d.id === value && d.inConfig);
    if (listed) {
      setName(listed.name);
      if (listed.group) setGroupKey(listed.group.key);
    }
  };
  const approve = (e: FormEvent) => {
    e.preventDefault();
    if (!pending || busy) return;
    const group = list?.groups.find((g) => g.key === groupKey)?.group;
    setBusy(true);
    setError(null);
    api
      .approve(pending.code, { id: id.trim(), name: name.trim(), ...(pending.kind === "display" && group ? { group } : {}) })
      .then((device) => {
        setPending(null);
        setTyped("");
        setId("");
        setName("");
        onPaired(device);
      })
      .catch((err: ApiError) => setError(err.message))
      .finally(() => setBusy(false));
  };

  return (
    <Panel title="Pasangkan perangkat" subtitle="Masukkan kode yang tampil di layar kios atau layar ruang tunggu yang belum terdaftar." testId="pair-device">
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          check(typed);
        }}
      >
        <label className="field">
          Kode pemasangan
          <input name="code" required autoComplete="off" autoCapitalize="characters" placeholder="K7Q-4MZ" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <button type="submit" className="btn" disabled={busy}>
          Periksa kode
        </button>
      </form>
      {error && (
        <p className="alert alert--error" role="alert" data-testid="pair-error">
          {error}
        </p>
      )}
      {pending && (
        <form className="admin-form devices-pair__approve" onSubmit={approve} data-testid="pair-approve">
          <p className="devices-pair__what" data-testid="pair-pending">
            <strong>{KIND_LABEL[pending.kind]}</strong> dengan kode <strong>{formatPairingCode(pending.code)}</strong>, dari alamat {pending.address}, meminta pada{" "}
            {dateTime(pending.requestedAt, timeZone)}.
          </p>
          <label className="field">
            ID perangkat
            <input name="id" required list="device-ids" pattern="[a-z0-9][a-z0-9\-]{0,63}" title="huruf kecil, angka dan tanda hubung" autoComplete="off" value={id} onChange={(e) => pickId(e.target.value)} />
            <datalist id="device-ids">
              {candidates.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </datalist>
          </label>
          <label className="field">
            Nama
            <input name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          {pending.kind === "display" && (
            <label className="field">
              Grup layar
              <select name="group" value={groupKey} onChange={(e) => setGroupKey(e.target.value)}>
                {(list?.groups ?? []).map((g) => (
                  <option key={g.key} value={g.key}>
                    {g.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" className="btn btn--primary" disabled={busy}>
            <Link2 aria-hidden="true" /> Setujui
          </button>
        </form>
      )}
    </Panel>
  );
}
