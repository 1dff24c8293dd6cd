import { execFileSync } from "node:child_process";
import jsQR from "jsqr";
import type { Locator } from "playwright-core";
import { AppPage } from "./app-page";
import { PNG } from "pngjs";

/** The hub serves apps/kiosk/dist: build what the browser will load (production React, as deployed). */
export function buildKiosk(root: string): void {
  execFileSync("pnpm", ["--filter", "@layan/kiosk", "build"], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, NODE_ENV: "production" },
  });
}

export type Priority = "lansia" | "disabilitas" | "ibu_hamil_menyusui" | null;

/** The citizen's kiosk at /kiosk/: intents in the citizen's words, locators the tests may assert on. */
export class KioskPage extends AppPage {
  readonly attract = this.page.getByTestId("attract");
  readonly startButton = this.page.getByTestId("start");
  readonly agencies = this.page.getByTestId("agencies");
  readonly services = this.page.getByTestId("services");
  readonly servicePage = this.page.getByTestId("service");
  readonly takeButton = this.page.getByTestId("take");
  readonly blocker = this.page.getByTestId("blocker");
  readonly priorityPage = this.page.getByTestId("priority");
  readonly regularButton = this.page.getByTestId("regular");
  readonly issuing = this.page.getByTestId("issuing");
  readonly confirmation = this.page.getByTestId("confirmation");
  readonly ticketNumber = this.page.getByTestId("ticket-number");
  readonly peopleAhead = this.page.getByTestId("people-ahead");
  readonly waitRange = this.page.getByTestId("wait-range");
  readonly qr = this.page.locator("svg.qr");
  readonly problem = this.page.getByTestId("problem");
  readonly offlineBanner = this.page.getByTestId("offline-banner");
  readonly stateScreen = this.page.getByTestId("state");
  readonly languageToggle = this.page.getByTestId("lang").first();
  readonly homeButton = this.page.getByTestId("home");
  readonly doneButton = this.page.getByTestId("done");
  readonly searchButton = this.page.getByTestId("search-open");
  readonly searchPage = this.page.getByTestId("search");
  readonly searchInput = this.page.getByTestId("search-input");
  readonly popular = this.page.getByTestId("popular");
  readonly hours = this.page.getByTestId("hours");

  /** Opens the browser kiosk with its device token, the way a technician sets one up. */
  async open(token: string, params: Record<string, string> = {}): Promise<void> {
    const query = new URLSearchParams({ token, ...params });
    await this.page.goto(`${this.baseUrl}/kiosk/?${query.toString()}`);
    await this.attract.waitFor();
  }

  /**
   * From the idle screen to the service's SOP page, choosing the agency that
   * offers it. A kiosk showing one agency (or one service) skips those pickers.
   */
  async openService(serviceId: string): Promise<void> {
    if (await this.attract.isVisible()) await this.startButton.click();
    const page = this.page.locator(`[data-testid="service"][data-service="${serviceId}"]`);
    const agencyTile = this.page.locator(`[data-services~="${serviceId}"]`);
    const serviceTile = this.page.locator(`button[data-service="${serviceId}"]`);
    await page.or(agencyTile).or(serviceTile).first().waitFor();
    if (await agencyTile.isVisible()) {
      await agencyTile.click();
      await page.or(serviceTile).first().waitFor();
    }
    if (await serviceTile.isVisible()) await serviceTile.click();
    await page.waitFor();
  }

  /** "Ambil Nomor Antrean" on the service page, then the priority question. */
  async chooseTicket(priority: Priority = null): Promise<void> {
    await this.takeButton.click();
    await this.priorityPage.waitFor();
    await (
      priority === null ? this.regularButton : this.page.locator(`[data-priority="${priority}"]`)
    ).click();
  }

  /** The whole tap-through; returns the number shown on the confirmation. */
  async takeTicket(serviceId: string, priority: Priority = null): Promise<string> {
    await this.openService(serviceId);
    await this.chooseTicket(priority);
    await this.confirmation.waitFor();
    return (await this.ticketNumber.textContent())?.trim() ?? "";
  }

  /** Types on the kiosk's own keyboard, key by key, the way a citizen does (no physical keyboard). */
  async search(words: string): Promise<void> {
    if (await this.attract.isVisible()) await this.startButton.click();
    await this.searchButton.click();
    await this.searchPage.waitFor();
    const keyboard = this.page.getByRole("group", { name: /Papan ketik|Keyboard/ });
    for (const char of words) {
      const name = char === " " ? /^(Spasi|Space)$/ : new RegExp(`^${char.toUpperCase()}$`);
      await keyboard.getByRole("button", { name }).click();
    }
  }

  /** Service ids of the search results, best first. */
  async searchResults(): Promise<string[]> {
    return this.searchPage
      .locator("button[data-service]")
      .evaluateAll((tiles) => tiles.map((t) => t.getAttribute("data-service") ?? ""));
  }

  async goHome(): Promise<void> {
    await this.homeButton.click();
    await this.attract.waitFor();
  }

  /** Reads the QR code on screen the way a phone would: from pixels. */
  async scanQr(): Promise<string | null> {
    const png = PNG.sync.read(await this.qr.screenshot());
    return (
      jsQR(
        new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength),
        png.width,
        png.height,
      )?.data ?? null
    );
  }

  /** Elements sticking out past the right edge of the screen (none on a good layout). */
  async horizontalOverflow(): Promise<string[]> {
    // A string, not a function: this file is typechecked without the DOM library.
    return this.page.evaluate<string[]>(`(() => {
      const width = document.documentElement.clientWidth;
      const out = [];
      for (const el of document.querySelectorAll("body *")) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.right > width + 1 || r.left < -1)) {
          out.push(el.tagName.toLowerCase() + "." + (el.getAttribute("class") ?? "") + " " + Math.round(r.left) + ".." + Math.round(r.right));
        }
      }
      if (document.documentElement.scrollWidth > width) out.push("document " + document.documentElement.scrollWidth + " > " + width);
      return out;
    })()`);
  }

  /** True when the locator sits fully inside the viewport, reachable without scrolling. */
  async inViewport(locator: Locator): Promise<boolean> {
    const box = await locator.boundingBox();
    const size = this.page.viewportSize();
    return (
      box !== null &&
      size !== null &&
      box.y >= 0 &&
      box.x >= 0 &&
      box.y + box.height <= size.height &&
      box.x + box.width <= size.width
    );
  }

  /** One of the first screen's buttons beside "Sentuh untuk mulai": maklumat, info, complaint, survey. */
  async openFromFirstScreen(screen: "maklumat" | "info" | "complaint" | "survey"): Promise<void> {
    if (!(await this.attract.isVisible())) await this.goHome();
    await this.page.getByTestId(`open-${screen}`).click();
  }

  /** Types on the kiosk's own keyboard, key by key, as a citizen does. */
  async typeOnKeyboard(text: string): Promise<void> {
    const keyboard = this.page.locator(".keyboard");
    for (const ch of text) {
      const name = ch === " " ? "Spasi" : ch.toUpperCase();
      await keyboard.getByRole("button", { name, exact: true }).first().click();
    }
  }

  /** Files a complaint through the Pengaduan & Saran screen; answers the code shown. */
  async fileComplaint(opts: { category: string; serviceId: string | null; text: string }): Promise<string> {
    await this.openFromFirstScreen("complaint");
    await this.page.getByTestId(`category-${opts.category}`).click();
    await this.page.getByTestId(`complaint-service-${opts.serviceId ?? "none"}`).click();
    await this.typeOnKeyboard(opts.text);
    await this.page.getByTestId("complaint-next").click();
    await this.page.getByTestId("complaint-send").click();
    return (await this.page.getByTestId("complaint-code").textContent()) ?? "";
  }

  /** "Isi Survei": types the ticket's number on the kiosk's keyboard and asks the hub for its survey. */
  async findSurvey(number: string): Promise<void> {
    await this.openFromFirstScreen("survey");
    await this.page.getByTestId("survey-number").waitFor();
    await this.typeOnKeyboard(number);
    await this.page.getByTestId("survey-find").click();
  }

  /** Taps one answer per question (1..4, in SURVEY_QUESTIONS order), each on its own screen. */
  async answerQuestions(
    scores: readonly number[],
    onQuestion?: (index: number) => Promise<void>,
  ): Promise<void> {
    const question = this.page.getByTestId("survey-question");
    for (const [i, score] of scores.entries()) {
      await this.page
        .getByTestId("survey-progress")
        .filter({ hasText: `${i + 1} dari ${scores.length}` })
        .waitFor();
      await onQuestion?.(i);
      await question.locator(`button[data-score="${score}"]`).click();
    }
  }

  /** "Teks besar" / "Kontras tinggi" in the AccessBar: one tap each. */
  readonly largeTextButton = this.page.getByTestId("large-text");
  readonly highContrastButton = this.page.getByTestId("high-contrast");
  readonly accessBar = this.page.getByTestId("access-bar");

  /** The modes as the page applies them (on the root element). */
  async modes(): Promise<{ text: string | null; contrast: string | null; reach: string | null }> {
    return this.page.evaluate<{ text: string | null; contrast: string | null; reach: string | null }>(`({
      text: document.documentElement.dataset.text ?? null,
      contrast: document.documentElement.dataset.contrast ?? null,
      reach: document.querySelector(".app")?.getAttribute("data-reach") ?? null,
    })`);
  }

  /** The reach band the kiosk laid out by, in pixels from the bottom (0 when the reach layout is off). */
  async reachBandPx(): Promise<number> {
    return this.page.evaluate<number>(
      `parseFloat(getComputedStyle(document.querySelector(".app")).getPropertyValue("--reach-band")) || 0`,
    );
  }

  /**
   * Controls a citizen must touch that lie above the reach line (viewport
   * height - band), measured from the DOM: every visible button, field and
   * link must start inside the band; a scroll region (read-only text a finger
   * scrolls) must at least reach into it.
   */
  async outsideReach(bandPx: number): Promise<string[]> {
    return this.page.evaluate<string[]>(`(() => {
      const line = window.innerHeight - ${bandPx};
      const name = (el) => el.tagName.toLowerCase() + (el.dataset.testid ? "[" + el.dataset.testid + "]" : "") + " " + (el.textContent ?? "").trim().slice(0, 30);
      const out = [];
      for (const el of document.querySelectorAll("button, input, textarea, select, a[href], [role=button], label")) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.top < line - 0.5) out.push(name(el) + " top " + Math.round(r.top) + " < " + line);
      }
      for (const el of document.querySelectorAll("[tabindex='0']")) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.bottom < line + 64) out.push("scroll region " + name(el) + " ends at " + Math.round(r.bottom) + ", above " + line);
      }
      return out;
    })()`);
  }

  /** Buttons smaller than 64 px either way (a touch target too small for an unsteady finger). */
  async smallTargets(): Promise<string[]> {
    return this.page.evaluate<string[]>(`[...document.querySelectorAll("button")]
      .map((b) => ({ text: (b.textContent ?? "").trim().slice(0, 30), r: b.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.height < 63.5 || r.width < 63.5))
      .map(({ text, r }) => text + " " + Math.round(r.width) + "x" + Math.round(r.height))`);
  }

  /**
   * Text cut off: an element whose content is wider than its box without being
   * a scroll region, or taller when it does not scroll (clipped by overflow hidden).
   */
  async clippedText(): Promise<string[]> {
    return this.page.evaluate<string[]>(`(() => {
      const out = [];
      for (const el of document.querySelectorAll("body *")) {
        const style = getComputedStyle(el);
        if (el.clientWidth === 0 || style.display === "contents") continue;
        const scrollsX = style.overflowX === "auto" || style.overflowX === "scroll";
        if (!scrollsX && el.scrollWidth > el.clientWidth + 1 && style.overflowX !== "visible")
          out.push(el.tagName.toLowerCase() + "." + (el.getAttribute("class") ?? "") + " " + el.scrollWidth + " > " + el.clientWidth);
        const scrollsY = style.overflowY === "auto" || style.overflowY === "scroll";
        if (!scrollsY && style.overflowY === "hidden" && el.scrollHeight > el.clientHeight + 1 && !el.classList.contains("attract-maklumat"))
          out.push(el.tagName.toLowerCase() + "." + (el.getAttribute("class") ?? "") + " height " + el.scrollHeight + " > " + el.clientHeight);
      }
      return out;
    })()`);
  }

  /**
   * Controls a citizen cannot see without scrolling: a button, key or field
   * cut off by a box that scrolls or clips. A list of choices (agencies,
   * services, answers) may run on below its fold, so its items are left out;
   * the keyboard, the way forward and the AccessBar never may.
   */
  async hiddenControls(): Promise<string[]> {
    return this.page.evaluate<string[]>(`(() => {
      const LISTS = ".tiles, .popular, .search-results, .choice-grid, .survey-answers, .service-grid, .info-grid, [data-scroll-list]";
      const name = (el) => el.tagName.toLowerCase() + (el.dataset.testid ? "[" + el.dataset.testid + "]" : "") + " " + (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 24);
      const out = [];
      for (const el of document.querySelectorAll("button, input, textarea, select")) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || el.closest(LISTS)) continue;
        if (r.bottom > window.innerHeight + 0.5 || r.top < -0.5) { out.push(name(el) + " off screen"); continue; }
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          const st = getComputedStyle(a);
          if (st.overflowY === "visible" && st.overflowX === "visible") continue;
          const b = a.getBoundingClientRect();
          if (r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5) {
            out.push(name(el) + " cut by " + (a.getAttribute("class") ?? a.tagName) + " (" + Math.round(r.top) + ".." + Math.round(r.bottom) + " in " + Math.round(b.top) + ".." + Math.round(b.bottom) + ")");
            break;
          }
        }
      }
      return out;
    })()`);
  }

  /**
   * Words sticking out of the button, tile or card that holds them (a label
   * wider than its button, a figure past its card's edge): what large text
   * must never do even where nothing is clipped.
   */
  async spilledText(): Promise<string[]> {
    return this.page.evaluate<string[]>(`(() => {
      const BOXES = "button, .tile, .popular-tile, .key-fact, .live-fact, .fact, .pill, .blocker, .info-card, .choice";
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent || n.textContent.trim() === "") continue;
        const box = n.parentElement && n.parentElement.closest(BOXES);
        if (!box) continue;
        const b = box.getBoundingClientRect();
        if (b.width === 0) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) {
          if (r.width === 0) continue;
          if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1) {
            out.push("'" + n.textContent.trim().slice(0, 24) + "' outside " + (box.getAttribute("class") ?? box.tagName) + " (" + Math.round(r.left) + ".." + Math.round(r.right) + " in " + Math.round(b.left) + ".." + Math.round(b.right) + ")");
            break;
          }
        }
      }
      return out;
    })()`);
  }

  /**
   * Scroll regions squeezed to a sliver by what sits around them: one that
   * shows less than `minPx` must at least show its first choice (tile,
   * result, answer) whole, or that list is hidden behind a scroll in all
   * but name. Text fields scroll their own text and are left out.
   */
  /**
   * Whole lines of the first screen's maklumat pledge a citizen can read: its
   * height in lines, 0 when any of it sits under the AccessBar or off screen.
   */
  async maklumatLinesShown(): Promise<number> {
    return this.page.evaluate<number>(`(() => {
      const el = document.querySelector('[data-testid="attract-maklumat"]');
      const bar = document.querySelector('[data-testid="access-bar"]');
      if (!el || !bar) return 0;
      const box = el.getBoundingClientRect();
      if (box.top < 0 || box.bottom > bar.getBoundingClientRect().top + 0.5) return 0;
      return Math.floor((el.clientHeight + 1) / parseFloat(getComputedStyle(el).lineHeight));
    })()`);
  }

  async squeezedRegions(minPx = 240): Promise<string[]> {
    return this.page.evaluate<string[]>(`(() => {
      const out = [];
      for (const el of document.querySelectorAll("body *")) {
        if (el.matches("textarea, input")) continue;
        const st = getComputedStyle(el);
        if (st.overflowY !== "auto" && st.overflowY !== "scroll") continue;
        if (el.scrollHeight <= el.clientHeight + 1 || el.clientWidth === 0 || el.clientHeight >= ${minPx}) continue;
        const box = el.getBoundingClientRect();
        const first = el.querySelector("button");
        const r = first && first.getBoundingClientRect();
        if (!r || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
          out.push((el.getAttribute("class") ?? el.tagName) + " shows " + el.clientHeight + " of " + el.scrollHeight + " px, its first choice not whole");
      }
      return out;
    })()`);
  }
}

