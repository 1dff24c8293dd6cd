import type { OfficeInfo } from "@layan/protocol";
import {
  Accessibility,
  Hand,
  Landmark,
  ListChecks,
  Ticket,
  Building,
  ScrollText,
  Info,
  MessageSquareWarning,
  ClipboardCheck,
  TicketCheck,
} from "lucide-react";
import { FEEDBACK_STRINGS } from "../feedback/strings";
import type { Lang, Strings } from "../i18n";
import { Clock } from "../components/Header";
import "../styles/booking.css";

const STEP_ICONS = [Building, ListChecks, Ticket];

/** The idle screen: the office's name and one clear thing to do. A tap anywhere starts. */
export function Attract({
  office,
  t,
  lang,
  now,
  onStart,
  onOpen,
  onBooking,
}: {
  office: OfficeInfo;
  t: Strings;
  lang: Lang;
  now: () => number;
  onStart: () => void;
  /** The screens a citizen may want without taking a number. */
  onOpen: (screen: "maklumat" | "info" | "complaint" | "survey") => void;
  /** Only where the office takes bookings: the check-in by booking code. */
  onBooking?: (() => void) | undefined;
}) {
  const f = FEEDBACK_STRINGS[lang];
  const more = [
    { screen: "maklumat" as const, label: f.maklumat, Icon: ScrollText },
    { screen: "info" as const, label: f.info, Icon: Info },
    { screen: "complaint" as const, label: f.complaint, Icon: MessageSquareWarning },
    ...(office.surveyEnabled ? [{ screen: "survey" as const, label: f.survey, Icon: ClipboardCheck }] : []),
  ];
  return (
    <main className="attract" onClick={onStart} data-testid="attract">
      <div className="attract-top">
        <Clock now={now} timeZone={office.timezone} lang={lang} />
      </div>
      <div className="attract-center">
        <span className="attract-emblem" aria-hidden="true">
          <Landmark size={88} strokeWidth={1.6} />
        </span>
        <h1 className="attract-office">{office.name}</h1>
        <p className="attract-lead">{t.attractLead}</p>
        <ol className="attract-steps">
          {t.attractSteps.map((label, i) => {
            const Icon = STEP_ICONS[i] ?? Ticket;
            return (
              <li key={label}>
                <span className="attract-step-num">{i + 1}</span>
                <Icon size={32} aria-hidden="true" />
                <span>{label}</span>
              </li>
            );
          })}
        </ol>
      </div>
      {/* The pledge belongs where every citizen passes, not only behind a button. */}
      <p className="attract-maklumat" data-testid="attract-maklumat">
        <strong>{f.maklumat}:</strong> {office.maklumat.text}
      </p>
      <footer className="attract-foot">
        <Accessibility size={36} aria-hidden="true" />
        <span>{t.priorityHint}</span>
      </footer>
      {/* Within reach from a wheelchair on a portrait stand (the reach band, see access/reach.ts). */}
      <div className={onBooking ? "reach-zone attract-zone with-booking" : "reach-zone attract-zone"}>
        <button type="button" className="attract-start" onClick={onStart} data-testid="start">
          <Hand size={64} aria-hidden="true" />
          <span>{t.touchToStart}</span>
        </button>
        {onBooking ? (
          <button
            type="button"
            className="attract-booking"
            data-testid="open-booking"
            onClick={(e) => {
              e.stopPropagation();
              onBooking();
            }}
          >
            <TicketCheck size={44} aria-hidden="true" />
            <span>
              {t.bookingEntry}
              {/* Both languages on the first screen: a visitor reads the one they know before any switch. */}
              <small lang={lang === "id" ? "en" : "id"}>{t.bookingEntryOther}</small>
            </span>
          </button>
        ) : null}
        <nav className="attract-more" aria-label={f.info}>
          {more.map(({ screen, label, Icon }) => (
            <button
              key={screen}
              type="button"
              className="attract-more-btn"
              data-testid={`open-${screen}`}
              onClick={(e) => {
                e.stopPropagation();
                onOpen(screen);
              }}
            >
              <Icon size={40} aria-hidden="true" />
              <span>{label}</span>
            </button>
          ))}
        </nav>
      </div>
    </main>
  );
}
