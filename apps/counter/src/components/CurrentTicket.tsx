import { segmentWaitMs } from "@layan/core";
import type { CounterSnapshot, ServiceInfo } from "@layan/protocol";
import { formatClock, formatDuration, formatWait, KeyCap, PRIORITY_LABELS, useNow } from "@layan/ui";
import { Check, CirclePause, Clock, Hourglass, Star } from "lucide-react";
import type { CounterClient, CounterState } from "../counter-client";
import { sopProgress, sopTimerColour, stepResults } from "../sop";

const COLOUR_TEXT = { green: "Sesuai target", amber: "Mendekati batas", red: "Melewati target SOP" } as const;

export function CurrentTicket(props: {
  client: CounterClient;
  state: CounterState;
  snapshot: CounterSnapshot;
  services: Map<string, ServiceInfo>;
  onResume: () => void;
}) {
  const { snapshot, services, state, client } = props;
  const now = useNow(500, state.clockOffsetMs);
  const timeZone = state.catalog?.office.timezone ?? "Asia/Jakarta";
  const current = snapshot.current;

  if (snapshot.counter.status === "paused") {
    return (
      <section className="panel current current--paused" aria-label="Nomor yang dilayani">
        <CirclePause className="current__big-icon" aria-hidden="true" />
        <h2>Loket sedang jeda</h2>
        <p>Panggilan berhenti sampai loket dibuka kembali.</p>
        <button type="button" className="btn btn--primary" onClick={props.onResume}>
          Buka kembali <KeyCap>J</KeyCap>
        </button>
      </section>
    );
  }

  if (!current) {
    const waiting = snapshot.queues.reduce((sum, q) => sum + q.waiting, 0);
    return (
      <section
        className="panel current current--idle"
        aria-label="Nomor yang dilayani"
        data-testid="current-ticket"
        data-number=""
      >
        <p className="current__eyebrow">Belum ada nomor dipanggil</p>
        <p className="current__idle-count">
          <strong>{waiting}</strong> orang menunggu
        </p>
        <p className="current__hint">
          Tekan <KeyCap>P</KeyCap> atau tombol <b>Panggil berikutnya</b> untuk memanggil nomor berikutnya.
        </p>
      </section>
    );
  }

  const service = services.get(current.serviceId);
  const serviceStart = current.startedAt ?? current.calledAt ?? now;
  const elapsed = now - serviceStart;
  const targetMs = service ? service.targets.serviceMinutes * 60_000 : null;
  const colour = sopTimerColour(elapsed, targetMs);
  const steps = service?.prosedur.filter((s) => s.timed) ?? [];
  const results = new Map(stepResults(serviceStart, current.stepsDone, steps).map((r) => [r.stepId, r]));
  const serving = current.status === "serving";
  const waitMs = segmentWaitMs(current.calledAt, current.enqueuedAt);

  return (
    <section
      className="panel current"
      aria-label="Nomor yang dilayani"
      data-testid="current-ticket"
      data-number={current.number}
      data-status={current.status}
    >
      <div className="current__head">
        <div>
          <p className="current__eyebrow">
            {serving
              ? "Sedang dilayani"
              : current.recalls > 0
                ? `Dipanggil ${current.recalls + 1}×`
                : "Dipanggil"}
          </p>
          <p className="current__number" data-testid="current-number">
            {current.number}
          </p>
          <p className="current__service">{service?.name ?? current.serviceId}</p>
          <div className="current__tags">
            {current.priority && (
              <span className="chip chip--priority">
                <Star aria-hidden="true" /> Prioritas ·{" "}
                {PRIORITY_LABELS[current.priority] ?? current.priority}
              </span>
            )}
            {current.transferredFrom.length > 0 && (
              <span className="chip">
                Dialihkan dari {current.transferredFrom.map((id) => services.get(id)?.name ?? id).join(", ")}
              </span>
            )}
            {waitMs !== null && (
              <span className="chip">
                <Hourglass aria-hidden="true" /> Menunggu {formatWait(waitMs)}
              </span>
            )}
          </div>
        </div>
        <div className={`sop-timer sop-timer--${colour}`} data-testid="sop-timer" data-colour={colour}>
          <span className="sop-timer__label">
            <Clock aria-hidden="true" /> Waktu layanan
          </span>
          <span className="sop-timer__value">{formatDuration(elapsed)}</span>
          <span className="sop-timer__bar" aria-hidden="true">
            <span style={{ width: `${sopProgress(elapsed, targetMs) * 100}%` }} />
          </span>
          <span className="sop-timer__target">
            {targetMs !== null
              ? `Target SOP ${service?.targets.serviceMinutes} mnt · ${COLOUR_TEXT[colour]}`
              : "Tanpa target"}
          </span>
        </div>
      </div>

      {steps.length > 0 && (
        <div className="steps">
          <h2>
            Langkah SOP{" "}
            <span className="steps__hint">
              {serving
                ? "centang saat selesai; ketuk lagi untuk membatalkan"
                : "mulai layani dulu untuk mencentang"}
            </span>
          </h2>
          <ol>
            {steps.map((step) => {
              const r = results.get(step.id);
              return (
                <li
                  key={step.id}
                  className={r ? `step step--done step--${r.met === false ? "late" : "ok"}` : "step"}
                >
                  <button
                    type="button"
                    className="step__tick"
                    data-step={step.id}
                    disabled={!serving || state.busy !== null}
                    aria-pressed={r !== undefined}
                    // The button shows only a tick: a screen reader needs the step it stands for.
                    aria-label={`${r ? "Batalkan centang" : "Centang"} langkah SOP: ${step.description}`}
                    // A tick is undone the way it was made: a slip of the finger must not stay in the report.
                    title={r ? "Batalkan centang" : "Centang selesai"}
                    onClick={(e) => {
                      if (e.detail > 1) return;
                      void (r ? client.untickStep(step.id) : client.tickStep(step.id));
                    }}
                  >
                    {r && <Check aria-hidden="true" />}
                  </button>
                  <span className="step__text">
                    <b>{step.description}</b>
                    <small>{step.actor}</small>
                  </span>
                  <span className="step__time">
                    {r ? (
                      <>
                        {formatDuration(r.ms)}{" "}
                        <small>
                          / {step.minutes} mnt · {formatClock(r.at, timeZone)}
                        </small>
                      </>
                    ) : (
                      <small>target {step.minutes} mnt</small>
                    )}
                  </span>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
}
