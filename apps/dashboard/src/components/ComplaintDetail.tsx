import { newRequestId } from "@layan/ui";
import { COMPLAINT_STATUS_LABELS, type StaffComplaint } from "@layan/protocol";
import { useRef, useState } from "react";
import type { Api, ApiError, Assignee, ComplaintAction } from "../api";
import { dateTime } from "../format";
import { LoadState, Panel, useLoad } from "./ui";

/**
 * One complaint as staff handle it: what the citizen wrote, how to reach them
 * (while the contact is kept), the answers so far, and the three actions.
 * `onChanged` refreshes the list beside it after every accepted action.
 */
export function ComplaintDetail({
  api,
  id,
  timeZone,
  version,
  onChanged,
}: {
  api: Api;
  id: string;
  timeZone: string;
  version: number;
  onChanged: () => void;
}) {
  const complaint = useLoad(() => api.complaints.get(id), `${id}|${version}`);
  const assignees = useLoad(() => api.complaints.assignees(), "assignees");
  const c = complaint.data;
  return (
    <Panel title={c ? `Pengaduan ${c.code}` : "Pengaduan"} testId="complaint-detail" className="complaint-detail">
      <LoadState state={complaint} />
      {c && (
        <>
          <dl className="facts">
            <dt>Status</dt>
            <dd data-testid="complaint-status">
              {COMPLAINT_STATUS_LABELS[c.status].id}
              {c.late && <span className="badge badge--bad">terlambat</span>}
            </dd>
            <dt>Kategori</dt>
            <dd>{c.category.label}</dd>
            <dt>Layanan</dt>
            <dd>{c.serviceName ?? "–"}</dd>
            <dt>Diterima</dt>
            <dd>{dateTime(c.filedAt, timeZone)}</dd>
            <dt>Batas jawaban</dt>
            <dd>
              {dateTime(c.dueAt, timeZone)} ({c.targetWorkingDays} hari kerja)
            </dd>
            <dt>Petugas</dt>
            <dd data-testid="complaint-assignee">{c.assignee ?? "Belum ditugaskan"}</dd>
            <dt>Kontak</dt>
            <dd data-testid="complaint-contact">
              {c.contact ? (
                [c.contact.name, c.contact.phone, c.contact.email].filter(Boolean).join(" · ")
              ) : (
                <span className="muted">
                  Tidak ada kontak: warga tidak meninggalkannya, atau sudah dihapus setelah masa simpan (UU 27/2022).
                </span>
              )}
            </dd>
          </dl>
          <h3 className="detail__title">Isi pengaduan</h3>
          <p className="complaint__text" data-testid="complaint-text">
            {c.text}
          </p>
          <h3 className="detail__title">Jawaban</h3>
          {c.responses.length === 0 ? (
            <p className="muted">Belum ada jawaban.</p>
          ) : (
            <ol className="responses" data-testid="complaint-responses">
              {c.responses.map((r, i) => (
                <li key={`${r.at}-${i}`}>
                  <p>{r.text}</p>
                  <p className="table__sub">
                    {r.by} · {dateTime(r.at, timeZone)}
                  </p>
                </li>
              ))}
            </ol>
          )}
          {c.closedAt !== null && (
            <p className="table__sub">
              Ditutup {dateTime(c.closedAt, timeZone)}
              {c.closedBy ? ` oleh ${c.closedBy}` : ""}
              {c.closeNote ? ` — ${c.closeNote}` : ""}
            </p>
          )}
          {c.status !== "selesai" && (
            <Actions api={api} complaint={c} assignees={assignees.data ?? []} onChanged={onChanged} />
          )}
        </>
      )}
    </Panel>
  );
}

function Actions({
  api,
  complaint,
  assignees,
  onChanged,
}: {
  api: Api;
  complaint: StaffComplaint;
  assignees: Assignee[];
  onChanged: () => void;
}) {
  const [assignee, setAssignee] = useState(complaint.assignee ?? "");
  const [answer, setAnswer] = useState("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A ref, not state: two clicks in one frame both see `busy` false, but not this.
  const inFlight = useRef(false);

  const act = (action: ComplaintAction, done: () => void) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    api.complaints
      .act(complaint.id, action, newRequestId())
      .then(() => {
        done();
        onChanged();
      })
      .catch((e: ApiError) => setError(e.message))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  return (
    <div className="complaint-actions" data-testid="complaint-actions">
      {error && (
        <p className="alert alert--error" role="alert" data-testid="complaint-error">
          {error}
        </p>
      )}
      <div className="complaint-actions__row">
        <label className="field">
          Tugaskan ke
          <select name="assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">Pilih petugas…</option>
            {assignees.map((a) => (
              <option key={a.username} value={a.username}>
                {a.displayName} ({a.username})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          disabled={busy || !assignee || assignee === complaint.assignee}
          onClick={() => act({ kind: "assign", assignee }, () => undefined)}
        >
          Tugaskan
        </button>
      </div>
      <label className="field field--block">
        Jawaban untuk warga
        <textarea name="response" rows={4} value={answer} onChange={(e) => setAnswer(e.target.value)} />
      </label>
      <button
        type="button"
        className="btn btn--primary"
        disabled={busy || answer.trim() === ""}
        onClick={() => act({ kind: "respond", text: answer }, () => setAnswer(""))}
      >
        Kirim jawaban
      </button>
      <label className="field field--block">
        Catatan penutupan (opsional)
        <input name="close-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button
        type="button"
        className="btn"
        disabled={busy}
        onClick={() => act({ kind: "close", note: note.trim() || null }, () => setNote(""))}
      >
        Tutup pengaduan
      </button>
    </div>
  );
}
