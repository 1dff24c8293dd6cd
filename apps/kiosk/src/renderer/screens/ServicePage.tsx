import type { AgencyInfo, ServiceInfo, ServiceStatus } from "@layan/protocol";
import { Banknote, CalendarClock, CircleAlert, Clock3, Megaphone, Package, Ticket } from "lucide-react";
import type { CSSProperties, ReactNode } from "react";
import { Checklist } from "../components/Checklist";
import { ConfigIcon } from "../components/Icon";
import { LiveFacts, OpenPill } from "../components/LiveFacts";
import { SopFlow } from "../components/SopFlow";
import { upcomingClosedDates, weeklyHoursLines } from "../hours";
import { serviceName, type Lang, type Strings } from "../i18n";

export interface Blocker {
  title: string;
  detail: string;
}

const rupiah = new Intl.NumberFormat("id-ID", {
  style: "currency",
  currency: "IDR",
  maximumFractionDigits: 0,
});

/**
 * The heart of the kiosk: the service's published Standar Pelayanan (flow,
 * requirements, fee, time, product, complaints) with the live queue, and the
 * one button, always on screen, that is disabled with a reason whenever a
 * ticket could not be issued and printed.
 */
export function ServicePage({
  service,
  agency,
  status,
  today,
  t,
  lang,
  blocker,
  warning,
  canTake,
  onTake,
}: {
  service: ServiceInfo;
  agency: AgencyInfo | undefined;
  status: ServiceStatus | undefined;
  /** The office's service day, "YYYY-MM-DD": holidays from here on are listed. */
  today: string;
  t: Strings;
  lang: Lang;
  blocker: Blocker | null;
  warning: string | null;
  /** False on an information kiosk: it shows the SOP and offers no number at all. */
  canTake: boolean;
  onTake: () => void;
}) {
  const duration = `${service.jangkaWaktu.value} ${service.jangkaWaktu.unit}`;
  return (
    <main
      className="page service-page"
      data-testid="service"
      data-service={service.id}
      style={{ "--accent": agency?.color ?? "#0b4a8b" } as CSSProperties}
    >
      <div className="service-head">
        <span className="head-icon" aria-hidden="true">
          <ConfigIcon name={service.icon} size={52} />
        </span>
        <div className="service-titles">
          <p className="service-agency">{agency?.name}</p>
          <h1 className="service-name">{serviceName(service, lang)}</h1>
          <p className="service-desc">{service.description}</p>
        </div>
        <OpenPill status={status} t={t} />
      </div>

      {/* Scrolls when the SOP is long: focusable, so a keyboard or switch user can scroll it too. */}
      <div className="service-grid" role="region" aria-label={t.standardTitle} tabIndex={0}>
        <LiveFacts status={status} t={t} />
        <section className="key-info" aria-label={`${t.feeTitle}, ${t.durationTitle}, ${t.productTitle}`}>
          <KeyFact
            icon={<Banknote size={32} />}
            title={t.feeTitle}
            tone={service.biaya.amount === 0 ? "good" : undefined}
          >
            <strong>
              {service.biaya.amount === null
                ? t.feeByRegulation
                : service.biaya.amount === 0
                  ? t.free
                  : rupiah.format(service.biaya.amount)}
            </strong>
            <span>{service.biaya.text}</span>
          </KeyFact>
          <KeyFact icon={<CalendarClock size={32} />} title={t.durationTitle}>
            <strong>{duration}</strong>
            {service.jangkaWaktu.text ? <span>{service.jangkaWaktu.text}</span> : null}
          </KeyFact>
          <KeyFact icon={<Package size={32} />} title={t.productTitle}>
            <strong>{service.produk}</strong>
          </KeyFact>
          <KeyFact icon={<Clock3 size={32} />} title={t.hoursTitle}>
            <dl className="hours" data-testid="hours">
              {weeklyHoursLines(service.hours, lang).map((line) => (
                <div key={line.days} className={line.closed ? "hours-closed" : undefined}>
                  <dt>{line.days}</dt>
                  <dd>{line.hours}</dd>
                </div>
              ))}
              {upcomingClosedDates(service.hours, today, lang).map((holiday) => (
                <div key={holiday} className="hours-closed">
                  <dt>{t.holidaysTitle}</dt>
                  <dd>{holiday}</dd>
                </div>
              ))}
            </dl>
          </KeyFact>
        </section>
        <SopFlow
          steps={service.prosedur}
          totalMinutes={service.prosedurMinutes}
          labels={{ title: t.sopTitle, total: t.sopTotal, minutes: t.minutes, step: t.step }}
        />
        <section className="requirements" aria-labelledby="req-title">
          <h2 id="req-title" className="section-title">
            {t.requirementsTitle}
          </h2>
          <p className="section-hint">{t.requirementsHint}</p>
          <Checklist items={service.persyaratan} iconSize={30} withNotes />
        </section>
        <section className="complaints" aria-labelledby="complaint-title">
          <h2 id="complaint-title" className="section-title">
            <Megaphone size={28} aria-hidden="true" />
            {t.complaintTitle}
          </h2>
          <ul>
            {service.pengaduan.map((p) => (
              <li key={p.name}>
                <b>{p.name}</b> <span>{p.contact}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <footer className="action-bar">
        {blocker ? (
          <div className="blocker" role="alert" data-testid="blocker">
            <CircleAlert size={40} aria-hidden="true" />
            <div>
              <strong>{blocker.title}</strong>
              <span>{blocker.detail}</span>
            </div>
          </div>
        ) : (
          <p className="action-hint">
            {warning ? <span className="warning">{warning} · </span> : null}
            {t.takeTicketHint}
          </p>
        )}
        {canTake && (
          <button
            type="button"
            className="btn-primary take-btn"
            onClick={onTake}
            disabled={blocker !== null}
            data-testid="take"
          >
            <Ticket size={48} aria-hidden="true" />
            <span>{t.takeTicket}</span>
          </button>
        )}
      </footer>
    </main>
  );
}

function KeyFact({
  icon,
  title,
  children,
  tone,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  tone?: "good" | undefined;
}) {
  return (
    <div className={`key-fact${tone ? ` tone-${tone}` : ""}`}>
      <span className="key-fact-icon" aria-hidden="true">
        {icon}
      </span>
      <div className="key-fact-body">
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
