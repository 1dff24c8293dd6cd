import { Square, Volume2 } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Lang } from "../i18n";
import type { Reading } from "./engine";
import type * as ReaderModule from "./reader";
import type { ListenScreen } from "./phrases";

type Reader = typeof ReaderModule;

/*
 * The engine (phrases, voices, the eSpeak-NG worker) is a chunk of its own,
 * imported when the kiosk is first idle: the first screen must not wait for it.
 * Once loaded it is kept here, so a tap starts reading in the same event.
 */
let reader: Reader | null = null;
let loadingReader: Promise<Reader> | null = null;
function loadReader(): Promise<Reader> {
  loadingReader ??= import("./reader").then(
    (module) => (reader = module),
    (error: unknown) => {
      loadingReader = null;
      throw error;
    },
  );
  return loadingReader;
}

/**
 * Loads the listen engine and readies its synthesizer, for App.tsx to run
 * once the kiosk has settled after start, so the first "Dengarkan" does not wait.
 */
export function warmUpListening(): void {
  void loadReader().then(
    (r) => r.warmUp(),
    () => undefined,
  );
}

const LABEL = { id: "Dengarkan · Listen", en: "Listen · Dengarkan" } as const;
const STOP = { id: "Berhenti · Stop", en: "Stop · Berhenti" } as const;

/**
 * What a screen without its own data reads: its heading, the first line of
 * guidance, then the buttons it offers, straight from what is on screen so
 * it can never drift from it.
 */
export function pageFromDom(root: ParentNode): ListenScreen {
  const main = root.querySelector("main") ?? root;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, " ").trim() ?? "";
  const heading = text(main.querySelector("h1")) || text(main.querySelector("h2"));
  const instruction = text(main.querySelector("p")) || null;
  const choices = [...main.querySelectorAll("button:not([disabled])")]
    .map((b) => b.getAttribute("aria-label") ?? text(b))
    .filter((c) => c !== "");
  return { kind: "page", heading, instruction, choices };
}

export interface Listening {
  speaking: boolean;
  toggle: () => void;
  stop: () => void;
}

/**
 * One reading at a time. `screenKey` changes on every navigation, and a
 * navigation stops the reading: the citizen is no longer on what it describes.
 */
export function useListen(lang: Lang, screenKey: string, screen: () => ListenScreen | null): Listening {
  const reading = useRef<Reading | null>(null);
  const [speaking, setSpeaking] = useState(false);
  // A tap before the engine has loaded: the reading starts when it arrives, unless stopped meanwhile.
  const pending = useRef<object | null>(null);
  const stop = useCallback(() => {
    pending.current = null;
    reading.current?.stop();
    reading.current = null;
    setSpeaking(false);
  }, []);
  const build = useRef(screen);
  build.current = screen;

  const toggle = useCallback(() => {
    if (reading.current || pending.current) return stop();
    // What the screen shows now, at the tap, even if the engine arrives a moment later.
    const what = build.current() ?? pageFromDom(document);
    const begin = (r: Reader) => {
      const current = r.startReading(what, lang);
      reading.current = current;
      void current.done.then(() => {
        if (reading.current !== current) return;
        reading.current = null;
        setSpeaking(false);
      });
    };
    setSpeaking(true);
    if (reader) return begin(reader);
    const ticket = {};
    pending.current = ticket;
    void loadReader().then(
      (r) => {
        if (pending.current !== ticket) return;
        pending.current = null;
        begin(r);
      },
      () => {
        if (pending.current === ticket) stop();
      },
    );
  }, [lang, stop]);

  useEffect(() => stop, [screenKey, lang, stop]);

  // Any tap outside the button ends the reading: the citizen has moved on.
  useEffect(() => {
    if (!speaking) return;
    const onTap = (event: PointerEvent | KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target?.closest("[data-listen-button]")) stop();
    };
    window.addEventListener("pointerdown", onTap, { capture: true });
    window.addEventListener("keydown", onTap, { capture: true });
    return () => {
      window.removeEventListener("pointerdown", onTap, { capture: true });
      window.removeEventListener("keydown", onTap, { capture: true });
    };
  }, [speaking, stop]);

  return { speaking, toggle, stop };
}

export function ListenButton({ lang, listening }: { lang: Lang; listening: Listening }) {
  const { speaking, toggle } = listening;
  return (
    <button
      type="button"
      className={speaking ? "btn-ghost access-btn listen-btn speaking" : "btn-ghost access-btn listen-btn"}
      onClick={toggle}
      aria-pressed={speaking}
      aria-label={speaking ? STOP[lang] : LABEL[lang]}
      data-listen-button=""
      data-testid="listen"
      data-speaking={speaking ? "true" : "false"}
      style={{ minWidth: 64, minHeight: 64 }}
    >
      {speaking ? <Square size={30} aria-hidden="true" /> : <Volume2 size={30} aria-hidden="true" />}
      <span>{speaking ? (lang === "id" ? "Berhenti" : "Stop") : lang === "id" ? "Dengarkan" : "Listen"}</span>
    </button>
  );
}
