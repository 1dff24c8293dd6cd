import { storedValue } from "@layan/ui";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { STRINGS, type Lang, type Strings } from "./strings";

/**
 * The chosen language, kept in this browser: a manager who reads English
 * chooses it once, not at every login. Indonesian until someone chooses.
 */
export const langStore = storedValue<Lang>("layan.regency.lang.v1", (raw) => (raw === "id" || raw === "en" ? raw : null));

export interface LangValue {
  lang: Lang;
  t: Strings;
  setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangValue>({ lang: "id", t: STRINGS.id, setLang: () => undefined });

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => langStore.load() ?? "id");
  // `lang` on <html> is what screen readers pick their voice by, and what the print's page footer is chosen by (styles.css).
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = STRINGS[lang].docTitle;
  }, [lang]);
  const value = useMemo<LangValue>(
    () => ({
      lang,
      t: STRINGS[lang],
      setLang: (next) => {
        langStore.save(next);
        setLangState(next);
      },
    }),
    [lang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export const useLang = (): LangValue => useContext(LangContext);

const CHOICES: { lang: Lang; label: string }[] = [
  { lang: "id", label: "Bahasa Indonesia" },
  { lang: "en", label: "English" },
];

/** Each language named in itself (and marked so a screen reader says it in that language), Indonesian first. */
export function LangSwitch({ tone = "light" }: { tone?: "light" | "dark" }) {
  const { lang, t, setLang } = useLang();
  return (
    <div className={`segmented lang-switch lang-switch--${tone}`} role="group" aria-label={t.langGroup} data-testid="lang-switch">
      {CHOICES.map((c) => (
        <button key={c.lang} type="button" lang={c.lang} aria-pressed={lang === c.lang} onClick={() => setLang(c.lang)}>
          {c.label}
        </button>
      ))}
    </div>
  );
}
