import { serviceDayOf, type PriorityReason } from "@layan/core";
import type { IssuedTicket } from "@layan/protocol";
import { newRequestId } from "@layan/ui";
import {
  useCallback,
  useEffect,
  lazy,
  Suspense,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type CSSProperties,
} from "react";
import { useAccessModes, useReachBand } from "./access/modes";
import { AccessBar } from "./components/AccessBar";
import { Header } from "./components/Header";
import { STRINGS, type Lang } from "./i18n";
import { useCountdown, useInactivity } from "./inactivity";
import { listenScreenFor } from "./listen/for-app";
import { ListenButton, useListen, warmUpListening } from "./listen/ListenButton";
import type { KioskHub } from "./kiosk-hub";
import { inactivitySeconds, type Runtime } from "./runtime";
import { AdminPin } from "./screens/AdminPin";
import { Attract } from "./screens/Attract";
import { ConfirmationPage } from "./screens/ConfirmationPage";
import { IssuingPage } from "./screens/IssuingPage";
import { AgencyPicker, ServicePicker } from "./screens/Pickers";
import { PriorityPage } from "./screens/PriorityPage";
import { ProblemPage, type ProblemKind } from "./screens/ProblemPage";
import { SearchPage } from "./screens/SearchPage";
import { ServicePage } from "./screens/ServicePage";
import { StateScreen } from "./screens/StateScreen";
import { useWhenIdle } from "./idle";
import { FEEDBACK_STRINGS } from "./feedback/strings";
import { takeTicket, type PrintPath } from "./take-ticket";
import { usePrinterCheck } from "./printer-check";
import { checkInByCode, type CheckInResult } from "./check-in";
import { BookingCodePage } from "./screens/BookingCodePage";
import { blockerFor, checkInProblemFor, problemFor } from "./blockers";
import { PairingScreen } from "./pairing-screen";

// Not on the way to a ticket: their own chunk, loaded when the kiosk is idle (see warmUpLater).
const loadFeedback = () => import("./feedback/screens");
const ComplaintPage = lazy(() => loadFeedback().then((m) => ({ default: m.ComplaintPage })));
const InfoPage = lazy(() => loadFeedback().then((m) => ({ default: m.InfoPage })));
const MaklumatPage = lazy(() => loadFeedback().then((m) => ({ default: m.MaklumatPage })));
const SurveyPage = lazy(() => loadFeedback().then((m) => ({ default: m.SurveyPage })));

/** What the first screen does not need but a citizen soon may: loaded once the kiosk is idle after start. */
function warmUpLater(): void {
  warmUpListening();
  void loadFeedback().catch(() => undefined);
}

type Screen =
  | { name: "attract" }
  | { name: "agencies" }
  | { name: "services"; agencyId: string }
  | { name: "search"; query: string }
  // `back`: where "Kembali" leads when the page was not reached through its agency (search, most used).
  | { name: "service"; serviceId: string; back?: Screen }
  | { name: "priority"; serviceId: string; requestId: string; back?: Screen | undefined }
  | { name: "issuing"; serviceId: string }
  | { name: "done"; issued: IssuedTicket }
  | { name: "problem"; serviceId: string | null; kind: ProblemKind; title: string; detail: string; back?: Screen }
  // A booked visit: the code typed or scanned, then checked in (docs/booking.md).
  | { name: "booking" }
  | { name: "checking" }
  // Reached from the first screen without taking a number.
  | { name: "maklumat" | "info" | "complaint" | "survey" };

/** How long the confirmation stays before the next citizen's turn (never longer than the inactivity reset). */
const CONFIRMATION_SECONDS = 20;

export function App({ hub, runtime }: { hub: KioskHub; runtime: Runtime }) {
  const state = useSyncExternalStore(hub.subscribe, hub.getSnapshot);
  const [screen, setScreen] = useState<Screen>({ name: "attract" });
  const [lang, setLang] = useState<Lang>("id");
  const [adminOpen, setAdminOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const access = useAccessModes();
  const resetModes = access.reset;
  const busyRef = useRef(false);
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
  const inactivity = useInactivity(
    screen.name !== "attract" && screen.name !== "issuing" && screen.name !== "checking" && screen.name !== "done",
    idleSeconds,
    reset,
    listening.speaking,
  );
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

  const services = catalog.services;
  const agencies = catalog.agencies.filter((a) => services.some((s) => s.agencyId === a.id));
  const servicesOf = (agencyId: string) => services.filter((s) => s.agencyId === agencyId);

  const openAgency = (agencyId: string) => {
    const own = servicesOf(agencyId);
    if (own.length === 1 && own[0]) setScreen({ name: "service", serviceId: own[0].id });
    else setScreen({ name: "services", agencyId });
  };
  const start = () => {
    if (agencies.length === 1 && agencies[0]) openAgency(agencies[0].id);
    else setScreen({ name: "agencies" });
  };
  const popular = (catalog.popular ?? services.map((s) => s.id)).flatMap((id) =>
    services.filter((s) => s.id === id),
  );
  const backFromService = (id: string, back: Screen | undefined) => {
    if (back) return setScreen(back);
    const agencyId = services.find((s) => s.id === id)?.agencyId;
    if (agencyId && servicesOf(agencyId).length > 1) setScreen({ name: "services", agencyId });
    else if (agencies.length > 1) setScreen({ name: "agencies" });
    else reset();
  };

  const choose = async (id: string, requestId: string, priority: PriorityReason | null) => {
    // The first tap wins; a second tap (or a double tap) finds the kiosk busy.
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setScreen({ name: "issuing", serviceId: id });
    try {
      const result = await takeTicket(hub, path, { requestId, serviceId: id, priority });
      if (result.kind === "issued") setScreen({ name: "done", issued: result.issued });
      else {
        setScreen({ name: "problem", serviceId: id, ...problemFor(result, t, lang) });
        void hub.refreshStatus(id);
      }
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const checkIn = async (code: string) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setScreen({ name: "checking" });
    try {
      // One id per citizen action: a retry after a lost answer is the same check-in at the hub.
      const result: CheckInResult = await checkInByCode(hub, path, { requestId: newRequestId(), code });
      if (result.kind === "issued") setScreen({ name: "done", issued: result.issued });
      else setScreen({ name: "problem", serviceId: null, ...checkInProblemFor(result, t, lang), back: { name: "booking" } });
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  // Each screen names its way back here; the AccessBar below the screen offers it.
  let onBack: (() => void) | undefined;
  const header = (back?: () => void) => {
    onBack = back;
    return (
      <Header
        office={catalog.office}
        lang={lang}
        now={hub.now.bind(hub)}
        onSecretTaps={runtime.mode === "electron" ? () => setAdminOpen(true) : undefined}
      />
    );
  };

  let body;
  switch (screen.name) {
    case "attract":
      body = (
        <Attract
          office={catalog.office}
          t={t}
          lang={lang}
          now={hub.now.bind(hub)}
          onStart={start}
          onOpen={(name) => setScreen({ name })}
          onBooking={catalog.office.bookingEnabled ? () => setScreen({ name: "booking" }) : undefined}
        />
      );
      break;
    case "maklumat":
      body = (
        <>
          {header()}
          <MaklumatPage
            office={catalog.office}
            agencies={catalog.agencies}
            lang={lang}
            f={FEEDBACK_STRINGS[lang]}
          />
        </>
      );
      break;
    case "info":
      body = (
        <>
          {header()}
          <InfoPage office={catalog.office} services={services} lang={lang} f={FEEDBACK_STRINGS[lang]} />
        </>
      );
      break;
    case "complaint":
      body = (
        <>
          {header()}
          <ComplaintPage
            hub={hub}
            office={catalog.office}
            services={services}
            printPath={
              catalog.kiosk?.canPrint === false
                ? { via: "none" }
                : runtime.mode === "electron"
                  ? { via: "bridge", bridge: runtime.bridge }
                  : { via: "hub" }
            }
            t={t}
            f={FEEDBACK_STRINGS[lang]}
            lang={lang}
            onDone={reset}
          />
        </>
      );
      break;
    case "survey":
      body = (
        <>
          {header()}
          <SurveyPage
            hub={hub}
            privacy={catalog.office.privacy.surveyProfile}
            t={t}
            f={FEEDBACK_STRINGS[lang]}
            lang={lang}
            onDone={reset}
          />
        </>
      );
      break;
    case "agencies":
      body = (
        <>
          {header()}
          <AgencyPicker
            agencies={agencies}
            services={services}
            popular={popular}
            statuses={state.statuses}
            t={t}
            lang={lang}
            onPick={(a) => openAgency(a.id)}
            onPickService={(s) => setScreen({ name: "service", serviceId: s.id, back: { name: "agencies" } })}
            onSearch={() => setScreen({ name: "search", query: "" })}
          />
        </>
      );
      break;
    case "services": {
      const agency = agencies.find((a) => a.id === screen.agencyId);
      body = agency ? (
        <>
          {header(agencies.length > 1 ? () => setScreen({ name: "agencies" }) : undefined)}
          <ServicePicker
            agency={agency}
            services={servicesOf(agency.id)}
            statuses={state.statuses}
            t={t}
            lang={lang}
            onPick={(s) => setScreen({ name: "service", serviceId: s.id })}
          />
        </>
      ) : null;
      break;
    }
    case "search":
      body = (
        <>
          {header(() => setScreen({ name: "agencies" }))}
          <SearchPage
            query={screen.query}
            onQuery={(query) => setScreen({ name: "search", query })}
            services={services}
            agencies={catalog.agencies}
            statuses={state.statuses}
            t={t}
            lang={lang}
            onPick={(s) => setScreen({ name: "service", serviceId: s.id, back: screen })}
          />
        </>
      );
      break;
    case "service": {
      const service = services.find((s) => s.id === screen.serviceId);
      const status = state.statuses.get(screen.serviceId);
      const blocker = blockerFor(state.connection, status, printer, catalog.kiosk?.canPrint !== false, t);
      body = service ? (
        <>
          {header(() => backFromService(service.id, screen.back))}
          <ServicePage
            service={service}
            agency={catalog.agencies.find((a) => a.id === service.agencyId)}
            status={status}
            today={serviceDayOf(hub.now(), catalog.office.timezone)}
            t={t}
            lang={lang}
            blocker={blocker}
            warning={printer?.ready && printer.paperNearEnd ? t.paperNearEnd : null}
            canTake={catalog.kiosk?.canPrint !== false}
            onTake={() => {
              if (blocker === null)
                setScreen({
                  name: "priority",
                  serviceId: service.id,
                  requestId: newRequestId(),
                  back: screen.back,
                });
            }}
          />
        </>
      ) : null;
      break;
    }
    case "priority":
      body = (
        <>
          {header(() =>
            setScreen({
              name: "service",
              serviceId: screen.serviceId,
              ...(screen.back ? { back: screen.back } : {}),
            }),
          )}
          <PriorityPage
            t={t}
            busy={busy}
            onChoose={(p) => void choose(screen.serviceId, screen.requestId, p)}
          />
        </>
      );
      break;
    case "issuing":
      body = <IssuingPage t={t} />;
      break;
    case "booking":
      body = (
        <>
          {header(reset)}
          <BookingCodePage t={t} busy={busy} onCheckIn={(code) => void checkIn(code)} />
        </>
      );
      break;
    case "checking":
      body = <IssuingPage t={t} title={t.bookingChecking} />;
      break;
    case "done":
      body = (
        <>
          {header()}
          <ConfirmationPage
            issued={screen.issued}
            service={services.find((s) => s.id === screen.issued.ticket.serviceId)}
            t={t}
            lang={lang}
            secondsLeft={confirmLeft}
            onDone={reset}
          />
        </>
      );
      break;
    case "problem":
      body = (
        <>
          {header()}
          <ProblemPage
            kind={screen.kind}
            title={screen.title}
            detail={screen.detail}
            t={t}
            onBack={() =>
              screen.back
                ? setScreen(screen.back)
                : screen.serviceId
                  ? setScreen({ name: "service", serviceId: screen.serviceId })
                  : reset()
            }
          />
        </>
      );
      break;
  }

  return (
    <div
      className={`app screen-${screen.name}`}
      data-connection={state.connection}
      data-reach={reachBand === null ? "off" : "on"}
      style={reachBand === null ? undefined : ({ "--reach-band": `${reachBand}px` } as CSSProperties)}
    >
      {state.connection !== "online" && screen.name !== "issuing" && screen.name !== "checking" ? (
        <div className="offline-banner" role="alert" data-testid="offline-banner">
          <strong>{t.hubOffline}</strong> <span>{t.hubOfflineHint}</span>
        </div>
      ) : null}
      <Suspense fallback={null}>{body}</Suspense>
      {screen.name === "issuing" || screen.name === "checking" ? null : (
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
        <div
          className="overlay"
          role="alertdialog"
          aria-modal="true"
          aria-labelledby="idle-title"
          data-testid="idle-warning"
        >
          <div className="dialog">
            <h2 id="idle-title">{t.stillThere}</h2>
            <p>{t.stillThereHint(inactivity.warning)}</p>
            <button type="button" className="btn-primary" onClick={inactivity.poke}>
              {t.continue}
            </button>
          </div>
        </div>
      ) : null}
      {adminOpen && runtime.mode === "electron" ? (
        <AdminPin
          t={t}
          onSubmit={(pin) => runtime.bridge.adminExit(pin)}
          onCancel={() => setAdminOpen(false)}
        />
      ) : null}
    </div>
  );
}
