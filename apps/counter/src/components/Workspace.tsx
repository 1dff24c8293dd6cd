import type { ServiceInfo } from "@layan/protocol";
import { WifiOff } from "lucide-react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ACTIONS, availability, type ActionId } from "../actions";
import type { CounterScreenProps } from "../counter-client";
import { ActionBar } from "./ActionBar";
import { CloseCounterDialog } from "./CloseCounterDialog";
import { CurrentTicket } from "./CurrentTicket";
import { FeedbackBar } from "./FeedbackBar";
import { QueuePanel } from "./QueuePanel";
import { BookingCheckIn } from "./BookingCheckIn";
import { SurveyScreen } from "./SurveyScreen";
import { TopBar } from "./TopBar";
import { TransferDialog } from "./TransferDialog";

/** Keys typed into a field are text, not commands. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function Workspace({ client, state, onSignOut }: CounterScreenProps) {
  const snap = state.snapshot;
  const [transferOpen, setTransferOpen] = useState(false);
  const [surveyOpen, setSurveyOpen] = useState(false);
  // The screen closes with the offer (submitted, skipped, or the next action taken).
  if (surveyOpen && !state.surveyFor) setSurveyOpen(false);
  /** Closing with people waiting asks first; `signOut` when the close was asked for by leaving. */
  const [closeAsk, setCloseAsk] = useState<{ waiting: number; signOut: boolean } | null>(null);
  const waiting = snap ? snap.queues.reduce((sum, q) => sum + q.waiting, 0) : 0;
  const services = useMemo(
    () => new Map<string, ServiceInfo>(state.catalog?.services.map((s) => [s.id, s]) ?? []),
    [state.catalog],
  );
  const avail = useMemo(() => (snap ? availability(snap) : null), [snap]);
  const online = state.connection.status === "online";

  const trigger = useCallback(
    (id: ActionId) => {
      if (!avail) return;
      const a = avail[id];
      if (!a.enabled) return;
      if (id === "transfer") {
        setTransferOpen(true);
        return;
      }
      if (id === "close" && waiting > 0) {
        setCloseAsk({ waiting, signOut: false });
        return;
      }
      void client.act(id);
    },
    [avail, client, waiting],
  );

  useEffect(() => {
    // While the citizen holds the screen, a key pressed is theirs, not a command.
    if (transferOpen || closeAsk || surveyOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || e.ctrlKey || e.altKey || e.metaKey || isTyping(e.target)) return;
      const key = e.key.toUpperCase();
      const candidates = ACTIONS.filter((a) => a.key === key);
      if (candidates.length === 0 || !avail) return;
      e.preventDefault();
      // J is pause while open and resume while paused: take the one that applies.
      const action = candidates.find((a) => avail[a.id].enabled) ?? candidates[0];
      if (!action) return;
      if (!avail[action.id].enabled) {
        const reason = avail[action.id].reason;
        if (reason) client.showHint(reason);
        return;
      }
      trigger(action.id);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [avail, client, transferOpen, closeAsk, surveyOpen, trigger]);

  /** Leaving closes the counter (displays stop showing it as open); not with a citizen still at the desk. */
  const signOut = async (confirmed = false) => {
    if (online && snap && snap.counter.status !== "closed") {
      if (snap.current) {
        client.showHint("Selesaikan nomor yang sedang dilayani sebelum keluar.");
        return;
      }
      if (!confirmed && waiting > 0) {
        setCloseAsk({ waiting, signOut: true });
        return;
      }
      if (!(await client.act("close"))) return;
    }
    onSignOut();
  };

  const confirmClose = () => {
    const ask = closeAsk;
    setCloseAsk(null);
    if (ask?.signOut) void signOut(true);
    else void client.act("close");
  };

  const timeZone = state.catalog?.office.timezone ?? "Asia/Jakarta";
  const counterName = snap?.counter.name ?? state.counterId ?? "";

  // The screen's name for screen readers; sighted officers read it in the top bar.
  const heading = <h1 className="visually-hidden">{`${counterName} · pelayanan antrean`}</h1>;

  return (
    <div
      className="app app--work"
      data-testid="workspace"
      data-answered={state.answered}
      data-counter-status={snap?.counter.status ?? ""}
      data-busy={state.busy ?? ""}
    >
      <TopBar
        title={
          <>
            <strong data-testid="counter-name">{counterName}</strong>
            {state.catalog && <span className="topbar__office"> · {state.catalog.office.shortName}</span>}
          </>
        }
        officer={client.session.user.displayName}
        connection={state.connection}
        timeZone={timeZone}
        clockOffsetMs={state.clockOffsetMs}
        onSignOut={() => void signOut()}
      />
      {!snap ? (
        <main className="workspace workspace--loading">
          {heading}
          Memuat data loket…
        </main>
      ) : (
        <main className={`workspace${online ? "" : " workspace--offline"}`} aria-busy={state.busy !== null}>
          {heading}
          <CurrentTicket
            client={client}
            state={state}
            snapshot={snap}
            services={services}
            onResume={() => trigger("resume")}
          />
          <QueuePanel client={client} state={state} snapshot={snap} services={services} />
          {(state.catalog?.office.bookingCheckIn ?? state.catalog?.office.bookingEnabled) ? <BookingCheckIn client={client} online={online} /> : null}
        </main>
      )}
      {state.connection.status === "reconnecting" ? (
        <div className="feedback feedback--offline" role="status" data-testid="offline-banner">
          <WifiOff aria-hidden="true" />
          <span>
            Koneksi ke server antrean terputus. Tombol nonaktif sampai tersambung kembali; data yang sudah
            tersimpan tidak hilang.
          </span>
        </div>
      ) : (
        <FeedbackBar
          feedback={state.feedback}
          onDismiss={() => client.dismissFeedback()}
          onUndo={() => void client.undoTransfer()}
          undoDisabled={!online || state.busy !== null}
        />
      )}
      {state.surveyFor && !surveyOpen && (
        <div className="survey-offer" role="status" data-testid="survey-offer">
          <span>Selesai dilayani: {state.surveyFor.number}.</span>
          <button type="button" className="btn btn--primary" onClick={() => setSurveyOpen(true)}>
            Tawarkan survei ke warga
          </button>
          <button type="button" className="btn btn--ghost" onClick={() => client.skipSurvey()}>
            Lewati
          </button>
        </div>
      )}
      {surveyOpen && state.surveyFor && (
        <SurveyScreen
          client={client}
          number={state.surveyFor.number}
          privacyNotice={state.catalog?.office.privacy.surveyProfile.id ?? ""}
        />
      )}
      {avail && (
        <ActionBar
          availability={avail}
          busy={state.busy}
          paused={snap?.counter.status === "paused"}
          disabled={!online}
          onAction={trigger}
        />
      )}
      {closeAsk && (
        <CloseCounterDialog
          counterName={counterName}
          waiting={closeAsk.waiting}
          onConfirm={confirmClose}
          onCancel={() => setCloseAsk(null)}
        />
      )}
      {transferOpen && snap?.current && (
        <TransferDialog
          services={[...services.values()]}
          agencies={state.catalog?.agencies ?? []}
          currentServiceId={snap.current.serviceId}
          number={snap.current.number}
          onCancel={() => setTransferOpen(false)}
          onChoose={(toServiceId) => {
            setTransferOpen(false);
            void client.act("transfer", { toServiceId });
          }}
        />
      )}
    </div>
  );
}
