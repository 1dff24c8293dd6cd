import type { CounterSnapshot, ServiceInfo } from "@layan/protocol";
import { formatClock, formatWait, PRIORITY_LABELS, useNow } from "@layan/ui";
import { CalendarCheck, RotateCcw, Star, Users } from "lucide-react";
import type { CounterClient, CounterState } from "../counter-client";

export function QueuePanel(props: {
  client: CounterClient;
  state: CounterState;
  snapshot: CounterSnapshot;
  services: Map<string, ServiceInfo>;
}) {
  const { snapshot, services, state, client } = props;
  const now = useNow(1000, state.clockOffsetMs);
  const timeZone = state.catalog?.office.timezone ?? "Asia/Jakarta";
  const canCall = snapshot.counter.status === "open" && snapshot.current === null && state.busy === null;
  const total = snapshot.queues.reduce((sum, q) => sum + q.waiting, 0);
  const oldest = Math.min(...snapshot.queues.flatMap((q) => q.next.map((t) => t.enqueuedAt)));

  return (
    <section className="panel queue" aria-label="Antrean loket ini">
      <div className="queue__summary">
        <span>
          <Users aria-hidden="true" /> <strong data-testid="waiting-total">{total}</strong> menunggu
        </span>
        <span>
          Terlama{" "}
          <strong data-testid="longest-wait">
            {Number.isFinite(oldest) ? formatWait(now - oldest) : "—"}
          </strong>
        </span>
      </div>
      <ul className="queue__services">
        {snapshot.queues.map((q) => {
          const service = services.get(q.serviceId);
          const target = service ? service.targets.waitMinutes * 60_000 : null;
          return (
            <li key={q.serviceId} className="queue__service" data-service={q.serviceId}>
              <div className="queue__service-head">
                <span className="prefix">{service?.prefix ?? "?"}</span>
                <span className="queue__service-name">{service?.name ?? q.serviceId}</span>
                <span className="queue__count" data-testid={`waiting-${q.serviceId}`}>
                  {q.waiting}
                </span>
              </div>
              {q.next.length > 0 && (
                <ol className="queue__next">
                  {q.next.map((t) => {
                    const waited = now - t.enqueuedAt;
                    const late = target !== null && waited > target;
                    return (
                      <li key={t.ticketId}>
                        <button
                          type="button"
                          className={`ticket-chip${t.priority ? " ticket-chip--priority" : ""}${t.slotStart !== undefined ? " ticket-chip--booked" : ""}${late ? " ticket-chip--late" : ""}`}
                          disabled={!canCall}
                          title={canCall ? `Panggil ${t.number} sekarang` : undefined}
                          onClick={(e) => {
                            if (e.detail > 1) return;
                            void client.callTicket(t.ticketId);
                          }}
                        >
                          {t.priority && <Star aria-label="Prioritas" />}
                          {t.slotStart !== undefined && <CalendarCheck aria-hidden="true" />}
                          <b>{t.number}</b>
                          <small>
                            {t.slotStart !== undefined
                              ? `Reservasi ${formatClock(t.slotStart, timeZone)}`
                              : t.priority
                                ? PRIORITY_LABELS[t.priority]
                                : formatWait(waited)}
                          </small>
                        </button>
                      </li>
                    );
                  })}
                  {q.waiting > q.next.length && (
                    <li className="queue__more">+{q.waiting - q.next.length} lagi</li>
                  )}
                </ol>
              )}
            </li>
          );
        })}
      </ul>
      {snapshot.reinstatable.length > 0 && (
        <div className="queue__noshow">
          <h2>Tidak hadir — bisa diaktifkan kembali</h2>
          <ul>
            {snapshot.reinstatable.slice(0, 4).map((t) => (
              <li key={t.ticketId}>
                <b>{t.number}</b> <small>{formatClock(t.noShowAt, timeZone)}</small>
                <button
                  type="button"
                  className="btn btn--small"
                  disabled={state.busy !== null}
                  onClick={() => void client.reinstate(t.ticketId)}
                >
                  <RotateCcw aria-hidden="true" /> Aktifkan
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
