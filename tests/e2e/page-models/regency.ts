import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { ROOT } from "../../support/test-hub";
import { SignInPage } from "./app-page";

/** The central server serves apps/regency-web/dist at "/": build what the browser will load. */
export function buildRegencyWeb(): void {
  // Vitest sets NODE_ENV=test; Vite would then bundle React's development build.
  execFileSync("pnpm", ["--filter", "@layan/regency-web", "build"], { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
}

export type RegencyTab = "Peringkat" | "Kantor saya" | "Kelengkapan Standar" | "Laporan cetak" | "League" | "My office" | "Standards completeness" | "Printable report";

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
  readonly langSwitch = this.page.getByTestId("lang-switch");

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

  /** The header's switch; the page is in that language once it is pressed. */
  async chooseLanguage(label: "Bahasa Indonesia" | "English"): Promise<void> {
    await this.langSwitch.getByRole("button", { name: label, exact: true }).click();
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, label === "English" ? "en" : "id");
    await this.settled();
  }

  async period(label: "Bulan ini" | "Bulan lalu" | "3 bulan terakhir" | "Tahun ini"): Promise<void> {
    await this.page.getByRole("group", { name: "Periode" }).getByRole("button", { name: label }).click();
    await this.settled();
  }

  async groupBy(label: "Per kantor" | "Per OPD" | "By office" | "By agency (OPD)"): Promise<void> {
    await this.page.getByRole("group", { name: label.startsWith("Per") ? "Kelompokkan" : "Group by" }).getByRole("button", { name: label }).click();
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

  async openService(name: string, stepsTitle = "Langkah SOP"): Promise<void> {
    await this.serviceTable.getByRole("button", { name, exact: true }).click();
    await this.page.getByRole("heading", { name: `${stepsTitle} · ${name}` }).waitFor();
    await this.settled();
  }

  async downloadCsv(label = "Unduh CSV"): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("button", { name: label }).click()]);
    return { name: download.suggestedFilename(), text: (await readFile(await download.path())).toString("utf8") };
  }

  async signOut(label = "Keluar"): Promise<void> {
    await this.page.getByRole("button", { name: label }).click();
    await this.page.locator("#login-title").waitFor();
  }

  /** Waits until no panel is loading (in either language). */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null && document.querySelector(".loading") === null);
  }
}
