import { AppPage } from "./app-page";

export interface SpokenEntry {
  text: string;
  recall: boolean;
  via: string;
  /** From the call reaching the screen to the announcement's start. */
  waitedMs: number;
  ok: boolean | null;
}

export interface SkippedEntry {
  text: string;
  recall: boolean;
  reason: "superseded" | "stale";
}

/** A piece of text on screen and the size it is drawn at. */
export interface TextSize {
  text: string;
  px: number;
}

/**
 * Every visible element that holds text of its own, with its computed font
 * size (source text: see spoken()). Hidden overlays and empty spans do not count.
 */
const TEXT_SIZES = `(() => {
  const root = document.querySelector(ROOT_SELECTOR);
  const out = [];
  for (const el of root ? root.querySelectorAll("*") : []) {
    const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join(" ").trim();
    if (!own) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    out.push({ text: own.slice(0, 40), px: parseFloat(getComputedStyle(el).fontSize) });
  }
  return out;
})()`;

/** A waiting-room screen at /display/: what citizens see and hear. */
export class DisplayPage extends AppPage {
  readonly screen = this.page.getByTestId("display-screen");
  readonly currentCallPanel = this.page.getByTestId("current-call");
  readonly lastCallsList = this.page.getByTestId("last-calls");
  readonly connectionBadge = this.page.getByTestId("connection-badge");
  readonly soundOverlay = this.page.getByTestId("enable-sound");
  readonly clock = this.page.getByTestId("clock");

  /** Opens the screen with its device token; resolves once the first snapshot is on screen. `sound: false` for a silent screen (`?sound=off`). */
  async open(token: string, options: { sound?: boolean } = {}): Promise<void> {
    const silent = options.sound === false ? "&sound=off" : "";
    await this.page.goto(`${this.baseUrl}/display/?token=${encodeURIComponent(token)}${silent}`);
    await this.page.locator(`[data-testid="display-screen"][data-synced="true"]`).waitFor();
  }

  /** The highest hub sequence number the screen reflects. */
  async seq(): Promise<number | null> {
    const v = await this.screen.getAttribute("data-seq");
    return v ? Number(v) : null;
  }

  /** The call shown large: number and counter id, or null before any call. */
  async currentCall(): Promise<{ number: string; counterId: string; counterName: string } | null> {
    const number = (await this.currentCallPanel.getAttribute("data-number")) ?? "";
    if (!number) return null;
    return {
      number,
      counterId: (await this.currentCallPanel.getAttribute("data-counter")) ?? "",
      counterName: (await this.page.getByTestId("current-counter").getAttribute("data-name")) ?? "",
    };
  }

  async currentNumber(): Promise<string> {
    return (await this.currentCall())?.number ?? "";
  }

  /** Earlier calls under "Panggilan terakhir", newest first (the current call is not repeated there). */
  async lastCalls(): Promise<string[]> {
    if ((await this.lastCallsList.count()) === 0) return [];
    const items = await this.lastCallsList.locator("li").all();
    return Promise.all(items.map(async (li) => (await li.getAttribute("data-number")) ?? ""));
  }

  /** The number a counter tile shows, "" when idle; null when the tile is not on screen. */
  async counterNumber(counterId: string): Promise<string | null> {
    const tile = this.page.getByTestId(`counter-${counterId}`);
    if ((await tile.count()) === 0) return null;
    return (await tile.getAttribute("data-number")) ?? "";
  }

  async waiting(serviceId: string): Promise<number | null> {
    const cell = this.page.getByTestId(`waiting-${serviceId}`);
    if ((await cell.count()) === 0) return null;
    return Number(await cell.textContent());
  }

  /** Every announcement started so far, from the speech layer's hook. */
  async spoken(): Promise<SpokenEntry[]> {
    // Source text, not a function: tsx (benchmarks) compiles functions with a helper the page lacks.
    const spoken: SpokenEntry[] = await this.page.evaluate<SpokenEntry[]>(
      "(window.__layanSpeech?.spoken ?? []).map((e) => ({ text: e.text, recall: e.recall, via: e.via, waitedMs: e.waitedMs, ok: e.ok }))",
    );
    return spoken;
  }

  /** URLs of every clip the display's player scheduled, in playing order (chime included). */
  async playedClips(): Promise<string[]> {
    return this.page.evaluate<string[]>("[...(window.__layanSpeech?.clips ?? [])]");
  }

  /** Announcements the screen decided not to make (superseded at their counter, or too late). */
  async skipped(): Promise<SkippedEntry[]> {
    const skipped: SkippedEntry[] = await this.page.evaluate<SkippedEntry[]>(
      "(window.__layanSpeech?.skipped ?? []).map((e) => ({ text: e.text, recall: e.recall, reason: e.reason }))",
    );
    return skipped;
  }

  /** Font sizes of all text on the screen, or of the part matched by `selector`. */
  async textSizes(selector = '[data-testid="display-screen"]'): Promise<TextSize[]> {
    return this.page.evaluate<TextSize[]>(TEXT_SIZES.replace("ROOT_SELECTOR", JSON.stringify(selector)));
  }

  /** "Panggilan terakhir" entries drawn whole: inside the window and not cut off by their panel. */
  async lastCallsFullyVisible(): Promise<number> {
    return this.entriesDrawnWhole(
      "section.last",
      "r.bottom <= window.innerHeight && r.right <= window.innerWidth",
    );
  }

  /** Waiting-list entries drawn whole inside their panel. */
  async waitingFullyVisible(): Promise<number> {
    return this.entriesDrawnWhole("section.waiting", "r.right <= box.right");
  }

  /**
   * How many list entries of a panel are drawn whole: not empty, not cut off
   * at its top or bottom, and meeting `alsoWithin` (source text over the
   * entry's rect `r` and the panel's `box`). 0 without the panel.
   */
  private entriesDrawnWhole(panelSelector: string, alsoWithin: string): Promise<number> {
    return this.page.evaluate<number>(`(() => {
      const panel = document.querySelector(${JSON.stringify(panelSelector)});
      if (!panel) return 0;
      const box = panel.getBoundingClientRect();
      return [...panel.querySelectorAll("li")].filter((li) => {
        const r = li.getBoundingClientRect();
        return r.height > 0 && r.top >= box.top && r.bottom <= box.bottom && ${alsoWithin};
      }).length;
    })()`);
  }

  async spokenTexts(): Promise<string[]> {
    return (await this.spoken()).map((e) => e.text);
  }

  async connection(): Promise<string> {
    if ((await this.connectionBadge.count()) === 0) return "online";
    return (await this.connectionBadge.getAttribute("data-status")) ?? "online";
  }

  /** True when the "aktifkan suara" overlay waits for a tap (decided shortly after the page loads). */
  async soundBlocked(): Promise<boolean> {
    await this.page.locator(`[data-testid="display-screen"]:not([data-sound="unknown"])`).waitFor();
    return (await this.screen.getAttribute("data-sound")) === "blocked";
  }

  async enableSound(): Promise<void> {
    await this.soundOverlay.click();
    await this.soundOverlay.waitFor({ state: "detached" });
  }
}
