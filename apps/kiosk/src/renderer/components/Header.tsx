import type { OfficeInfo } from "@layan/protocol";
import { ArrowLeft, House, Landmark, Languages } from "lucide-react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Lang, Strings } from "../i18n";

export interface HeaderProps {
  office: OfficeInfo;
  t: Strings;
  lang: Lang;
  now: () => number;
  onToggleLang: () => void;
  onHome?: (() => void) | undefined;
  onBack?: (() => void) | undefined;
  /** Five quick taps on the emblem: the hidden way in for the admin PIN (Electron only). */
  onSecretTaps?: (() => void) | undefined;
  /** The "Dengarkan" button, beside the language button. */
  listen?: ReactNode;
}

export function Header({ office, t, lang, now, onToggleLang, onHome, onBack, onSecretTaps, listen }: HeaderProps) {
  const taps = useRef<number[]>([]);
  const tapEmblem = () => {
    if (!onSecretTaps) return;
    const at = Date.now();
    taps.current = [...taps.current.filter((x) => at - x < 4_000), at];
    if (taps.current.length >= 5) {
      taps.current = [];
      onSecretTaps();
    }
  };
  return (
    <header className={onBack ? "topbar has-back" : "topbar"}>
      <div className="topbar-left">
        {onBack ? (
          <button type="button" className="btn-ghost nav-btn" onClick={onBack} data-testid="back">
            <ArrowLeft size={34} aria-hidden="true" />
            <span>{t.back}</span>
          </button>
        ) : null}
        <div className="brand" onPointerDown={tapEmblem}>
          <span className="brand-emblem" aria-hidden="true">
            <Landmark size={34} />
          </span>
          <span className="brand-name">{office.shortName || office.name}</span>
        </div>
      </div>
      <div className="topbar-right">
        <Clock now={now} timeZone={office.timezone} lang={lang} compact />
        {listen}
        <button
          type="button"
          className="btn-ghost lang-btn"
          onClick={onToggleLang}
          aria-label={t.langToggleLabel}
          data-testid="lang"
        >
          <Languages size={30} aria-hidden="true" />
          <span>{t.langToggle}</span>
        </button>
        {onHome ? (
          <button type="button" className="btn-ghost nav-btn" onClick={onHome} data-testid="home">
            <House size={32} aria-hidden="true" />
            <span>{t.home}</span>
          </button>
        ) : null}
      </div>
    </header>
  );
}

const ZONE_ABBR: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

/** Hub time in the office's zone: the kiosk's own clock is never trusted. */
export function Clock({
  now,
  timeZone,
  lang,
  compact = false,
}: {
  now: () => number;
  timeZone: string;
  lang: Lang;
  compact?: boolean;
}) {
  const [at, setAt] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setAt(now()), 1_000);
    return () => clearInterval(timer);
  }, [now]);
  const locale = lang === "en" ? "en-GB" : "id-ID";
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  const date = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
  }).format(at);
  return (
    <div className="clock" aria-hidden="true">
      <span className="clock-time">
        {time.replace(".", ":")} <small>{ZONE_ABBR[timeZone] ?? ""}</small>
      </span>
      {compact ? null : <span className="clock-date">{date}</span>}
    </div>
  );
}
