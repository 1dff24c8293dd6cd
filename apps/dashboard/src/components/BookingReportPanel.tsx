import { useState } from "react";
import type { BookingGroupBy, GroupWait, NamedBookingRow, ReportQueryInput } from "@layan/protocol";
import type { Api } from "../api";
import { count, dayLabel, minutes, pct } from "../format";
import { CsvButton, Kpi, LoadState, Panel, PctChip, Segmented, TableHead, num, useLoad } from "./ui";

const GROUPS: readonly { value: Exclude<BookingGroupBy, "all">; label: string }[] = [
  { value: "day", label: "Per hari" },
  { value: "service", label: "Per layanan" },
];

const medianAndP90 = (w: GroupWait) => `${minutes(w.p50Ms)} / ${minutes(w.p90Ms)}`;
/** Every booking released after it was made, whoever released it. */
const cancelled = (r: NamedBookingRow) => r.bookings.cancelledByCitizen + r.bookings.cancelledByStaff + r.bookings.serviceClosed;

/**
 * Laporan's "Reservasi" panel (docs/booking.md decision 11): booked beside
 * walk-in tickets, what became of the bookings, and each group's wait. Shown
 * when the office takes bookings, or when the range has any (booking was on
 * then and is off now), so an office without booking never sees empty zeros.
 */
export function BookingReportPanel({ api, query, filterKey }: { api: Api; query: ReportQueryInput<"bookings">; filterKey: string }) {
  const [by, setBy] = useState<Exclude<BookingGroupBy, "all">>("day");
  const report = useLoad(() => api.get("bookings", { ...query, by }), `${filterKey}|${by}`);
  const data = report.data;
  if (data && !data.bookingEnabled && data.total.bookings.holds === 0 && data.total.tickets.booked === 0) return null;
  const t = data?.total;
  const rows = data?.rows ?? [];
  const counterFiltered = Boolean(query.counter ?? query.officer);

  return (
    <Panel
      title="Reservasi"
      subtitle={
        <>
          Antrean dari reservasi dibanding datang langsung, dan nasib setiap reservasi yang jamnya jatuh pada rentang ini. Tunggu reservasi dihitung
          dari jam reservasinya (atau saat check-in, jika lebih lambat).
          {counterFiltered && " Filter loket dan petugas tidak berlaku di sini: reservasi belum punya loket."}
        </>
      }
      testId="booking-report"
      busy={report.loading}
      actions={
        <>
          <Segmented label="Kelompokkan reservasi menurut" options={GROUPS} value={by} onPick={setBy} />
          <CsvButton api={api} report="bookings" params={{ ...query, by }} />
        </>
      }
    >
      <section className="kpis" aria-label="Ringkasan reservasi" data-testid="booking-kpis">
        <Kpi
          label="Antrean dari reservasi"
          value={count(t?.tickets.booked)}
          hint={t ? `${pct(t.tickets.bookedPct)} dari ${count(t.tickets.issued)} · ${count(t.tickets.walkIn)} datang langsung` : undefined}
          testId="kpi-booked"
        />
        <Kpi
          label="Reservasi dibuat"
          value={count(t?.bookings.made)}
          hint={t ? `${count(t.bookings.checkedIn)} check-in · ${count(t.bookings.open)} belum tiba waktunya` : undefined}
          testId="kpi-bookings-made"
        />
        <Kpi
          label="Tidak datang"
          value={count(t?.bookings.noShow)}
          hint={t ? `${pct(t.bookings.noShowPct)} dari yang sudah lewat jamnya` : undefined}
          testId="kpi-booking-noshow"
        />
        <Kpi
          label="Dibatalkan"
          value={count(t ? cancelled(t) : undefined)}
          hint={
            t
              ? `${count(t.bookings.cancelledByCitizen)} oleh warga · ${count(t.bookings.cancelledByStaff)} oleh petugas` +
                (t.bookings.serviceClosed > 0 ? ` · ${count(t.bookings.serviceClosed)} layanan ditutup` : "")
              : undefined
          }
          testId="kpi-booking-cancelled"
        />
        <Kpi
          label="Ditahan tanpa konfirmasi"
          value={count(t?.bookings.holdsLapsed)}
          hint="Jam yang dipilih lalu dibiarkan: banyak berarti perlu diwaspadai calo"
          testId="kpi-holds-lapsed"
        />
        <Kpi
          label="Tunggu reservasi"
          value={minutes(t?.wait.booked.avgMs)}
          hint={t ? `p50 / p90 ${medianAndP90(t.wait.booked)} · ${pct(t.wait.booked.met.pct)} ≤ target` : undefined}
          testId="kpi-wait-booked"
        />
        <Kpi
          label="Tunggu datang langsung"
          value={minutes(t?.wait.walkIn.avgMs)}
          hint={t ? `p50 / p90 ${medianAndP90(t.wait.walkIn)} · ${pct(t.wait.walkIn.met.pct)} ≤ target` : undefined}
          testId="kpi-wait-walkin"
        />
      </section>
      <LoadState state={report} empty={data !== null && rows.length === 0} />
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="booking-table">
            <TableHead
              cols={[
                by === "day" ? "Hari" : "Layanan",
                num("Diterbitkan"),
                num("Dari reservasi"),
                num("Datang langsung"),
                num("Reservasi dibuat"),
                num("Check-in"),
                num("Tidak datang"),
                num("Dibatalkan"),
                num("Tunggu reservasi p50 / p90"),
                num("≤ target"),
                num("Tunggu langsung p50 / p90"),
                num("≤ target"),
              ]}
            />
            <tbody>
              {rows.map((r) => (
                <tr key={r.key ?? ""} data-key={r.key ?? ""}>
                  <td>{by === "day" && r.key ? dayLabel(r.key) : r.name}</td>
                  <td className="num">{count(r.tickets.issued)}</td>
                  <td className="num">
                    {count(r.tickets.booked)}
                    <div className="table__sub">{pct(r.tickets.bookedPct)}</div>
                  </td>
                  <td className="num">{count(r.tickets.walkIn)}</td>
                  <td className="num">{count(r.bookings.made)}</td>
                  <td className="num">{count(r.bookings.checkedIn)}</td>
                  <td className="num">
                    {count(r.bookings.noShow)}
                    <div className="table__sub">{pct(r.bookings.noShowPct)}</div>
                  </td>
                  <td className="num">{count(cancelled(r))}</td>
                  <td className="num">{medianAndP90(r.wait.booked)}</td>
                  <td className="num">
                    <PctChip value={r.wait.booked.met.pct} />
                  </td>
                  <td className="num">{medianAndP90(r.wait.walkIn)}</td>
                  <td className="num">
                    <PctChip value={r.wait.walkIn.met.pct} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
