import type {
  AgencyInfo,
  Localized,
  MaklumatInfo,
  OfficeInfo,
  ServiceHours,
  ServiceInfo,
} from "@layan/protocol";
import {
  Accessibility,
  Armchair,
  Baby,
  Bath,
  Clock3,
  HeartHandshake,
  Info,
  MoveUpRight,
  type LucideIcon,
} from "lucide-react";
import { PageHead } from "../components/PageHead";
import { weeklyHoursLines } from "../hours";
import type { Lang } from "../i18n";
import { dateInWords, type FeedbackStrings } from "./strings";
import "../styles/info-lists.css";

/** English when the office wrote it, Bahasa Indonesia otherwise. */
export const localized = (text: Localized, lang: Lang): string =>
  lang === "en" && text.en ? text.en : text.id;

/** The kinds office.yaml names (UU 25/2009 art. 29); an unknown kind still gets a sign. */
const FACILITY_ICONS: Record<string, LucideIcon> = {
  "priority-lane": HeartHandshake,
  "priority-seats": Armchair,
  ramp: MoveUpRight,
  "nursing-room": Baby,
  wheelchair: Accessibility,
  "accessible-toilet": Bath,
};

export function MaklumatBlock({
  maklumat,
  lang,
  f,
  testId,
}: {
  maklumat: MaklumatInfo;
  lang: Lang;
  f: FeedbackStrings;
  testId?: string;
}) {
  return (
    <figure className="maklumat" data-testid={testId}>
      <blockquote className="maklumat-text">{maklumat.text}</blockquote>
      <figcaption className="maklumat-sign">
        <span className="maklumat-position">{maklumat.position}</span>
        <strong className="maklumat-name">{maklumat.signedBy}</strong>
        <span className="maklumat-date">{f.adoptedOn(dateInWords(maklumat.adoptedOn, lang))}</span>
      </figcaption>
    </figure>
  );
}

export function MaklumatPage({
  office,
  agencies,
  lang,
  f,
}: {
  office: OfficeInfo;
  agencies: AgencyInfo[];
  lang: Lang;
  f: FeedbackStrings;
}) {
  const own = agencies.filter((a): a is AgencyInfo & { maklumat: MaklumatInfo } => a.maklumat !== null);
  return (
    <main className="page feedback-page" data-testid="maklumat-page">
      <PageHead title={f.maklumat} hint={f.maklumatHint} />
      <div className="feedback-scroll" tabIndex={0}>
        <h2 className="feedback-sub">{office.name}</h2>
        <MaklumatBlock maklumat={office.maklumat} lang={lang} f={f} testId="office-maklumat" />
        {own.map((agency) => (
          <section key={agency.id} className="agency-maklumat" data-testid={`agency-maklumat-${agency.id}`}>
            <h2 className="feedback-sub">
              {f.agencyMaklumat}: {agency.name}
            </h2>
            <MaklumatBlock maklumat={agency.maklumat} lang={lang} f={f} />
          </section>
        ))}
      </div>
    </main>
  );
}

/**
 * The office has no hours of its own in the catalog: its services carry them.
 * The hours most services share are the office's notice-board hours.
 */
export function officeHours(services: ServiceInfo[]): ServiceHours | null {
  const counts = new Map<string, { hours: ServiceHours; n: number }>();
  for (const s of services) {
    const key = JSON.stringify(s.hours.weekly);
    const seen = counts.get(key);
    counts.set(key, { hours: s.hours, n: (seen?.n ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.hours ?? null;
}

export function InfoPage({
  office,
  services,
  lang,
  f,
}: {
  office: OfficeInfo;
  services: ServiceInfo[];
  lang: Lang;
  f: FeedbackStrings;
}) {
  const { about } = office;
  const hours = officeHours(services);
  return (
    <main className="page feedback-page" data-testid="info-page">
      <PageHead title={f.info} hint={f.infoHint} />
      <div className="feedback-scroll info-grid" tabIndex={0}>
        {about.visi ? (
          <section className="info-card">
            <h2>{f.visi}</h2>
            <p data-testid="visi">{localized(about.visi, lang)}</p>
          </section>
        ) : null}
        {about.motto ? (
          <section className="info-card">
            <h2>{f.motto}</h2>
            <p className="info-motto">{localized(about.motto, lang)}</p>
          </section>
        ) : null}
        {about.misi.length > 0 ? (
          <section className="info-card info-wide">
            <h2>{f.misi}</h2>
            <ol data-testid="misi">
              {about.misi.map((m) => (
                <li key={m.id}>{localized(m, lang)}</li>
              ))}
            </ol>
          </section>
        ) : null}
        {about.facilities.length > 0 ? (
          <section className="info-card info-wide">
            <h2>{f.facilities}</h2>
            <ul className="facilities" data-testid="facilities">
              {about.facilities.map((facility) => {
                const Icon = FACILITY_ICONS[facility.kind] ?? Info;
                return (
                  <li key={facility.kind + facility.description.id}>
                    <Icon size={44} aria-hidden="true" />
                    <span>{localized(facility.description, lang)}</span>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
        {hours ? (
          <section className="info-card info-wide">
            <h2>
              <Clock3 size={32} aria-hidden="true" /> {f.officeHours}
            </h2>
            <dl className="hours" data-testid="office-hours">
              {weeklyHoursLines(hours, lang).map((line) => (
                <div key={line.days} className={line.closed ? "hours-closed" : undefined}>
                  <dt>{line.days}</dt>
                  <dd>{line.hours}</dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}
      </div>
    </main>
  );
}
