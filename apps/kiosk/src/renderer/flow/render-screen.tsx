import { serviceDayOf, type PriorityReason } from "@layan/core";
import type { Catalog } from "@layan/protocol";
import { newRequestId } from "@layan/ui";
import type { ReactNode } from "react";
import type { PrinterCheck } from "../../shared/bridge";
import { blockerFor } from "../blockers";
import { Header } from "../components/Header";
import { FEEDBACK_STRINGS } from "../feedback/strings";
import type { Lang, Strings } from "../i18n";
import type { KioskHub, KioskHubState } from "../kiosk-hub";
import type { Runtime } from "../runtime";
import { Attract } from "../screens/Attract";
import { BookingCodePage } from "../screens/BookingCodePage";
import { ConfirmationPage } from "../screens/ConfirmationPage";
import { IssuingPage } from "../screens/IssuingPage";
import { AgencyPicker, ServicePicker } from "../screens/Pickers";
import { PriorityPage } from "../screens/PriorityPage";
import { ProblemPage } from "../screens/ProblemPage";
import { SearchPage } from "../screens/SearchPage";
import { ServicePage } from "../screens/ServicePage";
import { ComplaintPage, InfoPage, MaklumatPage, SurveyPage } from "./feedback-chunk";
import type { CatalogNavigation } from "./navigation";
import type { Screen } from "./screen";

/** Everything a screen may show or do, gathered by App from the hub, the runtime and the citizen's choices. */
export interface ScreenContext {
  screen: Screen;
  go: (screen: Screen) => void;
  catalog: Catalog;
  nav: CatalogNavigation;
  state: KioskHubState;
  hub: KioskHub;
  runtime: Runtime;
  t: Strings;
  lang: Lang;
  busy: boolean;
  printer: PrinterCheck | null;
  confirmLeft: number;
  reset: () => void;
  onAdmin: () => void;
  choose: (serviceId: string, requestId: string, priority: PriorityReason | null) => void;
  checkIn: (code: string) => void;
}

/**
 * The page for the current screen, and where its "Kembali" leads (the
 * AccessBar below the page offers it; undefined: no way back but Beranda).
 */
export function renderScreen(ctx: ScreenContext): { body: ReactNode; onBack: (() => void) | undefined } {
  const { screen, go, catalog, nav, state, hub, runtime, t, lang, busy, printer, reset } = ctx;
  const { services, agencies } = nav;

  // Each screen names its way back here while it builds its header.
  let onBack: (() => void) | undefined;
  const header = (back?: () => void) => {
    onBack = back;
    return (
      <Header
        office={catalog.office}
        lang={lang}
        now={hub.now.bind(hub)}
        onSecretTaps={runtime.mode === "electron" ? ctx.onAdmin : undefined}
      />
    );
  };

  /** What the complaint and the survey pages both take: strings, language and the way home. */
  const feedbackPage = { t, f: FEEDBACK_STRINGS[lang], lang, onDone: reset };
  let body: ReactNode;
  switch (screen.name) {
    case "attract":
      body = (
        <Attract
          office={catalog.office}
          t={t}
          lang={lang}
          now={hub.now.bind(hub)}
          onStart={nav.start}
          onOpen={(name) => go({ name })}
          onBooking={(catalog.office.bookingCheckIn ?? catalog.office.bookingEnabled) ? () => go({ name: "booking" }) : undefined}
        />
      );
      break;
    case "maklumat":
      body = (
        <>
          {header()}
          <MaklumatPage office={catalog.office} agencies={catalog.agencies} lang={lang} f={FEEDBACK_STRINGS[lang]} />
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
            {...feedbackPage}
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
            {...feedbackPage}
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
            popular={nav.popular}
            statuses={state.statuses}
            t={t}
            lang={lang}
            onPick={(a) => nav.openAgency(a.id)}
            onPickService={(s) => go({ name: "service", serviceId: s.id, back: { name: "agencies" } })}
            onSearch={() => go({ name: "search", query: "" })}
          />
        </>
      );
      break;
    case "services": {
      const agency = agencies.find((a) => a.id === screen.agencyId);
      body = agency ? (
        <>
          {header(agencies.length > 1 ? () => go({ name: "agencies" }) : undefined)}
          <ServicePicker
            agency={agency}
            services={nav.servicesOf(agency.id)}
            statuses={state.statuses}
            t={t}
            lang={lang}
            onPick={(s) => go({ name: "service", serviceId: s.id })}
          />
        </>
      ) : null;
      break;
    }
    case "search":
      body = (
        <>
          {header(() => go({ name: "agencies" }))}
          <SearchPage
            query={screen.query}
            onQuery={(query) => go({ name: "search", query })}
            services={services}
            agencies={catalog.agencies}
            statuses={state.statuses}
            t={t}
            lang={lang}
            onPick={(s) => go({ name: "service", serviceId: s.id, back: screen })}
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
          {header(() => nav.backFromService(service.id, screen.back))}
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
                go({ name: "priority", serviceId: service.id, requestId: newRequestId(), back: screen.back });
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
            go({ name: "service", serviceId: screen.serviceId, ...(screen.back ? { back: screen.back } : {}) }),
          )}
          <PriorityPage t={t} busy={busy} onChoose={(p) => ctx.choose(screen.serviceId, screen.requestId, p)} />
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
          <BookingCodePage t={t} busy={busy} onCheckIn={ctx.checkIn} />
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
            secondsLeft={ctx.confirmLeft}
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
                ? go(screen.back)
                : screen.serviceId
                  ? go({ name: "service", serviceId: screen.serviceId })
                  : reset()
            }
          />
        </>
      );
      break;
  }
  return { body, onBack };
}
