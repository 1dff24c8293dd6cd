import { readFile } from "node:fs/promises";
import type { Locator } from "playwright-core";
import { DashboardPage } from "./dashboard";

/** The dashboard's "Administrasi" view: its tabs, the users table, the PIN shown once, the audit trail. */
export class AdminPage extends DashboardPage {
  readonly view = this.page.getByTestId("admin-view");
  readonly usersTable = this.page.getByTestId("users-table");
  readonly auditTable = this.page.getByTestId("audit-table");
  readonly secretDialog = this.page.getByTestId("secret-dialog");
  readonly secretValue = this.page.getByTestId("secret-value");
  readonly notice = this.page.getByTestId("admin-notice");
  readonly error = this.page.getByTestId("admin-error");

  async openAdmin(tab: "pengguna" | "audit"): Promise<void> {
    await this.page.getByRole("link", { name: "Administrasi", exact: true }).click();
    await this.view.waitFor();
    await this.page.getByRole("link", { name: tab === "pengguna" ? "Pengguna" : "Jejak audit", exact: true }).click();
    await this.page.waitForURL(new RegExp(`#/admin/${tab}`));
    await this.settled();
  }

  userRow(username: string): Locator {
    return this.page.getByTestId(`user-${username}`);
  }

  /** Adds a user with the form's "Tambah"; resolves with the PIN the dialog shows once. */
  async addUser(username: string, displayName: string, roleLabel: string): Promise<string> {
    const form = this.page.getByTestId("add-user");
    await form.getByLabel("Nama pengguna").fill(username);
    await form.getByLabel("Nama lengkap").fill(displayName);
    await form.getByLabel("Peran").selectOption({ label: roleLabel });
    // As an impatient admin does: the second click must not add a second user.
    await form.getByRole("button", { name: "Tambah" }).dblclick();
    await this.secretDialog.waitFor();
    return (await this.secretValue.textContent())?.trim() ?? "";
  }

  async closeSecretDialog(): Promise<void> {
    await this.secretDialog.getByRole("button", { name: "Sudah dicatat, tutup" }).click();
    await this.secretDialog.waitFor({ state: "detached" });
  }

  async disable(username: string): Promise<void> {
    await this.userRow(username).getByRole("button", { name: `Nonaktifkan ${username}` }).click();
    await this.notice.filter({ hasText: `${username} dinonaktifkan` }).waitFor();
  }

  async filterAudit(action: string): Promise<void> {
    await this.page.locator('select[name="audit-action"]').selectOption({ label: action });
    await this.settled();
  }

  /** Clicks "CSV" and reads the file the browser saved. */
  async downloadAuditCsv(): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByTestId("audit-csv").click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }
}
