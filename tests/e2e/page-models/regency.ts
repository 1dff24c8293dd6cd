import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { ROOT } from "../../support/test-hub";
import { SignInPage } from "./app-page";

/** The central server serves apps/regency-web/dist at "/": build what the browser will load. */
export function buildRegencyWeb(): void {
  // Vitest sets NODE_ENV=test; Vite would then bundle React's development build.
  execFileSync("pnpm", ["--filter", "@layan/regency-web", "build"], { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
}

export type RegencyTab = "Peringkat" | "Kantor saya" | "Kelengkapan Standar" | "Laporan cetak";

/** The regency dashboard at the central server's "/": intents in a regent's staff's words, locators tests assert on. */
export class RegencyPage extends SignInPage {
  protected readonly secretField = this.page.getByLabel("Kata sandi");
  readonly signedInAs = this.page.getByTestId("signed-in-as");
  readonly loginNotice = this.page.locator(".login__notice");
  readonly leagueTable = this.page.getByTestId("league-table");
  readonly serviceTable = this.page.getByTestId("service-table");
  readonly stepTable = this.page.getByTestId("step-table");
  readonly officeTotals = this.page.getByTestId("office-totals");
  readonly gapsTable = this.page.getByTestId("gaps-table");
  readonly report = this.page.getByTestId("regency-report");
  readonly refusal = this.page.locator(".error");
  readonly tabs = this.page.getByRole("navigation", { name: "Menu" }).getByRole("link");

  async goto(hash = ""): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${hash}`);
  }

  async loginAs(username: string, password: string): Promise<void> {
    await this.login(username, password);
    await this.signedInAs.waitFor();
    await this.settled();
  }

  async open(tab: RegencyTab): Promise<void> {
    await this.tabs.filter({ hasText: tab }).click();
    await this.settled();
  }

  async period(label: "Bulan ini" | "Bulan lalu" | "3 bulan terakhir" | "Tahun ini"): Promise<void> {
    await this.page.getByRole("group", { name: "Periode" }).getByRole("button", { name: label }).click();
    await this.settled();
  }

  async groupBy(label: "Per kantor" | "Per OPD"): Promise<void> {
    await this.page.getByRole("group", { name: "Kelompokkan" }).getByRole("button", { name: label }).click();
    await this.settled();
  }

  /** The league's service filter; null for every service. */
  async chooseService(name: string | null): Promise<void> {
    // By name attribute: the label's accessible name includes the chosen option.
    const select = this.page.locator('select[name="layanan"]');
    await select.selectOption(name === null ? { value: "" } : { label: name });
    await this.settled();
  }

  async sortBy(column: string): Promise<void> {
    await this.leagueTable.getByRole("button", { name: column }).click();
    await this.settled();
  }

  /** The league's rows as [office or OPD key, the cells by column]. */
  async leagueRows(): Promise<{ key: string; cells: Record<string, string> }[]> {
    return this.leagueTable.locator("tbody tr").evaluateAll((rows) =>
      rows.map((tr) => ({
        key: (tr as HTMLElement).dataset.office ?? "",
        cells: Object.fromEntries([...tr.querySelectorAll("td")].map((td) => [(td as HTMLElement).dataset.col ?? "", td.textContent?.trim() ?? ""])),
      })),
    );
  }

  async openOffice(name: string): Promise<void> {
    await this.leagueTable.getByRole("link", { name, exact: true }).click();
    await this.serviceTable.waitFor();
    await this.settled();
  }

  async openService(name: string): Promise<void> {
    await this.serviceTable.getByRole("button", { name, exact: true }).click();
    await this.page.getByRole("heading", { name: `Langkah SOP · ${name}` }).waitFor();
    await this.settled();
  }

  async downloadCsv(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("button", { name: "Unduh CSV" }).click()]);
    return { name: download.suggestedFilename(), text: (await readFile(await download.path())).toString("utf8") };
  }

  async signOut(): Promise<void> {
    await this.page.getByRole("button", { name: "Keluar" }).click();
    await this.loginButton.waitFor();
  }

  /** Waits until no panel is loading. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null && ![...document.querySelectorAll(".muted")].some((e) => e.textContent === "Memuat…"));
  }
}
