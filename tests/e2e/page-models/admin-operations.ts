import type { Locator } from "playwright-core";
import { AdminPage } from "./admin";

/** "Administrasi → Layanan hari ini": close/reopen a service or counter for today, today's quota, running text and announcements. */
export class OperationsPage extends AdminPage {
  readonly tab = this.page.getByTestId("admin-operations");
  readonly opsNotice = this.page.getByTestId("ops-notice");
  readonly opsError = this.page.getByTestId("ops-error");

  async openOperations(): Promise<void> {
    await this.page.getByRole("link", { name: "Administrasi", exact: true }).click();
    await this.view.waitFor();
    await this.page.getByRole("link", { name: "Layanan hari ini", exact: true }).click();
    await this.page.waitForURL(/#\/admin\/layanan/);
    await this.tab.getByTestId("ops-services").waitFor();
  }

  service(serviceId: string): Locator {
    return this.page.getByTestId(`ops-service-${serviceId}`);
  }

  async closeService(serviceId: string, reason: string): Promise<void> {
    const row = this.service(serviceId);
    await row.getByRole("textbox").fill(reason);
    await row.getByRole("button", { name: "Tutup hari ini" }).click();
    await this.page.locator(`[data-testid="ops-service-${serviceId}"][data-closed="true"]`).waitFor();
  }

  async reopenService(serviceId: string): Promise<void> {
    await this.service(serviceId).getByRole("button", { name: "Buka kembali" }).click();
    await this.page.locator(`[data-testid="ops-service-${serviceId}"][data-closed="false"]`).waitFor();
  }

  async setRunningText(text: string): Promise<void> {
    await this.page.getByTestId("ops-running-text").fill(text);
    await this.page.getByRole("button", { name: "Simpan teks berjalan" }).click();
    await this.opsNotice.filter({ hasText: "Teks berjalan hari ini" }).waitFor();
  }

  async announce(text: string): Promise<void> {
    await this.page.getByTestId("ops-announcement").fill(text);
    await this.page.getByRole("button", { name: "Umumkan" }).click();
    await this.page.getByTestId("ops-announcement-current").filter({ hasText: text }).waitFor();
  }
}
