import type { Strings } from "../i18n";

/** "Masih di sini?": the last seconds before the kiosk starts over for the next citizen. */
export function IdleWarning({ t, secondsLeft, onContinue }: { t: Strings; secondsLeft: number; onContinue: () => void }) {
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" data-testid="idle-warning">
      <div className="dialog">
        <h2 id="idle-title">{t.stillThere}</h2>
        <p>{t.stillThereHint(secondsLeft)}</p>
        <button type="button" className="btn-primary" onClick={onContinue}>
          {t.continue}
        </button>
      </div>
    </div>
  );
}
