import type { OfficeInfo } from "@layan/protocol";
import { Landmark } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import type { Lang } from "../i18n";

export interface HeaderProps {
  office: OfficeInfo;
  lang: Lang;
  now: () => number;
  /** Five quick taps on the emblem: the hidden way in for the admin PIN (Electron only). */
  onSecretTaps?: (() => void) | undefined;
}

/** Brand and clock only: the citizen's controls live in the AccessBar, within reach. */
export function Header({ office, lang, now, onSecretTaps }: HeaderProps) {
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
    <header className="topbar">
      <div className="topbar-left">
        <div className="brand" onPointerDown={tapEmblem}>
          <span className="brand-emblem" aria-hidden="true">
            <Landmark size={34} />
          </span>
          <span className="brand-name">{office.shortName || office.name}</span>
        </div>
      </div>
      <div className="topbar-right">
        <Clock now={now} timeZone={office.timezone} lang={lang} compact />
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
