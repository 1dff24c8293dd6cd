import type { NotifyDeadLetterPage } from "@layan/protocol";
import { useEffect, useState } from "react";
import type { ApiError } from "../api";
import { Panel, TableHead } from "../components/ui";
import { dateTime } from "../format";
import type { AdminApi } from "./api";

const MOMENT: Record<string, string> = { ahead: "Hampir tiba giliran", called: "Dipanggil", recalled: "Panggilan ulang" };

/**
 * The webhook's dead letters (docs/operations.md, "Telling citizens outside
 * the hall"): messages the office's SMS/WhatsApp gateway never took after
 * every retry, so the manager knows which citizens were not told.
 */
export function NotifyTab({ api, timeZone }: { api: AdminApi; timeZone: string }) {
  const [page, setPage] = useState<NotifyDeadLetterPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    api
      .notifyDeadLetters()
      .then(setPage)
      .catch((e: ApiError) => setError(e.message))
      .finally(() => setLoading(false));
  }, [api]);
  return (
    <Panel
      title="Pemberitahuan yang gagal terkirim"
      subtitle="Pesan ke gateway SMS/WhatsApp kantor yang tetap ditolak setelah semua percobaan ulang. Disimpan 30 hari."
      testId="notify-panel"
      busy={loading}
    >
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {page && (
        <p className="muted" data-testid="notify-counts">
          Menunggu dikirim: {page.counts.pending} · Gagal: {page.counts.dead}
        </p>
      )}
      {page && page.deadLetters.length === 0 && <p className="muted">Tidak ada pesan yang gagal terkirim.</p>}
      {page && page.deadLetters.length > 0 && (
        <div className="table-wrap">
          <table className="table admin-table" data-testid="notify-table">
            <TableHead cols={["Gagal sejak", "Nomor", "Saat", "Percobaan", "Alasan terakhir"]} />
            <tbody>
              {page.deadLetters.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">{d.deadAt === null ? "–" : dateTime(d.deadAt, timeZone)}</td>
                  <td>{d.body.number ?? "–"}</td>
                  <td>{MOMENT[d.moment] ?? d.moment}</td>
                  <td className="num">{d.attempts}</td>
                  <td>{d.lastError ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
