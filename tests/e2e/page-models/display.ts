import type { Locator, Page } from "playwright-core";

export interface SpokenEntry {
  text: string;
  recall: boolean;
  via: string;
  ok: boolean | null;
}

/** A waiting-room screen at /display/: what citizens see and hear. */
export class DisplayPage {
  readonly screen: Locator;
  readonly currentCallPanel: Locator;
  readonly lastCallsList: Locator;
  readonly connectionBadge: Locator;
  readonly soundOverlay: Locator;
  readonly clock: Locator;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    this.screen = page.getByTestId("display-screen");
    this.currentCallPanel = page.getByTestId("current-call");
    this.lastCallsList = page.getByTestId("last-calls");
    this.connectionBadge = page.getByTestId("connection-badge");
    this.soundOverlay = page.getByTestId("enable-sound");
    this.clock = page.getByTestId("clock");
  }

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
      "(window.__layanSpeech?.spoken ?? []).map((e) => ({ text: e.text, recall: e.recall, via: e.via, ok: e.ok }))",
    );
    return spoken;
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
