import { useCallback, useEffect, Suspense, useMemo, useState, useSyncExternalStore, type CSSProperties } from "react";
import { useAccessModes, useReachBand } from "./access/modes";
import { AccessBar } from "./components/AccessBar";
import { checkInFlow } from "./flow/check-in-flow";
import { warmUpLater } from "./flow/feedback-chunk";
import { IdleWarning } from "./flow/IdleWarning";
import { catalogNavigation } from "./flow/navigation";
import { useOneAtATime } from "./flow/one-at-a-time";
import { renderScreen } from "./flow/render-screen";
import { CONFIRMATION_SECONDS, isPrinting, watchedForInactivity, type Screen } from "./flow/screen";
import { takeTicketFlow } from "./flow/take-ticket-flow";
import { STRINGS, type Lang } from "./i18n";
import { useCountdown, useInactivity } from "./inactivity";
import { listenScreenFor } from "./listen/for-app";
import { ListenButton, useListen } from "./listen/ListenButton";
import type { KioskHub } from "./kiosk-hub";
import { inactivitySeconds, type Runtime } from "./runtime";
import { AdminPin } from "./screens/AdminPin";
import { StateScreen } from "./screens/StateScreen";
import { useWhenIdle } from "./idle";
import type { PrintPath } from "./take-ticket";
import { usePrinterCheck } from "./printer-check";
import { PairingScreen } from "./pairing-screen";

/**
 * The kiosk: the hub's state, the citizen's screen, language and access
 * modes, and the timers that hand the kiosk to the next citizen. What each
 * screen shows is in flow/render-screen.tsx; the walk-in and booked-visit
 * print flows in flow/take-ticket-flow.ts and flow/check-in-flow.ts.
 */
export function App({ hub, runtime }: { hub: KioskHub; runtime: Runtime }) {
  const state = useSyncExternalStore(hub.subscribe, hub.getSnapshot);
  const [screen, setScreen] = useState<Screen>({ name: "attract" });
  const [lang, setLang] = useState<Lang>("id");
  const [adminOpen, setAdminOpen] = useState(false);
  const { busy, run } = useOneAtATime();
  const access = useAccessModes();
  const resetModes = access.reset;
  const t = STRINGS[lang];
  const catalog = state.catalog;

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // Beranda: the same citizen starting over keeps the large text or contrast they chose.
  const home = useCallback(() => {
    setScreen({ name: "attract" });
    setLang("id");
    setAdminOpen(false);
  }, []);
  // The next citizen starts from the defaults: large text and contrast were someone else's.
  const reset = useCallback(() => {
    home();
    resetModes();
  }, [home, resetModes]);

  useWhenIdle(warmUpLater);
  const listening = useListen(lang, JSON.stringify(screen), () => (catalog ? listenScreenFor(screen, catalog) : null));
  const idleSeconds = inactivitySeconds(runtime.idleOverrideSeconds, catalog);
  const inactivity = useInactivity(watchedForInactivity(screen), idleSeconds, reset, listening.speaking);
  const confirmLeft = useCountdown(
    screen.name === "done",
    Math.min(CONFIRMATION_SECONDS, idleSeconds),
    reset,
    listening.speaking,
  );

  const serviceId = screen.name === "service" || screen.name === "priority" ? screen.serviceId : null;
  const printer = usePrinterCheck(runtime, hub, serviceId !== null);

  // A fresh estimate whenever this service's queue moves (queue:changed carries only counts).
  useEffect(() => {
    if (serviceId === null || state.connection !== "online") return;
    const timer = setTimeout(() => void hub.refreshStatus(serviceId), 150);
    return () => clearTimeout(timer);
  }, [hub, serviceId, state.connection, state.seq]);

  const reachBand = useReachBand(catalog?.kiosk?.screen);

  const path: PrintPath = useMemo(
    () => (runtime.mode === "electron" ? { via: "kiosk", bridge: runtime.bridge } : { via: "hub" }),
    [runtime],
  );

  // Both kiosks pair by code: the browser one from this page, the Electron one through its main process.
  if (runtime.token === null || state.connection === "unauthorized") {
    const source = runtime.mode === "electron" ? { bridge: runtime.bridge } : { hubUrl: runtime.hubUrl };
    return <PairingScreen source={source} refused={runtime.token !== null} />;
  }
  if (!catalog) {
    return state.connection === "offline" ? (
      <StateScreen kind="offline" title={t.hubOffline} detail={t.hubOfflineHint} />
    ) : (
      <StateScreen kind="connecting" title={t.hubConnecting} detail={t.hubOfflineHint} />
    );
  }

  const flow = { hub, path, t, lang, go: setScreen, run };
  const choose = takeTicketFlow(flow);
  const checkIn = checkInFlow(flow);
  const { body, onBack } = renderScreen({
    screen,
    go: setScreen,
    catalog,
    nav: catalogNavigation(catalog, setScreen, reset),
    state,
    hub,
    runtime,
    t,
    lang,
    busy,
    printer,
    confirmLeft,
    reset,
    onAdmin: () => setAdminOpen(true),
    choose: (id, requestId, priority) => void choose(id, requestId, priority),
    checkIn: (code) => void checkIn(code),
  });

  return (
    <div
      className={`app screen-${screen.name}`}
      data-connection={state.connection}
      data-reach={reachBand === null ? "off" : "on"}
      style={reachBand === null ? undefined : ({ "--reach-band": `${reachBand}px` } as CSSProperties)}
    >
      {state.connection !== "online" && !isPrinting(screen) ? (
        <div className="offline-banner" role="alert" data-testid="offline-banner">
          <strong>{t.hubOffline}</strong> <span>{t.hubOfflineHint}</span>
        </div>
      ) : null}
      <Suspense fallback={null}>{body}</Suspense>
      {isPrinting(screen) ? null : (
        <AccessBar
          t={t}
          modes={access.modes}
          onToggle={access.toggle}
          onToggleLang={() => setLang((l) => (l === "id" ? "en" : "id"))}
          onBack={onBack}
          onHome={screen.name === "attract" ? undefined : home}
          listen={<ListenButton lang={lang} listening={listening} />}
        />
      )}
      {inactivity.warning !== null ? (
        <IdleWarning t={t} secondsLeft={inactivity.warning} onContinue={inactivity.poke} />
      ) : null}
      {adminOpen && runtime.mode === "electron" ? (
        <AdminPin t={t} onSubmit={(pin) => runtime.bridge.adminExit(pin)} onCancel={() => setAdminOpen(false)} />
      ) : null}
    </div>
  );
}
