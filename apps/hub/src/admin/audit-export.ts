import { addDays, dayStartOf } from "@layan/core";
import { AUDIT_ACTION_LABELS, type AuditEntry, type AuditQuery } from "@layan/protocol";
import type { AuditFilter, Store } from "@layan/store";
import { BOM, csvRow } from "../reports/csv";

/** The query's office-local days as hub-time bounds. */
export function auditFilter(q: AuditQuery, timezone: string): AuditFilter {
  return {
    fromAt: q.from ? dayStartOf(q.from, timezone) : undefined,
    toAt: q.to ? dayStartOf(addDays(q.to, 1), timezone) : undefined,
    actorName: q.actor,
    action: q.action,
    beforeId: q.before,
    limit: q.limit,
  };
}

/**
 * Beyond this an export is cut (and says so in its last line): a year of an
 * office's administration is a few thousand rows, so only a flood the
 * folding did not catch gets there.
 */
const EXPORT_MAX = 50_000;
const PAGE = 1_000;

const HEADER = [
  "Waktu",
  "Pelaku",
  "Jenis pelaku",
  "Alamat",
  "Peramban",
  "Tindakan",
  "Kode tindakan",
  "Sasaran",
  "Sebelum",
  "Sesudah",
  "Jumlah",
  "Terakhir",
];

function localTime(timezone: string): (at: number) => string {
  // sv-SE writes "2026-11-18 09:30:00": sortable, and what spreadsheets read as a date.
  const f = new Intl.DateTimeFormat("sv-SE", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  return (at) => f.format(at);
}

export function auditCsvRow(e: AuditEntry, time: (at: number) => string): string {
  return csvRow([
    time(e.at),
    e.actor.name,
    e.actor.kind,
    e.address,
    e.userAgent,
    AUDIT_ACTION_LABELS[e.action]?.id ?? e.action,
    e.action,
    e.target,
    e.before ? JSON.stringify(e.before) : null,
    e.after ? JSON.stringify(e.after) : null,
    e.count,
    e.count > 1 ? time(e.lastAt) : null,
  ]);
}

/** The whole filtered trail, newest first, as a UTF-8 CSV with a BOM (like the reports' exports). */
export function auditCsv(store: Store, q: AuditQuery, timezone: string): { filename: string; text: string } {
  const time = localTime(timezone);
  const lines = [csvRow(HEADER)];
  let before = q.before;
  let written = 0;
  for (;;) {
    const page = store.listAudit(auditFilter({ ...q, before, limit: PAGE }, timezone));
    for (const e of page) lines.push(auditCsvRow(e, time));
    written += page.length;
    if (page.length < PAGE) break;
    if (written >= EXPORT_MAX) {
      lines.push(csvRow([`Dipotong setelah ${EXPORT_MAX} baris: persempit rentang tanggal.`]));
      break;
    }
    before = page[page.length - 1]?.id;
  }
  const range = q.from || q.to ? `-${q.from ?? "awal"}-${q.to ?? "kini"}` : "";
  return { filename: `jejak-audit${range}.csv`, text: BOM + lines.join("") };
}
