import { adminTabsFor, type AdminTab } from "@layan/protocol";
import type { Session } from "@layan/ui";
import { BellRing, CalendarCheck, CalendarClock, History, MonitorSmartphone, Settings2, Users, type LucideIcon } from "lucide-react";
import { useMemo, type ReactNode } from "react";
import type { ApiError } from "../api";
import { createAdminApi, type AdminApi } from "./api";
import { AuditTab } from "./AuditTab";
import { ConfigTab } from "./ConfigTab";
import { NotifyTab } from "./NotifyTab";
import { OperationsTab } from "./OperationsTab";
import { UsersTab } from "./UsersTab";
import { DevicesTab } from "./DevicesTab";
import { BookingsTab } from "./BookingsTab";
import "./admin.css";

interface TabProps {
  api: AdminApi;
  session: Session;
  timeZone: string;
  hubUrl: string;
  /** The hub's service day (ReportMeta.today): the browser's own clock may be off. */
  today: string;
  onExpired: (message: string) => void;
}

/**
 * The tabs of "Administrasi", in order. A new tab ("Perangkat", "Layanan
 * hari ini", "Konfigurasi") is one entry here and one in ADMIN_TABS /
 * adminTabsFor (packages/protocol/src/admin.ts), which decides who sees it.
 */
const TABS: Record<AdminTab, { label: string; icon: LucideIcon; render: (p: TabProps) => ReactNode }> = {
  pengguna: {
    label: "Pengguna",
    icon: Users,
    render: ({ api, session, timeZone }) => <UsersTab api={api} myRole={session.user.role} myId={session.user.id} timeZone={timeZone} />,
  },
  audit: { label: "Jejak audit", icon: History, render: ({ api, timeZone }) => <AuditTab api={api} timeZone={timeZone} /> },
  perangkat: { label: "Perangkat", icon: MonitorSmartphone, render: (p) => <DevicesTab hubUrl={p.hubUrl} session={p.session} timeZone={p.timeZone} onExpired={p.onExpired} /> },
  pemberitahuan: { label: "Pemberitahuan", icon: BellRing, render: ({ api, timeZone }) => <NotifyTab api={api} timeZone={timeZone} /> },
  layanan: { label: "Layanan hari ini", icon: CalendarClock, render: ({ api, timeZone }) => <OperationsTab api={api} timeZone={timeZone} /> },
  konfigurasi: { label: "Konfigurasi", icon: Settings2, render: (p) => <ConfigTab hubUrl={p.hubUrl} session={p.session} timeZone={p.timeZone} onExpired={p.onExpired} /> },
  reservasi: { label: "Reservasi", icon: CalendarCheck, render: (p) => <BookingsTab api={p.api} role={p.session.user.role} timeZone={p.timeZone} today={p.today} /> },
};

/** `#/admin/<tab>`: the first tab the role may see when the hash names none, or one it may not see. */
export function AdminView({
  hubUrl,
  session,
  sub,
  timeZone,
  today,
  onExpired,
}: {
  hubUrl: string;
  session: Session;
  sub: string | null;
  timeZone: string;
  today: string;
  onExpired: (message: string) => void;
}) {
  const api = useMemo(() => createAdminApi(hubUrl, session.token, (e: ApiError) => onExpired(e.message)), [hubUrl, session.token, onExpired]);
  const tabs = adminTabsFor(session.user.role);
  const current = tabs.find((t) => t === sub) ?? tabs[0];
  return (
    <div className="view" data-testid="admin-view">
      <div className="view__head">
        <h1 className="view__title">Administrasi</h1>
        <p className="view__subtitle">Pengguna, layanan hari ini, reservasi, konfigurasi, perangkat dan jejak audit kantor ini, tanpa membuka terminal server.</p>
      </div>
      <nav className="admin-tabs" aria-label="Menu administrasi">
        {tabs.map((t) => {
          const { label, icon: Icon } = TABS[t];
          return (
            <a key={t} href={`#/admin/${t}`} className={`segmented__item${t === current ? " segmented__item--on" : ""}`} aria-current={t === current ? "page" : undefined}>
              <Icon aria-hidden="true" /> {label}
            </a>
          );
        })}
      </nav>
      {current ? TABS[current].render({ api, session, timeZone, hubUrl, today, onExpired }) : <p className="muted">Peran Anda tidak memiliki tugas administrasi.</p>}
    </div>
  );
}
