import type { Locator } from "playwright-core";
import { SignInPage } from "./app-page";
import type { ActionId } from "../../../apps/counter/src/actions";

/** The counter app's own action ids (the `data-action` of its buttons). */
export type CounterAction = ActionId;

/** The officer's app at /counter/: intents in the officer's words, locators the tests may assert on. */
export class CounterPage extends SignInPage {
  readonly pin = this.page.getByLabel("PIN");
  protected readonly secretField = this.pin;
  readonly picker = this.page.getByTestId("picker");
  readonly workspace = this.page.getByTestId("workspace");
  readonly currentTicket = this.page.getByTestId("current-ticket");
  // The message's words only, not the buttons beside them ("Batalkan", close).
  readonly errorMessage = this.page.getByTestId("error-message").locator(".feedback__text");
  readonly hintMessage = this.page.getByTestId("hint-message").locator(".feedback__text");
  readonly infoMessage = this.page.getByTestId("info-message").locator(".feedback__text");
  readonly connectionBadge = this.page.getByTestId("connection-badge");
  readonly sopTimer = this.page.getByTestId("sop-timer");
  readonly counterName = this.page.getByTestId("counter-name");

  button(action: CounterAction): Locator {
    return this.page.locator(`[data-action="${action}"]`);
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/counter/`);
  }

  /** Logs in and opens a counter; resolves when the counter's work screen shows its queue. */
  async signInAt(counterId: string, username: string, secret: string): Promise<void> {
    await this.goto();
    await this.login(username, secret);
    await this.page.getByTestId(`choose-${counterId}`).click();
    await this.page.locator(`[data-testid="workspace"][data-counter-status="open"]`).waitFor();
  }

  /** Commands the app has had answered (ok or refused) since the page loaded. */
  async answered(): Promise<number> {
    return Number(await this.workspace.getAttribute("data-answered"));
  }

  /** Waits until `n` commands have been answered. */
  async waitAnswered(n: number): Promise<void> {
    await this.page.locator(`[data-testid="workspace"][data-answered="${n}"]`).waitFor({ timeout: 15_000 });
  }

  /** Presses one action button and waits for the hub's answer. */
  async act(action: CounterAction): Promise<void> {
    const before = await this.answered();
    await this.button(action).click();
    await this.waitAnswered(before + 1);
  }

  /** Presses the action's key (the letter shown on its button) and waits for the answer. */
  async press(key: string): Promise<void> {
    const before = await this.answered();
    await this.page.keyboard.press(key);
    await this.waitAnswered(before + 1);
  }

  /** Calls the next ticket; returns its number. */
  async callNext(): Promise<string> {
    await this.act("callNext");
    return this.currentNumber();
  }

  recall(): Promise<void> {
    return this.act("recall");
  }

  start(): Promise<void> {
    return this.act("start");
  }

  complete(outcome: "selesai" | "berkas_tidak_lengkap" | "dirujuk" = "selesai"): Promise<void> {
    return this.act(`complete:${outcome}`);
  }

  noShow(): Promise<void> {
    return this.act("noShow");
  }

  pause(): Promise<void> {
    return this.act("pause");
  }

  resume(): Promise<void> {
    return this.act("resume");
  }

  readonly transferDialog = () => this.page.getByTestId("transfer-dialog");

  /** Opens the transfer dialog, picks the service, and confirms it. */
  async transferTo(serviceId: string): Promise<void> {
    const before = await this.answered();
    await this.button("transfer").click();
    await this.page.locator(`[role="dialog"] [data-service="${serviceId}"]`).click();
    await this.page.getByTestId("transfer-confirm").click();
    await this.waitAnswered(before + 1);
  }

  /** The dialog's step: "choose", "confirm", or null when it is closed. */
  async transferStep(): Promise<string | null> {
    if ((await this.transferDialog().count()) === 0) return null;
    return this.transferDialog().getAttribute("data-step");
  }

  /** The "Batalkan" on the message after a transfer. */
  readonly undoTransferButton = () => this.page.getByTestId("undo-transfer");

  /** Presses "Batalkan" on the transfer just made and waits for the hub's answer. */
  async undoTransfer(): Promise<void> {
    const before = await this.answered();
    await this.undoTransferButton().click();
    await this.waitAnswered(before + 1);
  }

  readonly closeDialog = () => this.page.getByTestId("close-dialog");

  /**
   * Presses "Tutup loket". With people waiting the app asks first; `confirm`
   * answers (true: close, false: go back). Resolves on the counter picker once
   * closed, or at once when the officer went back.
   */
  async closeCounter(confirm: boolean | null = null): Promise<void> {
    await this.button("close").click();
    if (confirm !== null) {
      await this.closeDialog().waitFor();
      if (!confirm) {
        await this.page.keyboard.press("Escape");
        await this.closeDialog().waitFor({ state: "detached" });
        return;
      }
      await this.page.getByTestId("close-confirm").click();
    }
    await this.picker.waitFor();
  }

  /** Ticks a step, or unticks it when it is ticked already (the same button). */
  async tickStep(stepId: string): Promise<void> {
    const before = await this.answered();
    await this.page.locator(`[data-step="${stepId}"]`).click();
    await this.waitAnswered(before + 1);
  }

  async stepDone(stepId: string): Promise<boolean> {
    return (await this.page.locator(`[data-step="${stepId}"]`).getAttribute("aria-pressed")) === "true";
  }

  /** The number in hand, "" when idle. */
  async currentNumber(): Promise<string> {
    return (await this.currentTicket.getAttribute("data-number")) ?? "";
  }

  /** "called", "serving", or "" when idle. */
  async currentStatus(): Promise<string> {
    return (await this.currentTicket.getAttribute("data-status")) ?? "";
  }

  async waitingFor(serviceId: string): Promise<number> {
    return Number(await this.page.getByTestId(`waiting-${serviceId}`).textContent());
  }

  /** "online" when no badge is shown, else the badge's state ("reconnecting", "refused", ...). */
  async connection(): Promise<string> {
    if ((await this.connectionBadge.count()) === 0) return "online";
    return (await this.connectionBadge.getAttribute("data-status")) ?? "online";
  }

  /** The offer that follows a served ticket when the office turns the screen to the citizen. */
  readonly surveyOffer = this.page.getByTestId("survey-offer");
  readonly survey = this.page.getByTestId("counter-survey");

  /** Turns the screen to the citizen, who gives `scores` (1–4 per unsur, in the regulation's order) and sends them. */
  async surveyAnswers(scores: readonly (1 | 2 | 3 | 4)[], sex?: string): Promise<void> {
    await this.surveyOffer.getByRole("button", { name: "Tawarkan survei ke warga" }).click();
    const questions = this.survey.locator(".survey__question");
    for (const [i, score] of scores.entries()) {
      await questions
        .nth(i)
        .locator(".survey__answer")
        .nth(score - 1)
        .click();
    }
    if (sex) await this.survey.locator('select[name="profile-sex"]').selectOption(sex);
    await this.survey.getByRole("button", { name: "Kirim jawaban" }).click();
  }
}
