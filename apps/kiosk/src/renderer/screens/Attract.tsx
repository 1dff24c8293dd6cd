import type { OfficeInfo } from "@layan/protocol";
import { Accessibility, Hand, Landmark, Languages, ListChecks, Ticket, Building } from "lucide-react";
import type { Lang, Strings } from "../i18n";
import { Clock } from "../components/Header";

const STEP_ICONS = [Building, ListChecks, Ticket];

/** The idle screen: the office's name and one clear thing to do. A tap anywhere starts. */
export function Attract({
  office,
  t,
  lang,
  now,
  onStart,
  onToggleLang,
}: {
  office: OfficeInfo;
  t: Strings;
  lang: Lang;
  now: () => number;
  onStart: () => void;
  onToggleLang: () => void;
}) {
  return (
    <main className="attract" onClick={onStart} data-testid="attract">
      <div className="attract-top">
        <Clock now={now} timeZone={office.timezone} lang={lang} />
        <button
          type="button"
          className="btn-ghost lang-btn on-dark"
          aria-label={t.langToggleLabel}
          data-testid="lang"
          onClick={(e) => {
            e.stopPropagation();
            onToggleLang();
          }}
        >
          <Languages size={30} aria-hidden="true" />
          <span>{t.langToggle}</span>
        </button>
      </div>
      <div className="attract-center">
        <span className="attract-emblem" aria-hidden="true">
          <Landmark size={88} strokeWidth={1.6} />
        </span>
        <h1 className="attract-office">{office.name}</h1>
        <p className="attract-lead">{t.attractLead}</p>
        <button type="button" className="attract-start" onClick={onStart} data-testid="start">
          <Hand size={64} aria-hidden="true" />
          <span>{t.touchToStart}</span>
        </button>
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
      <footer className="attract-foot">
        <Accessibility size={36} aria-hidden="true" />
        <span>{t.priorityHint}</span>
      </footer>
    </main>
  );
}
