import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import type { Locator } from "playwright-core";
import { ROOT } from "../../support/test-hub";
import { SignInPage } from "./app-page";

/** The hub serves apps/dashboard/dist: build what the browser will load. */
export function buildDashboard(): void {
  // Vitest sets NODE_ENV=test; Vite would then bundle React's development build.
  execFileSync("pnpm", ["--filter", "@layan/dashboard", "build"], {
    cwd: ROOT,
    stdio: "pipe",
    env: { ...process.env, NODE_ENV: "production" },
  });
}

export type DashboardView = "langsung" | "laporan" | "log" | "kepatuhan" | "survei" | "pengaduan";

/** The manager's dashboard at /dashboard/: intents in the manager's words, locators tests assert on. */
export class DashboardPage extends SignInPage {
  readonly secret = this.page.getByLabel("Kata sandi");
  protected readonly secretField = this.secret;
  readonly signedInAs = this.page.getByTestId("signed-in-as");
  readonly reportScope = this.page.getByTestId("report-scope");
  readonly summaryTable = this.page.getByTestId("summary-table");
  readonly ticketTable = this.page.getByTestId("ticket-table");
  readonly complianceReport = this.page.getByTestId("compliance-report");

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/dashboard/`);
  }

  async loginAs(username: string, secret: string): Promise<void> {
    await this.login(username, secret);
    await this.signedInAs.waitFor();
  }

  async open(view: DashboardView): Promise<void> {
    const names: Record<DashboardView, string> = {
      langsung: "Pantauan langsung",
      laporan: "Laporan",
      log: "Log antrean",
      kepatuhan: "Laporan kepatuhan",
      survei: "Survei (IKM)",
      pengaduan: "Pengaduan",
    };
    await this.page.getByRole("link", { name: names[view], exact: true }).click();
    await this.page.waitForURL(new RegExp(`#/${view}`));
  }

  /** Sets the report range with the date fields, as a manager types it. */
  async setRange(from: string, to: string): Promise<void> {
    // "Sampai" first when moving forward (its min is "Dari"), "Dari" first when moving back.
    const fromField = this.page.locator('input[name="from"]');
    const toField = this.page.locator('input[name="to"]');
    await toField.fill(to);
    await fromField.fill(from);
    await toField.fill(to);
    await this.page.waitForURL(new RegExp(`from=${from}.*to=${to}`));
    await this.settled();
  }

  async filter(field: "agency" | "service" | "counter" | "officer", label: string): Promise<void> {
    await this.page.locator(`select[name="${field}"]`).first().selectOption({ label });
    await this.settled();
  }

  /** Waits until no panel shows "Memuat…" and none is replacing its rows. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(
      () =>
        ![...document.querySelectorAll(".muted")].some((e) => e.textContent === "Memuat…") &&
        document.querySelector('[aria-busy="true"]') === null,
    );
  }

  /** The big figure of a KPI card and its small line. */
  async kpi(testId: string): Promise<{ value: string; hint: string }> {
    const card = this.page.getByTestId(testId);
    const hint = card.locator(".kpi__hint");
    return {
      value: (await card.locator(".kpi__value").textContent())?.trim() ?? "",
      // Not every card has a small line: do not wait for one.
      hint: (await hint.count()) > 0 ? ((await hint.textContent())?.trim() ?? "") : "",
    };
  }

  /** Cells of the breakdown table's row for a service (or counter, officer) id. */
  async summaryRow(key: string): Promise<string[]> {
    return (await this.summaryTable.locator(`tr[data-key="${key}"] td`).allTextContents()).map((t) =>
      t.trim(),
    );
  }

  async groupBy(label: "Layanan" | "Instansi" | "Loket" | "Petugas" | "Jam" | "Hari"): Promise<void> {
    const by = { Layanan: "service", Instansi: "agency", Loket: "counter", Petugas: "officer", Jam: "hour", Hari: "weekday" }[label];
    // The panel turns busy only once its fetch starts, a render after the click:
    // wait for the grouping's own answer so `settled` cannot run before it.
    const answer = this.page.waitForResponse(
      (r) => r.url().includes("/api/reports/summary?") && new URL(r.url()).searchParams.get("by") === by,
    );
    await this.page.getByTestId("breakdown").getByRole("button", { name: label, exact: true }).click();
    await answer;
    await this.settled();
  }

  /** Ticket numbers in the log table, top to bottom. */
  async logNumbers(): Promise<string[]> {
    return this.ticketTable
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-number") ?? ""));
  }

  async sortLogBy(column: "Tunggu" | "Layanan" | "Tanggal · selesai"): Promise<void> {
    const button = this.ticketTable.getByRole("button", { name: column });
    const header = button.locator("xpath=..");
    const before = await header.getAttribute("aria-sort");
    await button.click();
    // The sort lands through the URL's hash (a later task than the click): wait for the header to turn, then for the rows.
    await this.page.waitForFunction(
      ([el, was]) => el?.getAttribute("aria-sort") !== was,
      [await header.elementHandle(), before] as const,
    );
    await this.settled();
  }

  /** Clicks a CSV button and returns the saved file's name and bytes. */
  async downloadCsv(testId: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.getByTestId(testId).first().click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }

  // ---- Survei (IKM) and Pengaduan ----

  /** Opens one complaint of the list by its tracking code and waits for its detail. */
  async openComplaint(code: string): Promise<void> {
    await this.page.getByTestId(`complaint-row-${code}`).getByRole("button", { name: code }).click();
    await this.page.getByTestId("complaint-detail").getByRole("heading", { name: `Pengaduan ${code}` }).waitFor();
  }

  complaintStatus(): Locator {
    return this.page.getByTestId("complaint-status");
  }

  async assignComplaint(username: string): Promise<void> {
    await this.page.locator('select[name="assignee"]').selectOption(username);
    await this.page.getByRole("button", { name: "Tugaskan", exact: true }).click();
  }

  /** Types the answer; `double` clicks "Kirim jawaban" twice in a row, as a hurried officer does. */
  async respondToComplaint(text: string, double = false): Promise<void> {
    await this.page.locator('textarea[name="response"]').fill(text);
    const send = this.page.getByRole("button", { name: "Kirim jawaban" });
    if (double) await send.dblclick();
    else await send.click();
  }

  async closeComplaint(note = ""): Promise<void> {
    await this.page.locator('input[name="close-note"]').fill(note);
    await this.page.getByRole("button", { name: "Tutup pengaduan" }).click();
  }
}
