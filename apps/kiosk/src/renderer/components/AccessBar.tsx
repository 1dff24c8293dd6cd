import { ALargeSmall, ArrowLeft, Contrast, House, Languages } from "lucide-react";
import type { ReactNode } from "react";
import type { AccessModes } from "../access/modes";
import type { Strings } from "../i18n";

export interface AccessBarProps {
  t: Strings;
  modes: AccessModes;
  onToggle: (mode: keyof AccessModes) => void;
  onToggleLang: () => void;
  onBack?: (() => void) | undefined;
  onHome?: (() => void) | undefined;
  /** The "Dengarkan" button's place (kiosk-listen). */
  listen?: ReactNode;
}

/**
 * Every control a citizen may need on any screen, in one bar at the bottom:
 * within reach from a wheelchair on a portrait stand, where the old top bar
 * was 1.5 m above the floor.
 */
export function AccessBar({ t, modes, onToggle, onToggleLang, onBack, onHome, listen }: AccessBarProps) {
  return (
    <nav
      className="access-bar"
      aria-label={t.accessBar}
      data-testid="access-bar"
      onClick={(e) => e.stopPropagation()}
    >
      <div className="access-nav">
        {onBack ? (
          <button type="button" className="btn-ghost access-btn" onClick={onBack} data-testid="back">
            <ArrowLeft size={34} aria-hidden="true" />
            <span>{t.back}</span>
          </button>
        ) : null}
        {onHome ? (
          <button type="button" className="btn-ghost access-btn" onClick={onHome} data-testid="home">
            <House size={32} aria-hidden="true" />
            <span>{t.home}</span>
          </button>
        ) : null}
      </div>
      <div className="access-aids">
        {listen}
        <button
          type="button"
          className="btn-ghost access-btn"
          aria-pressed={modes.largeText}
          onClick={() => onToggle("largeText")}
          data-testid="large-text"
        >
          <ALargeSmall size={34} aria-hidden="true" />
          <span>{t.largeText}</span>
        </button>
        <button
          type="button"
          className="btn-ghost access-btn"
          aria-pressed={modes.highContrast}
          onClick={() => onToggle("highContrast")}
          data-testid="high-contrast"
        >
          <Contrast size={32} aria-hidden="true" />
          <span>{t.highContrast}</span>
        </button>
        <button
          type="button"
          className="btn-ghost access-btn lang-btn"
          onClick={onToggleLang}
          aria-label={t.langToggleLabel}
          data-testid="lang"
        >
          <Languages size={30} aria-hidden="true" />
          <span>{t.langToggle}</span>
        </button>
      </div>
    </nav>
  );
}
