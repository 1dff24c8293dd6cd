/**
 * The booking report (docs/booking.md decision 11): booked vs walk-in
 * tickets, what became of the bookings, each group's waits; per day, service
 * or the whole range, as JSON and as CSV.
 */
import type { BookingGroupBy, BookingRow, NamedBookingRow } from "@layan/protocol";
import { minutes, sendCsv, toCsv, type CsvDialect, type CsvValue } from "../csv";
import { reportFilter, type ReportHandler } from "../context";
import type { ReportNames } from "../names";

const BY_LABELS: Record<BookingGroupBy, string> = { day: "Tanggal", service: "Layanan", all: "Semua" };

function nameOf(by: BookingGroupBy, key: string | null, names: ReportNames): string {
  if (key === null) return by === "all" ? "Semua layanan" : "Jumlah";
  return by === "service" ? names.service(key) : key;
}

export const bookings: ReportHandler<"bookings"> = {
  json: (rc, q) => {
    const filter = reportFilter(rc, q);
    const named = (r: BookingRow): NamedBookingRow => ({ ...r, name: nameOf(q.by, r.key, rc.names) });
    const { rows, total } = rc.reports.bookingReport(filter, q.by);
    return {
      from: filter.from,
      to: filter.to,
      by: q.by,
      bookingEnabled: rc.setup.catalog.office.bookingEnabled ?? false,
      rows: rows.map(named),
      total: named(total),
    };
  },
  csv: (rc, q, { res, dialect }) => {
    const report = bookings.json(rc, q);
    sendCsv(
      res,
      `layan-reservasi-per-${BY_LABELS[report.by].toLowerCase()}-${report.from}_${report.to}.csv`,
      bookingCsv(report.by, report.by === "all" ? [report.total] : [...report.rows, report.total], dialect),
    );
  },
};

/** The CSV's columns after the group's name and key, in the JSON's order (docs/api.md lists them). */
export const BOOKING_CSV_HEADER = [
  "Kode",
  "Antrean diterbitkan",
  "Datang langsung",
  "Reservasi (tiket)",
  "Reservasi (%)",
  "Reservasi dibuat",
  "Check-in",
  "Tidak hadir",
  "Tidak hadir (%)",
  "Dibatalkan warga",
  "Dibatalkan petugas",
  "Layanan ditutup",
  "Belum berakhir",
  "Tahanan kedaluwarsa",
  "Tahanan berjalan",
  "Tunggu reservasi (antrean)",
  "Tunggu reservasi p50 (menit)",
  "Tunggu reservasi p90 (menit)",
  "Tunggu reservasi sesuai target (%)",
  "Tunggu datang langsung (antrean)",
  "Tunggu datang langsung p50 (menit)",
  "Tunggu datang langsung p90 (menit)",
  "Tunggu datang langsung sesuai target (%)",
] as const;

export function bookingCsv(by: BookingGroupBy, rows: NamedBookingRow[], dialect: CsvDialect): string {
  return toCsv(
    [BY_LABELS[by], ...BOOKING_CSV_HEADER],
    rows.map((r): CsvValue[] => [
      r.name,
      r.key ?? "",
      r.tickets.issued,
      r.tickets.walkIn,
      r.tickets.booked,
      r.tickets.bookedPct,
      r.bookings.made,
      r.bookings.checkedIn,
      r.bookings.noShow,
      r.bookings.noShowPct,
      r.bookings.cancelledByCitizen,
      r.bookings.cancelledByStaff,
      r.bookings.serviceClosed,
      r.bookings.open,
      r.bookings.holdsLapsed,
      r.bookings.holding,
      r.wait.booked.n,
      minutes(r.wait.booked.p50Ms),
      minutes(r.wait.booked.p90Ms),
      r.wait.booked.met.pct,
      r.wait.walkIn.n,
      minutes(r.wait.walkIn.p50Ms),
      minutes(r.wait.walkIn.p90Ms),
      r.wait.walkIn.met.pct,
    ]),
    dialect,
  );
}
