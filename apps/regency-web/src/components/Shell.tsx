import { LogOut } from "lucide-react";
import { useEffect, useState } from "react";
import type { Api, RegencyUser } from "../api";
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


const ROLE_LABELS = { regency: "Pemerintah kabupaten", office: "Manajer kantor" } as const;

/** The signed-in frame: who is in, the views, the period; an office manager is kept on their own office. */
export function Shell({ api, user, onSignOut }: { api: Api; user: RegencyUser; onSignOut: () => void }) {
  const route = useRoute();
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
    ownOffice ? { view: "kantor", id: ownOffice, label: "Kantor saya" } : { view: "peringkat", id: null, label: "Peringkat" },
    { view: "standar", id: null, label: "Kelengkapan Standar" },
    { view: "cetak", id: null, label: "Laporan cetak" },
  ];
  const props: ViewProps = { api, user, range, params: route.params, go, today };
  // An office opened from the league stays under Peringkat: that is where the regency user came from.
  const activeTab = route.view === "kantor" && !ownOffice ? "peringkat" : route.view;
  const pageTitle = route.view === "kantor" ? "Kantor" : (tabs.find((t) => t.view === route.view)?.label ?? "Peringkat");

  return (
    <div className="app">
      <header className="topbar no-print">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            L
          </span>
          <span>
            <strong>Layan</strong> · Dasbor Kabupaten
          </span>
        </div>
        <div className="topbar__right">
          <span data-testid="signed-in-as" className="topbar__user">
            {user.displayName} <span className="topbar__role">· {ROLE_LABELS[user.role]}</span>
          </span>
          <button type="button" className="btn btn--ghost" onClick={onSignOut}>
            <LogOut aria-hidden="true" /> Keluar
          </button>
        </div>
      </header>
      <nav className="tabs no-print" aria-label="Menu">
        {tabs.map((t) => (
          <a
            key={t.view}
            href={hrefFor(t.view, t.id, t.view === "kantor" ? carried(route.params) : keep)}
            className={activeTab === t.view ? "tab tab--active" : "tab"}
            aria-current={activeTab === t.view ? "page" : undefined}
          >
            {t.label}
          </a>
        ))}
      </nav>
      <main className="content">
        <h1 className="sr-only">{`${pageTitle} · Dasbor Kabupaten`}</h1>
        {route.view !== "standar" && <PeriodBar range={range} params={route.params} today={today} />}
        {route.view === "peringkat" && !ownOffice && <LeagueView {...props} />}
        {route.view === "kantor" && route.id && <OfficeView {...props} officeId={route.id} />}
        {route.view === "kantor" && !route.id && <p className="muted">Pilih kantor dari tabel peringkat.</p>}
        {route.view === "standar" && <GapsView {...props} />}
        {route.view === "cetak" && <PrintReport {...props} />}
      </main>
    </div>
  );
}
