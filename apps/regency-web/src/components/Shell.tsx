import { LogOut } from "lucide-react";
import { useEffect, useState } from "react";
import type { Api, RegencyUser } from "../api";
import { LangSwitch, useLang } from "../lang";
import { carried, hrefFor, localToday, parseHash, rangeOf, type Route, type View } from "../period";
import { GapsView } from "./GapsView";
import { LeagueView } from "./LeagueView";
import { OfficeView } from "./OfficeView";
import { PeriodBar } from "./PeriodBar";
import { PrintReport } from "./PrintReport";
import type { ViewProps } from "./view";

function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return parseHash(hash);
}


/** The signed-in frame: who is in, the views, the period; an office manager is kept on their own office. */
export function Shell({ api, user, onSignOut }: { api: Api; user: RegencyUser; onSignOut: () => void }) {
  const route = useRoute();
  const { t } = useLang();
  const today = localToday();
  const range = rangeOf(route.params, today);
  const ownOffice = user.role === "office" ? user.officeId : null;

  const go: ViewProps["go"] = (view, id, extra = {}) => {
    location.hash = hrefFor(view, id, { ...carried(route.params), ...extra });
  };

  // An office manager has no league to read: their landing page is their office.
  useEffect(() => {
    if (ownOffice && route.view === "peringkat") location.replace(hrefFor("kantor", ownOffice, carried(route.params)));
  }, [ownOffice, route.view, route.params]);

  // The league's service filter goes with it to the printed report (and back), not into an office's drill-down, whose `layanan` is its own.
  const keep = { ...carried(route.params), layanan: route.view === "peringkat" || route.view === "cetak" ? route.params.get("layanan") : null };
  const tabs: { view: View; id: string | null; label: string }[] = [
    ownOffice ? { view: "kantor", id: ownOffice, label: t.tabs.ownOffice } : { view: "peringkat", id: null, label: t.tabs.league },
    { view: "standar", id: null, label: t.tabs.gaps },
    { view: "cetak", id: null, label: t.tabs.print },
  ];
  const props: ViewProps = { api, user, range, params: route.params, go, today };
  // An office opened from the league stays under Peringkat: that is where the regency user came from.
  const activeTab = route.view === "kantor" && !ownOffice ? "peringkat" : route.view;
  const pageTitle = route.view === "kantor" ? t.officeTab : (tabs.find((tab) => tab.view === route.view)?.label ?? t.tabs.league);

  return (
    <div className="app">
      <header className="topbar no-print">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            L
          </span>
          <span>
            <strong>Layan</strong> · {t.appName}
          </span>
        </div>
        <div className="topbar__right">
          <LangSwitch tone="dark" />
          <span data-testid="signed-in-as" className="topbar__user">
            {user.displayName} <span className="topbar__role">· {t.roles[user.role]}</span>
          </span>
          <button type="button" className="btn btn--ghost" onClick={onSignOut}>
            <LogOut aria-hidden="true" /> {t.signOut}
          </button>
        </div>
      </header>
      <nav className="tabs no-print" aria-label={t.menu}>
        {tabs.map((tab) => (
          <a
            key={tab.view}
            href={hrefFor(tab.view, tab.id, tab.view === "kantor" ? carried(route.params) : keep)}
            className={activeTab === tab.view ? "tab tab--active" : "tab"}
            aria-current={activeTab === tab.view ? "page" : undefined}
          >
            {tab.label}
          </a>
        ))}
      </nav>
      <main className="content">
        <h1 className="sr-only">{`${pageTitle} · ${t.appName}`}</h1>
        {route.view !== "standar" && <PeriodBar range={range} params={route.params} today={today} />}
        {route.view === "peringkat" && !ownOffice && <LeagueView {...props} />}
        {route.view === "kantor" && route.id && <OfficeView {...props} officeId={route.id} />}
        {route.view === "kantor" && !route.id && <p className="muted">{t.pickOffice}</p>}
        {route.view === "standar" && <GapsView {...props} />}
        {route.view === "cetak" && <PrintReport {...props} />}
      </main>
    </div>
  );
}
