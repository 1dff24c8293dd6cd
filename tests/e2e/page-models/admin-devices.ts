import type { Locator, Page } from "playwright-core";
import { AdminPage } from "./admin";

/** "Administrasi → Perangkat": pairing a device by its code, and the device list's actions. */
export class DevicesAdminPage extends AdminPage {
  readonly devicesTable = this.page.getByTestId("devices-table");
  readonly pairPanel = this.page.getByTestId("pair-device");
  readonly pairPending = this.page.getByTestId("pair-pending");
  readonly pairError = this.page.getByTestId("pair-error");

  async openDevices(): Promise<void> {
    await this.page.getByRole("link", { name: "Administrasi", exact: true }).click();
    await this.view.waitFor();
    await this.page.getByRole("link", { name: "Perangkat", exact: true }).click();
    await this.page.waitForURL(/#\/admin\/perangkat/);
    await this.devicesTable.waitFor();
  }

  /** What the device's QR opens: this page with the code filled in and looked up. */
  async openFromQr(url: string): Promise<void> {
    await this.page.goto(url);
    await this.pairPending.or(this.pairError).first().waitFor();
  }

  /** Types the code as read out from the device's screen, then "Periksa kode". */
  async checkCode(typed: string): Promise<void> {
    await this.pairPanel.getByLabel("Kode pemasangan").fill(typed);
    await this.pairPanel.getByRole("button", { name: "Periksa kode" }).click();
    await this.pairPending.or(this.pairError).first().waitFor();
  }

  async approve(id: string, name: string, groupLabel?: string): Promise<void> {
    const form = this.page.getByTestId("pair-approve");
    await form.getByLabel("ID perangkat").fill(id);
    await form.getByLabel("Nama", { exact: true }).fill(name);
    if (groupLabel) await form.getByLabel("Grup layar").selectOption({ label: groupLabel });
    await form.getByRole("button", { name: "Setujui" }).click();
    await this.notice.filter({ hasText: `(${id}) terdaftar` }).waitFor();
  }

  deviceRow(id: string): Locator {
    return this.page.getByTestId(`device-${id}`);
  }

  /** "Cabut", then "Ya, cabut" in the row's confirmation. */
  async revoke(id: string): Promise<void> {
    const row = this.deviceRow(id);
    await row.getByRole("button", { name: `Cabut ${id}` }).click();
    await row.getByRole("button", { name: "Ya, cabut" }).click();
    await this.notice.filter({ hasText: "dicabut" }).waitFor();
  }
}

/** A kiosk's or display's own pairing screen: the code it shows and the QR's address. */
export class PairingScreen {
  readonly root: Locator;
  readonly code: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId("pairing");
    this.code = page.getByTestId("pairing-code");
  }

  /** Waits for the screen to show a code; resolves with it ("K7Q4MZ") and the QR's address. */
  async shown(): Promise<{ code: string; qrUrl: string }> {
    await this.code.waitFor({ timeout: 15_000 });
    const code = (await this.code.getAttribute("data-code")) ?? "";
    const qrUrl = (await this.root.locator("svg[data-qr]").getAttribute("data-qr")) ?? "";
    return { code, qrUrl };
  }
}
