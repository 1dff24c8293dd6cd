import type { IssuedTicket, ServiceInfo } from "@layan/protocol";
import {
  ArrowDown,
  CircleCheckBig,
  Hourglass,
  ListChecks,
  MonitorSpeaker,
  Printer,
  Smartphone,
  Users,
} from "lucide-react";
import { Checklist } from "../components/Checklist";
import { QrCode } from "../components/QrCode";
import { serviceName, type Lang, type Strings } from "../i18n";

/** The number, the people ahead, the wait range and the QR code; then back to the start by itself. */
export function ConfirmationPage({
  issued,
  service,
  t,
  lang,
  secondsLeft,
  onDone,
}: {
  issued: IssuedTicket;
  service: ServiceInfo | undefined;
  t: Strings;
  lang: Lang;
  secondsLeft: number;
  onDone: () => void;
}) {
  const { p50Minutes, p90Minutes } = issued.estimate;
  const wait =
    p50Minutes !== null && p90Minutes !== null
      ? t.waitRange(Math.min(p50Minutes, p90Minutes), Math.max(p50Minutes, p90Minutes))
      : t.noEstimate;
  const priority = issued.ticket.priority;
  return (
    <main className="page confirm-page" data-testid="confirmation">
      <div className="confirm-banner" role="status">
        <CircleCheckBig size={44} aria-hidden="true" />
        <span>{t.takePrintedTicket}</span>
        <span className="confirm-arrow" aria-hidden="true">
          <Printer size={36} />
          <ArrowDown size={36} />
        </span>
      </div>
      {/* Scrolls on a short screen: focusable, so it can be scrolled without a touch. */}
      <div className="confirm-grid" role="region" aria-label={t.ticketDetails} tabIndex={0}>
        <section className="ticket-card" aria-label={t.yourNumber}>
          <h1 className="ticket-label">{t.yourNumber}</h1>
          <p className="ticket-number" data-testid="ticket-number">
            {issued.ticket.number}
          </p>
          {priority ? (
            <p className="ticket-priority">{`${t.priorityBadge} · ${t.priority[priority].title}`}</p>
          ) : null}
          {/* A booked visit: called at its slot's time, ahead of walk-ins (docs/booking.md). */}
          {issued.print.reservation ? (
            <p className="ticket-priority" data-testid="ticket-reservation">
              {issued.print.reservation}
            </p>
          ) : null}
          <p className="ticket-service">{service ? serviceName(service, lang) : issued.ticket.serviceId}</p>
          <div className="ticket-facts">
            <div className="fact" data-fact="ahead">
              <Users size={34} aria-hidden="true" />
              <div>
                <div className="fact-value" data-testid="people-ahead">
                  {t.peopleAhead(issued.peopleAhead, p50Minutes !== null)}
                </div>
              </div>
            </div>
            <div className="fact" data-fact="estimate">
              <Hourglass size={34} aria-hidden="true" />
              <div>
                <div className="fact-value" data-testid="wait-range">
                  {wait}
                </div>
                <div className="fact-label">{t.estimatedWait}</div>
              </div>
            </div>
          </div>
        </section>
        <section className="qr-card">
          <QrCode text={issued.statusUrl} size={300} label={t.scanToFollow} />
          <p>
            <Smartphone size={30} aria-hidden="true" />
            <span>{t.scanToFollow}</span>
          </p>
        </section>
        {service && service.persyaratan.length > 0 ? (
          <section className="confirm-req" aria-labelledby="confirm-req-title">
            <h2 id="confirm-req-title" className="section-title">
              <ListChecks size={30} aria-hidden="true" />
              {t.requirementsTitle}
            </h2>
            <p className="section-hint">{t.requirementsHint}</p>
            <Checklist items={service.persyaratan} iconSize={26} />
          </section>
        ) : null}
      </div>
      <p className="confirm-next">
        <MonitorSpeaker size={34} aria-hidden="true" />
        <span>{t.waitForCall}</span>
      </p>
      <footer className="action-bar">
        <p className="action-hint" aria-live="off">
          {t.returningIn(secondsLeft)}
        </p>
        <button type="button" className="btn-primary take-btn" onClick={onDone} data-testid="done">
          <CircleCheckBig size={44} aria-hidden="true" />
          <span>{t.done}</span>
        </button>
      </footer>
    </main>
  );
}
