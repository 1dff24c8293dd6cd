import type { Locator, Page } from "playwright-core";
import { AdminPage } from "./admin";

/** "Administrasi → Konfigurasi": the services table, one file's editor (Standar Pelayanan, Formulir, YAML), Periksa and Terapkan. */
export class ConfigAdminPage extends AdminPage {
  readonly tab = this.page.getByTestId("config-tab");
  readonly editor = this.page.getByTestId("config-editor");
  readonly standard = this.page.getByTestId("config-standard");
  readonly form = this.page.getByTestId("config-form");
  readonly checkReport = this.page.getByTestId("config-check");
  readonly result = this.page.getByTestId("config-result");
  readonly refusal = this.page.getByTestId("config-error");

  async openConfig(): Promise<void> {
    await this.page.getByRole("link", { name: "Administrasi", exact: true }).click();
    await this.view.waitFor();
    await this.page.getByRole("link", { name: "Konfigurasi", exact: true }).click();
    await this.page.waitForURL(/#\/admin\/konfigurasi/);
    await this.tab.waitFor();
  }

  serviceRow(serviceId: string): Locator {
    return this.page.getByTestId(`config-service-${serviceId}`);
  }

  async openService(serviceId: string): Promise<void> {
    await this.serviceRow(serviceId).getByRole("button", { name: /^Buka / }).click();
    await this.standard.waitFor();
  }

  async mode(label: "Standar Pelayanan" | "Formulir" | "YAML"): Promise<void> {
    await this.editor.getByRole("button", { name: label, exact: true }).click();
  }

  async editRequirement(index: number, text: string): Promise<void> {
    await this.mode("Formulir");
    await this.form.getByLabel(`Persyaratan ${index + 1}`, { exact: true }).fill(text);
  }

  yaml(file: string): Locator {
    return this.editor.getByLabel(`YAML ${file}`);
  }

  /** Replaces the YAML text with what `change` makes of it. */
  async editYaml(file: string, change: (text: string) => string): Promise<void> {
    await this.mode("YAML");
    const area = this.yaml(file);
    await area.fill(change(await area.inputValue()));
  }

  async check(): Promise<void> {
    await this.editor.getByRole("button", { name: "Periksa" }).click();
    await this.checkReport.waitFor();
  }

  async apply(): Promise<void> {
    await this.editor.getByRole("button", { name: "Terapkan" }).click();
    await this.result.or(this.refusal).first().waitFor();
  }

  /** Pratinjau opens the kiosk in a new tab: resolves with that page. */
  async preview(): Promise<Page> {
    const [popup] = await Promise.all([this.page.context().waitForEvent("page"), this.editor.getByRole("button", { name: "Pratinjau kiosk" }).click()]);
    await popup.waitForLoadState();
    return popup;
  }

  /** The line numbers the YAML gutter marks as having a message. */
  async markedLines(): Promise<number[]> {
    return (await this.editor.locator(".config-yaml__bad").allTextContents()).map(Number);
  }
}
