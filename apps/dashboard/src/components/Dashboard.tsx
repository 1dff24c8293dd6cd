import type { Session } from "@layan/ui";
import { Activity, BarChart3, FileCheck2, ListOrdered, LogOut, MessageSquare, ClipboardList, ShieldCheck, Settings } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { createApi, type Api, type ApiError } from "../api";
import { adminTabsFor, type ReportMeta } from "@layan/protocol";
import { AdminView } from "../admin/AdminView";
import { useConfigVersion } from "../admin/ConfigFollow";
import { tabHref, useRoute, type View } from "../route";
import { AssessmentView } from "./AssessmentView";
import { ComplianceView } from "./ComplianceView";
import { ComplaintsView } from "./ComplaintsView";
import { IkmView } from "./IkmView";
import { LiveView } from "./LiveView";
import { ReportsView } from "./ReportsView";
import { TicketLogView } from "./TicketLogView";

const NAV: { view: View; label: string; icon: typeof Activity }[] = [
  { view: "langsung", label: "Pantauan langsung", icon: Activity },
  { view: "laporan", label: "Laporan", icon: BarChart3 },
  { view: "log", label: "Log antrean", icon: ListOrdered },
  { view: "kepatuhan", label: "Laporan kepatuhan", icon: FileCheck2 },
  { view: "survei", label: "Survei (IKM)", icon: ClipboardList },
  { view: "pengaduan", label: "Pengaduan", icon: MessageSquare },
  { view: "penilaian", label: "Penilaian Mandiri", icon: ShieldCheck },
  { view: "admin", label: "Administrasi", icon: Settings },
];

const ROLE_LABELS: Record<string, string> = { manager: "Manajer", supervisor: "Supervisor", admin: "Admin" };

export function Dashboard({
  hubUrl,
  session,
  onSignOut,
  onExpired,
}: {
  hubUrl: string;
  session: Session;
  onSignOut: () => void;
  onExpired: (message: string) => void;
}) {
  const api: Api = useMemo(
    () => createApi(hubUrl, session.token, (e: ApiError) => onExpired(e.message)),
    [hubUrl, session.token, onExpired],
  );
  const route = useRoute();
  const [meta, setMeta] = useState<ReportMeta | null>(null);
  const [error, setError] = useState<string | null>(null);
  const configVersion = useConfigVersion(hubUrl, session.token);

  useEffect(() => {
    let live = true;
    api
      .get("meta")
      .then((m) => live && setMeta(m))
      .catch((e: ApiError) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [api, configVersion]);

  return (
    <div className="shell">
      <header className="topbar no-print">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            L
          </span>
          <span>
            <strong>Layan</strong> · Dasbor Pelayanan
            {meta && <span className="topbar__office"> — {meta.office.name}</span>}
          </span>
        </div>
        <div className="topbar__right">
          <span className="topbar__user" data-testid="signed-in-as">
            {session.user.displayName}{" "}
            <span className="topbar__role">{ROLE_LABELS[session.user.role] ?? session.user.role}</span>
          </span>
          <button type="button" className="btn btn--ghost" onClick={onSignOut}>
            <LogOut aria-hidden="true" /> Keluar
          </button>
        </div>
      </header>
      <nav className="tabs no-print" aria-label="Menu dasbor">
        {NAV.filter((n) => n.view !== "admin" || adminTabsFor(session.user.role).length > 0).map(({ view, label, icon: Icon }) => (
          <a
            key={view}
            href={tabHref(view, route.params)}
            className={`tabs__tab${route.view === view ? " tabs__tab--active" : ""}`}
            aria-current={route.view === view ? "page" : undefined}
          >
            <Icon aria-hidden="true" /> {label}
          </a>
        ))}
      </nav>
      <main className="content">
        {error && (
          <p className="alert alert--error" role="alert">
            {error}
          </p>
        )}
        {!meta && !error && <p className="muted">Memuat…</p>}
        {meta && route.view === "langsung" && (
          <LiveView api={api} meta={meta} hubUrl={hubUrl} token={session.token} onRefused={onExpired} />
        )}
        {meta && route.view === "laporan" && <ReportsView api={api} meta={meta} params={route.params} />}
        {meta && route.view === "log" && <TicketLogView api={api} meta={meta} params={route.params} />}
        {meta && route.view === "kepatuhan" && (
          <ComplianceView api={api} meta={meta} params={route.params} signedBy={session.user.displayName} />
        )}
        {meta && route.view === "survei" && <IkmView api={api} meta={meta} params={route.params} />}
        {meta && route.view === "pengaduan" && <ComplaintsView api={api} meta={meta} params={route.params} />}
        {meta && route.view === "admin" && (
          <AdminView hubUrl={hubUrl} session={session} sub={route.sub} timeZone={meta.office.timezone} today={meta.today} onExpired={onExpired} />
        )}
        {meta && route.view === "penilaian" && (
          <AssessmentView api={api} meta={meta} params={route.params} signedBy={session.user.displayName} />
        )}
      </main>
    </div>
  );
}
