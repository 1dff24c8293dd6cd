import { BOOKING_STATUSES, mayCancelBooking, type AdminBookingRow, type BookingStatus } from "@layan/protocol";
import { RefreshCw } from "lucide-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { ApiError } from "../api";
import { ChoiceField, LoadState, Panel, TableHead, useLoad } from "../components/ui";
import { AdminMessages } from "./AdminMessages";
import type { AdminApi } from "./api";
import {
  BOOKING_STATUS_CHOICES,
  BOOKING_STATUS_LABELS,
  cancellable,
  contactText,
  reasonProblem,
  RELEASE_REASON_LABELS,
  slotRange,
} from "./bookings";

/** Kiosks check citizens in all day: the list reads itself again this often. */
const REFRESH_MS = 20_000;

const BADGE: Record<BookingStatus, string> = {
  held: "badge",
  confirmed: "badge badge--info",
  checked_in: "badge badge--ok",
  expired: "badge badge--bad",
  released: "badge",
};

/**
 * "Reservasi": one service day's bookings (docs/booking.md, decision 7: every
 * booking is listed for staff), filtered by service and status, counted per
 * status, and cancelled with a reason by a supervisor or admin. Name and the
 * phone's last four digits only while the booking is open: the hub deletes
 * them with the visit.
 */
export function BookingsTab({ api, role, timeZone, today }: { api: AdminApi; role: string; timeZone: string; today: string }) {
  const [day, setDay] = useState(today);
  const [service, setService] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<AdminBookingRow | null>(null);
  // A ref, not state: two clicks in one frame both see `busy` false, but not this.
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const list = useLoad(
    () => api.bookings({ day, service: service ?? undefined, status: status ?? undefined }),
    `${day}|${service ?? ""}|${status ?? ""}|${version}`,
  );
  useEffect(() => {
    const timer = setInterval(() => setVersion((v) => v + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  const services = list.data?.services ?? [];
  const serviceName = (id: string) => services.find((s) => s.id === id)?.name ?? id;
  const mayCancel = mayCancelBooking(role);

  const cancel = (row: AdminBookingRow, reason: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    setNotice(null);
    api
      .cancelBooking(row.bookingId, reason.trim())
      .then(() => {
        setNotice(`Reservasi ${row.code} dibatalkan; tempatnya kembali tersedia.`);
        setCancelling(null);
        setVersion((v) => v + 1);
      })
      .catch((e: ApiError) => setError(e.message))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  const counts = list.data?.counts;
  return (
    <div className="admin-users" data-testid="admin-bookings">
      <Panel
        title="Reservasi"
        subtitle="Reservasi antrean satu hari layanan: siapa yang datang jam berapa, yang sudah check-in dan yang tidak datang."
        testId="bookings-panel"
        busy={list.loading}
        actions={
          <button type="button" className="btn btn--small" onClick={() => setVersion((v) => v + 1)}>
            <RefreshCw aria-hidden="true" /> Muat ulang
          </button>
        }
      >
        <div className="admin-form" role="search" aria-label="Saring reservasi">
          <label className="field">
            Hari layanan
            <input type="date" name="day" value={day} required onChange={(e) => e.target.value && setDay(e.target.value)} />
          </label>
          <ChoiceField
            label="Layanan"
            name="service"
            value={service}
            allLabel="Semua layanan"
            choices={services.map((s) => ({ id: s.id, label: s.name }))}
            onChange={setService}
          />
          <ChoiceField label="Status" name="status" value={status} allLabel="Semua status" choices={BOOKING_STATUS_CHOICES} onChange={setStatus} />
        </div>
        {counts && (
          <ul className="booking-counts" aria-label="Jumlah per status" data-testid="booking-counts">
            {BOOKING_STATUSES.map((s) => (
              <li key={s} data-status={s}>
                <span className={BADGE[s]}>{BOOKING_STATUS_LABELS[s]}</span> <b>{counts[s]}</b>
              </li>
            ))}
          </ul>
        )}
        <AdminMessages error={error} notice={notice} />
        {cancelling && <CancelForm row={cancelling} busy={busy} onCancel={(reason) => cancel(cancelling, reason)} onClose={() => setCancelling(null)} />}
        <LoadState state={list} empty={list.data?.rows.length === 0} />
        {list.data && list.data.rows.length > 0 && (
          <div className="table-wrap">
            <table className="table admin-table" data-testid="bookings-table">
              <TableHead cols={["Jam", "Kode reservasi", "Layanan", "Status", "Pemohon", "Nomor antrean", "Tindakan"]} />
              <tbody>
                {list.data.rows.map((row) => (
                  <tr key={row.bookingId} data-testid={`booking-${row.code}`}>
                    <td className="nowrap">{slotRange(row.slotStart, row.slotEnd, timeZone)}</td>
                    <td className="nowrap">{row.code}</td>
                    <td>{serviceName(row.serviceId)}</td>
                    <td data-testid="booking-status">
                      <span className={BADGE[row.status]}>{BOOKING_STATUS_LABELS[row.status]}</span>
                      {row.releaseReason && <span className="muted"> ({RELEASE_REASON_LABELS[row.releaseReason]})</span>}
                    </td>
                    <td>{contactText(row)}</td>
                    <td>{row.ticketNumber ?? "–"}</td>
                    <td>
                      <div className="admin-table__actions">
                        {mayCancel && cancellable(row) && (
                          <button
                            type="button"
                            className="btn btn--small"
                            disabled={busy}
                            onClick={() => setCancelling(row)}
                            aria-label={`Batalkan reservasi ${row.code}`}
                          >
                            Batalkan
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </div>
  );
}

/** The reason is asked for before anything is sent: it goes into the audit trail with the cancellation. */
function CancelForm({ row, busy, onCancel, onClose }: { row: AdminBookingRow; busy: boolean; onCancel: (reason: string) => void; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = reasonProblem(reason);
    setProblem(p);
    if (p === null) onCancel(reason);
  };
  return (
    <form className="admin-form booking-cancel" onSubmit={submit} data-testid="booking-cancel" aria-label={`Batalkan reservasi ${row.code}`}>
      <label className="field">
        Alasan membatalkan {row.code}
        <input
          name="reason"
          value={reason}
          maxLength={200}
          autoFocus
          aria-invalid={problem !== null}
          aria-describedby={problem ? "booking-cancel-problem" : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {problem && (
        <p className="alert alert--error" id="booking-cancel-problem">
          {problem}
        </p>
      )}
      <button type="submit" className="btn btn--primary" disabled={busy}>
        Batalkan reservasi
      </button>
      <button type="button" className="btn" onClick={onClose}>
        Tutup
      </button>
    </form>
  );
}
