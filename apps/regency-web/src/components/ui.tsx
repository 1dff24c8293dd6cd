import type { ReactNode } from "react";
import { useKeyedLoad, type Loaded as KeyedLoaded } from "@layan/ui";
import { ApiError } from "../api";
import { useLang } from "../lang";
import { errorText, STRINGS } from "../strings";

export type Loaded<T> = KeyedLoaded<T, ApiError>;

/** Loads whenever `key` changes; see useKeyedLoad for why an answer to an older key never shows as the new one's. */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  return useKeyedLoad(key, load, (err) => (err instanceof ApiError ? err : new ApiError(0, { code: "INTERNAL", message: STRINGS.id.errors.INTERNAL })));
}

/** The API's refusal by its code, in the chosen language (strings.ts errorText). */
export function ErrorBox({ error }: { error: ApiError }) {
  const { lang } = useLang();
  return (
    <p className="error" role="alert" data-code={error.error.code}>
      {errorText(error.error, lang)}
    </p>
  );
}

/** A section that says it is loading (aria-busy) and shows the API's refusal in place of its figures. */
export function Section({ title, loaded, children, actions, id }: { title: ReactNode; loaded: Loaded<unknown>; children: ReactNode; actions?: ReactNode; id?: string }) {
  const { t } = useLang();
  return (
    <section className="panel" aria-busy={loaded.loading} aria-labelledby={id}>
      <header className="panel__head">
        <h2 id={id}>{title}</h2>
        {actions}
      </header>
      {loaded.error ? <ErrorBox error={loaded.error} /> : loaded.data === null ? <p className="muted loading">{t.loading}</p> : children}
    </section>
  );
}

/**
 * A table that may be wider than a phone: it scrolls inside its panel, and
 * the scrolling box takes the keyboard focus (with a name) so it can be
 * scrolled without a mouse.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/** How current the figures are (currency.ts), as a polite status line under a screen's title. */
export function CurrencyLine({ text }: { text: string | null }) {
  return text ? (
    <p className="muted currency" role="status" data-testid="currency">
      {text}
    </p>
  ) : null;
}
