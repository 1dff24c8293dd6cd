import { dateInWords, type CallView, type CounterView, type DisplayConfig, type MaklumatInfo, type WaitingCount } from "@layan/protocol";
import { ConnectionBadge, formatClock, formatDateLong, useNow, zoneLabel } from "@layan/ui";
import { ArrowRight, Star, Volume2 } from "lucide-react";
import type { DisplayView } from "../display-client";
import { maklumatTurn, todaysCalls } from "../display-state";

const DEFAULT_TZ = "Asia/Jakarta";
/** Under the current call: enough that a burst of calls (five lokets at once) stays readable for minutes. */
export const LAST_CALLS_ON_SCREEN = 6;
/** Beyond this many services the names no longer fit at reading size: the list shows prefix and count. */
const WAITING_ROWS_WITH_NAMES = 5;

export function DisplayScreen({ view, onEnableSound }: { view: DisplayView; onEnableSound: () => void }) {
  const { config, screen } = view;
  const timeZone = config?.office.timezone ?? DEFAULT_TZ;
  const now = useNow(1000, screen.clockOffsetMs);
  // Minute resolution is enough to drop yesterday's calls; the clock itself re-renders every second anyway.
  const calls = todaysCalls(screen.lastCalls, now, timeZone);
  const current = calls[0] ?? null;
  // After 15 s without the hub the big number may be out of date: it is dimmed, never left looking current.
  const stale =
    view.connection.status === "reconnecting" && now - screen.clockOffsetMs - view.connection.since > 15_000;
  const serviceName = new Map(config?.services.map((s) => [s.id, s.name]) ?? []);
  const prefix = new Map(config?.services.map((s) => [s.id, s.prefix]) ?? []);
  const maklumat = config?.office.maklumat ?? null;
  const showMaklumat = maklumat !== null && maklumatTurn(now, current, view.flashSeq !== null && view.flashSeq === current?.seq);

  return (
    <div
      className="screen"
      data-testid="display-screen"
      data-synced={screen.seq !== null}
      data-seq={screen.seq ?? ""}
      data-sound={view.soundAllowed === null ? "unknown" : view.soundAllowed ? "on" : "blocked"}
    >
      <header className="screen__header">
        <div className="screen__office">
          <span className="brand-mark" aria-hidden="true">
            L
          </span>
          <div>
            <h1>{config?.office.name ?? "Layan"}</h1>
            <p>{config?.name ?? " "}</p>
          </div>
        </div>
        <div className="screen__time" data-testid="clock">
          <span className="screen__date">{formatDateLong(now, timeZone)}</span>
          <span className="screen__clock">
            {formatClock(now, timeZone)} <small>{zoneLabel(timeZone)}</small>
          </span>
        </div>
      </header>

      <main className="screen__body">
        <div className="screen__main">
          {showMaklumat ? (
            <Maklumat maklumat={maklumat} />
          ) : (
            <CurrentCall
              call={current}
              stale={stale}
              flashSeq={view.flashSeq}
              serviceName={current ? serviceName.get(current.serviceId) : undefined}
            />
          )}
          <Counters counters={screen.counters} />
        </div>
        <div className="screen__side">
          {/* While the maklumat has the big panel, the current call heads this list: it is never off the screen. */}
          <LastCalls calls={showMaklumat ? calls.slice(0, LAST_CALLS_ON_SCREEN) : calls.slice(1, 1 + LAST_CALLS_ON_SCREEN)} timeZone={timeZone} />
          <Waiting waiting={screen.waiting} config={config} serviceName={serviceName} prefix={prefix} />
        </div>
      </main>

      {config?.notices.announcement && <AnnouncementBanner text={config.notices.announcement.text} />}
      {/* Today's running text (a supervisor's, admin-operations) follows the config's. */}
      <RunningText text={config?.notices.runningText ?? config?.office.runningText ?? ""} />

      <div className="screen__status">
        <ConnectionBadge state={view.connection} />
      </div>
      {view.soundAllowed === false && (
        <button type="button" className="sound-overlay" data-testid="enable-sound" onClick={onEnableSound}>
          <span className="sound-overlay__card">
            <Volume2 aria-hidden="true" />
            <strong>Ketuk untuk mengaktifkan suara</strong>
            <small>Aktifkan suara agar nomor antrean diumumkan · Tap to enable sound</small>
          </span>
        </button>
      )}
    </div>
  );
}

function CurrentCall({
  call,
  stale,
  flashSeq,
  serviceName,
}: {
  call: CallView | null;
  stale: boolean;
  flashSeq: number | null;
  serviceName: string | undefined;
}) {
  if (!call) {
    return (
      <section className="now now--empty" data-testid="current-call" data-number="">
        <p className="now__label">Nomor Antrean</p>
        <p className="now__empty">Belum ada panggilan</p>
        <p className="now__service">Silakan menunggu, nomor Anda akan dipanggil dan diumumkan.</p>
      </section>
    );
  }
  const flashing = flashSeq === call.seq;
  // "Loket 3" → label "LOKET" over a large "3"; other names are shown whole.
  const named = /^(.*?)\s*(\d+)$/.exec(call.counterName);
  const label = named?.[1]?.trim() || "Loket";
  return (
    <section
      key={call.seq}
      className={`now${flashing ? " now--flash" : ""}${stale ? " now--stale" : ""}`}
      data-testid="current-call"
      data-stale={stale}
      data-number={call.number}
      data-counter={call.counterId}
      aria-live="assertive"
      aria-label={`Nomor antrean ${call.number}, silakan menuju ${call.counterName}`}
    >
      <div className="now__ticket">
        <p className="now__label">
          Nomor Antrean
          {call.recalls > 0 && <span className="now__tag">Panggilan ulang</span>}
          {call.priority && (
            <span className="now__tag now__tag--priority">
              <Star aria-hidden="true" /> Prioritas
            </span>
          )}
        </p>
        <span
          className={`now__number${call.number.length > 5 ? " now__number--long" : ""}`}
          data-testid="current-number"
        >
          {call.number}
        </span>
        {serviceName && <p className="now__service">{serviceName}</p>}
      </div>
      <div className="now__to" data-testid="current-counter" data-name={call.counterName}>
        <span className="now__to-label">
          Silakan ke <ArrowRight aria-hidden="true" />
        </span>
        {named ? (
          <>
            <span className="now__to-name">{label.toUpperCase()}</span>
            <span className="now__to-number">{named[2]}</span>
          </>
        ) : (
          <span className="now__to-name now__to-name--whole">{call.counterName.toUpperCase()}</span>
        )}
      </div>
    </section>
  );
}


function Maklumat({ maklumat }: { maklumat: MaklumatInfo }) {
  return (
    <section className="maklumat" data-testid="maklumat" aria-label="Maklumat Pelayanan">
      <h2>Maklumat Pelayanan</h2>
      <blockquote className="maklumat__text">{maklumat.text}</blockquote>
      <p className="maklumat__sign">
        <span>{dateInWords(maklumat.adoptedOn)}</span>
        <span>{maklumat.position}</span>
        <strong data-testid="maklumat-signer">{maklumat.signedBy}</strong>
      </p>
    </section>
  );
}

function LastCalls({ calls, timeZone }: { calls: CallView[]; timeZone: string }) {
  return (
    <section className="last" aria-label="Panggilan terakhir">
      <h2>Panggilan Terakhir</h2>
      {calls.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ol data-testid="last-calls">
          {calls.map((c) => (
            <li key={`${c.seq}`} data-number={c.number}>
              <span className="last__number">{c.number}</span>
              <span className="last__counter">{c.counterName}</span>
              <span className="last__time">{formatClock(c.at, timeZone)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const COUNTER_STATE: Record<string, string> = { called: "Dipanggil", serving: "Dilayani" };

function Counters({ counters }: { counters: CounterView[] }) {
  const open = counters.filter((c) => c.status !== "closed");
  return (
    <section className="counters" aria-label="Loket">
      <h2>Loket Pelayanan</h2>
      {open.length === 0 ? (
        <p className="muted">Belum ada loket yang buka.</p>
      ) : (
        <ul className={open.length > 4 ? "counters__grid counters__grid--dense" : "counters__grid"}>
          {open.map((c) => (
            <li
              key={c.id}
              className={`tile tile--${c.status}`}
              data-testid={`counter-${c.id}`}
              data-number={c.current?.number ?? ""}
            >
              <span className="tile__name">{c.name}</span>
              <span className="tile__number">{c.status === "paused" ? "—" : (c.current?.number ?? "—")}</span>
              <span className="tile__state">
                {c.status === "paused"
                  ? "Istirahat"
                  : c.current
                    ? (COUNTER_STATE[c.current.status] ?? "")
                    : "Siap melayani"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Waiting(props: {
  waiting: WaitingCount[];
  config: DisplayConfig | null;
  serviceName: Map<string, string>;
  prefix: Map<string, string>;
}) {
  const rows = props.waiting;
  // Read from across the room, names of many services cannot all fit: the
  // prefix is what the citizen's ticket number starts with, so it identifies the queue.
  const named = rows.length <= WAITING_ROWS_WITH_NAMES;
  return (
    <section className="waiting" aria-label="Antrean menunggu">
      <h2>Menunggu</h2>
      <ul className={named ? "waiting__list" : "waiting__list waiting__list--chips"} data-testid="waiting-list">
        {rows.map((w) => (
          <li
            key={w.serviceId}
            data-service={w.serviceId}
            title={props.serviceName.get(w.serviceId) ?? w.serviceId}
          >
            <span className="prefix">{props.prefix.get(w.serviceId) ?? "?"}</span>
            {named && (
              <span className="waiting__name">{props.serviceName.get(w.serviceId) ?? w.serviceId}</span>
            )}
            <span className="waiting__count" data-testid={`waiting-${w.serviceId}`}>
              {w.waiting}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A supervisor's announcement: over the screen's lower part until it is taken down, so nobody in the hall misses it. */
function AnnouncementBanner({ text }: { text: string }) {
  return (
    <section className="announcement" role="status" aria-live="polite" data-testid="announcement">
      <p className="announcement__label">Pengumuman · Announcement</p>
      <p className="announcement__text">{text}</p>
    </section>
  );
}

function RunningText({ text }: { text: string }) {
  if (!text) return <footer className="ticker" />;
  // Speed in characters per second stays constant whatever the length.
  const seconds = Math.max(20, Math.round(text.length / 9));
  return (
    <footer className="ticker" aria-label="Informasi" data-testid="running-text">
      <div className="ticker__track" style={{ animationDuration: `${seconds}s` }}>
        <span>{text}</span>
        <span aria-hidden="true">{text}</span>
      </div>
    </footer>
  );
}
