import { Store } from "lucide-react";
import type { CounterScreenProps } from "../counter-client";
import { FeedbackBar } from "./FeedbackBar";
import { TopBar } from "./TopBar";

const STATUS_TEXT = { open: "Buka", paused: "Jeda", closed: "Tutup" } as const;

export function CounterPicker({ client, state, onSignOut }: CounterScreenProps) {
  const services = new Map(state.catalog?.services.map((s) => [s.id, s]) ?? []);
  const me = client.session.user.displayName;
  return (
    <div className="app" data-testid="picker" data-answered={state.answered}>
      <TopBar
        title={state.catalog?.office.shortName ?? "Layan"}
        officer={me}
        connection={state.connection}
        timeZone={state.catalog?.office.timezone ?? "Asia/Jakarta"}
        clockOffsetMs={state.clockOffsetMs}
        onSignOut={onSignOut}
      />
      <main className="picker">
        <h1>Pilih loket Anda</h1>
        <p className="picker__hint">Loket yang dipilih dibuka atas nama {me} dan mulai menerima panggilan.</p>
        {state.choices === null ? (
          <p className="picker__loading">Memuat daftar loket…</p>
        ) : state.choices.length === 0 ? (
          <p className="picker__loading">Tidak ada loket yang terdaftar di konfigurasi kantor.</p>
        ) : (
          <ul className="picker__grid">
            {state.choices.map((c) => {
              const mine = c.officerName === me;
              const taken = c.status !== "closed" && c.officerName !== null && !mine;
              return (
                <li key={c.id}>
                  <button
                    type="button"
                    className={`counter-card counter-card--${c.status}${mine ? " counter-card--mine" : ""}`}
                    data-testid={`choose-${c.id}`}
                    disabled={state.busy !== null}
                    onClick={() => void client.openCounter(c.id)}
                  >
                    <span className="counter-card__head">
                      <Store aria-hidden="true" />
                      <strong>{c.name}</strong>
                      <span className={`chip chip--${c.status}`}>{STATUS_TEXT[c.status]}</span>
                    </span>
                    <span className="counter-card__services">
                      {c.serviceIds.map((id) => services.get(id)?.name ?? id).join(" · ")}
                    </span>
                    <span className="counter-card__foot">
                      {mine
                        ? "Milik Anda — lanjutkan"
                        : taken
                          ? `Dipakai ${c.officerName}`
                          : `${c.waiting} menunggu`}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </main>
      <FeedbackBar feedback={state.feedback} onDismiss={() => client.dismissFeedback()} />
    </div>
  );
}
